import type { RemoteProcedures } from '../protocol/remote.gen';
import type { CallOptions } from '../rpc/types';
import { fromWireNetwork, toWireNetwork, type NetworkRef } from './refs';

export interface DhcpLease {
  iface: string;
  /** Seconds since the epoch. */
  expiryTime: number;
  type: 'ipv4' | 'ipv6';
  mac: string | null;
  ipAddress: string;
  prefix: number;
  hostname: string | null;
  clientId: string | null;
}

export interface NetworkUpdate {
  /** NetworkUpdateCommand: MODIFY, DELETE, ADD_LAST, ADD_FIRST. */
  command: number;
  /** NetworkUpdateSection: IP_DHCP_HOST, DNS_HOST, ... */
  section: number;
  parentIndex?: number;
  xml: string;
  /** NetworkUpdateFlags: AFFECT_LIVE, AFFECT_CONFIG. */
  flags: number;
}

/** libvirt virtual networks. */
export class NetworkApi {
  constructor(private readonly r: RemoteProcedures) {}

  /** flags: ConnectListAllNetworksFlags (0 = all). */
  async listAll(flags = 0, o?: CallOptions): Promise<NetworkRef[]> {
    return (await this.r.connectListAllNetworks({ need_results: 1, flags }, o)).nets.map(fromWireNetwork);
  }

  async lookupByName(name: string, o?: CallOptions): Promise<NetworkRef> {
    return fromWireNetwork((await this.r.networkLookupByName({ name }, o)).net);
  }

  async defineXml(xml: string, flags = 0, o?: CallOptions): Promise<NetworkRef> {
    return fromWireNetwork((await this.r.networkDefineXmlFlags({ xml, flags }, o)).net);
  }

  /** Starts a defined network. */
  create(net: NetworkRef, o?: CallOptions): Promise<void> {
    return this.r.networkCreate({ net: toWireNetwork(net) }, o);
  }

  destroy(net: NetworkRef, o?: CallOptions): Promise<void> {
    return this.r.networkDestroy({ net: toWireNetwork(net) }, o);
  }

  undefine(net: NetworkRef, o?: CallOptions): Promise<void> {
    return this.r.networkUndefine({ net: toWireNetwork(net) }, o);
  }

  async xml(net: NetworkRef, flags = 0, o?: CallOptions): Promise<string> {
    return (await this.r.networkGetXmlDesc({ net: toWireNetwork(net), flags }, o)).xml;
  }

  async isActive(net: NetworkRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.networkIsActive({ net: toWireNetwork(net) }, o)).active !== 0;
  }

  async autostart(net: NetworkRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.networkGetAutostart({ net: toWireNetwork(net) }, o)).autostart !== 0;
  }

  setAutostart(net: NetworkRef, on: boolean, o?: CallOptions): Promise<void> {
    return this.r.networkSetAutostart({ net: toWireNetwork(net), autostart: on ? 1 : 0 }, o);
  }

  async dhcpLeases(net: NetworkRef, mac: string | null = null, o?: CallOptions): Promise<DhcpLease[]> {
    const ret = await this.r.networkGetDhcpLeases({ net: toWireNetwork(net), mac, need_results: 1, flags: 0 }, o);
    return ret.leases.map((l) => ({
      iface: l.iface,
      expiryTime: Number(l.expirytime),
      type: l.type === 0 ? ('ipv4' as const) : ('ipv6' as const),
      mac: l.mac,
      ipAddress: l.ipaddr,
      prefix: l.prefix,
      hostname: l.hostname,
      clientId: l.clientid,
    }));
  }

  update(net: NetworkRef, u: NetworkUpdate, o?: CallOptions): Promise<void> {
    return this.r.networkUpdate(
      {
        net: toWireNetwork(net),
        command: u.command,
        section: u.section,
        parentIndex: u.parentIndex ?? -1,
        xml: u.xml,
        flags: u.flags,
      },
      o,
    );
  }
}
