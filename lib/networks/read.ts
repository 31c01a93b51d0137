import { z } from 'zod';
import { NetworkXMLFlags, type LibvirtClient, type NetworkRef } from '@/lib/libvirt';
import { NotFoundError } from '@/lib/errors';
import { listHostBridges, listHostNics } from '@/lib/host/bridges';
import { formatSubnet, subnetOf } from './cidr';
import { readNetworkXml, type NetworkModel } from './model';
import { networkUsage, usersOf, type NetworkUser } from './usage';
import type { HostContext } from '@/lib/hosts';

// Reading networks for the list and the detail page.

export interface NetworkRow {
  name: string;
  uuid: string;
  active: boolean;
  autostart: boolean;
  model: NetworkModel;
  /** "10.251.7.0/24" per address block, for the list. */
  subnets: string[];
  vms: NetworkUser[];
}

export interface NetworkDetail extends NetworkRow {
  live: string | null;
  inactive: string;
  /** The saved definition differs from the running one: a restart of the network applies it. */
  pendingRestart: boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** The `{name}` of /api/networks/{name}/...: anything else names no network (404). */
export const networkParams = z.object({
  name: z.string().regex(NAME, { error: (i) => `There is no network called "${String(i.input).slice(0, 100)}".` }),
});

export async function findNetwork(client: LibvirtClient, name: string): Promise<NetworkRef> {
  if (!NAME.test(name)) throw new NotFoundError(`There is no network called "${name.slice(0, 100)}".`);
  return client.networks.lookupByName(name);
}

async function readRow(
  client: LibvirtClient,
  net: NetworkRef,
  users: NetworkUser[] | ((bridge: string | null) => NetworkUser[]),
): Promise<NetworkRow & { xml: string }> {
  const [active, autostart] = await Promise.all([client.networks.isActive(net), client.networks.autostart(net)]);
  const xml = await client.networks.xml(net);
  const model = readNetworkXml(xml);
  const subnets = model.ips
    .map((ip) => subnetOf(ip.address, ip.prefix))
    .filter((s) => s !== null)
    .map(formatSubnet);
  return { name: net.name, uuid: net.uuid, active, autostart, model, subnets, vms: typeof users === 'function' ? users(model.bridge) : users, xml };
}

export async function listNetworks(host: HostContext): Promise<NetworkRow[]> {
  const client = await host.libvirt();
  const [nets, usage] = await Promise.all([client.networks.listAll(), networkUsage(client)]);
  const rows = await Promise.all(
    nets.map(async (net) => {
      const { xml: _xml, ...row } = await readRow(client, net, (bridge) => usersOf(usage, net.name, bridge));
      return row;
    }),
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export async function readNetwork(host: HostContext, name: string): Promise<NetworkDetail> {
  const client = await host.libvirt();
  const net = await findNetwork(client, name);
  const usage = await networkUsage(client);
  const row = await readRow(client, net, (bridge) => usersOf(usage, net.name, bridge));
  const inactive = await client.networks.xml(net, NetworkXMLFlags.INACTIVE);
  const { xml, ...rest } = row;
  const live = row.active ? xml : null;
  return { ...rest, live, inactive, pendingRestart: live !== null && comparable(live) !== comparable(inactive) };
}

/** The live XML carries run-time extras (bridge name, MAC) that the saved one may lack; compare the model. */
function comparable(xml: string): string {
  const m = readNetworkXml(xml);
  return JSON.stringify({ ...m, bridge: null });
}

export interface NetworkOverview {
  networks: NetworkRow[];
  /** Host bridges and NICs, listed only when libvirtd runs on this machine (elsewhere they are not ours to see). */
  bridges: Awaited<ReturnType<typeof listHostBridges>>;
  nics: Awaited<ReturnType<typeof listHostNics>>;
  hostLocal: boolean;
}

export async function networkOverview(host: HostContext): Promise<NetworkOverview> {
  const [networks, bridges, nics] = await Promise.all([listNetworks(host), host.local ? listHostBridges() : [], host.local ? listHostNics() : []]);
  return { networks, bridges, nics, hostLocal: host.local };
}
