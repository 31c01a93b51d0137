import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { hostOverview } from '@/lib/host/overview';
import { HostOverviewView } from '@/components/host/host-overview-view';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'Host' };

/** One host's overview (the dashboard, /, shows the local host's). */
export default async function OneHostPage({ params }: { params: Promise<{ host: string }> }) {
  await requirePageUser('host.read');
  const host = await pageHost((await params).host);
  const overview = await pageRead(() => hostOverview(host), `host ${host.name}`);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{host.name}</h1>
      {overview.value ? <HostOverviewView host={overview.value} /> : <Alert>{overview.problem}</Alert>}
    </div>
  );
}
