import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIso, primaryName, SECTOR } from './writer';

// Read back with isoinfo (genisoimage) and xorriso (libisofs), two independent ISO readers installed by
// scripts/host-setup.sh, never with our own code.

const run = promisify(execFile);
let dir: string;
let iso: string;
const big = Buffer.alloc(3 * SECTOR + 17, 0x5a);
const files = [
  { name: 'user-data', data: Buffer.from('#cloud-config\nhostname: seedy\n') },
  { name: 'meta-data', data: Buffer.from('instance-id: iid-1\nlocal-hostname: seedy\n') },
  { name: 'network-config', data: big },
  { name: 'empty', data: Buffer.alloc(0) },
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vireo-iso-'));
  iso = path.join(dir, 'seed.iso');
  await writeFile(iso, buildIso({ volumeId: 'cidata', files, date: new Date('2025-06-07T08:09:10Z') }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ISO 9660 writer', () => {
  it('has the volume label and a Joliet tree (isoinfo -d)', async () => {
    const { stdout } = await run('isoinfo', ['-d', '-i', iso]);
    expect(stdout).toMatch(/Volume id: cidata\n/);
    expect(stdout).toMatch(/Logical block size is: 2048/);
    expect(stdout).toMatch(/Joliet with UCS level 3 found/);
    expect(stdout).toMatch(/Volume size is: (\d+)/);
    expect(Number(stdout.match(/Volume size is: (\d+)/)![1]) * SECTOR).toBe((await readFile(iso)).length);
  });

  it('lists the exact lowercase names through Joliet (isoinfo -J -l) and 8.3 names in the primary tree', async () => {
    const joliet = (await run('isoinfo', ['-J', '-l', '-i', iso])).stdout;
    for (const f of files) expect(joliet).toMatch(new RegExp(`\\s${f.data.length}\\s.*\\]\\s+${f.name}(;1)?\\s*$`, 'm'));
    const primary = (await run('isoinfo', ['-l', '-i', iso])).stdout;
    expect(primary).toContain('USER_DAT.;1');
    expect(primary).toContain('NETWORK_.;1');
  });

  it("gives back every file's bytes (isoinfo -x, xorriso -extract)", async () => {
    for (const f of files) {
      const { stdout } = await run('isoinfo', ['-J', '-i', iso, '-x', `/${f.name};1`], { encoding: 'buffer', maxBuffer: 1 << 24 });
      expect(Buffer.compare(stdout as unknown as Buffer, f.data)).toBe(0);
    }
    const out = path.join(dir, 'x');
    await run('xorriso', ['-osirrox', 'on', '-indev', iso, '-extract', '/', out]);
    for (const f of files) expect(Buffer.compare(await readFile(path.join(out, f.name)), f.data)).toBe(0);
    const ls = (await run('xorriso', ['-indev', iso, '-ls', '/'])).stdout;
    expect(
      ls
        .split('\n')
        .filter((l) => l.startsWith("'"))
        .sort(),
    ).toEqual(files.map((f) => `'${f.name}'`).sort());
  });

  it('is identical for identical input and date', () => {
    const a = buildIso({ volumeId: 'cidata', files, date: new Date(0) });
    const b = buildIso({ volumeId: 'cidata', files, date: new Date(0) });
    expect(a.equals(b)).toBe(true);
  });

  it('refuses names and labels it cannot write', () => {
    expect(() => buildIso({ volumeId: 'cidata', files: [{ name: 'a/b', data: Buffer.alloc(1) }] })).toThrow(/not a valid file name/);
    expect(() =>
      buildIso({
        volumeId: 'cidata',
        files: [
          { name: 'x', data: Buffer.alloc(1) },
          { name: 'x', data: Buffer.alloc(1) },
        ],
      }),
    ).toThrow(/twice/);
    expect(() => buildIso({ volumeId: 'a label that is too long', files: [] })).toThrow(/volume id/);
  });

  it('makes unique 8.3 primary names', () => {
    const taken = new Set<string>();
    expect(primaryName('user-data', taken)).toBe('USER_DAT.');
    expect(primaryName('user-datb', taken)).toBe('USER_D~1.');
    expect(primaryName('seed.iso.gz', taken)).toBe('SEED_ISO.GZ');
  });
});
