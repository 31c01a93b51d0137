import { z } from 'zod';
import { defineRoute } from '@/lib/http/route';
import { checkStep } from '@/lib/provisioning/plan';
import { STEP_IDS } from '@/lib/provisioning/steps';

/** The wizard's Next: the settings up to one step, checked against the host (422 with a message per field). */
export const POST = defineRoute({
  summary: 'Check the new-VM settings of one wizard step and the steps before it; creates nothing',
  access: 'vm.create',
  body: z.object({
    step: z.enum(STEP_IDS, { error: `The step is one of ${STEP_IDS.join(', ')}.` }),
    spec: z.record(z.string(), z.unknown(), { error: 'The settings must be a JSON object.' }),
  }),
  subject: () => 'the new virtual machine',
  run: async ({ host, body }) => ({ step: body.step, ...(await checkStep(host, { ...body.spec, xml: undefined }, body.step)) }),
});
