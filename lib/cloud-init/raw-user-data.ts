import { isMap, isScalar, parseDocument } from 'yaml';
import { isCryptHash } from './password';
import { plainValue } from './yaml-value';

// Raw user-data typed by a person is checked before it is used: YAML that parses, the #cloud-config header cloud-init
// needs to treat it as cloud-config, only top-level keys cloud-init knows, and no plain-text passwords.

export const CLOUD_CONFIG_HEADER = '#cloud-config';

/** Top-level keys of cloud-init's cloud-config modules (cloud-init 23–24 documentation). */
export const KNOWN_KEYS = new Set([
  'apk_repos',
  'apt',
  'apt_pipelining',
  'apt_reboot_if_required',
  'apt_update',
  'apt_upgrade',
  'bootcmd',
  'byobu_by_default',
  'ca_certs',
  'ca-certs',
  'chef',
  'chpasswd',
  'cloud_config_modules',
  'cloud_final_modules',
  'cloud_init_modules',
  'create_hostname_file',
  'device_aliases',
  'disable_ec2_metadata',
  'disable_root',
  'disable_root_opts',
  'disk_setup',
  'fan',
  'final_message',
  'fqdn',
  'fs_setup',
  'groups',
  'growpart',
  'hostname',
  'keyboard',
  'landscape',
  'locale',
  'locale_configfile',
  'lxd',
  'manage_etc_hosts',
  'manage_resolv_conf',
  'mcollective',
  'merge_how',
  'merge_type',
  'mount_default_fields',
  'mounts',
  'no_ssh_fingerprints',
  'ntp',
  'output',
  'package_reboot_if_required',
  'package_update',
  'package_upgrade',
  'packages',
  'phone_home',
  'power_state',
  'prefer_fqdn_over_hostname',
  'puppet',
  'random_seed',
  'reporting',
  'resize_rootfs',
  'resolv_conf',
  'rh_subscription',
  'rsyslog',
  'runcmd',
  'salt_minion',
  'snap',
  'spacewalk',
  'ssh',
  'ssh_authorized_keys',
  'ssh_deletekeys',
  'ssh_fp_console_blacklist',
  'ssh_genkeytypes',
  'ssh_import_id',
  'ssh_key_console_blacklist',
  'ssh_keys',
  'ssh_publish_hostkeys',
  'ssh_pwauth',
  'ssh_quiet_keygen',
  'swap',
  'system_info',
  'timezone',
  'ubuntu_advantage',
  'ubuntu_pro',
  'updates',
  'user',
  'users',
  'vendor_data',
  'wireguard',
  'write_files',
  'yum_repos',
  'zypper',
  'preserve_hostname',
  'ansible',
  'autoinstall',
]);

export interface RawProblem {
  line: number | null;
  message: string;
}

export type RawResult = { ok: true; config: Record<string, unknown> } | { ok: false; problems: RawProblem[] };

function plainPasswordProblems(config: Record<string, unknown>): string[] {
  const out: string[] = [];
  if ('password' in config) out.push('"password" would be stored in plain text: set the password in the form (it is hashed) or use a user\'s "hashed_passwd".');
  const users = Array.isArray(config.users) ? config.users : [];
  for (const u of users) {
    if (!u || typeof u !== 'object') continue;
    const user = u as Record<string, unknown>;
    if ('plain_text_passwd' in user) out.push(`User "${String(user.name)}" has "plain_text_passwd": use "hashed_passwd" with a crypt hash.`);
    for (const k of ['passwd', 'hashed_passwd'])
      if (typeof user[k] === 'string' && !isCryptHash(user[k])) out.push(`User "${String(user.name)}": "${k}" must be a crypt hash ($6$…), not a password.`);
  }
  return out;
}

export function parseRawUserData(text: string): RawResult {
  if (!text.trim()) return { ok: true, config: {} };
  const firstLine = text.split('\n', 1)[0]!.trimEnd();
  if (firstLine !== CLOUD_CONFIG_HEADER)
    return { ok: false, problems: [{ line: 1, message: `The first line must be "${CLOUD_CONFIG_HEADER}" (found "${firstLine.slice(0, 40)}").` }] };
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) return { ok: false, problems: doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? null, message: e.message.split('\n')[0]! })) };
  if (doc.contents !== null && !isMap(doc.contents))
    return { ok: false, problems: [{ line: null, message: 'The user-data must be a mapping of keys (like "packages:"), not a list or a single value.' }] };
  const plain = plainValue(doc);
  if (!plain.ok) return { ok: false, problems: [{ line: null, message: plain.message }] };
  const config = (plain.value ?? {}) as Record<string, unknown>;
  const problems: RawProblem[] = [];
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.has(key)) {
      const node = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : null;
      const offset = (node?.key as { range?: [number] } | undefined)?.range?.[0];
      const line = offset === undefined ? null : text.slice(0, offset).split('\n').length;
      problems.push({ line, message: `"${key}" is not a cloud-config key cloud-init knows (a typo?).` });
    }
  }
  for (const message of plainPasswordProblems(config)) problems.push({ line: null, message });
  return problems.length ? { ok: false, problems } : { ok: true, config };
}
