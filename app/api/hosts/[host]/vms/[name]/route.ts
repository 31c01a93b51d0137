import { z } from 'zod';
import { can } from '@/lib/auth/roles';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { readDefinition } from '@/lib/vms/definition';
import { deleteVm } from '@/lib/vms/delete';
import { vmParams } from '@/lib/vms/names';

export const GET = defineRoute({
  summary: "A virtual machine's live and persistent definitions and their summary",
  access: 'vm.read',
  params: vmParams,
  subject: (i) => `virtual machine "${i.params.name}"`,
  // Those who may edit get the definition with secrets (a VNC password), so an edit does not silently drop them.
  run: ({ host, params, actor }) => readDefinition(host, params.name, can(actor.role, 'vm.edit')),
});

export const DELETE = defineRoute({
  summary: 'Delete a virtual machine with the chosen volumes, NVRAM and snapshot metadata',
  access: 'vm.delete',
  params: vmParams,
  body: z.object({
    volumes: z.array(z.string().max(4096)).max(64).default([]),
    nvram: z.boolean().default(false),
    snapshots: z.boolean().default(false),
  }),
  audit: { action: 'vm.delete', ...vmInPath, detail: (i) => i.body },
  run: ({ host, params, body }) => deleteVm(host, params.name, body),
});
