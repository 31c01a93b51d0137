import { requirePageUser } from '@/lib/auth/page-user';
import { can } from '@/lib/auth/roles';
import { VmList } from '@/components/vms/vm-list';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'Virtual machines' };

export default async function VmsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePageUser('vm.read');
  const { deleted } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Virtual machines</h1>
      {deleted ? <Alert tone="info" testId="deleted-notice">Deleted “{deleted.slice(0, 100)}”.</Alert> : null}
      <VmList canAct={can(user.role, 'vm.lifecycle')} />
    </div>
  );
}
