import { z } from 'zod';
import { issueConsoleTicket } from '@/lib/consoles/issue-ticket';
import { defineRoute } from '@/lib/http/route';

/** A single-use console ticket, valid for a few seconds, for this session only. */
export const POST = defineRoute({
  summary: 'A one-time ticket for a serial, VNC or host-terminal WebSocket',
  // The permission depends on the kind (vm.console, or host.terminal with the password typed again): checked below.
  access: 'signed-in',
  body: z.object({
    kind: z.enum(['serial', 'vnc', 'host'], { error: 'kind must be serial, vnc or host' }),
    vm: z.string().max(200).optional(),
    device: z.string().max(20).optional(),
    password: z.string().max(300).optional(),
  }),
  audit: {
    action: (i) => (i.body?.kind === 'host' ? 'host.terminal' : 'vm.console'),
    objectType: 'vm',
    objectName: (i) => i.body?.vm?.slice(0, 100) ?? 'shell',
    record: 'failures',
  },
  subject: () => 'the console',
  run: async ({ host, actor, body, demand }) => {
    await demand(body.kind === 'host' ? 'host.terminal' : 'vm.console');
    return issueConsoleTicket(host, actor, body);
  },
});
