import { describe, expect, it } from 'vitest';
import { buildNetworkXml, dhcpHostXml, dnsHostXml, readNetworkXml, type NetworkModel } from './model';

const isolated: NetworkModel = {
  name: 'lab',
  uuid: null,
  mode: 'isolated',
  bridge: null,
  forwardDev: null,
  domain: 'lab.test',
  mtu: 1400,
  ips: [
    {
      family: 'ipv4',
      address: '10.251.7.1',
      prefix: 24,
      ranges: [{ start: '10.251.7.100', end: '10.251.7.150' }],
      hosts: [{ mac: '52:54:00:00:00:01', ip: '10.251.7.10', name: 'web' }],
    },
    { family: 'ipv6', address: 'fd00:251:7::1', prefix: 64, ranges: [{ start: 'fd00:251:7::100', end: 'fd00:251:7::1ff' }], hosts: [] },
  ],
  dnsHosts: [{ ip: '10.251.7.20', hostnames: ['db', 'db.lab.test'] }],
};

describe('network XML model', () => {
  it('builds an isolated network (no <forward>) in a stable order', () => {
    expect(buildNetworkXml(isolated)).toBe(
      '<network><name>lab</name><bridge stp="on" delay="0"/><mtu size="1400"/><domain name="lab.test" localOnly="yes"/>' +
        '<dns><host ip="10.251.7.20"><hostname>db</hostname><hostname>db.lab.test</hostname></host></dns>' +
        '<ip address="10.251.7.1" prefix="24"><dhcp><range start="10.251.7.100" end="10.251.7.150"/><host mac="52:54:00:00:00:01" name="web" ' +
        'ip="10.251.7.10"/></dhcp></ip>' +
        '<ip family="ipv6" address="fd00:251:7::1" prefix="64"><dhcp><range start="fd00:251:7::100" end="fd00:251:7::1ff"/></dhcp></ip></network>',
    );
  });

  it('reads back what it builds, for every mode', () => {
    for (const m of [
      isolated,
      { ...isolated, mode: 'nat' as const, forwardDev: 'eth0' },
      { ...isolated, mode: 'route' as const },
      { ...isolated, mode: 'open' as const },
      { ...isolated, mode: 'bridge' as const, bridge: 'br0', ips: [], dnsHosts: [], domain: null, mtu: null },
      { ...isolated, mode: 'macvtap' as const, forwardDev: 'eth0', ips: [], dnsHosts: [], domain: null, mtu: null },
    ]) {
      expect(readNetworkXml(buildNetworkXml(m))).toEqual(m);
    }
  });

  it('reads what libvirt writes: netmask instead of prefix, single quotes, a nat with port range', () => {
    const m = readNetworkXml(`<network>
      <name>default</name><uuid>5a3e0f38-7d4c-4c1e-9d0e-9f0a3b1c2d3e</uuid>
      <forward mode='nat'><nat><port start='1024' end='65535'/></nat></forward>
      <bridge name='virbr0' stp='on' delay='0'/><mac address='52:54:00:aa:bb:cc'/>
      <ip address='192.168.122.1' netmask='255.255.255.0'><dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip>
    </network>`);
    expect(m).toMatchObject({ name: 'default', mode: 'nat', bridge: 'virbr0', ips: [{ family: 'ipv4', address: '192.168.122.1', prefix: 24 }] });
    expect(readNetworkXml("<network><name>d</name><forward mode='bridge'/><bridge name='br0'/></network>").mode).toBe('bridge');
    expect(readNetworkXml("<network><name>d</name><forward mode='vepa'><interface dev='eth1'/></forward></network>")).toMatchObject({
      mode: 'macvtap',
      forwardDev: 'eth1',
    });
  });

  it('builds the fragments network update takes', () => {
    expect(dhcpHostXml({ mac: '52:54:00:00:00:02', ip: '10.251.7.11', name: null })).toBe('<host mac="52:54:00:00:00:02" ip="10.251.7.11"/>');
    expect(dnsHostXml({ ip: '10.251.7.21', hostnames: ['cache'] })).toBe('<host ip="10.251.7.21"><hostname>cache</hostname></host>');
  });
});
