import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/page-user';
import { canChangeStorage } from '@/lib/storage/access';
import { PoolForm } from '@/components/storage/pool-form';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'Create storage pool' };

export default async function NewPoolPage() {
  const user = await requirePageUser('host.read');
  return (
    <div className="space-y-4">
      <Link href="/storage" className="text-sm text-sky-800 hover:underline">← Storage</Link>
      {canChangeStorage(user.role) ? <PoolForm /> : <Alert>Your role does not allow you to change storage pools or volumes.</Alert>}
    </div>
  );
}
