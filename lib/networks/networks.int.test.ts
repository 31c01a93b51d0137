import { afterAll, describe, expect, it } from 'vitest';
import { randomInt, randomUUID } from 'node:crypto';
import { defaultNetworkPrefix, virsh, virshCleanupDomain, virshDefine } from '../../test/support/virsh';
import { tcgGuestXml } from '../../test/support/fixtures';
import { createNetwork, deleteNetwork, prepareNetwork, runNetworkAction, updateDhcpHost, updateDnsHost } from './change';
import { testHost } from '../../test/support/test-host';
import { listNetworks, readNetwork } from './read';
import { networkInputSchema } from './validate';

// Against the test suite's own system daemon (scripts/libvirtd-test.sh), with an isolated network (no <forward>: nothing leaves the host).
const tag = randomUUID().slice(0, 6);
const netName = `vireo-it-nw-${tag}`;
const vmName = `vireo-it-nwvm-${tag}`;
const x = randomInt(100, 200);

describe('network service on the test daemon', () => {
  const host = testHost();
  afterAll(async () => {
    await virshCleanupDomain(vmName).catch(() => undefined);
    await virsh(['net-destroy', netName]).catch(() => undefined);
    await virsh(['net-undefine', netName]).catch(() => undefined);
    await host.close();
  });

  it('refuses a subnet overlapping the default network, defining nothing', async () => {
    const prefix = await defaultNetworkPrefix();
    const input = networkInputSchema.parse({ name: netName, mode: 'isolated', ipv4: { cidr: `${prefix}.50/25` } });
    const r = await prepareNetwork(host, input);
    expect(r).toEqual({ fields: { 'ipv4.cidr': expect.stringContaining(`overlaps ${prefix}.0/24 used by libvirt network "default"`) } });
    await expect(createNetwork(host, input)).rejects.toMatchObject({ status: 422, fields: { 'ipv4.cidr': expect.any(String) } });
    await expect(virsh(['net-info', netName])).rejects.toThrow();
  });

  it('creates and starts an isolated network with DHCP and a static host', async () => {
    const input = networkInputSchema.parse({
      name: netName,
      mode: 'isolated',
      autostart: true,
      ipv4: {
        cidr: `10.251.${x}.1/24`,
        dhcpStart: `10.251.${x}.100`,
        dhcpEnd: `10.251.${x}.120`,
        hosts: [{ mac: '52:54:00:fa:00:01', ip: `10.251.${x}.10`, name: 'static1' }],
      },
      dnsHosts: [{ ip: `10.251.${x}.30`, hostname: 'db' }],
    });
    await createNetwork(host, input);
    expect(await virsh(['net-info', netName])).toMatch(/Active:\s+yes[\s\S]*Autostart:\s+yes/);
    const row = (await listNetworks(host)).find((n) => n.name === netName)!;
    expect(row).toMatchObject({ active: true, autostart: true, subnets: [`10.251.${x}.0/24`], vms: [] });
    expect(row.model.ips[0]!.hosts).toEqual([{ mac: '52:54:00:fa:00:01', ip: `10.251.${x}.10`, name: 'static1' }]);
  });

  it('adds and removes static DHCP hosts and DNS entries live and persistently', async () => {
    await updateDhcpHost(host, netName, 'add', { mac: '52:54:00:fa:00:02', ip: `10.251.${x}.11`, name: null });
    for (const flag of [[], ['--inactive']]) expect(await virsh(['net-dumpxml', ...flag, netName])).toContain(`ip='10.251.${x}.11'`);
    await expect(updateDhcpHost(host, netName, 'add', { mac: '52:54:00:fa:00:03', ip: `10.251.${x}.11`, name: null })).rejects.toThrow(/already has/);
    await expect(updateDhcpHost(host, netName, 'add', { mac: '52:54:00:fa:00:03', ip: '10.9.9.9', name: null })).rejects.toThrow(/not inside any subnet/);
    await updateDhcpHost(host, netName, 'delete', { mac: null, ip: `10.251.${x}.11`, name: null });
    expect(await virsh(['net-dumpxml', netName])).not.toContain(`ip='10.251.${x}.11'`);
    await updateDnsHost(host, netName, 'add', { ip: `10.251.${x}.31`, hostnames: ['cache'] });
    expect(await virsh(['net-dumpxml', '--inactive', netName])).toContain('<hostname>cache</hostname>');
    await updateDnsHost(host, netName, 'delete', { ip: `10.251.${x}.31`, hostnames: [] });
    expect(await virsh(['net-dumpxml', netName])).not.toContain('cache');
    expect((await readNetwork(host, netName)).pendingRestart).toBe(false);
  });

  it('refuses to delete or stop while a VM uses it, naming the VM', async () => {
    await virshDefine(tcgGuestXml({ name: vmName, network: netName }));
    await expect(deleteNetwork(host, netName)).rejects.toThrow(new RegExp(`still used by virtual machine: ${vmName}`));
    expect((await readNetwork(host, netName)).vms).toEqual([{ name: vmName, running: false }]);
    await runNetworkAction(host, netName, 'autostart-off');
    await virshCleanupDomain(vmName);
    await deleteNetwork(host, netName);
    await expect(virsh(['net-info', netName])).rejects.toThrow();
  });
});
