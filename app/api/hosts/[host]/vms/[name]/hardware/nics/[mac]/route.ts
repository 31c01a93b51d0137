import { defineRoute } from '@/lib/http/route';
import { removeNic, updateNic } from '@/lib/hardware/nics';
import { nicParams, nicUpdateSchema, scopeQuerySchema } from '@/lib/hardware/schemas';
import { hardwareAudit } from '../../audit';

export const PATCH = defineRoute({
  summary: "Change a network interface's source or link state",
  access: 'vm.edit',
  params: nicParams,
  body: nicUpdateSchema,
  audit: hardwareAudit('vm.hardware.nic.update', (i) => ({ mac: i.params.mac })),
  run: ({ host, params, body }) => updateNic(host, params.name, params.mac, body),
});

export const DELETE = defineRoute({
  summary: 'Remove a network interface',
  access: 'vm.edit',
  params: nicParams,
  query: scopeQuerySchema,
  audit: hardwareAudit('vm.hardware.nic.remove', (i) => ({ mac: i.params.mac, ...i.query })),
  run: ({ host, params, query }) => removeNic(host, params.name, params.mac, query),
});
