import { z } from 'zod';
import { SESSION_COOKIE, findSession } from '@/lib/auth/session';
import { answered } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorize, readCookie } from '@/lib/http/guard';
import { unauthorized } from '@/lib/http/problem';
import { issueConsoleTicket } from '@/lib/consoles/issue-ticket';

const schema = z.object({
  kind: z.enum(['serial', 'vnc', 'host'], { message: 'kind must be serial, vnc or host' }),
  vm: z.string().max(200).optional(),
  device: z.string().max(20).optional(),
  password: z.string().max(300).optional(),
});

/** A single-use console ticket, valid for a few seconds, for this session only. */
export async function POST(req: Request) {
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  const actor = await authorize(req, body.kind === 'host' ? 'host.terminal' : 'vm.console', body.vm ? { type: 'vm', name: body.vm } : { type: 'host', name: 'shell' });
  if (actor instanceof Response) return actor;
  const session = await findSession(readCookie(req.headers, SESSION_COOKIE));
  if (!session) return unauthorized();
  return answered(() => issueConsoleTicket(actor, session.id, body), body.vm ? `virtual machine "${body.vm.slice(0, 100)}"` : 'the host terminal');
}
