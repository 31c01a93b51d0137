import { z } from 'zod';

// The seed form: what Vireo lets a person fill in. Everything else goes through raw user-data.

const hostname = z
  .string()
  .trim()
  .regex(
    /^(?=.{1,63}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/,
    'The host name may use letters, digits and "-" (1–63 characters, not starting or ending with "-").',
  );
const userName = z
  .string()
  .trim()
  .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'The user name must start with a lower-case letter or "_" and use only a-z, 0-9, "_" and "-" (at most 32).');
const sshKey = z
  .string()
  .trim()
  .regex(
    /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/=]+( [^\n]*)?$/,
    'Each SSH key must be one public key line (ssh-ed25519 AAAA… comment).',
  );
const pkg = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9+._:=~-]*$/, 'A package name may use letters, digits and the signs + . _ : = ~ - (no spaces).');
const cidr4 = z
  .string()
  .trim()
  .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'The address must be IPv4 with a prefix, e.g. 192.0.2.10/24.');
const ip4 = z
  .string()
  .trim()
  .regex(/^(\d{1,3}\.){3}\d{1,3}$/, 'Must be an IPv4 address.');

export const seedInputSchema = z.object({
  hostname,
  instanceId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,128}$/, 'The instance id may use letters, digits and . _ -')
    .optional(),
  user: z
    .object({
      name: userName,
      sshKeys: z.array(sshKey).max(50, 'At most 50 SSH keys.').default([]),
      /** Plain text from the form: hashed at once, never kept. */
      password: z.string().min(1, 'The password cannot be empty.').max(256, 'The password is at most 256 characters.').optional(),
      sudo: z.boolean({ error: 'Sudo is yes or no.' }).default(false),
    })
    .optional(),
  packages: z.array(pkg).max(200, 'At most 200 packages.').default([]),
  runcmd: z
    .array(z.string().min(1, 'A command cannot be empty.').max(4096, 'A command is at most 4096 characters.'))
    .max(100, 'At most 100 commands.')
    .default([]),
  network: z
    .object({
      /** Matches the guest's NIC by MAC when given, else the first NIC named e*. */
      mac: z
        .string()
        .trim()
        .regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'The MAC address must look like 52:54:00:12:34:56.')
        .optional(),
      address: cidr4,
      gateway: ip4.optional(),
      dns: z.array(ip4).max(4, 'At most 4 DNS servers.').default([]),
    })
    .optional(),
  /** Raw #cloud-config text merged over the form (see merge.ts). */
  rawUserData: z
    .string()
    .max(256 * 1024, 'The user-data is at most 256 KiB.')
    .optional(),
  /** Raw network-config (v2 or v1); when given it replaces the form's static address entirely. */
  rawNetworkConfig: z
    .string()
    .max(64 * 1024, 'The network-config is at most 64 KiB.')
    .optional(),
});
export type SeedInput = z.infer<typeof seedInputSchema>;
