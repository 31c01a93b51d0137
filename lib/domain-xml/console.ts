import { Address } from './address';
import { createModel, int, one, str, xmlModel } from './model';
import { DEVICE_INFO_ORDER } from './order';

// Character devices: <serial> ports, <console>s (the first usually mirrors serial0) and <channel>s (the guest
// agent's virtio-serial port, SPICE's). Vireo's browser console reads a serial or virtio console by its alias.

const CHAR_ORDER = ['source', 'protocol', 'log', 'target', ...DEVICE_INFO_ORDER];

/** What every character device has: its kind, the host side (the pty of a running guest), the guest side, its alias. */
const CHAR_PROPS = {
  type: str('@type'),
  sourcePath: str('source/@path'),
  targetType: str('target/@type'),
  alias: str('alias/@name'),
};

export class Serial extends xmlModel(
  'Serial',
  'serial',
  {
    ...CHAR_PROPS,
    targetPort: int('target/@port'),
    targetModel: str('target/model/@name'),
  },
  { '': CHAR_ORDER },
) {
  static pty(port = 0): Serial {
    return createModel(Serial, { type: 'pty', targetPort: port });
  }
}

export class Console extends xmlModel(
  'Console',
  'console',
  {
    ...CHAR_PROPS,
    tty: str('@tty'),
    /** targetType: serial (the same device as a <serial>), virtio (hvc0...), ... */
    targetPort: int('target/@port'),
  },
  { '': CHAR_ORDER },
) {
  /** The console on serial port `port`: what `virsh console` and Vireo's console open by default. */
  static onSerial(port = 0): Console {
    return createModel(Console, { type: 'pty', targetType: 'serial', targetPort: port });
  }
}

export class Channel extends xmlModel(
  'Channel',
  'channel',
  {
    ...CHAR_PROPS,
    sourceMode: str('source/@mode'),
    targetName: str('target/@name'),
    /** connected/disconnected: whether the guest side is open (the agent runs), live only. */
    targetState: str('target/@state'),
    address: one(Address, 'address'),
  },
  { '': CHAR_ORDER },
) {
  static readonly GUEST_AGENT = 'org.qemu.guest_agent.0';

  /** The QEMU guest agent's virtio-serial port. */
  static guestAgent(): Channel {
    return createModel(Channel, { type: 'unix', targetType: 'virtio', targetName: Channel.GUEST_AGENT });
  }
}
