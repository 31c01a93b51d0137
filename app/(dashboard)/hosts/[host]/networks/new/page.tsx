import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { NetworkForm } from '@/components/networks/network-form';

export const metadata = { title: 'Create network' };

export default async function NewNetworkPage() {
  const user = await requirePageUser('host.read');
  if (!can(user.role, 'network.edit')) redirect('/networks');
  return (
    <div className="space-y-4">
      <Link href="/networks" className="text-sm text-sky-800 hover:underline">
        ← Networks
      </Link>
      <h1 className="text-xl font-semibold">Create network</h1>
      <NetworkForm />
    </div>
  );
}
