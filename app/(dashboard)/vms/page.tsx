import Link from 'next/link';
import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { VmList } from '@/components/vms/vm-list';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'Virtual machines' };

export default async function VmsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePageUser('vm.read');
  const { deleted } = await searchParams;
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Virtual machines</h1>
        {can(user.role, 'vm.create') ? (
          <Link
            href="/new-vm"
            data-testid="new-vm"
            className="ml-auto rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800"
          >
            New virtual machine
          </Link>
        ) : null}
      </div>
      {deleted ? (
        <Alert tone="info" testId="deleted-notice">
          Deleted “{deleted.slice(0, 100)}”.
        </Alert>
      ) : null}
      <VmList canAct={can(user.role, 'vm.lifecycle')} />
    </div>
  );
}
