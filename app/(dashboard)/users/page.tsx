import { requirePageUser } from '@/app/_server/page-user';
import { listUsers } from '@/lib/auth/accounts';
import { UsersPanel } from '@/components/users/users-panel';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const me = await requirePageUser('users.manage');
  const users = (await listUsers()).map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), lastSeenAt: u.lastSeenAt?.toISOString() ?? null }));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Users</h1>
      <UsersPanel initial={users} me={me.id} />
    </div>
  );
}
