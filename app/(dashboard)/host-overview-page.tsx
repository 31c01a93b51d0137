import type { ReactNode } from 'react';
import type { PageRead } from '@/app/_server/page-user';
import { HostOverviewView } from '@/components/host/host-overview-view';
import { HostMetricsPanel } from '@/components/metrics/host-metrics-panel';
import { Alert } from '@/components/ui/alert';
import type { HostOverview } from '@/lib/host/overview';

// The dashboard (/, the local host) and /hosts/{host} show one page: a host's overview, then its usage over time.

/** `notice` stands between the title and the overview. */
export function HostOverviewPage({ title, overview, notice }: { title: string; overview: PageRead<HostOverview>; notice?: ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      {notice}
      {overview.value ? <HostOverviewView host={overview.value} /> : <Alert>{overview.problem}</Alert>}
      <section className="space-y-2">
        <h2 className="font-semibold">Usage over time</h2>
        <HostMetricsPanel />
      </section>
    </div>
  );
}
