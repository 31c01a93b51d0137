import { BOOT_ORDER, DEVICE_PROPS } from './address';
import { createModel, str, xmlModel } from './model';
import { DEVICE_INFO_ORDER } from './order';

// <interface>: a network card on a libvirt network, a host bridge, or a host device (macvtap, type='direct').

const INTERFACE_ORDER = [
  'mac',
  'source',
  'virtualport',
  'ip',
  'route',
  'script',
  'downscript',
  'backenddomain',
  'target',
  'guest',
  'model',
  'driver',
  'backend',
  'filterref',
  'tune',
  'teaming',
  'link',
  'mtu',
  'coalesce',
  ...DEVICE_INFO_ORDER,
];

/** Where a NIC Vireo manages connects: a libvirt network or a host bridge. */
export type NicSource = { type: 'network'; network: string } | { type: 'bridge'; bridge: string };

export class Interface extends xmlModel(
  'Interface',
  'interface',
  {
    type: str('@type'),
    mac: str('mac/@address'),
    network: str('source/@network'),
    /** The host bridge (type='bridge'; also filled in by libvirt for a running guest on a bridged network). */
    bridge: str('source/@bridge'),
    /** The host device of type='direct' (macvtap). */
    dev: str('source/@dev'),
    sourceMode: str('source/@mode'),
    /** The tap device of a running guest. */
    targetDev: str('target/@dev'),
    model: str('model/@type'),
    linkState: str<'up' | 'down'>('link/@state'),
    ...BOOT_ORDER,
    ...DEVICE_PROPS,
  },
  { '': INTERFACE_ORDER },
) {
  static create(init: { mac: string; source: NicSource; model: string }): Interface {
    const nic = createModel(Interface);
    nic.mac = init.mac;
    nic.setSource(init.source);
    nic.model = init.model;
    return nic;
  }

  /** The network, bridge or host device the NIC is on. */
  get source(): string | null {
    return this.network ?? this.bridge ?? this.dev ?? null;
  }

  /** Moves the NIC to another network or bridge. Live details of the old one (tap name, port) do not carry over. */
  setSource(source: NicSource): void {
    this.drop('source');
    this.drop('target');
    this.type = source.type;
    if (source.type === 'network') this.network = source.network;
    else this.bridge = source.bridge;
  }
}
