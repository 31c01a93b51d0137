import { z } from 'zod';
import { jobActor } from '@/lib/http/actor';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { startClone } from '@/lib/clones/clone';
import { vmParams } from '@/lib/vms/names';

/** Starts a clone job (202 with its id); input problems answer 422 with a message per field. */
export const POST = defineRoute({
  summary: 'Clone a stopped VM (a job): linked (qcow2 overlays on a template) or full (volumes copied)',
  tags: ['vms', 'clones'],
  access: 'vm.create',
  params: vmParams,
  body: z.record(z.string(), z.unknown(), { error: 'The request body must be a JSON object.' }),
  status: 202,
  audit: {
    action: 'vm.clone',
    ...vmInPath,
    detail: (i) => ({ clone: i.body?.name, mode: i.body?.mode }),
    record: 'failures',
  },
  run: async ({ host, params, body, actor }) => startClone(host, params.name, body, jobActor(actor)),
});
