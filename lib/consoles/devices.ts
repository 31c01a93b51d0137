import { Domain } from '@/lib/domain-xml/domain';

// The text consoles of a running VM, by libvirt alias (what virDomainOpenConsole takes): its serial ports and
// its virtio consoles. The <console> that merely mirrors serial0 is the same device and is not listed twice.

export interface ConsoleDevice {
  alias: string;
  label: string;
}

export const DEVICE_ALIAS = /^(serial|console)\d{1,3}$/;

export function consoleDevices(liveXml: string): ConsoleDevice[] {
  const d = Domain.parse(liveXml);
  const out: ConsoleDevice[] = [];
  for (const s of d.serials) {
    const alias = s.alias;
    const port = s.targetPort ?? 0;
    if (alias && DEVICE_ALIAS.test(alias)) out.push({ alias, label: `Serial port ${port} (ttyS${port})` });
  }
  let hvc = 0;
  for (const c of d.consoles) {
    const type = c.targetType ?? 'serial';
    if (type === 'serial') continue;
    const alias = c.alias;
    const label = type === 'virtio' ? `Virtio console (hvc${hvc++})` : `${type} console`;
    if (alias && DEVICE_ALIAS.test(alias)) out.push({ alias, label });
  }
  return out;
}
