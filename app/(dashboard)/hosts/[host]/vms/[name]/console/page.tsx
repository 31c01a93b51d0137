import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { readDefinition } from '@/lib/vms/definition';
import { consoleDevices } from '@/lib/consoles/devices';
import { VmUnreadable } from '@/components/vms/back-to-vms';
import { ConsolePanel } from '@/components/consoles/console-panel';

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: `Console — ${(await params).name.slice(0, 100)}` };
}

export default async function ConsolePage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string; name: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser('vm.console');
  const { name, host: hostId } = await params;
  const host = await pageHost(hostId);
  const query = await searchParams;
  const read = await pageRead(() => readDefinition(host, name, false), `virtual machine "${name.slice(0, 100)}"`);
  const def = read.value;
  if (def) {
    return (
      <ConsolePanel
        vm={def.name}
        uuid={def.uuid}
        hasVnc={def.summary.graphics.includes('vnc')}
        devices={def.live ? consoleDevices(def.live) : []}
        popout={query.popout === '1'}
        canAct={can(user.role, 'vm.lifecycle')}
      />
    );
  }
  return <VmUnreadable problem={read.problem} />;
}
