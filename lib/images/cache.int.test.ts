import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { connect, type LibvirtClient } from '@/lib/libvirt';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { virsh } from '@/test/support/virsh';
import { testSystemUri } from '@/test/support/test-libvirtd';
import { withTestDatabase } from '@/test/support/with-test-database';
import { catalogForWizard, findCachedBase, recordBase } from './cache';

// The base-image cache against a real pool and a fresh database: found by URL or catalog id while the volume
// exists; a record whose volume was deleted behind Vireo's back is dropped, not trusted.

const suffix = Math.random().toString(36).slice(2, 7);
let pool: TestPool;
let client: LibvirtClient;
withTestDatabase();

beforeAll(async () => {
  pool = await createTestPool(`vireo-test-cache-${suffix}`);
  await virsh(['vol-create-as', pool.name, 'base.qcow2', '1M', '--format', 'qcow2']);
  client = await connect(testSystemUri);
});

afterAll(async () => {
  await client?.close();
  await pool?.dispose();
});

describe('base image cache', () => {
  it('finds a recorded base by URL and by catalog id, only in its pool, and forgets it once the volume is gone', async () => {
    const url = 'https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2';
    await recordBase({ url, catalogId: 'debian-12', pool: pool.name, volume: 'base.qcow2', sha256: 'a'.repeat(64), sizeBytes: 1234, format: 'qcow2' });
    const want = { pool: pool.name, volume: 'base.qcow2', sha256: 'a'.repeat(64) };
    expect(await findCachedBase(client, { url, pool: pool.name })).toEqual(want);
    expect(await findCachedBase(client, { catalogId: 'debian-12', pool: pool.name })).toEqual(want);
    expect(await findCachedBase(client, { url, pool: 'default-other' })).toBeNull();
    expect((await catalogForWizard()).find((e) => e.id === 'debian-12')?.cached).toBe(true);

    await virsh(['vol-delete', '--pool', pool.name, 'base.qcow2']);
    expect(await findCachedBase(client, { url, pool: pool.name })).toBeNull();
    expect(await db().baseImage.count()).toBe(0);
  });
});
