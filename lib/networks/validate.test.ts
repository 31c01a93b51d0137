import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkNetworkInput, dhcpHostSchema, dnsHostSchema, networkInputSchema, type NetworkInputDraft } from './validate';

const base: NetworkInputDraft = {
  name: 'lab',
  mode: 'isolated',
  ipv4: { cidr: '10.251.7.1/24', dhcpStart: '10.251.7.100', dhcpEnd: '10.251.7.150', hosts: [{ mac: '52:54:00:00:00:01', ip: '10.251.7.10', name: 'web' }] },
};

function fieldsOf(draft: NetworkInputDraft): Record<string, string> {
  const r = checkNetworkInput(networkInputSchema.parse(draft));
  return r.ok ? {} : r.fields;
}

describe('network form input', () => {
  it('accepts an isolated network with DHCP and a static host', () => {
    const r = checkNetworkInput(networkInputSchema.parse(base));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.model.ips[0]).toMatchObject({ address: '10.251.7.1', prefix: 24, hosts: [{ ip: '10.251.7.10' }] });
  });

  it('rejects a bad CIDR with an example', () => {
    expect(fieldsOf({ ...base, ipv4: { ...base.ipv4!, cidr: '10.251.7.1/40' } })['ipv4.cidr']).toMatch(/Not a valid IPv4 subnet.*10\.251\.7\.1\/24/);
    expect(fieldsOf({ ...base, ipv4: { ...base.ipv4!, cidr: '10.251.7.0/24' } })['ipv4.cidr']).toMatch(/network or broadcast/);
  });

  it('rejects a range outside the subnet, a reversed range, and the bridge address', () => {
    expect(fieldsOf({ ...base, ipv4: { ...base.ipv4!, dhcpEnd: '10.251.8.10' } })['ipv4.dhcpEnd']).toBe(
      'The DHCP range end 10.251.8.10 is outside the subnet 10.251.7.0/24.',
    );
    expect(fieldsOf({ ...base, ipv4: { ...base.ipv4!, dhcpStart: '10.251.7.200' } })['ipv4.dhcpEnd']).toBe('The DHCP range ends before it starts.');
    expect(fieldsOf({ ...base, ipv4: { ...base.ipv4!, dhcpStart: '10.251.7.1' } })['ipv4.dhcpStart']).toMatch(/bridge's own address/);
  });

  it('checks static hosts: inside the subnet, MAC given, no duplicates', () => {
    const hosts = [
      { mac: '52:54:00:00:00:01', ip: '10.251.9.10', name: '' },
      { mac: '', ip: '10.251.7.11', name: 'x' },
      { mac: '52:54:00:00:00:01', ip: '10.251.7.12', name: '' },
    ];
    const f = fieldsOf({ ...base, ipv4: { ...base.ipv4!, hosts } });
    expect(f['ipv4.hosts.0.ip']).toMatch(/outside the subnet/);
    expect(f['ipv4.hosts.1.mac']).toMatch(/needs its MAC/);
    expect(networkInputSchema.safeParse({ ...base, ipv4: { ...base.ipv4!, hosts: [{ mac: 'nope', ip: '10.251.7.3' }] } }).success).toBe(false);
  });

  it('wants a bridge for bridged mode and no subnets there', () => {
    expect(fieldsOf({ name: 'br', mode: 'bridge' }).bridge).toMatch(/host bridge/);
    expect(fieldsOf({ ...base, mode: 'bridge', bridge: 'br0' }).mode).toMatch(/leave subnets/);
    expect(fieldsOf({ name: 'mv', mode: 'macvtap', forwardDev: 'eth0' })).toEqual({});
  });

  it('rejects names libvirt would not like', () => {
    expect(networkInputSchema.safeParse({ ...base, name: '../x' }).success).toBe(false);
    expect(networkInputSchema.safeParse({ ...base, name: '' }).success).toBe(false);
  });

  it('states its MAC, host-name and interface rules as patterns, so the API document carries them', () => {
    type Props = { properties: Record<string, { pattern?: string }> };
    const dhcp = (z.toJSONSchema(dhcpHostSchema, { io: 'input' }) as Props).properties;
    const net = (z.toJSONSchema(networkInputSchema, { io: 'input' }) as Props).properties;
    const cases: [string | undefined, string, boolean][] = [
      [dhcp.mac?.pattern, '52:54:00:AB:cd:01', true],
      [dhcp.mac?.pattern, '', true],
      [dhcp.mac?.pattern, '52:54:00:ab:cd', false],
      [dhcp.name?.pattern, 'web-1', true],
      [dhcp.name?.pattern, '-web', false],
      [net.domain?.pattern, 'lab.test', true],
      [net.domain?.pattern, 'lab..test', false],
      [net.bridge?.pattern, 'br0.10', true],
      [net.bridge?.pattern, 'br 0', false],
    ];
    for (const [pattern, value, ok] of cases) expect(new RegExp(pattern!).test(value), `${value} against ${pattern}`).toBe(ok);
  });

  it('keeps its messages for a bad MAC, host name and DNS host', () => {
    const issues = (schema: z.ZodType, v: unknown) => (schema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues(dhcpHostSchema, { mac: 'nope', ip: '10.0.0.2', name: 'bad_name' })).toEqual([
      'mac: A MAC address looks like 52:54:00:12:34:56.',
      'name: A host name may use letters, digits and hyphens.',
    ]);
    expect(issues(dnsHostSchema, { ip: '10.0.0.2' })).toEqual(['hostname: Give a host name such as web1 or web1.lab.test.']);
    expect(issues(dnsHostSchema, { ip: '10.0.0.2', hostname: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}` })).toEqual([]);
    const trimmed = dhcpHostSchema.parse({ mac: ' 52:54:00:00:00:0A ', ip: '10.0.0.2', name: ' web ' });
    expect(trimmed).toEqual({ mac: '52:54:00:00:00:0A', ip: '10.0.0.2', name: 'web' });
  });
});
