import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { VmList } from '@/components/vms/vm-list';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { hostPage } from '@/components/data/keys';
import { allHosts } from '@/lib/hosts';

export const metadata = { title: 'Virtual machines' };

export default async function VmsPage({ params, searchParams }: { params: Promise<{ host?: string }>; searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePageUser('vm.read');
  const { deleted } = await searchParams;
  // On one host's list, new VMs go there; on the list of every host, the admin picks the host first.
  const scoped = (await params).host;
  const targets = scoped ? [scoped] : (await allHosts()).map((h) => h.id);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Virtual machines</h1>
        {can(user.role, 'vm.create') ? (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {targets.map((h) => (
              <Link
                key={h}
                href={hostPage(h, '/new-vm')}
                data-testid={targets.length === 1 ? 'new-vm' : `new-vm-${h}`}
                className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800"
              >
                New virtual machine{targets.length === 1 ? '' : ` on ${h}`}
              </Link>
            ))}
          </div>
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
