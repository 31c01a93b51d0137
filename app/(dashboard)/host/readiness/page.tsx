import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { hostMemory } from '@/lib/host/memory';
import { hostReadiness } from '@/lib/host/readiness-report';
import { ReadinessView } from '@/components/host/readiness-view';

export const metadata = { title: 'Virtualization readiness' };

export default async function ReadinessPage({ searchParams }: { searchParams: Promise<{ refresh?: string }> }) {
  await requirePageUser('host.read');
  const { refresh } = await searchParams;
  const [readiness, memory] = await Promise.all([hostReadiness(pageHost(), { fresh: refresh === '1' }), pageRead(() => hostMemory(pageHost()), 'host memory')]);
  return <ReadinessView readiness={readiness} memory={memory.value} />;
}
