import 'server-only';
import { formatVersion } from '@/lib/host/overview';
import type { HostContext } from './host-context';

// "Test" on the Hosts page: a connection of its own (not the shared one, so the answer is about now, not about
// the last reconnect), bounded in time, answered in words an admin can act on.

export interface HostProbe {
  ok: boolean;
  hostname: string | null;
  libvirtVersion: string | null;
  /** How long connecting and asking took. */
  ms: number;
  problem: string | null;
}

const PROBE_TIMEOUT_MS = 15_000;

export async function probeHost(host: HostContext, timeoutMs = PROBE_TIMEOUT_MS): Promise<HostProbe> {
  const t0 = performance.now();
  const done = (p: Omit<HostProbe, 'ms'>): HostProbe => ({ ...p, ms: Math.round(performance.now() - t0) });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s (a firewall dropping packets, or a hung daemon)`)), timeoutMs);
  });
  const attempt = (async () => {
    const client = await host.openTransfer();
    try {
      const [hostname, version] = await Promise.all([client.host.hostname(), client.host.libVersion()]);
      return { hostname, version };
    } finally {
      void client.close();
    }
  })();
  attempt.catch(() => undefined);
  try {
    const { hostname, version } = await Promise.race([attempt, timeout]);
    return done({ ok: true, hostname, libvirtVersion: formatVersion(version), problem: null });
  } catch (err) {
    return done({ ok: false, hostname: null, libvirtVersion: null, problem: plainProblem(host, err) });
  } finally {
    clearTimeout(timer);
  }
}

/** libvirt's and the transports' messages, put in a sentence about this host. */
export function plainProblem(host: Pick<HostContext, 'uri'>, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const kind = err instanceof Error ? err.name : '';
  if (kind === 'HostKeyError') return `Refused: ${message}. If the host was reinstalled, forget its host key in Edit and test again.`;
  if (/refused our key|authentication methods failed/i.test(message)) {
    return `The host refused Vireo's SSH key: add the public key shown here to the user's ~/.ssh/authorized_keys there. (${message})`;
  }
  return `Vireo could not reach libvirtd at ${host.uri}: ${message}`;
}
