import { randomUUID } from 'node:crypto';
import { parse, stringify } from 'yaml';
import { CLOUD_CONFIG_HEADER } from './raw-user-data';
import type { SeedFiles } from './seed';

// A clone's seed: the source's NoCloud files with a new identity, so cloud-init in the copied guest sees a new
// instance (it runs its per-instance modules again) under its own hostname. Everything else the source was given
// (users, keys, packages) stays; a network config that matched the source's MACs matches the clone's.

export interface NewIdentity {
  hostname: string;
  instanceId?: string;
  /** Old MAC → new MAC (lowercase). */
  macs: ReadonlyMap<string, string>;
}

const yaml = (v: unknown) => stringify(v, { lineWidth: 0 });

function objectOf(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function reseedFiles(old: ReadonlyMap<string, Buffer | string>, id: NewIdentity): SeedFiles {
  const read = (n: string) => (old.has(n) ? old.get(n)!.toString() : null);
  const meta = objectOf(read('meta-data') ?? '') ?? {};
  meta['instance-id'] = id.instanceId ?? `iid-${randomUUID()}`;
  meta['local-hostname'] = id.hostname;
  let userData = read('user-data') ?? `${CLOUD_CONFIG_HEADER}\n{}\n`;
  if (userData.startsWith(CLOUD_CONFIG_HEADER)) {
    const config = objectOf(userData) ?? {};
    config.hostname = id.hostname;
    delete config.fqdn;
    userData = `${CLOUD_CONFIG_HEADER}\n${yaml(config)}`;
  }
  const files: SeedFiles = { 'user-data': userData, 'meta-data': yaml(meta) };
  let net = read('network-config');
  if (net !== null) {
    for (const [from, to] of id.macs) net = net.replace(new RegExp(from, 'gi'), to);
    files['network-config'] = net;
  }
  return files;
}
