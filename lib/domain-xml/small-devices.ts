import { DEVICE_PROPS } from './address';
import { bool, createModel, int, str, xmlModel } from './model';
import { DEVICE_INFO_ORDER } from './order';

// The small devices every guest has a few of: input, video, the entropy source and the memory balloon.

export class Input extends xmlModel(
  'Input',
  'input',
  {
    type: str<'tablet' | 'mouse' | 'keyboard' | 'passthrough' | 'evdev'>('@type'),
    bus: str('@bus'),
    ...DEVICE_PROPS,
  },
  { '': ['source', 'driver', ...DEVICE_INFO_ORDER] },
) {
  /** An absolute pointer, so the VNC cursor follows the mouse without grabbing it. */
  static usbTablet(): Input {
    return createModel(Input, { type: 'tablet', bus: 'usb' });
  }
}

export class Video extends xmlModel(
  'Video',
  'video',
  {
    model: str('model/@type'),
    vram: int('model/@vram'),
    heads: int('model/@heads'),
    primary: bool('model/@primary'),
    ...DEVICE_PROPS,
  },
  { '': ['driver', 'model', ...DEVICE_INFO_ORDER] },
) {
  static of(model: string): Video {
    return createModel(Video, { model });
  }
}

export class Rng extends xmlModel(
  'Rng',
  'rng',
  {
    model: str('@model'),
    backendModel: str('backend/@model'),
    /** The host's entropy source for backend model 'random'. */
    backend: str('backend'),
    ...DEVICE_PROPS,
  },
  { '': ['rate', 'backend', 'driver', ...DEVICE_INFO_ORDER] },
) {
  static virtioUrandom(): Rng {
    return createModel(Rng, { model: 'virtio', backendModel: 'random', backend: '/dev/urandom' });
  }
}

export class MemBalloon extends xmlModel(
  'MemBalloon',
  'memballoon',
  {
    model: str('@model'),
    ...DEVICE_PROPS,
  },
  { '': ['stats', 'driver', ...DEVICE_INFO_ORDER] },
) {}
