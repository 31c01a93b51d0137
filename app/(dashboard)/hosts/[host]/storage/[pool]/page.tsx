import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { PoolDetail } from '@/components/storage/pool-detail';

export async function generateMetadata({ params }: { params: Promise<{ pool: string }> }) {
  return { title: `Pool ${(await params).pool.slice(0, 100)}` };
}

export default async function PoolPage({ params }: { params: Promise<{ pool: string }> }) {
  const user = await requirePageUser('host.read');
  const { pool } = await params;
  return <PoolDetail name={pool} canChange={can(user.role, 'storage.edit')} canDownload={can(user.role, 'storage.download')} />;
}
