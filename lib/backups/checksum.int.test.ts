import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHost } from '@/test/support/test-host';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { virsh } from '@/test/support/virsh';
import { streamSha256, volumeSha256 } from './checksum';

// A copy's checksum read straight from its file (the host is this machine) is the one libvirt's download stream
// gives, and follows the file when it changes.

const run = promisify(execFile);
const host = testHost();
let pool: TestPool;

beforeAll(async () => {
  pool = await createTestPool(`vireo-sum-${Math.random().toString(36).slice(2, 7)}`);
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-o', 'compat=1.1', `${pool.path}/c.qcow2`, '64M']);
  await run('qemu-io', ['-c', 'write -P 0x5a 1M 9M', `${pool.path}/c.qcow2`]);
  await virsh(['pool-refresh', pool.name]);
});

afterAll(async () => {
  await host.close();
  await pool?.dispose();
});

describe('volumeSha256', () => {
  it("reads a local copy's file and agrees with the download stream", async () => {
    const vol = { pool: pool.name, name: 'c.qcow2', key: '' };
    const file = createHash('sha256')
      .update(await readFile(`${pool.path}/c.qcow2`))
      .digest('hex');
    expect(host.local).toBe(true);
    expect(await volumeSha256(host, vol)).toBe(file);
    expect(await streamSha256(host, vol)).toBe(file);

    await run('qemu-io', ['-c', 'write -P 0x11 20M 1M', `${pool.path}/c.qcow2`]);
    const changed = await volumeSha256(host, vol);
    expect(changed).not.toBe(file);
    expect(changed).toBe(await streamSha256(host, vol));
  });
});
