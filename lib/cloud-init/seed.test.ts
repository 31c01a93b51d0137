import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPassword } from './password';
import { mergeCloudConfig } from './merge';
import { parseRawUserData } from './raw-user-data';
import { buildSeedFiles, SeedInputError } from './seed';

const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq3 alice@laptop';

describe('seed files', () => {
  it('builds user-data, meta-data and network-config from the form', () => {
    const files = buildSeedFiles({
      hostname: 'web-1',
      instanceId: 'iid-web-1',
      user: { name: 'alice', sshKeys: [key], password: 'correct horse', sudo: true },
      packages: ['nginx', 'qemu-guest-agent'],
      runcmd: ['echo "hi: there" > /tmp/x'],
      network: { mac: '52:54:00:AA:BB:CC', address: '192.0.2.10/24', gateway: '192.0.2.1', dns: ['192.0.2.53'] },
    });
    expect(files['user-data'].startsWith('#cloud-config\n')).toBe(true);
    const ud = parse(files['user-data']) as { hostname: string; users: Array<{ hashed_passwd: string }>; packages: string[]; runcmd: string[] };
    expect(ud.hostname).toBe('web-1');
    expect(ud.users[0]).toMatchObject({ name: 'alice', sudo: 'ALL=(ALL) NOPASSWD:ALL', lock_passwd: false, ssh_authorized_keys: [key] });
    expect(checkPassword('correct horse', ud.users[0]!.hashed_passwd)).toBe(true);
    expect(files['user-data']).not.toContain('correct horse');
    expect(ud.packages).toEqual(['nginx', 'qemu-guest-agent']);
    expect(ud.runcmd).toEqual(['echo "hi: there" > /tmp/x']);
    expect(parse(files['meta-data'])).toEqual({ 'instance-id': 'iid-web-1', 'local-hostname': 'web-1' });
    expect(parse(files['network-config']!)).toEqual({
      version: 2,
      ethernets: {
        nic0: {
          match: { macaddress: '52:54:00:aa:bb:cc' },
          dhcp4: false,
          addresses: ['192.0.2.10/24'],
          routes: [{ to: 'default', via: '192.0.2.1' }],
          nameservers: { addresses: ['192.0.2.53'] },
        },
      },
    });
  });

  it('leaves out network-config without a static address, and makes an instance id', () => {
    const files = buildSeedFiles({ hostname: 'h' });
    expect(files['network-config']).toBeUndefined();
    expect((parse(files['meta-data']) as Record<string, string>)['instance-id']).toMatch(/^iid-[0-9a-f-]{36}$/);
    expect(parse(files['user-data'])).toEqual({ hostname: 'h' });
  });

  it('refuses bad form values', () => {
    expect(() => buildSeedFiles({ hostname: '-bad' })).toThrow(/host name/);
    expect(() => buildSeedFiles({ hostname: 'h', user: { name: 'Root!' } })).toThrow(/user name/);
    expect(() => buildSeedFiles({ hostname: 'h', user: { name: 'a', sshKeys: ['not a key'] } })).toThrow(/SSH key/);
  });
});

describe('raw user-data', () => {
  it('needs the header, well-formed YAML, a mapping and known keys', () => {
    expect(parseRawUserData('packages: [vim]')).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: expect.stringMatching(/first line must be "#cloud-config"/) }],
    });
    const bad = parseRawUserData('#cloud-config\npackages: [vim\n');
    expect(bad.ok).toBe(false);
    expect(parseRawUserData('#cloud-config\n- a\n')).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/mapping/) }] });
    expect(parseRawUserData('#cloud-config\npackages: [vim]\npackagez: [git]\n')).toEqual({
      ok: false,
      problems: [{ line: 3, message: '"packagez" is not a cloud-config key cloud-init knows (a typo?).' }],
    });
    expect(parseRawUserData('#cloud-config\na: 1\na: 2\n').ok).toBe(false);
    expect(parseRawUserData('')).toEqual({ ok: true, config: {} });
  });

  it('refuses plain-text passwords', () => {
    const r = parseRawUserData('#cloud-config\npassword: hunter2\nusers:\n  - name: bob\n    plain_text_passwd: x\n  - name: eve\n    passwd: nothash\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join(' ')).toMatch(/"password" would be stored in plain text.*plain_text_passwd.*must be a crypt hash/);
  });

  it('is reported as a SeedInputError with line numbers', () => {
    try {
      buildSeedFiles({ hostname: 'h', rawUserData: '#cloud-config\nhostnam: x\n' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SeedInputError);
      expect((err as Error).message).toBe('line 2: "hostnam" is not a cloud-config key cloud-init knows (a typo?).');
    }
  });
});

describe('merging form and raw', () => {
  it('concatenates list keys, replaces others, and lets a raw user of the same name win', () => {
    const form = { hostname: 'a', packages: ['vim', 'git'], runcmd: ['one'], users: [{ name: 'alice', shell: '/bin/bash' }, { name: 'carol' }] };
    const raw = { hostname: 'b', packages: ['git', 'curl'], runcmd: ['two'], users: [{ name: 'alice', shell: '/bin/zsh' }, 'default'], timezone: 'UTC' };
    expect(mergeCloudConfig(form, raw)).toEqual({
      hostname: 'b',
      packages: ['vim', 'git', 'curl'],
      runcmd: ['one', 'two'],
      timezone: 'UTC',
      users: [{ name: 'carol' }, { name: 'alice', shell: '/bin/zsh' }, 'default'],
    });
  });

  it('applies through buildSeedFiles, form first', () => {
    const files = buildSeedFiles({ hostname: 'form-host', packages: ['vim'], rawUserData: '#cloud-config\npackages: [curl]\nhostname: raw-host\n' });
    expect(parse(files['user-data'])).toEqual({ hostname: 'raw-host', packages: ['vim', 'curl'] });
    expect((parse(files['meta-data']) as Record<string, string>)['local-hostname']).toBe('form-host');
  });
});

describe('raw network-config', () => {
  it("replaces the form's static address when given", () => {
    const files = buildSeedFiles({
      hostname: 'h',
      network: { address: '192.0.2.10/24', dns: [] },
      rawNetworkConfig: 'version: 2\nethernets:\n  eth0:\n    dhcp4: true\n',
    });
    expect(parse(files['network-config']!)).toEqual({ version: 2, ethernets: { eth0: { dhcp4: true } } });
  });

  it("is checked: YAML, a known version, only that version's keys", () => {
    const problems = (text: string) => {
      try {
        buildSeedFiles({ hostname: 'h', rawNetworkConfig: text });
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(SeedInputError);
        expect((err as SeedInputError).field).toBe('rawNetworkConfig');
        return (err as Error).message;
      }
    };
    expect(problems('version: 2\nethernets: [\n')).toMatch(/line/);
    expect(problems('- a\n- b\n')).toMatch(/mapping/);
    expect(problems('version: 3\nethernets: {}\n')).toMatch(/version: 2/);
    expect(problems('version: 2\nethernet:\n  eth0: {}\n')).toMatch(/"ethernet" is not a top-level key/);
    expect(problems('version: 2\nethernets: 5\n')).toMatch(/must be a mapping/);
    expect(problems('')).toBeNull();
  });
});
