import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { VmList } from '@/components/vms/vm-list';
import { Alert } from '@/components/ui/alert';
import { ListHeading } from '@/components/ui/list-heading';

export const metadata = { title: 'Virtual machines' };

export default async function VmsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePageUser('vm.read');
  const { deleted } = await searchParams;
  return (
    <div className="space-y-4">
      <ListHeading title="Virtual machines" create={can(user.role, 'vm.create') ? { href: '/new-vm', label: 'New virtual machine', testId: 'new-vm' } : null} />
      {deleted ? (
        <Alert tone="info" testId="deleted-notice">
          Deleted “{deleted.slice(0, 100)}”.
        </Alert>
      ) : null}
      <VmList canAct={can(user.role, 'vm.lifecycle')} />
    </div>
  );
}
