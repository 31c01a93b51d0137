import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { InputError } from '@/lib/errors';
import { seedInputSchema, type SeedInput } from './input';
import { mergeCloudConfig } from './merge';
import { hashPassword } from './password';
import { parseRawNetworkConfig } from './raw-network-config';
import { CLOUD_CONFIG_HEADER, parseRawUserData, type RawProblem } from './raw-user-data';

// The three NoCloud files, each produced by the YAML serializer from plain objects (never by pasting strings).

export interface SeedFiles {
  'user-data': string;
  'meta-data': string;
  'network-config'?: string;
}

export class SeedInputError extends InputError {
  constructor(
    readonly problems: RawProblem[],
    readonly field = 'rawUserData',
  ) {
    super(problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)).join(' '));
  }
}

const yaml = (v: unknown) => stringify(v, { lineWidth: 0 });

/** The form as cloud-config. The password becomes a SHA-512 crypt hash here and the plain text goes no further. */
export function formCloudConfig(input: SeedInput): Record<string, unknown> {
  const out: Record<string, unknown> = { hostname: input.hostname };
  if (input.user) {
    const u = input.user;
    out.users = [
      {
        name: u.name,
        shell: '/bin/bash',
        ...(u.sudo ? { sudo: 'ALL=(ALL) NOPASSWD:ALL', groups: 'sudo' } : {}),
        lock_passwd: !u.password,
        ...(u.password ? { hashed_passwd: hashPassword(u.password) } : {}),
        ...(u.sshKeys.length ? { ssh_authorized_keys: u.sshKeys } : {}),
      },
    ];
    if (u.password) out.ssh_pwauth = false;
  }
  if (input.packages.length) out.packages = input.packages;
  if (input.runcmd.length) out.runcmd = input.runcmd;
  return out;
}

export function networkConfig(net: NonNullable<SeedInput['network']>): Record<string, unknown> {
  return {
    version: 2,
    ethernets: {
      nic0: {
        match: net.mac ? { macaddress: net.mac.toLowerCase() } : { name: 'e*' },
        dhcp4: false,
        addresses: [net.address],
        ...(net.gateway ? { routes: [{ to: 'default', via: net.gateway }] } : {}),
        ...(net.dns.length ? { nameservers: { addresses: net.dns } } : {}),
      },
    },
  };
}

/** Checks the input (form and raw text) and produces the seed's files; throws SeedInputError for the raw text. */
export function buildSeedFiles(raw: unknown): SeedFiles {
  const input = seedInputSchema.parse(raw);
  const parsed = parseRawUserData(input.rawUserData ?? '');
  if (!parsed.ok) throw new SeedInputError(parsed.problems);
  const userData = mergeCloudConfig(formCloudConfig(input), parsed.config);
  const files: SeedFiles = {
    'user-data': `${CLOUD_CONFIG_HEADER}\n${yaml(userData)}`,
    'meta-data': yaml({ 'instance-id': input.instanceId ?? `iid-${randomUUID()}`, 'local-hostname': input.hostname }),
  };
  const rawNet = parseRawNetworkConfig(input.rawNetworkConfig ?? '');
  if (!rawNet.ok) throw new SeedInputError(rawNet.problems, 'rawNetworkConfig');
  if (rawNet.config) files['network-config'] = yaml(rawNet.config);
  else if (input.network) files['network-config'] = yaml(networkConfig(input.network));
  return files;
}
