import { requirePageUser } from '@/app/_server/page-user';
import { HostsPanel } from '@/components/hosts/hosts-panel';
import { can } from '@/lib/auth/roles';
import { listHostViews } from '@/lib/hosts/admin';

export const metadata = { title: 'Hosts' };

export default async function HostsPage() {
  const me = await requirePageUser('host.read');
  const hosts = await listHostViews();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Hosts</h1>
      <HostsPanel initial={hosts} admin={can(me.role, 'hosts.manage')} />
    </div>
  );
}
