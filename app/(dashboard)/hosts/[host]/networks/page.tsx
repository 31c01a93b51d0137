import { requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { NetworkList } from '@/components/networks/network-list';

export const metadata = { title: 'Networks' };

export default async function NetworksPage() {
  const user = await requirePageUser('host.read');
  return <NetworkList canChange={can(user.role, 'network.edit')} />;
}
