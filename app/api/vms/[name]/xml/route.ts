import { z } from 'zod';
import { MAX_XML_CHARS, redefine } from '@/lib/vms/definition';
import { audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorize } from '@/lib/http/guard';

const schema = z.object({ xml: z.string().min(1, 'The XML is empty.').max(MAX_XML_CHARS, 'The XML is too long.') });

export async function PUT(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const actor = await authorize(req, 'vm.edit', { type: 'vm', name });
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  return audited(actor, { action: 'vm.define', objectType: 'vm', objectName: name }, () => redefine(name, body.xml));
}
