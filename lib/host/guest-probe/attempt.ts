import { randomUUID } from 'node:crypto';
import { DomainCreateFlags, DomainEventType, DomainState, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import type { GuestCpuMode } from '@/lib/domain-xml/cpu';
import { isLibvirtError } from '@/lib/errors';
import { makeBootVolume, type BootVolume } from './boot-volume';
import { PROBE_NAME_PREFIX, probeDomainXml } from './domain';
import { endFromEvent, pausedWhy, type ProbeEnd } from './verdict';

// One try of one way to run guests: libvirt starts a transient guest of that domain type and CPU mode, paused
// (QEMU has then built the vCPUs the way the real guest would get them: this is where a CPU mode the host cannot
// give fails, or QEMU aborts), then lets it run the boot sector, which powers the guest off once it has run
// through. AUTODESTROY: should Vireo die meanwhile, libvirt removes the guest when the connection closes.

export interface GuestWay {
  type: 'kvm' | 'qemu';
  cpuMode: GuestCpuMode | null;
}

export interface ProbeAttempt extends GuestWay {
  /** booted: ran its code and powered off; started: started paused, not run (no disk); else where it failed. */
  outcome: 'booted' | 'started' | 'start-failed' | 'stopped' | 'hung';
  ok: boolean;
  /** What happened, in plain words (libvirt's own message when it refused to start the guest). */
  detail: string;
  ms: number;
}

export interface AttemptOptions {
  /** How long the guest may run before it counts as hung. */
  timeoutMs?: number;
}

const TIMEOUT_MS = 15_000;
const POLL_MS = 1000;

/** libvirt's first line, without the "internal error: qemu unexpectedly closed the monitor:" noise around it. */
function libvirtReason(err: unknown): string {
  const msg = (err as Error).message ?? String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 400);
}

async function gone(client: LibvirtClient, dom: DomainRef): Promise<boolean> {
  try {
    const { state } = await client.domains.state(dom);
    return state === DomainState.SHUTOFF;
  } catch (err) {
    if (isLibvirtError(err) && err.codeName === 'ERR_NO_DOMAIN') return true;
    throw err;
  }
}

/** Waits for the end the guest's events tell, a vanished guest (polled, in case an event is lost) or the time limit. */
interface Watcher {
  ready: Promise<void>;
  end(dom: DomainRef): Promise<ProbeEnd | 'hung'>;
  stop(): void;
}

function watch(client: LibvirtClient, uuid: string, timeoutMs: number): Watcher {
  let settle: (e: ProbeEnd | 'hung') => void = () => undefined;
  const ended = new Promise<ProbeEnd | 'hung'>((resolve) => (settle = resolve));
  // The guest is started paused, so its first events (started, suspended) come before it ran anything: a pause
  // means something only after the resume libvirt reports.
  let resumed = false;
  const listener = ({ dom, event, detail }: { dom: DomainRef; event: number; detail: number }) => {
    if (dom.uuid !== uuid) return;
    if (event === DomainEventType.RESUMED) resumed = true;
    const e = endFromEvent(event, detail);
    if (e && (resumed || !e.paused)) settle(e);
  };
  client.events.on('domain-lifecycle', listener);
  return {
    ready: client.events.ready(),
    stop: () => client.events.off('domain-lifecycle', listener),
    async end(dom) {
      const timer = setTimeout(() => settle('hung'), timeoutMs);
      const poll = setInterval(() => {
        void gone(client, dom).then(
          (g) => g && setTimeout(() => settle({ ok: false, why: 'the test guest vanished without a word from libvirt' }), 500),
          () => undefined,
        );
      }, POLL_MS);
      try {
        return await ended;
      } finally {
        clearTimeout(timer);
        clearInterval(poll);
      }
    },
  };
}

export async function attemptGuest(client: LibvirtClient, way: GuestWay, opts: AttemptOptions = {}): Promise<ProbeAttempt> {
  const started = performance.now();
  const done = (outcome: ProbeAttempt['outcome'], ok: boolean, detail: string): ProbeAttempt => ({
    ...way,
    outcome,
    ok,
    detail,
    ms: Math.round(performance.now() - started),
  });
  const uuid = randomUUID();
  const name = `${PROBE_NAME_PREFIX}${uuid.slice(0, 8)}`;
  const volume = await makeBootVolume(client, name);
  const disk: BootVolume | null = 'problem' in volume ? null : volume;
  const xml = probeDomainXml({ name, uuid, ...way, disk });
  const watcher = disk ? watch(client, uuid, opts.timeoutMs ?? TIMEOUT_MS) : null;
  let dom: DomainRef | null = null;
  try {
    await watcher?.ready;
    try {
      dom = await client.domains.createXml(xml, DomainCreateFlags.START_PAUSED | DomainCreateFlags.START_AUTODESTROY);
    } catch (err) {
      if (!isLibvirtError(err)) throw err;
      return done('start-failed', false, `libvirt could not start it: ${libvirtReason(err)}`);
    }
    if (!watcher || !disk)
      return done('started', true, `it started (paused); whether guest code runs was not tried: ${(volume as { problem: string }).problem}`);
    const ending = watcher.end(dom);
    await client.domains.resume(dom);
    const end = await ending;
    if (end === 'hung')
      return done('hung', false, `the test guest ran for ${Math.round((opts.timeoutMs ?? TIMEOUT_MS) / 1000)} s without finishing (it hangs)`);
    if (end.ok) return done('booted', true, 'it started and ran the test boot loader to the end');
    if (end.paused) {
      const reason = await client.domains.state(dom).then(
        (s) => (s.state === DomainState.PAUSED ? s.reason : null),
        () => null,
      );
      return done('stopped', false, reason === null ? end.why : pausedWhy(reason));
    }
    return done('stopped', false, end.why);
  } finally {
    watcher?.stop();
    if (dom) await client.domains.destroy(dom).catch(() => undefined);
    await disk?.remove();
  }
}

/** Attempts of the same type that ended the same way, as one: "KVM with host-passthrough and host-model: …". */
export function sameEnds(attempts: readonly ProbeAttempt[]): { attempts: ProbeAttempt[]; detail: string; ok: boolean }[] {
  const groups: { attempts: ProbeAttempt[]; detail: string; ok: boolean }[] = [];
  for (const a of attempts) {
    const last = groups.at(-1);
    if (last && !a.ok && !last.ok && last.detail === a.detail && last.attempts[0]!.type === a.type) last.attempts.push(a);
    else groups.push({ attempts: [a], detail: a.detail, ok: a.ok });
  }
  return groups;
}

/** "KVM with host-passthrough and host-model", "emulation (TCG)". */
export function waysWords(attempts: readonly GuestWay[]): string {
  const first = attempts[0];
  if (!first) return '';
  if (first.type === 'qemu') return 'emulation (TCG)';
  return `KVM with ${attempts.map((a) => a.cpuMode).join(' and ')}`;
}
