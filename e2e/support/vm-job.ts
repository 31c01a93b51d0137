import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { cloudImagePath, ensureFixtures } from '@/test/support/fixtures';
import { startHttpFixtureServer, type HttpFixtureServer } from '@/test/support/http-fixture-server';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { apiFromPage } from './journeys';

/** The fixture cloud image's SHA-256, the checksum a creation from it is given. */
export async function fixtureImageSha256(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(cloudImagePath))
    .digest('hex');
}

/** Where a spec's VMs come from: the fixture cloud image served from loopback as `cloud.qcow2`, and a pool of its own. */
export interface CloudImageSource {
  pool: TestPool;
  /** Serves `cloud.qcow2`; a spec may serve more files from it (a slow one, another name). */
  http: HttpFixtureServer;
  /** The image's SHA-256. */
  sha256: string;
  /** Stops serving and removes the pool (remove the VMs in it first). */
  close(): Promise<void>;
}

export async function serveCloudImage(poolName: string): Promise<CloudImageSource> {
  await ensureFixtures();
  const sha256 = await fixtureImageSha256();
  const pool = await createTestPool(poolName);
  const http = await startHttpFixtureServer({ files: { 'cloud.qcow2': cloudImagePath } }).catch(async (err: unknown) => {
    await pool.dispose();
    throw err;
  });
  return {
    pool,
    http,
    sha256,
    async close() {
      await http.close();
      await pool.dispose();
    },
  };
}

export interface CloudImageJob {
  name: string;
  /** Where the image is downloaded from (a loopback fixture server the test allows). */
  url: string;
  sha256: string;
  pool: string;
  /** A libvirt network, or none. */
  network?: string;
  sizeGiB?: number;
  memoryMiB?: number;
  /** The guest's hostname through cloud-init; without it, no cloud-init. */
  hostname?: string;
}

/** The body of POST /api/vms creating a VM from a cloud image, not started. */
export function cloudImageSpec(j: CloudImageJob): Record<string, unknown> {
  return {
    name: j.name,
    source: { kind: 'cloud-image', image: { from: 'url', url: j.url, checksum: { algorithm: 'sha256', hex: j.sha256 } } },
    resources: { vcpus: 1, memoryMiB: j.memoryMiB ?? 128 },
    storage: { pool: j.pool, sizeGiB: j.sizeGiB ?? 1 },
    network: j.network ? { type: 'network', network: j.network } : { type: 'none' },
    ...(j.hostname ? { cloudInit: { hostname: j.hostname } } : {}),
    start: false,
  };
}

/** Asks the API to create a VM from a cloud image, not started; returns the job's id (throws if refused). */
export async function startCloudImageJob(page: Page, j: CloudImageJob): Promise<string> {
  const r = await apiFromPage(page, '/api/vms', 'POST', cloudImageSpec({ hostname: 'demo', ...j }));
  if (r.status !== 202) throw new Error(`creating ${j.name} was refused (${r.status}): ${JSON.stringify(r.body)}`);
  return r.body.jobId as string;
}
