import Link from 'next/link';
import { pageHost, requirePageUser } from '@/app/_server/page-user';
import { readDefinition } from '@/lib/vms/definition';
import { describeError } from '@/lib/errors';
import { consoleDevices } from '@/lib/consoles/devices';
import { Alert } from '@/components/ui/alert';
import { ConsolePanel } from '@/components/consoles/console-panel';

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: `Console — ${(await params).name.slice(0, 100)}` };
}

export default async function ConsolePage({ params, searchParams }: { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageUser('vm.console');
  const { name } = await params;
  const query = await searchParams;
  try {
    const def = await readDefinition(pageHost(), name, false);
    return <ConsolePanel vm={def.name} hasVnc={def.summary.graphics.includes('vnc')} devices={def.live ? consoleDevices(def.live) : []} initialTab={query.tab === 'vnc' ? 'vnc' : 'serial'} popout={query.popout === '1'} />;
  } catch (err) {
    return (
      <div className="space-y-4">
        <Link href="/vms" className="text-sm text-sky-800 hover:underline">← Virtual machines</Link>
        <Alert testId="vm-error">{describeError(err, `virtual machine "${name.slice(0, 100)}"`).message}</Alert>
      </div>
    );
  }
}
