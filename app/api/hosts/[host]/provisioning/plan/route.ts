import { z } from 'zod';
import { defineRoute } from '@/lib/http/route';
import { stepsFor } from '@/lib/provisioning/create';
import { planVm } from '@/lib/provisioning/plan';
import { summarizePlan } from '@/lib/provisioning/summary';

/** The review step: a plain summary, the full domain XML and what the job will do, without creating anything. */
export const POST = defineRoute({
  summary: 'Check a new virtual machine against the host and show its summary, XML and steps; creates nothing',
  access: 'vm.create',
  body: z.record(z.string(), z.unknown(), { error: 'The request body must be a JSON object.' }),
  subject: () => 'the new virtual machine',
  run: async ({ host, body }) => {
    const plan = await planVm(host, { ...body, xml: undefined });
    return {
      summary: summarizePlan(plan),
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
