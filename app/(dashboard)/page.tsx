import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { hostOverview } from '@/lib/host/overview';
import { Alert } from '@/components/ui/alert';
import { HostOverviewPage } from './host-overview-page';

export const metadata = { title: 'Host' };

export default async function HostPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  await requirePageUser('host.read');
  const { denied } = await searchParams;
  const local = await pageHost();
  const host = await pageRead(() => hostOverview(local), 'the host');
  const notice = denied ? <Alert tone="warning">Your role does not allow you to open that page.</Alert> : null;
  return <HostOverviewPage title="Host" overview={host} notice={notice} />;
}
