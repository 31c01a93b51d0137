import { z } from 'zod';
import { jobActor } from '@/lib/http/actor';
import { defineRoute } from '@/lib/http/route';
import { startCreateVm } from '@/lib/provisioning/create';
import { inventory } from '@/lib/vms/inventory';

export const GET = defineRoute({
  summary: 'Every virtual machine of the host, from the live inventory',
  access: 'vm.read',
  run: async ({ host }) => ({ vms: (await inventory(host).list()).sort((a, b) => a.name.localeCompare(b.name)) }),
});

/** Starts a create job (202 with its id); input problems answer 422 with a message per field. */
export const POST = defineRoute({
  summary: 'Create a virtual machine (a job)',
  tags: ['vms', 'provisioning'],
  access: 'vm.create',
  // The wizard's spec is checked in depth by the planner, which knows the host; here it only has to be an object.
  body: z.record(z.string(), z.unknown(), { error: 'The request body must be a JSON object.' }),
  status: 202,
  audit: {
    action: 'vm.create',
    objectType: 'vm',
    objectName: (i) => (typeof i.body?.name === 'string' ? i.body.name.slice(0, 100) : '(new)'),
    // The job records the outcome when it ends; here only a refused request is recorded.
    record: 'failures',
  },
  run: async ({ host, body, actor }) => ({
    ...(await startCreateVm(host, body, jobActor(actor))),
  }),
});
