import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { hostOverview } from '@/lib/host/overview';
import { HostOverviewView } from '@/components/host/host-overview-view';
import { Alert } from '@/components/ui/alert';
import { HostMetricsPanel } from '@/components/metrics/host-metrics-panel';

export const metadata = { title: 'Host' };

export default async function HostPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  await requirePageUser('host.read');
  const { denied } = await searchParams;
  const local = await pageHost();
  const host = await pageRead(() => hostOverview(local), 'the host');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Host</h1>
      {denied ? <Alert tone="warning">Your role does not allow you to open that page.</Alert> : null}
      {host.value ? <HostOverviewView host={host.value} /> : <Alert>{host.problem}</Alert>}
      <section className="space-y-2">
        <h2 className="font-semibold">Usage over time</h2>
        <HostMetricsPanel />
      </section>
    </div>
  );
}
