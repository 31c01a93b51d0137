import { EventEmitter } from 'node:events';
import { ConnectionError, LibvirtClient, type ClientState } from '@/lib/libvirt';
import { loadSettings } from '@/lib/config/settings';

// One libvirt connection per server process, shared by every request and the live event feed. It reconnects
// by itself when libvirtd restarts; callers wait briefly for it instead of failing during a reconnect blip.

export interface LibvirtStatus {
  state: ClientState;
  /** Plain-words reason while not connected. */
  problem: string | null;
}

interface Slot {
  client: LibvirtClient;
  status: EventEmitter;
}

const g = globalThis as unknown as { __vireoLibvirt?: Slot };

function slot(): Slot {
  if (!g.__vireoLibvirt) {
    const client = new LibvirtClient(loadSettings().libvirtUri, { reconnect: true, backoffMaxMs: 2000, callTimeoutMs: 60_000 });
    const status = new EventEmitter();
    status.setMaxListeners(0);
    client.on('state', () => status.emit('status', libvirtStatusOf(client)));
    // A missing event kind on some driver must not crash the process; it only means fewer live updates.
    client.on('event-error', () => undefined);
    client.start();
    g.__vireoLibvirt = { client, status };
  }
  return g.__vireoLibvirt;
}

function libvirtStatusOf(client: LibvirtClient): LibvirtStatus {
  const problem =
    client.state === 'open'
      ? null
      : `Vireo cannot reach libvirtd at ${loadSettings().libvirtUri}${client.lastFailure ? ` (${client.lastFailure.message})` : ''}. It reconnects by itself when libvirtd is back.`;
  return { state: client.state, problem };
}

export function libvirtStatus(): LibvirtStatus {
  return libvirtStatusOf(slot().client);
}

export function onLibvirtStatus(listener: (s: LibvirtStatus) => void): () => void {
  const { status } = slot();
  status.on('status', listener);
  return () => status.off('status', listener);
}

/** The shared client once it is connected; throws ConnectionError after `waitMs` if libvirtd stays away. */
export async function libvirt(waitMs = 3000): Promise<LibvirtClient> {
  const { client } = slot();
  if (client.state === 'open') return client;
  try {
    await client.waitOpen(AbortSignal.timeout(waitMs));
  } catch {
    throw new ConnectionError('not-connected', libvirtStatusOf(client).problem ?? 'libvirtd is not reachable');
  }
  return client;
}

/** For code that subscribes to events whether or not the connection is up right now. */
export function libvirtClient(): LibvirtClient {
  return slot().client;
}
