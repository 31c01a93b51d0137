import { defineRoute } from '@/lib/http/route';
import { dimmAddSchema } from '@/lib/hardware/schemas';
import { addDimm } from '@/lib/hardware/memory';
import { vmParams } from '@/lib/vms/names';
import { hardwareAudit } from '../../audit';

export const POST = defineRoute({
  summary: 'Hot-add a memory DIMM',
  access: 'vm.edit',
  params: vmParams,
  body: dimmAddSchema,
  audit: hardwareAudit('vm.hardware.dimm.add'),
  run: ({ host, params, body }) => addDimm(host, params.name, body),
});
