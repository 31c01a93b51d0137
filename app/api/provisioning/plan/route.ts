import { z } from 'zod';
import { defineRoute } from '@/lib/http/route';
import { stepsFor } from '@/lib/provisioning/create';
import { planVm } from '@/lib/provisioning/plan';

/** The review step: the full domain XML and what the job will do, without creating anything. */
export const POST = defineRoute({
  method: 'POST',
  path: '/api/provisioning/plan',
  summary: 'Check a new virtual machine against the host and show its XML and steps; creates nothing',
  tags: ['provisioning'],
  access: 'vm.create',
  body: z.record(z.string(), z.unknown(), { error: 'The request body must be a JSON object.' }),
  subject: () => 'the new virtual machine',
  run: async ({ host, body }) => {
    const plan = await planVm(host, { ...body, xml: undefined });
    return {
      xml: plan.generatedXml,
      identity: plan.spec.identity,
      domainType: plan.domainType,
      warnings: plan.warnings,
      steps: stepsFor(plan),
      seed: plan.seed ? { pool: plan.seed.pool, name: plan.seed.name, files: plan.seed.files } : null,
      newDisk: plan.newDisk,
    };
  },
});
