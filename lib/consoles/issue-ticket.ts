import { authenticate } from '@/lib/auth/accounts';
import { loginLimiter } from '@/lib/auth/rate-limit-rows';
import { recordAudit } from '@/lib/audit/log';
import { loadSettings } from '@/lib/config/settings';
import type { HostContext } from '@/lib/hosts';
import type { Actor } from '@/lib/http/actor';
import { findVm } from '@/lib/vms/lifecycle';
import { ForbiddenError, InputError, RateLimitedError } from '@/lib/errors';
import { DEVICE_ALIAS } from './devices';
import { consoleTickets } from './ticket-rows';
import type { ConsoleKind } from './tickets';

// Issues the ticket a page presents on its console WebSocket. The VM must exist now; the host terminal needs
// the setting on and the admin's password typed again (a stolen session cookie alone must not give a shell).

export interface TicketRequest {
  kind: ConsoleKind;
  vm?: string;
  /** Serial only: a console device alias (serial0, console1); the VM's first console when absent. */
  device?: string;
  password?: string;
}

export interface IssuedTicket {
  url: string;
  expiresAt: number;
}

export async function issueConsoleTicket(host: HostContext, actor: Actor, req: TicketRequest): Promise<IssuedTicket> {
  let vm: { name: string; uuid: string } | null = null;
  if (req.device !== undefined && (req.kind !== 'serial' || !DEVICE_ALIAS.test(req.device))) {
    throw new InputError('device must name a console of the VM, such as serial0 or console1.');
  }
  if (req.kind === 'host') {
    await checkHostTerminal(actor, req.password ?? '');
  } else {
    if (!req.vm) throw new InputError('Name the virtual machine whose console you want.');
    const dom = await findVm(await host.libvirt(), req.vm);
    vm = { name: dom.name, uuid: dom.uuid };
  }
  const { ticket, expiresAt } = await consoleTickets().issue({
    kind: req.kind,
    userId: actor.id,
    username: actor.username,
    sessionId: actor.sessionId,
    vm,
    device: req.device ?? null,
    host: host.id,
  });
  return { url: `/ws/consoles/${req.kind}?ticket=${encodeURIComponent(ticket)}`, expiresAt };
}

async function checkHostTerminal(actor: Actor, password: string): Promise<void> {
  if (!loadSettings().consoles.hostTerminal) {
    throw new ForbiddenError('The host terminal is turned off on this server (setting VIREO_HOST_TERMINAL).');
  }
  const limiter = loginLimiter();
  const key = `reauth:${actor.id}`;
  if ((await limiter.retryAfter(key)) > 0) throw new RateLimitedError('Too many wrong passwords. Wait a few minutes and try again.');
  if (!(await authenticate(actor.username, password))) {
    await limiter.fail(key);
    await recordAudit({
      actor,
      action: 'host.terminal.reauth',
      objectType: 'host',
      objectName: 'shell',
      outcome: 'denied',
      error: 'wrong password',
      ip: actor.ip,
    });
    throw new ForbiddenError('That password is not right.', { fields: { password: 'That password is not right.' } });
  }
  await limiter.reset(key);
}
