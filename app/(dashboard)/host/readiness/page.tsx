import { pageHost, requirePageUser } from '@/app/_server/page-user';
import { hostReadiness } from '@/lib/host/readiness-report';
import { ReadinessView } from '@/components/host/readiness-view';

export const metadata = { title: 'Virtualization readiness' };

export default async function ReadinessPage({ searchParams }: { searchParams: Promise<{ refresh?: string }> }) {
  await requirePageUser('host.read');
  const { refresh } = await searchParams;
  const readiness = await hostReadiness(pageHost(), { fresh: refresh === '1' });
  return <ReadinessView readiness={readiness} />;
}
