import { defineRoute } from '@/lib/http/route';
import { diskAddSchema } from '@/lib/hardware/schemas';
import { addDisk } from '@/lib/hardware/disks';
import { vmParams } from '@/lib/vms/names';
import { hardwareAudit } from '../audit';

export const POST = defineRoute({
  summary: 'Add a disk (new volume, existing volume or file)',
  access: 'vm.edit',
  params: vmParams,
  body: diskAddSchema,
  audit: hardwareAudit('vm.hardware.disk.add'),
  run: ({ host, params, body }) => addDisk(host, params.name, body),
});
