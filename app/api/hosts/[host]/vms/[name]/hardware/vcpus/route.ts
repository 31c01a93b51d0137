import { defineRoute } from '@/lib/http/route';
import { vcpuChangeSchema } from '@/lib/hardware/schemas';
import { changeVcpus } from '@/lib/hardware/vcpus';
import { vmParams } from '@/lib/vms/names';
import { hardwareAudit } from '../audit';

export const PUT = defineRoute({
  summary: 'Change vCPUs, maximum, topology or CPU mode',
  access: 'vm.edit',
  params: vmParams,
  body: vcpuChangeSchema,
  audit: hardwareAudit('vm.hardware.vcpus'),
  run: ({ host, params, body }) => changeVcpus(host, params.name, body),
});
