import { pageHost, pageRead, requirePageUser } from '@/app/_server/page-user';
import { can } from '@/lib/auth/roles';
import { readDefinition } from '@/lib/vms/definition';
import { VmDetail } from '@/components/vms/vm-detail';
import { VmUnreadable } from '@/components/vms/back-to-vms';

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: (await params).name.slice(0, 100) };
}

export default async function VmPage({ params }: { params: Promise<{ host: string; name: string }> }) {
  const user = await requirePageUser('vm.read');
  const { name, host: hostId } = await params;
  const host = await pageHost(hostId);
  const def = await pageRead(() => readDefinition(host, name, can(user.role, 'vm.edit')), `virtual machine "${name.slice(0, 100)}"`);
  if (def.value) {
    const perms = {
      lifecycle: can(user.role, 'vm.lifecycle'),
      edit: can(user.role, 'vm.edit'),
      delete: can(user.role, 'vm.delete'),
      migrate: can(user.role, 'vm.migrate'),
      console: can(user.role, 'vm.console'),
      backups: { run: can(user.role, 'backup.run'), restore: can(user.role, 'backup.restore'), manage: can(user.role, 'backup.manage') },
      snapshot: can(user.role, 'vm.snapshot'),
      create: can(user.role, 'vm.create'),
    };
    return <VmDetail initial={def.value} perms={perms} />;
  }
  return <VmUnreadable problem={def.problem} />;
}
