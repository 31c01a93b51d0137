import { defineRoute } from '@/lib/http/route';
import { readHardware } from '@/lib/hardware/view';
import { vmParams } from '@/lib/vms/names';

export const GET = defineRoute({
  summary: "A virtual machine's hardware, live and at next boot, with what the host offers",
  access: 'vm.read',
  params: vmParams,
  subject: (i) => `virtual machine "${i.params.name}"`,
  run: ({ host, params }) => readHardware(host, params.name),
});
