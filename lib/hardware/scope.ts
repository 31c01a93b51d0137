import { describeError, InputError, isLibvirtError, isVireoError } from '@/lib/errors';
import { ChangeRefusedError } from './errors';
import type { ChangeOutcome, ChangeScope, HalfOutcome, HardwareView } from './types';
import type { VmContext } from './context';

// How every edit is carried out: the scope is checked first (nothing asked, or live on a shut-off VM, is a 422
// before libvirt hears of it), then the persistent half and the live half are attempted separately, so a guest
// that refuses a hotplug never costs the user the change for next boot.

/** What every mutation answers: what took effect, and the hardware as it is now. */
export interface Changed {
  outcome: ChangeOutcome;
  hardware: HardwareView;
}

export function checkScope(scope: ChangeScope, ctx: Pick<VmContext, 'running' | 'dom'>, what = 'This change'): void {
  if (!scope.live && !scope.persistent) {
    throw new InputError('Choose where the change applies: live (running guest), persistent (next boot), or both.', {
      fields: { scope: 'Choose live, persistent or both.' },
    });
  }
  if (scope.live && !ctx.running) {
    throw new InputError(`${what} cannot apply live: "${ctx.dom.name}" is not running. Choose persistent (next boot) only.`, {
      fields: { live: 'The VM is not running.' },
    });
  }
}

/** Refuses persistent-only settings (maximums, topology, slots) in a live-only request. */
export function requirePersistent(scope: ChangeScope, field: string, label: string): void {
  if (!scope.persistent) {
    throw new InputError(`${label} can only change for next boot: choose persistent as well.`, { fields: { [field]: `${label} is persistent only.` } });
  }
}

export interface Halves {
  persistent?: () => Promise<void>;
  live?: () => Promise<void>;
}

async function attempt(asked: boolean, fn: (() => Promise<void>) | undefined): Promise<HalfOutcome> {
  if (!asked || !fn) return { status: 'not-requested' };
  try {
    await fn();
    return { status: 'applied' };
  } catch (err) {
    // Our own validation inside a half (rare: most is checked up front) stops everything.
    if (isVireoError(err) && err.status === 422) throw err;
    if (isLibvirtError(err)) return { status: 'refused', reason: err.message, code: err.codeName };
    const d = describeError(err);
    if (d.status >= 500 && !d.code) throw err; // connection loss etc.: not a refusal, report as an error
    return { status: 'refused', reason: d.message, code: d.code };
  }
}

/**
 * Runs the halves asked for (persistent first unless the live half must lead, e.g. a resize the running guest
 * performs on the shared image) and describes the result. `what` completes the summary
 * sentence, e.g. "Memory set to 512 MiB". Throws ChangeRefusedError when nothing took effect.
 */
export async function applyHalves(
  scope: ChangeScope,
  halves: Halves,
  what: string,
  order: 'persistent-first' | 'live-first' = 'persistent-first',
): Promise<ChangeOutcome> {
  let persistent: HalfOutcome;
  let live: HalfOutcome;
  if (order === 'persistent-first') {
    persistent = await attempt(scope.persistent, halves.persistent);
    live = await attempt(scope.live, halves.live);
  } else {
    live = await attempt(scope.live, halves.live);
    persistent = await attempt(scope.persistent, halves.persistent);
  }
  const outcome: ChangeOutcome = { live, persistent, summary: summarize(what, live, persistent) };
  const refused = [persistent, live].filter((h): h is Extract<HalfOutcome, { status: 'refused' }> => h.status === 'refused');
  const applied = [persistent, live].some((h) => h.status === 'applied');
  if (!applied && refused.length) {
    throw new ChangeRefusedError(
      `Nothing was changed. libvirt says: ${refused
        .map((r) => r.reason)
        .filter(uniq)
        .join(' / ')}`,
      outcome,
      refused[0]!.code,
    );
  }
  return outcome;
}

function uniq<T>(v: T, i: number, a: T[]): boolean {
  return a.indexOf(v) === i;
}

export function summarize(what: string, live: HalfOutcome, persistent: HalfOutcome): string {
  const l = live.status;
  const p = persistent.status;
  if (l === 'applied' && p === 'applied') return `${what} live and for next boot.`;
  if (l === 'applied' && p === 'not-requested') return `${what} live only; the next boot uses the saved definition.`;
  if (p === 'applied' && l === 'not-requested') return `${what} for next boot; the running guest is unchanged.`;
  if (p === 'applied' && l === 'refused') return `${what} for next boot only: the running guest refused the change (${live.reason}).`;
  if (l === 'pending') {
    return p === 'applied'
      ? `${what} for next boot; removal from the running guest requested: ${live.reason}`
      : `${what.replace(/ removed$/, '')}: removal requested: ${live.reason}`;
  }
  if (l === 'applied' && p === 'refused') return `${what} live only: saving it for next boot was refused (${persistent.reason}).`;
  return `Nothing was changed.`;
}
