import { describe, expect, it } from 'vitest';
import { Domain } from './domain';

const cpuXml = (d: Domain) => d.toXml().match(/<cpu[\s\S]*?(\/>|<\/cpu>)/)?.[0] ?? null;
const passthrough = () => Domain.parse('<domain><cpu mode="host-passthrough" check="none" migratable="on"/></domain>');

describe('Cpu.setMode', () => {
  it('drops migratable going to host-model, which libvirt refuses it on', () => {
    const d = passthrough();
    d.cpu.setMode('host-model');
    expect(cpuXml(d)).toBe('<cpu mode="host-model"/>');
  });

  it('gives a named model match exact and no fallback, and drops migratable', () => {
    const d = passthrough();
    d.cpu.setMode('custom');
    d.cpu.setNamedModel('qemu64');
    expect(cpuXml(d)).toBe('<cpu mode="custom" match="exact"><model fallback="forbid">qemu64</model></cpu>');
  });

  it('keeps migratable where libvirt allows it (maximum), and leaves features of the old CPU behind', () => {
    const d = Domain.parse('<domain><cpu mode="host-passthrough" migratable="off"><feature policy="disable" name="vmx"/></cpu></domain>');
    d.cpu.setMode('maximum');
    expect(cpuXml(d)).toBe('<cpu mode="maximum" migratable="off"/>');
  });

  it("sets a new guest's CPU mode as the wizard does", () => {
    const d = Domain.parse('<domain/>');
    d.cpu.useGuestMode('host-passthrough');
    expect(cpuXml(d)).toBe('<cpu mode="host-passthrough" check="none" migratable="on"/>');
    d.cpu.useGuestMode('host-model');
    expect(cpuXml(d)).toBe('<cpu mode="host-model"/>');
  });
});
