// The TCG fixture guest shaped for the hardware journey (issue 6), and virsh readings used as witnesses.
import type { Document, Element } from '@xmldom/xmldom';
import { parseXml, serializeXml, child } from '@/lib/xml/parse';
import { ConsoleReader } from '@/test/support/console-reader';
import { bootBanner, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshDefine } from '@/test/support/virsh';
import { testPoolDir } from '@/test/support/test-libvirtd';

export interface HardwareGuestOptions {
  name: string;
  /** i440fx ("pc", the default) hotplugs PCI devices through ACPI; q35 lacks IDE, which the refusal test needs. */
  machine?: 'pc' | 'q35';
  network?: string;
}

function el(doc: Document, name: string, attrs: Record<string, string> = {}, children: Element[] = []): Element {
  const e = doc.createElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.appendChild(c);
  return e;
}

/**
 * 192 MiB of a 256 MiB maximum (so the balloon has room both ways), 1 of 2 vCPUs, a virtio-scsi controller with an
 * empty SCSI CD-ROM (sda), and one virtio NIC.
 */
export function hardwareGuestXml(opts: HardwareGuestOptions): string {
  const doc = parseXml(tcgGuestXml({ name: opts.name, memoryMiB: 192, network: opts.network ?? 'default' }));
  const root = doc.documentElement;
  child(root, 'memory')!.textContent = '256';
  const vcpu = child(root, 'vcpu')!;
  vcpu.setAttribute('current', '1');
  vcpu.textContent = '2';
  if (opts.machine === 'q35') child(child(root, 'os'), 'type')!.setAttribute('machine', 'q35');
  const devices = child(root, 'devices')!;
  const before = child(devices, 'interface') ?? child(devices, 'serial');
  devices.insertBefore(el(doc, 'controller', { type: 'scsi', index: '0', model: 'virtio-scsi' }), before);
  devices.insertBefore(
    el(doc, 'disk', { type: 'file', device: 'cdrom' }, [
      el(doc, 'driver', { name: 'qemu', type: 'raw' }),
      el(doc, 'target', { dev: 'sda', bus: 'scsi' }),
      el(doc, 'readonly'),
    ]),
    before,
  );
  return serializeXml(doc);
}

/** Defines and boots the guest with a console reader attached before it prints anything; returns at the prompt. */
export async function bootHardwareGuest(opts: HardwareGuestOptions): Promise<ConsoleReader> {
  await virshDefine(hardwareGuestXml(opts));
  await virsh(['start', '--paused', opts.name]);
  const reader = await ConsoleReader.forDomain(opts.name);
  await virsh(['resume', opts.name]);
  await reader.waitFor(`${bootBanner} hostname=${opts.name}`, 120_000);
  await reader.waitFor(shellPrompt, 30_000);
  // ash asks the terminal for the cursor position after the prompt; let it settle before typing.
  await new Promise((r) => setTimeout(r, 1000));
  return reader;
}

export const liveXml = (name: string) => virsh(['dumpxml', name]);
export const inactiveXml = (name: string) => virsh(['dumpxml', '--inactive', name]);

/** `virsh domblklist` as target → source ("-" for an empty drive). */
export async function blockDevices(name: string, inactive = false): Promise<Map<string, string>> {
  const out = await virsh(['domblklist', name, ...(inactive ? ['--inactive'] : [])]);
  const rows = out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Target\s+Source$/.test(l) && !/^-+$/.test(l));
  return new Map(
    rows.map((l) => {
      const [target, ...rest] = l.split(/\s+/);
      return [target!, rest.join(' ')];
    }),
  );
}

/** `virsh domiflist` as MAC → source network/bridge. */
export async function interfaces(name: string, inactive = false): Promise<Map<string, string>> {
  const out = await virsh(['domiflist', name, ...(inactive ? ['--inactive'] : [])]);
  const rows = out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Interface\s+Type/.test(l) && !/^-+$/.test(l));
  return new Map(
    rows.map((l) => {
      const [, , source, , mac] = l.split(/\s+/);
      return [mac!, source!];
    }),
  );
}

/** The balloon's current size in KiB as QEMU reports it (`virsh dommemstat` "actual"). */
export async function balloonKiB(name: string): Promise<number> {
  const m = (await virsh(['dommemstat', name])).match(/^actual\s+(\d+)/m);
  return m ? Number(m[1]) : Number.NaN;
}

/** A directory pool of the spec's own beside the test daemon's images (readable by libvirt's QEMU user). */
export async function createPool(name: string): Promise<string> {
  const dir = testPoolDir(name);
  await virsh(['pool-define-as', name, 'dir', '--target', dir]);
  await virsh(['pool-build', name]);
  await virsh(['pool-start', name]);
  return dir;
}

export async function removePool(name: string): Promise<void> {
  await virsh(['pool-refresh', name]).catch(() => undefined);
  const vols = await virsh(['vol-list', name]).catch(() => '');
  for (const v of vols
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0]!)
    .filter(Boolean)) {
    await virsh(['vol-delete', '--pool', name, v]).catch(() => undefined);
  }
  await virsh(['pool-destroy', name]).catch(() => undefined);
  await virsh(['pool-delete', name]).catch(() => undefined);
  await virsh(['pool-undefine', name]).catch(() => undefined);
}
