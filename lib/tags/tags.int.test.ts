import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Domain } from '@/lib/domain-xml/domain';
import type { DomainSnapshot } from '@/lib/metrics/domain-stats';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { testHost } from '@/test/support/test-host';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { until } from '@/test/support/until';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { withTestDatabase } from '@/test/support/with-test-database';
import { setVmTags, tagsByUuid, vmNamesWithTag, vmTags } from './service';
import { AlertEngine } from '@/lib/alerts/engine';
import { ruleBody } from '@/lib/alerts/inputs';
import { listAlerts } from '@/lib/alerts/instances';
import { Notifier } from '@/lib/alerts/notifier';
import { createRule } from '@/lib/alerts/rules';
import { createSchedule, deleteSchedule, runDueSchedules } from '@/lib/backups/schedules';
import { setTagResolver } from '@/lib/backups/tags';
import { planClone } from '@/lib/clones/clone';
import { inventory } from '@/lib/vms/inventory';

// Tags against the test libvirtd: written with virDomainSetMetadata into a defined (stopped) VM's definition and
// into both definitions of a running TCG guest, witnessed by `virsh metadata` and dumpxml; refusals change nothing;
// a change made with virsh reaches the inventory through the metadata-change event; and the two services that act
// per tag, backup schedules and alert rules, resolve the tagged VM and only it.

const TAGS_NS = 'https://vireo.dev/xmlns/tags/1';
const suffix = randomUUID().slice(0, 8);
const stopped = `vireo-it-tags-a-${suffix}`;
const running = `vireo-it-tags-b-${suffix}`;
const untagged = `vireo-it-tags-c-${suffix}`;
const host = testHost();

withTestDatabase();
let pool: TestPool;

const metadata = (name: string, where: '--config' | '--live') => virsh(['metadata', name, TAGS_NS, where]);
const row = async (name: string) => (await inventory(host).list()).find((r) => r.name === name);

beforeAll(async () => {
  await ensureFixtures();
  pool = await createTestPool(`vireo-test-tags-${suffix}`);
  for (const name of [stopped, running, untagged]) await virshDefine(tcgGuestXml({ name, memoryMiB: 96 }));
  await virsh(['start', running]);
  await inventory(host).list();
}, 120_000);

afterAll(async () => {
  for (const name of [stopped, running, untagged]) await virshCleanupDomain(name);
  await pool?.dispose();
  await host.close();
});

describe('VM tags in libvirt metadata', () => {
  it('tags a defined, stopped VM in its persistent definition', async () => {
    expect(await vmTags(host, stopped)).toEqual({ name: stopped, tags: [], writes: 'persistent' });
    const set = await setVmTags(host, stopped, [' DB ', 'prod', 'db']);
    expect(set).toEqual({ name: stopped, tags: ['db', 'prod'], writes: 'persistent' });
    expect(await metadata(stopped, '--config')).toMatch(/<tags>\s*<tag>db<\/tag>\s*<tag>prod<\/tag>\s*<\/tags>/);
    const xml = await virsh(['dumpxml', '--inactive', stopped]);
    expect(xml).toContain(`<vireo-tags:tags xmlns:vireo-tags="${TAGS_NS}">`);
    expect(Domain.parse(xml).tags.names).toEqual(['db', 'prod']);
    expect((await row(stopped))?.tags).toEqual(['db', 'prod']);
  });

  it('tags a running guest live and for next boot', async () => {
    const set = await setVmTags(host, running, ['web']);
    expect(set).toEqual({ name: running, tags: ['web'], writes: 'both' });
    expect(await metadata(running, '--live')).toMatch(/<tag>web<\/tag>/);
    expect(await metadata(running, '--config')).toMatch(/<tag>web<\/tag>/);
    // The one domain-XML model reads what libvirt made of it (every element of the tags now in their namespace).
    expect(Domain.parse(await virsh(['dumpxml', running])).tags.names).toEqual(['web']);
    expect(Domain.parse(await virsh(['dumpxml', '--inactive', running])).tags.names).toEqual(['web']);
    expect((await row(running))?.tags).toEqual(['web']);
  });

  it('refuses bad tags and too many with a message per entry, and changes nothing', async () => {
    const before = await metadata(stopped, '--config');
    await expect(setVmTags(host, stopped, ['ok', 'no way'])).rejects.toMatchObject({
      status: 422,
      fields: { 'tags.1': '"no way" has a space: tags use letters, digits, ".", "_" and "-".' },
    });
    const many = Array.from({ length: 17 }, (_, i) => `t${i}`);
    await expect(setVmTags(host, stopped, many)).rejects.toMatchObject({ status: 422, fields: { tags: 'A VM has at most 16 tags; this list has 17.' } });
    await expect(setVmTags(host, 'no such vm', ['x'])).rejects.toMatchObject({ status: 404 });
    expect(await metadata(stopped, '--config')).toBe(before);
  });

  it('follows a change made with virsh through the metadata-change event', async () => {
    await virsh(['metadata', untagged, TAGS_NS, '--key', 'vireo-tags', '--config', '--set', '<tags><tag>ops</tag></tags>']);
    await until('the row with the new tag', async () => (await row(untagged))?.tags?.join() === 'ops', 15_000, 100);
    expect(await vmNamesWithTag(host, 'ops')).toEqual([untagged]);
    // Removing every tag removes the element.
    await setVmTags(host, untagged, []);
    await expect(metadata(untagged, '--config')).rejects.toThrow();
    expect((await row(untagged))?.tags).toEqual([]);
  });

  it('answers which VMs carry a tag from the inventory', async () => {
    expect(await vmNamesWithTag(host, 'db')).toEqual([stopped]);
    expect(await vmNamesWithTag(host, ' PROD')).toEqual([stopped]);
    expect(await vmNamesWithTag(host, 'nobody')).toEqual([]);
    const tagsOf = await tagsByUuid(host);
    expect(tagsOf((await row(running))!.uuid)).toEqual(['web']);
    expect(tagsOf('00000000-0000-0000-0000-000000000000')).toEqual([]);
  });
});

describe('anti-affinity by tag', () => {
  it('refuses an anti-affine tag another VM of the host carries, to a tag edit and to a clone, changing nothing', async () => {
    const aa = `aa-${suffix}`;
    const was = process.env.VIREO_ANTI_AFFINITY_TAGS;
    process.env.VIREO_ANTI_AFFINITY_TAGS = aa;
    try {
      await setVmTags(host, untagged, [aa]);
      const before = await metadata(stopped, '--config');
      await expect(setVmTags(host, stopped, ['db', 'prod', aa])).rejects.toMatchObject({
        status: 409,
        fields: { tags: expect.stringContaining(`already has ${untagged} tagged ${aa} (anti-affinity)`) },
      });
      expect(await metadata(stopped, '--config')).toBe(before);
      // The rule holds for tags a VM gains: one that carries it already may still be edited.
      await setVmTags(host, untagged, [aa, 'ops2']);
      // A clone would carry the tag onto the same host.
      const copy = `vireo-it-tags-d-${suffix}`;
      await expect(planClone(host, untagged, { name: copy, mode: 'full' })).rejects.toMatchObject({ status: 409 });
      await expect(virsh(['dominfo', copy])).rejects.toThrow();
    } finally {
      if (was === undefined) delete process.env.VIREO_ANTI_AFFINITY_TAGS;
      else process.env.VIREO_ANTI_AFFINITY_TAGS = was;
      await setVmTags(host, untagged, []);
    }
  });
});

describe('acting per tag', () => {
  it('a backup schedule per tag backs up the tagged VM', async () => {
    setTagResolver(vmNamesWithTag);
    const t0 = new Date(Date.now() + 24 * 3_600_000);
    t0.setUTCHours(0, 0, 0, 0);
    await expect(createSchedule(host, { scope: 'tag', tag: 'no way', cron: '0 3 * * *', pool: pool.name })).rejects.toMatchObject({
      status: 422,
    });
    const s = await createSchedule(host, { scope: 'tag', tag: 'DB', cron: '0 3 * * *', pool: pool.name }, { now: () => t0 });
    expect(s).toMatchObject({ scope: 'tag', tag: 'db' });
    const runs = await runDueSchedules(host, new Date(t0.getTime() + 3 * 3_600_000));
    // The guest has no disk: the run itself may fail, but it is the tagged VM, and only it, that the schedule took.
    expect(runs.map((r) => r.vm)).toEqual([stopped]);
    await deleteSchedule(host, s.id);
  });

  it('an alert rule scoped to a tag judges the tagged VM only', async () => {
    const notifier = new Notifier({ externalURL: () => 'https://vireo.test' });
    const engine = new AlertEngine({
      hostId: host.id,
      hostName: host.name,
      notifier,
      generatorURL: () => 'https://vireo.test/alerts',
      tags: () => tagsByUuid(host),
    });
    await createRule(ruleBody.parse({ name: 'DB down', metric: 'vm.state', comparison: 'is-not', stateValue: 'running', scopeKind: 'tag', scopeValue: 'db' }));
    const domains = await Promise.all(
      [stopped, untagged, running].map(async (name) => {
        const r = (await row(name))!;
        return { uuid: r.uuid, name, id: r.id, state: r.state === 'running' ? 1 : 5, reason: 0 } as DomainSnapshot;
      }),
    );
    await engine.evaluate({ ok: true, at: Date.now(), domains, points: new Map() });
    expect((await listAlerts()).map((a) => a.subjectName)).toEqual([stopped]);
    await notifier.idle();
  });
});
