import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { hostMemory } from '@/lib/host/memory';
import { hostReadiness } from '@/lib/host/readiness-report';
import { ReadinessView } from '@/components/host/readiness-view';

export const metadata = { title: 'Virtualization readiness' };

export default async function ReadinessPage({ params, searchParams }: { params: Promise<{ host: string }>; searchParams: Promise<{ refresh?: string }> }) {
  const host = await pageHost((await params).host);
  await requirePageUser('host.read');
  const { refresh } = await searchParams;
  const [readiness, memory] = await Promise.all([hostReadiness(host, { fresh: refresh === '1' }), pageRead(() => hostMemory(host), 'host memory')]);
  return <ReadinessView readiness={readiness} memory={memory.value} />;
}
