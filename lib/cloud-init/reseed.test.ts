import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSeedFiles } from './seed';
import { reseedFiles } from './reseed';

describe('reseedFiles', () => {
  const src = buildSeedFiles({
    hostname: 'web-1',
    instanceId: 'iid-old',
    user: { name: 'alice', sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq3 alice@laptop'], sudo: true },
    network: { mac: '52:54:00:aa:bb:cc', address: '192.0.2.10/24', dns: [] },
  });
  const old = new Map(Object.entries(src).map(([k, v]) => [k, Buffer.from(v as string)]));

  it('gives a new instance id and hostname and keeps the rest', () => {
    const out = reseedFiles(old, { hostname: 'web-2', instanceId: 'iid-new', macs: new Map([['52:54:00:aa:bb:cc', '52:54:00:11:22:33']]) });
    expect(parse(out['meta-data'])).toEqual({ 'instance-id': 'iid-new', 'local-hostname': 'web-2' });
    expect(out['user-data'].startsWith('#cloud-config\n')).toBe(true);
    const ud = parse(out['user-data']);
    expect(ud.hostname).toBe('web-2');
    expect(ud.users[0].name).toBe('alice');
    expect(out['network-config']).toContain('52:54:00:11:22:33');
    expect(out['network-config']).not.toContain('aa:bb:cc');
  });

  it('makes up an instance id, and a cloud-config when the source had none', () => {
    const out = reseedFiles(new Map(), { hostname: 'x', macs: new Map() });
    expect(parse(out['meta-data'])['instance-id']).toMatch(/^iid-/);
    expect(parse(out['user-data'])).toEqual({ hostname: 'x' });
    expect(out['network-config']).toBeUndefined();
  });
});
