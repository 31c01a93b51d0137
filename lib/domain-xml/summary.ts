import { parseXml } from '@/lib/xml/parse';
import { Domain } from './domain';
import type { DomainSummary } from './types';

// The VM page's overview: the parts of a definition Vireo shows, read through the model.

export function summarize(d: Domain): DomainSummary {
  const os = d.os;
  return {
    name: d.name ?? '',
    uuid: d.uuid,
    title: d.title,
    description: d.description,
    hypervisor: d.type,
    arch: os.arch,
    machine: os.machine,
    osType: os.type,
    firmware: os.firmware ?? (os.loader !== null || os.loaderType !== null ? 'custom loader' : null),
    directKernel: os.directKernel,
    memoryKiB: d.memory.maximumKiB,
    currentMemoryKiB: d.memory.currentKiB,
    vcpus: d.cpu.vcpus || null,
    cpuMode: d.cpu.mode,
    nvram: os.nvram || null,
    disks: d.disks.map((k) => ({
      device: k.device ?? 'disk',
      type: k.type ?? 'file',
      target: k.target,
      bus: k.bus,
      format: k.format,
      source: k.source,
      pool: k.pool,
      volume: k.volume,
      readonly: k.readonly,
    })),
    nics: d.interfaces.map((n) => ({ type: n.type ?? 'unknown', source: n.source, mac: n.mac, model: n.model })),
    graphics: d.graphics.map((g) => g.type ?? 'unknown'),
    consoles: [...d.serials.map((c) => `serial (${c.type ?? '?'})`), ...d.consoles.map((c) => `console (${c.type ?? '?'})`)],
    emulator: d.emulator,
  };
}

export function summarizeDomainXml(xml: string): DomainSummary {
  return summarize(Domain.parse(xml));
}

/** Root checks before handing edited XML to libvirt: a <domain> whose name and uuid match the VM being edited. */
export function checkEditedDomainXml(xml: string, expected: { name: string; uuid: string }): string | null {
  const root = parseXml(xml).documentElement!;
  if (root.tagName !== 'domain') return `The root element must be <domain>, not <${root.tagName}>.`;
  const d = new Domain(root);
  if (d.name !== expected.name) return `The <name> must stay "${expected.name}" (renaming is not done by editing the XML).`;
  if (d.uuid && d.uuid.toLowerCase() !== expected.uuid.toLowerCase()) return `The <uuid> must stay ${expected.uuid}.`;
  return null;
}
