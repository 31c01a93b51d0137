import { LibvirtClient } from '@/lib/libvirt';
import { loadSettings } from '@/lib/config/settings';

// Consoles get their own libvirt connection: a console stream whose reader pauses pauses its whole socket,
// and the app's shared connection must keep answering page requests whatever the consoles do.

const g = globalThis as unknown as { __vireoConsoleLibvirt?: LibvirtClient };

export function consoleLibvirt(): LibvirtClient {
  if (!g.__vireoConsoleLibvirt) {
    const client = new LibvirtClient(loadSettings().libvirtUri, { reconnect: true, backoffMaxMs: 2000, callTimeoutMs: 30_000 });
    client.on('event-error', () => undefined);
    client.start();
    g.__vireoConsoleLibvirt = client;
  }
  return g.__vireoConsoleLibvirt;
}
