import { Address } from './address';
import { createModel, int, one, str, xmlModel } from './model';
import { DEVICE_INFO_ORDER } from './order';

// Character devices: <serial> ports, <console>s (the first usually mirrors serial0) and <channel>s (the guest
// agent's virtio-serial port, SPICE's). Vireo's browser console reads a serial or virtio console by its alias.

const CHAR_ORDER = ['source', 'protocol', 'log', 'target', ...DEVICE_INFO_ORDER];

export class Serial extends xmlModel(
  'Serial',
  'serial',
  {
    type: str('@type'),
    /** The pty of a running guest. */
    sourcePath: str('source/@path'),
    targetType: str('target/@type'),
    targetPort: int('target/@port'),
    targetModel: str('target/model/@name'),
    alias: str('alias/@name'),
  },
  { '': CHAR_ORDER },
) {
  static pty(port = 0): Serial {
    const s = createModel(Serial);
    s.type = 'pty';
    s.targetPort = port;
    return s;
  }
}

export class Console extends xmlModel(
  'Console',
  'console',
  {
    type: str('@type'),
    tty: str('@tty'),
    sourcePath: str('source/@path'),
    /** serial (the same device as a <serial>), virtio (hvc0...), ... */
    targetType: str('target/@type'),
    targetPort: int('target/@port'),
    alias: str('alias/@name'),
  },
  { '': CHAR_ORDER },
) {
  /** The console on serial port `port`: what `virsh console` and Vireo's console open by default. */
  static onSerial(port = 0): Console {
    const c = createModel(Console);
    c.type = 'pty';
    c.targetType = 'serial';
    c.targetPort = port;
    return c;
  }
}

export class Channel extends xmlModel(
  'Channel',
  'channel',
  {
    type: str('@type'),
    sourceMode: str('source/@mode'),
    sourcePath: str('source/@path'),
    targetType: str('target/@type'),
    targetName: str('target/@name'),
    /** connected/disconnected: whether the guest side is open (the agent runs), live only. */
    targetState: str('target/@state'),
    alias: str('alias/@name'),
    address: one(Address, 'address'),
  },
  { '': CHAR_ORDER },
) {
  static readonly GUEST_AGENT = 'org.qemu.guest_agent.0';

  /** The QEMU guest agent's virtio-serial port. */
  static guestAgent(): Channel {
    const c = createModel(Channel);
    c.type = 'unix';
    c.targetType = 'virtio';
    c.targetName = Channel.GUEST_AGENT;
    return c;
  }
}
