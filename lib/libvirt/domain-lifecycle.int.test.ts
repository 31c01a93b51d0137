import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ensureFixtures, tcgGuestXml, bootBanner } from '../../test/support/fixtures';
import { virsh, virshCleanupDomain } from '../../test/support/virsh';
import { XMLBuilder } from 'fast-xml-parser';
import { truncate, rm, writeFile } from 'node:fs/promises';
import { connect, DomainEventType, DomainInterfaceAddressesSource, DomainState, DomainXMLFlags, type DomainRef, type LibvirtClient } from './index';
import { ConsoleReader, nextEvent, until } from './test-support/wait';
import { testImagesDir, testSystemUri } from '@/test/support/test-libvirtd';

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const write = (r: ConsoleReader, text: string) => (r.stream as unknown as NodeJS.WritableStream).write(text);

// The path that matters: qemu:///system on the real daemon, with a guest booted under TCG from the locally
// built kernel + busybox fixture. virsh (libvirt's own C client) witnesses what Vireo's client did.
const name = `vireo-it-${randomUUID().slice(0, 8)}`;
const diskPath = `${testImagesDir}/${name}-extra.raw`;

describe('a TCG guest on the test daemon (qemu:///system)', () => {
  let client: LibvirtClient;
  let dom: DomainRef;
  let consoleReader: ConsoleReader | undefined;

  beforeAll(async () => {
    await ensureFixtures();
    await writeFile(diskPath, '');
    client = await connect(testSystemUri);
  });

  afterAll(async () => {
    consoleReader?.stop();
    await virshCleanupDomain(name);
    await rm(diskPath, { force: true });
    await client.close();
  });

  it('defines the domain, and virsh sees the same definition', async () => {
    const defined = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === name && e.event === DomainEventType.DEFINED);
    await client.events.ready();
    dom = await client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 160, vcpus: 2 }));
    expect(dom).toMatchObject({ name, id: -1 });
    await defined;
    const witnessed = await virsh(['dumpxml', '--inactive', name]);
    expect(witnessed).toContain(`<uuid>${dom.uuid}</uuid>`);
    expect(await client.domains.xml(dom, DomainXMLFlags.INACTIVE)).toBe(witnessed.trimEnd() + '\n');
  });

  it('starts it and reads the boot text through the console stream', async () => {
    const started = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === name && e.event === DomainEventType.STARTED);
    dom = await client.domains.create(dom);
    await started;
    expect(dom.id).toBeGreaterThan(0);
    expect((await virsh(['domstate', name])).trim()).toBe('running');
    consoleReader = new ConsoleReader(await client.domains.openConsole(dom));
    await consoleReader.waitFor(new RegExp(`${bootBanner} hostname=${name}`), 90_000);
  });

  it('types into the guest shell and reads the answer', async () => {
    const r = consoleReader!;
    const from = r.text.length;
    write(r, 'echo $((6*7))\n');
    await r.waitFor(/\b42\b/, 20_000, from);
  });

  it('reads all-domain stats with typed parameters', async () => {
    const [s] = await client.domains.allStats(0, 0, [dom]);
    expect(s?.dom.uuid).toBe(dom.uuid);
    expect(s?.params['state.state']).toBe(DomainState.RUNNING);
    expect(typeof s?.params['cpu.time']).toBe('bigint');
    expect(s?.params['vcpu.current']).toBe(2);
    expect(s?.params['balloon.maximum']).toBe(BigInt(160 * 1024));
  });

  it('hotplugs a disk live: device events, the guest sees it, virsh lists it', async () => {
    const r = consoleReader!;
    await truncate(diskPath, 8 * 1024 * 1024);
    const diskXml = xml.build({
      disk: {
        '@_type': 'file',
        '@_device': 'disk',
        driver: { '@_name': 'qemu', '@_type': 'raw' },
        source: { '@_file': diskPath },
        target: { '@_dev': 'vdb', '@_bus': 'virtio' },
      },
    });
    const added = nextEvent(client, 'domain-device-added', (e) => e.dom.name === name);
    await client.events.ready();
    await client.domains.attachDevice(dom, diskXml, 'live');
    expect((await added).devAlias).toMatch(/^virtio-disk/);
    expect(await virsh(['domblklist', name])).toContain(diskPath);
    expect(await virsh(['dumpxml', '--inactive', name])).not.toContain(diskPath); // live only
    await until(
      async () => {
        const from = r.text.length;
        write(r, 'ls /sys/block\n');
        // The fixture has no other disk, so the guest names this one vda whatever libvirt's target says.
        return r.waitFor(/\bvd[a-z]\b/, 2000, from).then(
          () => true,
          () => false,
        );
      },
      30_000,
      0,
    );

    const removed = nextEvent(client, 'domain-device-removed', (e) => e.dom.name === name, 60_000);
    await client.domains.detachDevice(dom, diskXml, 'live');
    await removed;
    expect(await virsh(['domblklist', name])).not.toContain(diskPath);
  });

  it('changes the vCPU count of the persistent definition only', async () => {
    await client.domains.setVcpus(dom, 1, 'config');
    expect(await virsh(['vcpucount', name, '--config', '--current'])).toMatch(/^1\s*$/m);
    expect((await client.domains.info(dom)).vcpus).toBe(2);
    expect(await client.domains.interfaceAddresses(dom, DomainInterfaceAddressesSource.LEASE)).toEqual([]);
  });

  it('reboots it and hears the reboot event', async () => {
    const rebooted = nextEvent(client, 'domain-reboot', (e) => e.dom.name === name, 60_000);
    await client.events.ready();
    const from = consoleReader!.text.length;
    await client.domains.reboot(dom);
    await rebooted;
    await consoleReader!.waitFor(new RegExp(bootBanner), 90_000, from);
  });

  it('changes memory live and persistently', async () => {
    await client.domains.setMemory(dom, 128 * 1024, 'config');
    expect(await virsh(['dumpxml', '--inactive', name])).toMatch(/<currentMemory unit='KiB'>131072</);
    expect((await client.domains.info(dom)).maxMemKiB).toBe(160 * 1024);
  });

  it('shuts the guest down through ACPI and sees it stop', async () => {
    const stopped = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === name && e.event === DomainEventType.STOPPED, 90_000);
    await client.domains.shutdown(dom);
    const ev = await stopped;
    expect(ev.detail).toBe(0); // VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN
    expect((await client.domains.state(dom)).state).toBe(DomainState.SHUTOFF);
  });

  it('undefines it, and virsh no longer knows it', async () => {
    const undefinedEv = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === name && e.event === DomainEventType.UNDEFINED);
    await client.domains.undefine(dom);
    await undefinedEv;
    await expect(virsh(['dominfo', name])).rejects.toThrow(/failed to get domain|Domain not found/);
  });
});
