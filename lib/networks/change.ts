import { NetworkDefineFlags, NetworkUpdateCommand, NetworkUpdateFlags, NetworkUpdateSection, type LibvirtClient, type NetworkRef } from '@/lib/libvirt';
import { listHostBridges, listHostNics } from '@/lib/host/bridges';
import { ConflictError, InputError, NotFoundError } from '@/lib/errors';
import { XmlSyntaxError, parseXml } from '@/lib/xml/parse';
import { contains, isAddress, subnetOf } from './cidr';
import { buildNetworkXml, dhcpHostXml, dnsHostXml, readNetworkXml, type DhcpHost, type DnsHost } from './model';
import { describeOverlap, findOverlap, hostSubnets, type TakenSubnet } from './overlap';
import { findNetwork } from './read';
import { networkUsage, usersOf } from './usage';
import { checkNetworkInput, type FieldErrors, type NetworkInput } from './validate';
import type { HostContext } from '@/lib/hosts';

// Changes to libvirt networks. Everything that can be checked without libvirt is checked first, so a refused
// request leaves nothing behind.

async function libvirtSubnets(client: LibvirtClient): Promise<TakenSubnet[]> {
  const nets = await client.networks.listAll();
  const out: TakenSubnet[] = [];
  for (const net of nets) {
    const model = readNetworkXml(await client.networks.xml(net, 0));
    for (const ip of model.ips) {
      const s = subnetOf(ip.address, ip.prefix);
      if (s) out.push({ subnet: s, source: `libvirt network "${net.name}"` });
    }
  }
  return out;
}

/** Checks the form input against itself, the host and existing networks; returns the XML to define. */
export async function prepareNetwork(host: HostContext, input: NetworkInput): Promise<{ xml: string } | { fields: FieldErrors }> {
  const client = await host.libvirt();
  const checked = checkNetworkInput(input);
  if (!checked.ok) return { fields: checked.fields };
  const fields: FieldErrors = {};
  const exists = await client.networks.lookupByName(input.name).then(
    () => true,
    () => false,
  );
  if (exists) fields.name = `A network called "${input.name}" already exists.`;
  const taken = [...(await libvirtSubnets(client)), ...(host.local ? await hostSubnets() : [])];
  for (const { field, subnet } of checked.subnets) {
    const hit = findOverlap(subnet, taken);
    if (hit) fields[field] = describeOverlap(subnet, hit);
  }
  if (host.local && input.mode === 'bridge' && !(await listHostBridges()).some((b) => b.name === input.bridge)) {
    fields.bridge = `The host has no bridge called "${input.bridge}". Vireo does not create host bridges; pick an existing one.`;
  }
  if (host.local && input.mode === 'macvtap' && !(await listHostNics()).some((n) => n.name === input.forwardDev)) {
    fields.forwardDev = `The host has no network card called "${input.forwardDev}".`;
  }
  if (Object.keys(fields).length) return { fields };
  return { xml: buildNetworkXml(checked.model) };
}

export async function createNetwork(host: HostContext, input: NetworkInput): Promise<{ name: string; xml: string }> {
  const client = await host.libvirt();
  const prepared = await prepareNetwork(host, input);
  if ('fields' in prepared) throw InputError.of(prepared.fields, 'The network settings are not valid.');
  const net = await client.networks.defineXml(prepared.xml, NetworkDefineFlags.VALIDATE);
  try {
    if (input.start) await client.networks.create(net);
    if (input.autostart) await client.networks.setAutostart(net, true);
  } catch (err) {
    // The user asked for a working network: a half-made one (defined, not startable) would only confuse.
    await client.networks.undefine(net).catch(() => undefined);
    throw err;
  }
  return { name: net.name, xml: prepared.xml };
}

export const NETWORK_ACTIONS = ['start', 'stop', 'autostart-on', 'autostart-off'] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

export async function runNetworkAction(host: HostContext, name: string, action: NetworkAction): Promise<void> {
  const client = await host.libvirt();
  const net = await findNetwork(client, name);
  if (action === 'start') await client.networks.create(net);
  else if (action === 'stop') {
    // Stopping cuts running guests off (their taps stay, unplugged); refuse while any runs on it.
    const running = usersOf(await networkUsage(client), net.name, readNetworkXml(await client.networks.xml(net)).bridge).filter((u) => u.running);
    if (running.length)
      throw inUse(
        net.name,
        running.map((u) => u.name),
        'stop',
      );
    await client.networks.destroy(net);
  } else await client.networks.setAutostart(net, action === 'autostart-on');
}

/** Deleting or stopping a network guests still use: the list lets the page say which. */
function inUse(network: string, vms: string[], verb: string): ConflictError {
  const who = vms.length === 1 ? 'virtual machine' : `${vms.length} virtual machines`;
  return new ConflictError(
    `Network "${network}" is still used by ${who}: ${vms.join(', ')}. Remove their network interfaces or move them to another network before you ${verb} it.`,
    { details: { network, vms } },
  );
}

/** Refuses while any VM (running or not) has a NIC on the network; otherwise stops it if needed and undefines it. */
export async function deleteNetwork(host: HostContext, name: string): Promise<void> {
  const client = await host.libvirt();
  const net = await findNetwork(client, name);
  const users = usersOf(await networkUsage(client), net.name, readNetworkXml(await client.networks.xml(net)).bridge);
  if (users.length)
    throw inUse(
      net.name,
      users.map((u) => u.name),
      'delete',
    );
  if (await client.networks.isActive(net)) await client.networks.destroy(net);
  await client.networks.undefine(net);
}

/** Live and saved when the network runs, saved only otherwise: libvirt applies these without a restart. */
async function updateFlags(client: LibvirtClient, net: NetworkRef): Promise<number> {
  return (await client.networks.isActive(net)) ? NetworkUpdateFlags.LIVE | NetworkUpdateFlags.CONFIG : NetworkUpdateFlags.CONFIG;
}

export type HostEdit = 'add' | 'delete';

export async function updateDhcpHost(host: HostContext, name: string, edit: HostEdit, entry: DhcpHost): Promise<void> {
  const client = await host.libvirt();
  const net = await findNetwork(client, name);
  const model = readNetworkXml(await client.networks.xml(net, 0));
  const parentIndex = model.ips.findIndex((ip) => {
    const s = subnetOf(ip.address, ip.prefix);
    return s !== null && contains(s, entry.ip);
  });
  if (parentIndex < 0) {
    throw InputError.of({
      ip: `${entry.ip} is not inside any subnet of network "${name}" (${model.ips.map((ip) => `${ip.address}/${ip.prefix}`).join(', ') || 'it has none'}).`,
    });
  }
  const block = model.ips[parentIndex]!;
  let target = entry;
  if (edit === 'add') {
    const clash = block.hosts.find((h) => h.ip === entry.ip || (entry.mac && h.mac?.toLowerCase() === entry.mac.toLowerCase()));
    if (clash)
      throw InputError.of({ [clash.ip === entry.ip ? 'ip' : 'mac']: `Static host ${clash.mac ?? clash.name} already has ${clash.ip}.` }, undefined, {
        status: 409,
      });
    if (block.family === 'ipv4' && !entry.mac) throw InputError.of({ mac: 'An IPv4 static host needs its MAC address.' });
  } else {
    // libvirt matches the entry to delete on all its attributes: send it as it is saved.
    const saved = block.hosts.find((h) => h.ip === entry.ip && (!entry.mac || h.mac?.toLowerCase() === entry.mac.toLowerCase()));
    if (!saved) throw new NotFoundError(`Network "${name}" has no static host with ${entry.ip}.`);
    target = saved;
  }
  await client.networks.update(net, {
    command: edit === 'add' ? NetworkUpdateCommand.ADD_LAST : NetworkUpdateCommand.DELETE,
    section: NetworkUpdateSection.IP_DHCP_HOST,
    parentIndex,
    xml: dhcpHostXml(target),
    flags: await updateFlags(client, net),
  });
}

export async function updateDnsHost(host: HostContext, name: string, edit: HostEdit, entry: DnsHost): Promise<void> {
  const client = await host.libvirt();
  if (!isAddress(entry.ip)) throw InputError.of({ ip: `${entry.ip} is not a valid IP address.` });
  const net = await findNetwork(client, name);
  const model = readNetworkXml(await client.networks.xml(net, 0));
  let target = entry;
  if (edit === 'delete') {
    const saved = model.dnsHosts.find((h) => h.ip === entry.ip);
    if (!saved) throw new NotFoundError(`Network "${name}" has no DNS entry for ${entry.ip}.`);
    target = saved;
  } else if (model.dnsHosts.some((h) => h.ip === entry.ip)) {
    throw InputError.of({ ip: `${entry.ip} already has a DNS entry; delete it first to change its names.` }, undefined, { status: 409 });
  }
  await client.networks.update(net, {
    command: edit === 'add' ? NetworkUpdateCommand.ADD_LAST : NetworkUpdateCommand.DELETE,
    section: NetworkUpdateSection.DNS_HOST,
    xml: dnsHostXml(target),
    flags: await updateFlags(client, net),
  });
}

/** Persistent edit of the whole definition; a running network keeps its old settings until restarted. */
export async function redefineNetwork(host: HostContext, name: string, xml: string): Promise<void> {
  const client = await host.libvirt();
  const net = await findNetwork(client, name);
  let model;
  try {
    parseXml(xml);
    model = readNetworkXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new InputError(err.message);
    throw err;
  }
  if (model.name !== net.name) throw new InputError(`The XML names the network "${model.name}"; renaming is not possible here, keep "${net.name}".`);
  if (model.uuid && model.uuid !== net.uuid) throw new InputError(`The XML's uuid ${model.uuid} is not this network's (${net.uuid}).`);
  await client.networks.defineXml(xml, NetworkDefineFlags.VALIDATE);
}
