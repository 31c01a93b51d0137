import { z } from 'zod';
import { describeError } from '@/lib/errors';
import { defineRoute } from '@/lib/http/route';
import { LIFECYCLE_ACTIONS, runLifecycle } from '@/lib/vms/lifecycle';

// Each VM is its own operation: one refusal (e.g. already running) does not stop or undo the others.
export const POST = defineRoute({
  summary: 'Run one lifecycle action on several virtual machines, each on its own',
  access: 'vm.lifecycle',
  body: z.object({
    action: z.enum(LIFECYCLE_ACTIONS),
    names: z.array(z.string().max(200)).min(1, 'Select at least one virtual machine.').max(1000),
  }),
  // Each VM's outcome is recorded below; a request refused as a whole is recorded here.
  audit: { action: 'vm.bulk', objectType: 'vm', objectName: () => '(bulk)', record: 'failures' },
  run: async ({ host, body, audit }) => {
    const results = await Promise.all(
      [...new Set(body.names)].map(async (name) => {
        const what = { action: `vm.${body.action}`, objectType: 'vm', objectName: name, detail: { bulk: true } };
        try {
          await runLifecycle(host, name, body.action);
          await audit({ ...what, outcome: 'ok' });
          return { name, ok: true as const };
        } catch (err) {
          const d = describeError(err, `virtual machine "${name}"`);
          await audit({ ...what, outcome: 'error', error: d.message });
          return { name, ok: false as const, error: d.message };
        }
      }),
    );
    return { results };
  },
});
