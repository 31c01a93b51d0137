import { z } from 'zod';
import { LIFECYCLE_ACTIONS, runLifecycle } from '@/lib/vms/lifecycle';
import { audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorize } from '@/lib/http/guard';

const schema = z.object({ action: z.enum(LIFECYCLE_ACTIONS, { message: `action must be one of ${LIFECYCLE_ACTIONS.join(', ')}` }) });

export async function POST(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const actor = await authorize(req, 'vm.lifecycle', { type: 'vm', name });
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  return audited(actor, { action: `vm.${body.action}`, objectType: 'vm', objectName: name }, async () => {
    await runLifecycle(name, body.action);
    return { ok: true };
  });
}
