import { child, children, parseXml } from '@/lib/xml/parse';

// The text consoles of a running VM, by libvirt alias (what virDomainOpenConsole takes): its serial ports and
// its virtio consoles. The <console> that merely mirrors serial0 is the same device and is not listed twice.

export interface ConsoleDevice {
  alias: string;
  label: string;
}

export const DEVICE_ALIAS = /^(serial|console)\d{1,3}$/;

export function consoleDevices(liveXml: string): ConsoleDevice[] {
  const devices = child(parseXml(liveXml).documentElement, 'devices');
  const out: ConsoleDevice[] = [];
  for (const s of children(devices, 'serial')) {
    const alias = child(s, 'alias')?.getAttribute('name');
    const port = child(s, 'target')?.getAttribute('port') ?? '0';
    if (alias && DEVICE_ALIAS.test(alias)) out.push({ alias, label: `Serial port ${port} (ttyS${port})` });
  }
  let hvc = 0;
  for (const c of children(devices, 'console')) {
    const type = child(c, 'target')?.getAttribute('type') ?? 'serial';
    if (type === 'serial') continue;
    const alias = child(c, 'alias')?.getAttribute('name');
    const label = type === 'virtio' ? `Virtio console (hvc${hvc++})` : `${type} console`;
    if (alias && DEVICE_ALIAS.test(alias)) out.push({ alias, label });
  }
  return out;
}
