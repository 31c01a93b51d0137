import { defineRoute } from '@/lib/http/route';
import { bootChangeSchema } from '@/lib/hardware/schemas';
import { changeBoot } from '@/lib/hardware/boot';
import { vmParams } from '@/lib/vms/names';
import { hardwareAudit } from '../audit';

export const PUT = defineRoute({
  summary: 'Change boot order, boot menu, firmware or autostart',
  access: 'vm.edit',
  params: vmParams,
  body: bootChangeSchema,
  audit: hardwareAudit('vm.hardware.boot'),
  run: ({ host, params, body }) => changeBoot(host, params.name, body),
});
