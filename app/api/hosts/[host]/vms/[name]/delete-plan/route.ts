import { defineRoute } from '@/lib/http/route';
import { deletePlan } from '@/lib/vms/delete';
import { vmParams } from '@/lib/vms/names';

export const GET = defineRoute({
  summary: 'What deleting the virtual machine could remove with it (volumes, NVRAM, snapshots)',
  access: 'vm.delete',
  params: vmParams,
  subject: (i) => `virtual machine "${i.params.name}"`,
  run: ({ host, params }) => deletePlan(host, params.name),
});
