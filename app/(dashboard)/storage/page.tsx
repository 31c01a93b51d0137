import { requirePageUser } from '@/lib/auth/page-user';
import { canChangeStorage } from '@/lib/storage/access';
import { PoolList } from '@/components/storage/pool-list';

export const metadata = { title: 'Storage' };

export default async function StoragePage() {
  const user = await requirePageUser('host.read');
  return <PoolList canChange={canChangeStorage(user.role)} />;
}
