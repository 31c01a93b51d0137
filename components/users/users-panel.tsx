'use client';

import { useMemo, useState } from 'react';
import { useUsers } from '@/components/data/hooks';
import type { UserRow } from '@/components/data/types';
import { reloadAt } from '@/components/navigation';
import { Alert } from '@/components/ui/alert';
import { actionsColumn, DataTable, type Column } from '@/components/ui/data-table';
import { RowButton } from '@/components/ui/row-button';
import type { SortState } from '@/components/ui/table-sort';
import { When } from '@/components/ui/when';
import { WithNote } from '@/components/ui/with-note';
import { UserChangeDialog, type UserAction } from './user-change-dialog';
import { UserCreateForm } from './user-create-form';
import { UserSessionsDialog } from './user-sessions-dialog';

// Every account with its role, state, open sessions and when it was last used; per user the changes an admin may
// make, each in its own dialog. `me` is the signed-in admin: a change to their own account reloads the page, since
// it may have taken their rights or their session away.

type Acting = { user: UserRow; action: UserAction | 'sessions' };

function columnsFor(me: string, act: (a: Acting) => void): Column<UserRow>[] {
  return [
    {
      id: 'username',
      header: 'User',
      className: 'font-medium',
      sortValue: (u) => u.username,
      cell: (u) => <WithNote value={u.username} note={u.id === me && '(you)'} />,
    },
    { id: 'role', header: 'Role', sortValue: (u) => u.role, cell: (u) => <span data-testid="user-role">{u.role}</span> },
    {
      id: 'state',
      header: 'State',
      sortValue: (u) => (u.disabled ? 1 : 0),
      cell: (u) => (
        <span
          data-testid="user-state"
          className={`rounded px-1.5 py-0.5 text-xs ${u.disabled ? 'bg-amber-100 text-amber-900' : 'bg-emerald-100 text-emerald-800'}`}
        >
          {u.disabled ? 'disabled' : 'enabled'}
        </span>
      ),
    },
    { id: 'sessions', header: 'Sessions', sortValue: (u) => u.sessions, cell: (u) => <span data-testid="user-sessions">{u.sessions}</span> },
    {
      id: 'seen',
      header: 'Last seen',
      className: 'whitespace-nowrap text-slate-600',
      sortValue: (u) => u.lastSeenAt ?? '',
      cell: (u) => <When at={u.lastSeenAt} empty="—" />,
    },
    { id: 'created', header: 'Created', className: 'text-slate-600', sortValue: (u) => u.createdAt, cell: (u) => <When at={u.createdAt} dateOnly /> },
    actionsColumn((u) => (
      <>
        <RowButton word="Change role" suffix={`of ${u.username}`} onClick={() => act({ user: u, action: 'role' })} />
        {u.disabled ? (
          <RowButton word="Enable" suffix={u.username} onClick={() => act({ user: u, action: 'enable' })} />
        ) : (
          <RowButton word="Disable" suffix={u.username} onClick={() => act({ user: u, action: 'disable' })} />
        )}
        <RowButton word="Reset password" suffix={`of ${u.username}`} onClick={() => act({ user: u, action: 'password' })} />
        <RowButton word="Sessions" suffix={`of ${u.username}`} onClick={() => act({ user: u, action: 'sessions' })} />
        <RowButton word="Delete" suffix={u.username} danger onClick={() => act({ user: u, action: 'delete' })} />
      </>
    )),
  ];
}

export function UsersPanel({ initial, me }: { initial: UserRow[]; me: string }) {
  const { data, error } = useUsers(initial);
  const [acting, setActing] = useState<Acting | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>({ column: 'username', dir: 1 });
  const columns = useMemo(
    () =>
      columnsFor(me, (a) => {
        setDone(null);
        setActing(a);
      }),
    [me],
  );

  function changed(message: string) {
    const self = acting?.user.id === me;
    setActing(null);
    setDone(message);
    // Their own role, session or account may be gone: let the server say what they may see now.
    if (self) reloadAt('/users');
  }

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Alert tone="info" testId="users-done">
          {done}
        </Alert>
        <DataTable
          rows={data?.users}
          columns={columns}
          rowKey={(u) => u.id}
          rowTestId={(u) => `user-row-${u.username}`}
          sort={{ state: sort, onChange: setSort }}
          error={error}
          testId="users-table"
          empty="No users."
        />
      </div>
      <UserCreateForm />
      {acting && acting.action !== 'sessions' ? (
        <UserChangeDialog
          key={`${acting.user.id}-${acting.action}`}
          user={acting.user}
          action={acting.action}
          self={acting.user.id === me}
          onClose={() => setActing(null)}
          onDone={changed}
        />
      ) : null}
      {acting?.action === 'sessions' ? <UserSessionsDialog user={acting.user} onClose={() => setActing(null)} /> : null}
    </div>
  );
}
