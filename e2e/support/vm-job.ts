import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { cloudImagePath } from '@/test/support/fixtures';
import { apiFromPage } from './journeys';

/** The fixture cloud image's SHA-256, the checksum a creation from it is given. */
export async function fixtureImageSha256(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(cloudImagePath))
    .digest('hex');
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
