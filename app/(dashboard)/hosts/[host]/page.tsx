import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { hostOverview } from '@/lib/host/overview';
import { HostOverviewPage } from '../../host-overview-page';

export const metadata = { title: 'Host' };

/** One host's overview (the dashboard, /, shows the local host's). */
export default async function OneHostPage({ params }: { params: Promise<{ host: string }> }) {
  await requirePageUser('host.read');
  const host = await pageHost((await params).host);
  const overview = await pageRead(() => hostOverview(host), `host ${host.name}`);
  return <HostOverviewPage title={host.name} overview={overview} />;
}
