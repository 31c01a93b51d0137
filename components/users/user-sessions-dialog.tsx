'use client';

import { useUserSessions } from '@/components/data/hooks';
import { keys, userTouches } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { UserRow, UserSession } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { DataTable, type Column } from '@/components/ui/data-table';
import { When } from '@/components/ui/when';
import { describeUserAgent } from './user-agent';

// Where a user is signed in: one row per session with where it came from and with what browser. Revoking one
// ends it at once (its consoles and live pages close) and sends that browser to sign-in at its next request.

export function UserSessionsDialog({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { data, error } = useUserSessions(user.id);
  const revoke = useMutation();

  const end = (s: UserSession) => void revoke.send(`${keys.userSessions(user.id)}/${s.id}`, { method: 'DELETE', touches: userTouches(user.id) });

  const columns: Column<UserSession>[] = [
    {
      id: 'browser',
      header: 'Browser and address',
      cell: (s) => (
        <>
          <span title={s.userAgent ?? undefined}>{describeUserAgent(s.userAgent)}</span>
          {s.current ? (
            <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900" data-testid="this-session">
              this session
            </span>
          ) : null}
          <span className="block font-mono text-xs text-slate-500">{s.ip ?? 'address unknown'}</span>
        </>
      ),
    },
    { id: 'created', header: 'Signed in', cell: (s) => <When at={s.createdAt} /> },
    { id: 'last', header: 'Last used', cell: (s) => <When at={s.lastSeenAt} /> },
    {
      id: 'actions',
      header: '',
      className: 'text-right',
      cell: (s) => (
        <Button className="!px-2 !py-1 text-xs" variant="danger" disabled={revoke.busy} onClick={() => end(s)}>
          Revoke
          <span className="sr-only">
            {' '}
            the session of {describeUserAgent(s.userAgent)} from {s.ip ?? 'an unknown address'}
          </span>
        </Button>
      ),
    },
  ];

  return (
    <ChangeDialog open title={`Sessions of ${user.username}`} onClose={onClose} problem={revoke.problem} testId="user-sessions-dialog">
      <p className="text-slate-700">
        Each sign-in is a session. Revoking one signs that browser out at its next request and closes its consoles and live pages.
      </p>
      <DataTable
        rows={data?.sessions}
        columns={columns}
        rowKey={(s) => s.id}
        rowTestId={(s) => (s.current ? 'session-row-current' : 'session-row')}
        error={error}
        testId="sessions-table"
        empty={`${user.username} is not signed in anywhere.`}
      />
    </ChangeDialog>
  );
}
