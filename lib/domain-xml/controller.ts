import { DEVICE_PROPS } from './address';
import { createModel, int, str, xmlModel } from './model';
import { DEVICE_INFO_ORDER } from './order';

// <controller>: PCI(e) roots and ports, USB, SATA, SCSI, virtio-serial.

export class Controller extends xmlModel(
  'Controller',
  'controller',
  {
    type: str('@type'),
    index: int('@index'),
    model: str('@model'),
    /** USB ports of a USB controller. */
    ports: int('@ports'),
    /** The QEMU device behind a PCI controller model. */
    modelName: str('model/@name'),
    chassis: int('target/@chassis'),
    port: str('target/@port'),
    ...DEVICE_PROPS,
  },
  { '': ['driver', 'model', 'target', ...DEVICE_INFO_ORDER] },
) {
  static create(init: { type: string; model?: string; index?: number }): Controller {
    const c = createModel(Controller);
    c.type = init.type;
    if (init.index !== undefined) c.index = init.index;
    if (init.model !== undefined) c.model = init.model;
    return c;
  }
}

/**
 * A SCSI disk needs a SCSI controller; left to itself libvirt adds an LSI one most guests have no driver for, so
 * Vireo adds virtio-scsi.
 */
export function virtioScsiController(index: number): Controller {
  return Controller.create({ type: 'scsi', index, model: 'virtio-scsi' });
}
