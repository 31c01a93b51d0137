import { z } from 'zod';
import { recordAudit } from '@/lib/audit/log';
import { LIFECYCLE_ACTIONS, runLifecycle } from '@/lib/vms/lifecycle';
import { describeError } from '@/lib/errors';
import { readBody } from '@/lib/http/body';
import { authorize } from '@/lib/http/guard';

const schema = z.object({
  action: z.enum(LIFECYCLE_ACTIONS),
  names: z.array(z.string().max(200)).min(1, 'Select at least one virtual machine.').max(1000),
});

// Each VM is its own operation: one refusal (e.g. already running) does not stop or undo the others.
export async function POST(req: Request) {
  const actor = await authorize(req, 'vm.lifecycle', { type: 'vm', name: '(bulk)' });
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  const results = await Promise.all(
    [...new Set(body.names)].map(async (name) => {
      try {
        await runLifecycle(name, body.action);
        await recordAudit({ actor, action: `vm.${body.action}`, objectType: 'vm', objectName: name, outcome: 'ok', detail: { bulk: true }, ip: actor.ip });
        return { name, ok: true as const };
      } catch (err) {
        const d = describeError(err, `virtual machine "${name}"`);
        await recordAudit({ actor, action: `vm.${body.action}`, objectType: 'vm', objectName: name, outcome: 'error', error: d.message, detail: { bulk: true }, ip: actor.ip });
        return { name, ok: false as const, error: d.message };
      }
    }),
  );
  return Response.json({ results });
}
