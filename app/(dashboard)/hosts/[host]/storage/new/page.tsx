import Link from 'next/link';
import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { PoolForm } from '@/components/storage/pool-form';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'Create storage pool' };

export default async function NewPoolPage() {
  const user = await requirePageUser('host.read');
  return (
    <div className="space-y-4">
      <Link href="/storage" className="text-sm text-sky-800 hover:underline">
        ← Storage
      </Link>
      {can(user.role, 'storage.edit') ? <PoolForm /> : <Alert>Your role does not allow you to change storage pools or volumes.</Alert>}
    </div>
  );
}
