import { z } from 'zod';
import { vmInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { LIFECYCLE_ACTIONS, runLifecycle } from '@/lib/vms/lifecycle';
import { vmParams } from '@/lib/vms/names';

export const POST = defineRoute({
  summary: 'Start, shut down, force off, reboot, pause or resume a virtual machine',
  access: 'vm.lifecycle',
  params: vmParams,
  body: z.object({ action: z.enum(LIFECYCLE_ACTIONS, { error: `action must be one of ${LIFECYCLE_ACTIONS.join(', ')}` }) }),
  audit: { action: (i) => `vm.${i.body?.action ?? 'action'}`, ...vmInPath },
  run: async ({ host, params, body }) => {
    await runLifecycle(host, params.name, body.action);
    return { ok: true };
  },
});
