import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLBuilder } from 'fast-xml-parser';
import { connect, DomainEventType, DomainState, LibvirtError, type LibvirtClient } from './index';
import { nextEvent } from './test-support/wait';
import { testDriverUri, testSystemUri } from '@/test/support/test-libvirtd';

// libvirtd's built-in test driver: a fake hypervisor served through the same socket and protocol, so these
// calls exercise the real wire format quickly. Its state belongs to this one connection.
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const testDomainXml = (name: string) =>
  xml.build({ domain: { '@_type': 'test', name, memory: { '@_unit': 'MiB', '#text': '64' }, vcpu: '2', os: { type: 'hvm' } } });

describe('test:///default through libvirtd', () => {
  let client: LibvirtClient;
  beforeAll(async () => {
    client = await connect(testDriverUri);
  });
  afterAll(() => client.close());

  it('reports host facts', async () => {
    expect(await client.host.libVersion()).toBeGreaterThanOrEqual(9_000_000);
    expect(await client.host.hostname()).toMatch(/\S/);
    const node = await client.host.nodeInfo();
    expect(node).toMatchObject({ model: 'i686', cpus: 16, nodes: 2, sockets: 2, cores: 2, threads: 2 });
    expect(await client.host.capabilities()).toContain('<capabilities>');
    expect(await client.host.freeMemory()).toBeGreaterThan(0);
  });

  it('lists, looks up and reads the built-in domain', async () => {
    const doms = await client.domains.listAll();
    expect(doms.map((d) => d.name)).toContain('test');
    expect(await client.domains.count()).toBe(doms.length);
    const byName = await client.domains.lookupByName('test');
    const byUuid = await client.domains.lookupByUuid(byName.uuid);
    expect(byUuid).toEqual(byName);
    expect(await client.domains.xml(byName)).toContain(`<uuid>${byName.uuid}</uuid>`);
    expect((await client.domains.info(byName)).state).toBe(DomainState.RUNNING);
  });

  it('turns libvirt errors into LibvirtError with code and plain message', async () => {
    const err = await client.domains.lookupByName('no-such-domain').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect(err).toMatchObject({ code: 42, codeName: 'ERR_NO_DOMAIN' });
    expect(err).toMatchObject({ domainName: 'TEST', message: 'Domain not found' });
  });

  it('defines, starts, pauses, resumes, stops and undefines with lifecycle events', async () => {
    const seen: number[] = [];
    const listener = (e: { dom: { name: string }; event: number }) => {
      if (e.dom.name === 'vireo-td') seen.push(e.event);
    };
    client.events.on('domain-lifecycle', listener);
    await client.events.ready();
    const dom = await client.domains.defineXml(testDomainXml('vireo-td'));
    const started = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === 'vireo-td' && e.event === DomainEventType.STARTED);
    const running = await client.domains.create(dom);
    await started;
    expect(running.id).toBeGreaterThan(0);
    await client.domains.suspend(running);
    expect((await client.domains.state(running)).state).toBe(DomainState.PAUSED);
    await client.domains.resume(running);
    await client.domains.setMemory(running, 32 * 1024, 'live');
    expect((await client.domains.info(running)).memoryKiB).toBe(32 * 1024);
    await client.domains.destroy(running);
    const undefined_ = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === 'vireo-td' && e.event === DomainEventType.UNDEFINED);
    await client.domains.undefine(dom);
    await undefined_;
    client.events.off('domain-lifecycle', listener);
    expect(seen).toEqual([
      DomainEventType.DEFINED,
      DomainEventType.STARTED,
      DomainEventType.SUSPENDED,
      DomainEventType.RESUMED,
      DomainEventType.STOPPED,
      DomainEventType.UNDEFINED,
    ]);
  });

  it('reads all-domain stats as typed parameters', async () => {
    const stats = await client.domains.allStats();
    const test = stats.find((s) => s.dom.name === 'test');
    expect(test?.params['state.state']).toBe(DomainState.RUNNING);
    expect(test?.params['state.reason']).toBe(0);
  });

  it('pipelines many calls on one connection', async () => {
    const dom = await client.domains.lookupByName('test');
    const xmls = await Promise.all(Array.from({ length: 200 }, () => client.domains.xml(dom)));
    expect(new Set(xmls).size).toBe(1);
  });

  it('honours per-call timeouts and abort signals', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(client.host.hostname({ signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    // The connection is still usable afterwards.
    expect(await client.host.hostname({ timeoutMs: 5000 })).toMatch(/\S/);
  });
});

describe('a read-only connection', () => {
  it('reads through libvirt-sock-ro and is refused any change', async () => {
    const ro = await connect(testSystemUri.replace(/libvirt-sock$/, 'libvirt-sock-ro'), { readOnly: true });
    try {
      expect(await ro.host.libVersion()).toBeGreaterThan(0);
      expect(Array.isArray(await ro.domains.listAll())).toBe(true);
      const err = await ro.domains.defineXml(testDomainXml('vireo-ro')).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'LibvirtError', codeName: 'ERR_OPERATION_DENIED' });
    } finally {
      await ro.close();
    }
  });
});
