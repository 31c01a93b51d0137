import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, DomainCreateFlags, LibvirtClient, type DomainRef } from '@/lib/libvirt';
import { LibvirtProxy } from '@/e2e/support/libvirt-proxy';
import { toWireDomain } from '@/lib/libvirt/api/refs';
import { bootBanner, ensureFixtures, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { virshCleanupDomain } from '@/test/support/virsh';
import type { SerialStatus } from './protocol';
import { SerialRegistry } from './serial-registry';
import type { ConsoleViewer, SerialSession } from './serial-session';
import { testSystemUri } from '@/test/support/test-libvirtd';

// One shared console per VM on the real daemon with a TCG guest: scrollback from boot, typing, a foreign
// `virsh console` holding it ("busy"), take-over, and a stop/start cycle. virsh is only the foreign client.

const name = `vireo-con-${randomUUID().slice(0, 8)}`;

class Recorder implements ConsoleViewer {
  text = '';
  states: SerialStatus[] = [];
  output(chunk: Buffer) {
    this.text += chunk.toString('latin1');
  }
  state(s: SerialStatus) {
    this.states.push(s);
  }
  async waitFor(re: RegExp, ms = 60_000, from = 0): Promise<void> {
    const until = Date.now() + ms;
    while (!re.test(this.text.slice(from))) {
      if (Date.now() > until) throw new Error(`no ${re} in:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async waitState(state: string, ms = 30_000): Promise<void> {
    const until = Date.now() + ms;
    while (this.states.at(-1)?.state !== state) {
      if (Date.now() > until) throw new Error(`state ${this.states.at(-1)?.state}, wanted ${state}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('serial console sessions on the test daemon', () => {
  let client: LibvirtClient;
  let registry: SerialRegistry;
  let dom: DomainRef;
  let session: SerialSession;

  beforeAll(async () => {
    await ensureFixtures();
    client = await connect(testSystemUri);
    dom = await client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 128 }));
    registry = new SerialRegistry(client, { scrollbackBytes: 64 * 1024, capture: 'all' }, (vm) => vm.name === name);
    registry.start();
    await client.events.ready();
  });

  afterAll(async () => {
    registry?.close();
    await virshCleanupDomain(name);
    await client?.close();
  });

  it('captures the boot messages of a VM that nobody is watching, and a late viewer scrolls back to them', async () => {
    await client.remote.domainCreateWithFlags({ dom: toWireDomain(dom), flags: DomainCreateFlags.START_PAUSED });
    // capture 'all': the STARTED event alone makes the registry open the console.
    const until = Date.now() + 20_000;
    while (registry.size === 0 || registry.session({ name, uuid: dom.uuid }).state !== 'live') {
      if (Date.now() > until) throw new Error('the registry did not open the console of the started VM');
      await new Promise((r) => setTimeout(r, 50));
    }
    session = registry.session({ name, uuid: dom.uuid });
    await client.domains.resume(await client.domains.lookupByName(name));
    const early = new Recorder();
    const detach = session.attach(early);
    await early.waitFor(new RegExp(`${bootBanner} hostname=${name}`), 90_000);
    detach();
    const late = new Recorder();
    session.attach(late);
    expect(late.text).toContain(bootBanner);
    expect(late.states.at(-1)?.state).toBe('live');
  });

  it('types into the guest and reads the answer', async () => {
    const v = new Recorder();
    session.attach(v);
    const from = v.text.length;
    expect(session.input(Buffer.from('echo $((6*7))\r'))).toBe(true);
    await v.waitFor(/^42\r?$/m, 20_000, from);
  });

  it('reports "busy" while virsh console holds the console, then takes it back on request', async () => {
    const v = new Recorder();
    session.attach(v);
    // virsh needs a terminal for its console; `script` gives it one.
    const foreign = spawn('script', ['-qfc', `virsh -c '${testSystemUri}' console --force ${name}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      await v.waitState('busy', 20_000);
      expect(v.states.at(-1)?.message).toMatch(/in use elsewhere/);
      expect(session.input(Buffer.from('x'))).toBe(false);
      await session.takeOver();
      await v.waitState('live', 10_000);
      const from = v.text.length;
      session.input(Buffer.from('echo back-$((1+1))\r'));
      await v.waitFor(/^back-2\r?$/m, 20_000, from);
    } finally {
      foreign.kill();
    }
  });

  it('goes to "stopped" when the VM stops and back to "live" with the new boot when it starts', async () => {
    const v = new Recorder();
    session.attach(v);
    await client.domains.destroy(await client.domains.lookupByName(name));
    await v.waitState('stopped', 20_000);
    const from = v.text.length;
    await client.domains.create(await client.domains.lookupByName(name));
    await v.waitState('live', 20_000);
    await v.waitFor(new RegExp(`${bootBanner}|${shellPrompt}`), 90_000, from);
  });

  it('says "libvirt-down" while libvirtd is unreachable and comes back live by itself', async () => {
    // A relay to the real daemon that can be cut, so the shared libvirtd itself is never stopped.
    registry.close();
    const proxy = await LibvirtProxy.start();
    const relayed = new LibvirtClient(proxy.uri, { reconnect: true, backoffMaxMs: 300 });
    relayed.on('event-error', () => undefined);
    relayed.start();
    const viaRelay = new SerialRegistry(relayed, { scrollbackBytes: 16 * 1024, capture: 'opened' });
    try {
      await relayed.waitOpen(AbortSignal.timeout(10_000));
      viaRelay.start();
      const v = new Recorder();
      viaRelay.session({ name, uuid: dom.uuid }).attach(v);
      await v.waitState('live');
      await proxy.down();
      await v.waitState('libvirt-down', 20_000);
      await proxy.up();
      await v.waitState('live', 20_000);
      const from = v.text.length;
      viaRelay.session({ name, uuid: dom.uuid }).input(Buffer.from('echo relay-$((6*7))\r'));
      await v.waitFor(/^relay-42\r?$/m, 20_000, from);
    } finally {
      viaRelay.close();
      await relayed.close();
      await proxy.down();
    }
  });
});
