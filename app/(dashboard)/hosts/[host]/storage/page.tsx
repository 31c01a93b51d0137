import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { PoolList } from '@/components/storage/pool-list';

export const metadata = { title: 'Storage' };

export default async function StoragePage() {
  const user = await requirePageUser('host.read');
  return <PoolList canChange={can(user.role, 'storage.edit')} />;
}
