import { pageHost, requirePageUser } from '@/app/_server/page-user';
import { hostOverview } from '@/lib/host/overview';
import { describeError } from '@/lib/errors';
import { HostOverviewView } from '@/components/host/host-overview-view';
import { Alert } from '@/components/ui/alert';

export const metadata = { title: 'Host' };

export default async function HostPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  await requirePageUser('host.read');
  const { denied } = await searchParams;
  let body;
  try {
    body = <HostOverviewView host={await hostOverview(pageHost())} />;
  } catch (err) {
    body = <Alert>{describeError(err, 'the host').message}</Alert>;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Host</h1>
      {denied ? <Alert tone="warning">Your role does not allow you to open that page.</Alert> : null}
      {body}
    </div>
  );
}
