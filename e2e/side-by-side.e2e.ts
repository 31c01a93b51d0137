import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { SerialRegistry } from '@/lib/consoles/serial-registry';
import { ConsoleReader } from '@/test/support/console-reader';
import { bootBanner, ensureFixtures, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { hostSystemUri, testSystemUri } from '@/test/support/test-libvirtd';
import { virshCleanupDomain } from '@/test/support/virsh';
import { adminSession, type HttpSession } from './support/http-session';
import { startVireo, type VireoServer } from './support/server';

// The README's two commands side by side (issue 14): a Vireo serving as `scripts/up.sh` serves it — the host's
// libvirtd, console capture "all", its own port and data — while the console tests' own steps run: a guest booted
// and read through its pty (where a held console made boots time out) and through a libvirt console stream. The
// suite's libvirtd (scripts/libvirtd-test.sh) is not the host's, so the serving Vireo never sees the test guest.
// The control at the end shows the failure this prevents: a capture-"all" Vireo on the tests' own daemon holds the
// guest's console at once.

const name = `vireo-e2e-sbs-${randomUUID().slice(0, 8)}`;
let serving: VireoServer;
let session: HttpSession;
let client: LibvirtClient;
let dom: DomainRef;
let tty: ConsoleReader | null = null;

async function vmNames(server: VireoServer, s: HttpSession): Promise<string[]> {
  const res = await fetch(`${server.url}/api/vms`, { headers: s.headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { vms: Array<{ name: string }> }).vms.map((v) => v.name);
}

beforeAll(async () => {
  await ensureFixtures();
  // What `bash scripts/up.sh` runs, on a port and data directory of its own (startVireo picks both).
  serving = await startVireo({ LIBVIRT_URI: hostSystemUri, VIREO_CONSOLE_CAPTURE: 'all', VIREO_TLS: 'off' });
  session = await adminSession(serving);
  client = await connect(testSystemUri);
});

afterAll(async () => {
  tty?.close();
  await client?.close();
  await virshCleanupDomain(name);
  await serving?.stop();
});

describe('a Vireo serving on the host (capture "all") beside the test suite', () => {
  it('serves the host daemon, where the test guests never appear', async () => {
    expect(serving.output()).toMatch(/serving on \S+ \(libvirt qemu:\/\/\/system\)/);
    dom = await client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 128 }));
    expect(await vmNames(serving, session)).not.toContain(name);
  });

  it('boots a test guest whose serial console the tests read through its pty', async () => {
    const running = await client.domains.create(dom);
    dom = running;
    tty = await ConsoleReader.forDomain(name);
    // The step that timed out after 90 s while the serving Vireo held every console.
    await tty.waitFor(bootBanner, 90_000);
    await tty.waitFor(shellPrompt, 30_000);
    const from = tty.transcript.length;
    tty.write('echo $((6*7))\n');
    await tty.waitFor(/^42\r?$/m, 20_000, from);
    expect(await vmNames(serving, session)).not.toContain(name);
  });

  it('opens the guest console through libvirt, as the console tests do, without force', async () => {
    tty?.close();
    tty = null;
    const registry = new SerialRegistry(client, { scrollbackBytes: 16 * 1024, capture: 'opened' });
    registry.start();
    try {
      const s = registry.session({ name, uuid: dom.uuid });
      let text = '';
      s.attach({ output: (chunk: Buffer) => void (text += chunk.toString('latin1')), state: () => undefined });
      const until = Date.now() + 30_000;
      while (s.state !== 'live' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(s.state).toBe('live');
      s.input(Buffer.from('echo side-$((40+2))\n'));
      while (!/side-42/.test(text) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(text).toMatch(/side-42/);
    } finally {
      registry.close();
    }
  });

  it('control: a capture-"all" Vireo on the same daemon as the guest holds its console', async () => {
    const sameDaemon = await startVireo({ LIBVIRT_URI: testSystemUri, VIREO_CONSOLE_CAPTURE: 'all', VIREO_TLS: 'off' });
    try {
      const stream = async () => (await client.domains.openConsole(dom, null, 0)).destroy();
      await expect
        .poll(
          () =>
            stream().then(
              () => 'free',
              (e: Error) => e.message,
            ),
          { timeout: 30_000, interval: 500 },
        )
        .toMatch(/active console session/i);
    } finally {
      await sameDaemon.stop();
    }
  });
});
