import { processSingleton } from '@/lib/process/singleton';
import type { CreateVmSpec } from './spec';

// The settings each create job started from, so that after a failure the user can retry them as they were or go
// back to the wizard with them filled in. Kept in this process's memory only, never in the database: they may hold
// a cloud-init password in clear. A restart forgets them (the job page then offers an empty wizard).

const TTL_MS = 24 * 60 * 60_000;
const MAX = 200;

const specs = processSingleton('provisioning.job-specs', () => new Map<string, { spec: CreateVmSpec; at: number }>());

export function rememberSpec(jobId: string, spec: CreateVmSpec, now = Date.now()): void {
  for (const [id, e] of specs) if (now - e.at > TTL_MS || specs.size >= MAX) specs.delete(id);
  specs.set(jobId, { spec, at: now });
}

/** The settings a job started from, or null when they are no longer kept. */
export function recallSpec(jobId: string, now = Date.now()): CreateVmSpec | null {
  const e = specs.get(jobId);
  if (!e || now - e.at > TTL_MS) return null;
  return e.spec;
}
