import { describe, expect, it } from 'vitest';
import { consoleDevices } from './devices';

const live = `<domain type="qemu"><name>g</name><devices>
  <serial type="pty"><source path="/dev/pts/2"/><target type="isa-serial" port="0"/><alias name="serial0"/></serial>
  <console type="pty" tty="/dev/pts/2"><target type="serial" port="0"/><alias name="serial0"/></console>
  <console type="pty"><target type="virtio" port="1"/><alias name="console1"/></console>
</devices></domain>`;

describe('consoleDevices', () => {
  it('lists serial ports and virtio consoles once each, by alias', () => {
    expect(consoleDevices(live)).toEqual([
      { alias: 'serial0', label: 'Serial port 0 (ttyS0)' },
      { alias: 'console1', label: 'Virtio console (hvc0)' },
    ]);
  });

  it('skips devices without a usable alias (an inactive definition has none)', () => {
    expect(consoleDevices('<domain><devices><serial type="pty"><target port="0"/></serial></devices></domain>')).toEqual([]);
  });
});
