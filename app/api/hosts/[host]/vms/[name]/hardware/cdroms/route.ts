import { defineRoute } from '@/lib/http/route';
import { cdromAddSchema } from '@/lib/hardware/schemas';
import { addCdrom } from '@/lib/hardware/cdrom';
import { vmParams } from '@/lib/vms/names';
import { hardwareAudit } from '../audit';

export const POST = defineRoute({
  summary: 'Add a CD-ROM drive',
  access: 'vm.edit',
  params: vmParams,
  body: cdromAddSchema,
  audit: hardwareAudit('vm.hardware.cdrom.add'),
  run: ({ host, params, body }) => addCdrom(host, params.name, body),
});
