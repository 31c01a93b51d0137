import { requirePageUser } from '@/lib/auth/page-user';
import { canChangeNetworks } from '@/lib/networks/access';
import { NetworkList } from '@/components/networks/network-list';

export const metadata = { title: 'Networks' };

export default async function NetworksPage() {
  const user = await requirePageUser('host.read');
  return <NetworkList canChange={canChangeNetworks(user.role)} />;
}
