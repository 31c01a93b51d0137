import { DEVICE_PROPS } from './address';
import { createModel, int, size, str, xmlModel } from './model';
import { DEVICE_INFO_ORDER, DOMAIN_ORDER } from './order';

// Memory: <memory> is the maximum the guest boots with (the NUMA cells plus DIMMs when it has cells),
// <currentMemory> the balloon's target, <maxMemory slots> the ceiling for hot-plugged DIMMs (<memory model='dimm'>
// devices). All sizes in KiB.

/** A view of the memory elements of a <domain> (the model sits on the domain element itself). */
export class Memory extends xmlModel(
  'Memory',
  'domain',
  {
    maximumKiB: size('memory'),
    currentKiB: size('currentMemory'),
    hotplugMaxKiB: size('maxMemory'),
    hotplugSlots: int('maxMemory/@slots'),
  },
  { '': DOMAIN_ORDER },
) {
  /** The hotplug ceiling, or null when memory hotplug is not set up. */
  get hotplug(): { slots: number; maxKiB: number } | null {
    return this.hotplugMaxKiB === null ? null : { slots: this.hotplugSlots ?? 0, maxKiB: this.hotplugMaxKiB };
  }

  set hotplug(h: { slots: number; maxKiB: number } | null) {
    if (!h) {
      this.hotplugMaxKiB = null;
      return;
    }
    this.hotplugSlots = h.slots;
    this.hotplugMaxKiB = h.maxKiB;
  }
}

/** A hot-pluggable memory module. */
export class Dimm extends xmlModel(
  'Dimm',
  'memory',
  {
    model: str<'dimm' | 'nvdimm' | 'virtio-mem' | 'virtio-pmem'>('@model'),
    sizeKiB: size('target/size'),
    node: int('target/node'),
    ...DEVICE_PROPS,
  },
  { '': ['source', 'target', ...DEVICE_INFO_ORDER], target: ['size', 'node', 'label', 'block', 'requested'] },
) {
  static create(sizeKiB: number, node: number | null): Dimm {
    const d = createModel(Dimm);
    d.model = 'dimm';
    d.sizeKiB = sizeKiB;
    if (node !== null) d.node = node;
    return d;
  }
}
