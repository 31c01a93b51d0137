import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { hostOverview } from '@/lib/host/overview';
import { HostOverviewView } from '@/components/host/host-overview-view';
import { Alert } from '@/components/ui/alert';
import { HostMetricsPanel } from '@/components/metrics/host-metrics-panel';

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
      <section className="space-y-2">
        <h2 className="font-semibold">Usage over time</h2>
        <HostMetricsPanel />
      </section>
    </div>
  );
}
