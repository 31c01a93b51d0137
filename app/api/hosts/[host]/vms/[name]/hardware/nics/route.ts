import { defineRoute } from '@/lib/http/route';
import { nicAddSchema } from '@/lib/hardware/schemas';
import { addNic } from '@/lib/hardware/nics';
import { vmParams } from '@/lib/vms/names';
import { hardwareAudit } from '../audit';

export const POST = defineRoute({
  summary: 'Add a network interface',
  access: 'vm.edit',
  params: vmParams,
  body: nicAddSchema,
  audit: hardwareAudit('vm.hardware.nic.add'),
  run: ({ host, params, body }) => addNic(host, params.name, body),
});
