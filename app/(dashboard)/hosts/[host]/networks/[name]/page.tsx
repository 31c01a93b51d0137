import Link from 'next/link';
import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { readNetwork } from '@/lib/networks/read';
import { NetworkDetailView } from '@/components/networks/network-detail';
import { hostPage } from '@/components/data/keys';
import { Alert } from '@/components/ui/alert';

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: `Network ${(await params).name.slice(0, 100)}` };
}

export default async function NetworkPage({ params }: { params: Promise<{ host: string; name: string }> }) {
  const user = await requirePageUser('host.read');
  const { name, host: hostId } = await params;
  const host = await pageHost(hostId);
  const net = await pageRead(async () => readNetwork(host, name), `network "${name.slice(0, 100)}"`);
  if (net.value) return <NetworkDetailView initial={net.value} canChange={can(user.role, 'network.edit')} />;
  return (
    <div className="space-y-4">
      <Link href={hostPage(host.id, '/networks')} className="text-sm text-sky-800 hover:underline">
        ← Networks
      </Link>
      <Alert testId="network-error">{net.problem}</Alert>
    </div>
  );
}
