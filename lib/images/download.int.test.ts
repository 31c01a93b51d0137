import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudImagePath, ensureFixtures, fileDigest, type FileDigest } from '@/test/support/fixtures';
import { fixtureAllowList, startHttpFixtureServer, type HttpFixtureServer } from '@/test/support/http-fixture-server';
import { qemuImgInfo } from '@/test/support/qemu-img';
import { testScene } from '@/test/support/test-scene';
import { virsh } from '@/test/support/virsh';
import { downloadToPool, type DownloadOptions } from './download';
import { createFullCopy, createOverlay } from './overlay';

// Image downloads into a real pool from a loopback HTTP server: verified, bounded, cancellable, and never
// leaving a partial or unverified volume; overlays and copies made from the result.

const scene = testScene();
const host = scene.host;
const suffix = Math.random().toString(36).slice(2, 7);
const pool = scene.pool(`vireo-test-img-${suffix}`);
let http: HttpFixtureServer;
let cloudImage: FileDigest;

beforeAll(async () => {
  await ensureFixtures();
  cloudImage = await fileDigest(cloudImagePath);
  http = await startHttpFixtureServer({ files: { 'cloud.qcow2': cloudImagePath } });
  http.serve('chunked.qcow2', cloudImagePath, { noLength: true });
  http.serve('slow.qcow2', cloudImagePath, { bytesPerSecond: 256 * 1024 });
  http.serveText('SHA256SUMS', `${'0'.repeat(64)}  other.img\n${cloudImage.sha256} *cloud.qcow2\n`);
});

afterAll(() => http?.close());

const opts = (o: Partial<DownloadOptions>): DownloadOptions => ({
  host,
  pool: pool.name,
  volumeName: 'base.qcow2',
  url: http.url('cloud.qcow2'),
  expected: { algorithm: 'sha256', hex: cloudImage.sha256 },
  maxBytes: 1024 ** 3,
  timeoutMs: 60_000,
  allow: fixtureAllowList,
  ...o,
});

describe('downloadToPool', () => {
  it('streams the image into a volume, verified against a checksum list, with progress; libvirt reads back the same bytes', async () => {
    const progress: number[] = [];
    const got = await downloadToPool(
      opts({
        expected: { algorithm: 'sha256', checksumUrl: http.url('SHA256SUMS'), fileName: 'cloud.qcow2' },
        onProgress: (done) => progress.push(done),
      }),
    );
    expect(got).toEqual({ volume: 'base.qcow2', sha256: cloudImage.sha256, bytes: cloudImage.bytes, format: 'qcow2' });
    expect(progress.at(-1)).toBe(cloudImage.bytes);
    await virsh(['vol-download', '--pool', pool.name, 'base.qcow2', `/tmp/vireo-dl-${suffix}`]);
    expect((await fileDigest(`/tmp/vireo-dl-${suffix}`)).sha256).toBe(cloudImage.sha256);
    await rm(`/tmp/vireo-dl-${suffix}`, { force: true });
  });

  it('spools a body without Content-Length and still verifies it', async () => {
    const got = await downloadToPool(opts({ url: http.url('chunked.qcow2'), volumeName: 'chunked.qcow2' }));
    expect(got.bytes).toBe(cloudImage.bytes);
    await virsh(['vol-delete', '--pool', pool.name, 'chunked.qcow2']);
  });

  it('deletes the volume and says so when the checksum does not match', async () => {
    const err = await downloadToPool(opts({ volumeName: 'bad.qcow2', expected: { algorithm: 'sha256', hex: '1'.repeat(64) } })).catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'ChecksumMismatchError' });
    expect((err as Error).message).toContain(`got ${cloudImage.sha256}`);
    expect(await pool.volumes()).toEqual(['base.qcow2']);
  });

  it('stops on cancel and removes the partial volume', async () => {
    const ctl = new AbortController();
    const pending = downloadToPool(
      opts({
        url: http.url('slow.qcow2'),
        volumeName: 'slow.qcow2',
        signal: ctl.signal,
        onProgress: (d) => d > 512 * 1024 && ctl.abort(new Error('cancelled by test')),
      }),
    );
    await expect(pending).rejects.toThrow('cancelled by test');
    expect(await pool.volumes()).toEqual(['base.qcow2']);
  });

  it('gives up after its time limit and removes the partial volume', async () => {
    await expect(downloadToPool(opts({ url: http.url('slow.qcow2'), volumeName: 'slow.qcow2', timeoutMs: 1500 }))).rejects.toThrow(/did not finish within 2 s/);
    expect(await pool.volumes()).toEqual(['base.qcow2']);
  });

  it('says in plain words that the host could not reach an address whose name does not resolve, and creates nothing', async () => {
    // .invalid never resolves (RFC 2606); without working DNS the lookup fails too, only with another code.
    const err = await downloadToPool(opts({ url: 'http://vireo-no-such-mirror.invalid/x.qcow2', volumeName: 'dns.qcow2', allow: [] })).catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'DownloadError' });
    expect((err as Error).message).toMatch(/^The host could not reach vireo-no-such-mirror\.invalid: its name (does not resolve|could not be resolved)/);
    expect(await pool.volumes()).toEqual(['base.qcow2']);
  });

  it('refuses other schemes, credentials, and images above the size bound before creating anything', async () => {
    await expect(downloadToPool(opts({ url: 'file:///etc/passwd' }))).rejects.toThrow(/Only http:\/\/ and https:\/\//);
    await expect(downloadToPool(opts({ url: 'ftp://127.0.0.1/x.img' }))).rejects.toThrow(/Only http/);
    await expect(downloadToPool(opts({ url: `http://user:pw@127.0.0.1/x` }))).rejects.toThrow(/user name or password/);
    await expect(downloadToPool(opts({ volumeName: 'big.qcow2', maxBytes: 1024 }))).rejects.toMatchObject({ name: 'ImageTooLargeError' });
    await expect(downloadToPool(opts({ url: http.url('chunked.qcow2'), volumeName: 'big.qcow2', maxBytes: 1024 }))).rejects.toMatchObject({
      name: 'ImageTooLargeError',
    });
    expect(await pool.volumes()).toEqual(['base.qcow2']);
  });

  it('refuses the loopback server without the allow-list, checksum list and redirect targets alike, before creating anything', async () => {
    const refused = /leads to a loopback, private, link-local or other internal network address/;
    await expect(downloadToPool(opts({ volumeName: 'ssrf.qcow2', allow: [] }))).rejects.toThrow(refused);
    const viaName = http.url('cloud.qcow2').replace('127.0.0.1', 'localhost');
    await expect(downloadToPool(opts({ volumeName: 'ssrf.qcow2', url: viaName, allow: [] }))).rejects.toMatchObject({ name: 'DestinationRefusedError' });
    const sums = { algorithm: 'sha256' as const, checksumUrl: http.url('SHA256SUMS'), fileName: 'cloud.qcow2' };
    await expect(downloadToPool(opts({ volumeName: 'ssrf.qcow2', url: 'https://cloud.debian.org/x.qcow2', expected: sums, allow: [] }))).rejects.toThrow(
      refused,
    );
    expect(await pool.volumes()).toEqual(['base.qcow2']);
  });
});

describe('disks from a base', () => {
  it('makes a qcow2 overlay backed by the base, grown to the requested size', async () => {
    await createOverlay(await host.libvirt(), { pool: pool.name, base: { pool: pool.name, volume: 'base.qcow2' }, name: 'vm.qcow2', sizeBytes: 2 * 1024 ** 3 });
    const info = await qemuImgInfo(`${pool.path}/vm.qcow2`);
    expect(info).toMatchObject({
      format: 'qcow2',
      'virtual-size': 2 * 1024 ** 3,
      'backing-filename': `${pool.path}/base.qcow2`,
      'backing-filename-format': 'qcow2',
    });
  });

  it('makes an independent full copy when asked', async () => {
    await createFullCopy(await host.libvirt(), { pool: pool.name, base: { pool: pool.name, volume: 'base.qcow2' }, name: 'copy.qcow2', sizeBytes: 1024 ** 3 });
    const info = await qemuImgInfo(`${pool.path}/copy.qcow2`);
    expect(info['backing-filename']).toBeUndefined();
    expect(info['virtual-size']).toBe(1024 ** 3);
  });

  it('refuses names that climb out of the pool', async () => {
    await expect(
      createOverlay(await host.libvirt(), { pool: pool.name, base: { pool: pool.name, volume: 'base.qcow2' }, name: '../evil.qcow2', sizeBytes: 1 }),
    ).rejects.toThrow(/may not contain/);
  });
});
