import { bool, int, one, str, xmlModel } from './model';

// Where a device sits in the guest (<address type='pci' bus='0x05' .../>, 'drive', 'virtio-serial', 'usb',
// 'dimm'): libvirt assigns it at define time; Vireo reads it and keeps it, and never invents one.

export class Address extends xmlModel('Address', 'address', {
  type: str('@type'),
  domain: str('@domain'),
  bus: str('@bus'),
  slot: str('@slot'),
  function: str('@function'),
  multifunction: bool('@multifunction', 'on', 'off'),
  controller: str('@controller'),
  target: str('@target'),
  unit: str('@unit'),
  port: str('@port'),
  base: str('@base'),
}) {}

/** Alias and address, the identity libvirt gives every addressable device. */
export const DEVICE_PROPS = {
  alias: str('alias/@name'),
  address: one(Address, 'address'),
};

/** The per-device boot order (<boot order='1'/>), for disks and interfaces. */
export const BOOT_ORDER = { bootOrder: int('boot/@order') };
