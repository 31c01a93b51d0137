import { defineRoute } from '@/lib/http/route';
import { memoryChangeSchema } from '@/lib/hardware/schemas';
import { changeMemory } from '@/lib/hardware/memory';
import { vmParams } from '@/lib/vms/names';
import { hardwareAudit } from '../audit';

export const PUT = defineRoute({
  summary: 'Change memory (balloon, maximum, hotplug slots)',
  access: 'vm.edit',
  params: vmParams,
  body: memoryChangeSchema,
  audit: hardwareAudit('vm.hardware.memory'),
  run: ({ host, params, body }) => changeMemory(host, params.name, body),
});
