import type { Document } from '@xmldom/xmldom';
import { DomainMemoryModFlags } from '@/lib/libvirt';
import { NumaCell } from '@/lib/domain-xml/cpu';
import { Domain } from '@/lib/domain-xml/domain';
import { Dimm } from '@/lib/domain-xml/memory';
import { createModel } from '@/lib/domain-xml/model';
import { definePersistent, type VmContext } from './context';
import { editVm } from './edit';
import { refuse } from './errors';
import { applyHalves, requirePersistent, type Changed } from './scope';
import type { DimmAdd, MemoryChange } from './types';
import type { HostContext } from '@/lib/hosts';
import { readHostMemory } from '@/lib/host/memory';

// Memory: the balloon target (current) moves live within the maximum the guest booted with; the maximum and the
// hotplug ceiling (<maxMemory slots>) are persistent only. DIMMs add memory to a running guest that has slots.

const MiB = 1024;
const mib = (kib: number) => `${Math.round(kib / MiB)} MiB`;

/** What the memory checks need of one definition, with libvirt's defaults filled in. */
function memoryOf(doc: Document) {
  const d = Domain.of(doc);
  const maximumKiB = d.memory.maximumKiB ?? 0;
  return {
    maximumKiB,
    currentKiB: d.memory.currentKiB ?? maximumKiB,
    hotplug: d.memory.hotplug,
    dimmKiB: d.memoryModules.reduce((s, m) => s + (m.sizeKiB ?? 0), 0),
    dimms: d.memoryModules.length,
    numaCells: d.cpu.numaCells.length,
  };
}

function wholeMiB(field: string, v: number | undefined, label: string): void {
  if (v !== undefined && (!Number.isInteger(v) || v < 1)) refuse(field, `${label} must be a whole number of MiB, at least 1.`);
}

export function planMemory(ctx: VmContext, change: MemoryChange, hostTotalKiB: number | null): { currentKiB: number | null; maximumKiB: number } {
  wholeMiB('currentMiB', change.currentMiB, 'Memory');
  wholeMiB('maximumMiB', change.maximumMiB, 'Maximum memory');
  if (change.maximumMiB !== undefined) requirePersistent(change, 'maximumMiB', 'Maximum memory');
  if (change.hotplug !== undefined) requirePersistent(change, 'hotplug', 'The memory hotplug ceiling');
  if (change.currentMiB === undefined && change.maximumMiB === undefined && change.hotplug === undefined) {
    refuse('currentMiB', 'Nothing to change: give the memory size, the maximum or the hotplug ceiling.');
  }
  const p = memoryOf(ctx.inactive);
  const maximumKiB = change.maximumMiB !== undefined ? change.maximumMiB * MiB : p.maximumKiB;
  const currentKiB = change.currentMiB !== undefined ? change.currentMiB * MiB : null;
  if (hostTotalKiB !== null && maximumKiB > hostTotalKiB)
    refuse('maximumMiB', `The host has only ${mib(hostTotalKiB)} of memory; ${mib(maximumKiB)} cannot be the maximum.`);
  if (currentKiB !== null && change.persistent && currentKiB > maximumKiB) {
    refuse('currentMiB', `${mib(currentKiB)} is above the maximum of ${mib(maximumKiB)}. Raise the maximum (persistent, next boot) first.`);
  }
  if (change.maximumMiB !== undefined && change.currentMiB === undefined && p.currentKiB > maximumKiB) {
    refuse('maximumMiB', `The maximum cannot go below the current ${mib(p.currentKiB)}; lower the memory too.`);
  }
  if (currentKiB !== null && change.live) {
    const liveMax = ctx.live ? memoryOf(ctx.live).maximumKiB : maximumKiB;
    if (currentKiB > liveMax)
      refuse(
        'currentMiB',
        `${mib(currentKiB)} is above the running guest's maximum of ${mib(liveMax)}; raise the maximum for next boot and restart, or add a memory module.`,
      );
  }
  if (change.maximumMiB !== undefined && p.numaCells > 1) {
    refuse('maximumMiB', 'This VM has several NUMA nodes: set the memory of each node in the XML editor.');
  }
  if (change.maximumMiB !== undefined && p.numaCells === 1 && maximumKiB <= p.dimmKiB) {
    refuse('maximumMiB', 'The maximum must be more than the memory modules (DIMMs) already add.');
  }
  if (change.hotplug) {
    const { slots, maxMiB } = change.hotplug;
    if (!Number.isInteger(slots) || slots < 1 || slots > 255) refuse('hotplug.slots', 'Memory slots must be between 1 and 255.');
    if (!Number.isInteger(maxMiB) || maxMiB * MiB < maximumKiB)
      refuse('hotplug.maxMiB', `The hotplug ceiling must be at least the maximum memory (${mib(maximumKiB)}).`);
    if (hostTotalKiB !== null && maxMiB * MiB > hostTotalKiB * 4) refuse('hotplug.maxMiB', 'The hotplug ceiling is far above what this host has.');
  }
  if (change.hotplug === null && p.dimms) refuse('hotplug', 'Remove the DIMM devices before removing the memory hotplug ceiling.');
  return { currentKiB, maximumKiB };
}

/** <maxMemory>, and the NUMA cell QEMU needs before it accepts DIMMs on x86. */
export function editHotplugXml(ctx: VmContext, hotplug: { slots: number; maxMiB: number } | null): void {
  const d = Domain.of(ctx.inactive);
  d.memory.hotplug = hotplug && { slots: hotplug.slots, maxKiB: hotplug.maxMiB * MiB };
  const mem = memoryOf(ctx.inactive);
  if (hotplug && mem.numaCells === 0) {
    const max = d.cpu.maximum;
    const cell = d.cpu.add(createModel(NumaCell));
    cell.id = 0;
    cell.cpus = max > 1 ? `0-${max - 1}` : '0';
    // The cell holds the boot memory (without DIMMs); libvirt sums cells + DIMMs into <memory>.
    cell.memoryKiB = mem.maximumKiB - mem.dimmKiB;
  }
}

/** Sets the boot memory of a single-cell NUMA guest (cell + DIMMs = maximum); several cells are refused in planMemory. */
export function editNumaMaximum(ctx: VmContext, maximumKiB: number): void {
  const d = Domain.of(ctx.inactive);
  const mem = memoryOf(ctx.inactive);
  d.cpu.numaCells[0]!.memoryKiB = maximumKiB - mem.dimmKiB;
  d.memory.maximumKiB = maximumKiB;
  if (d.memory.currentKiB !== null && mem.currentKiB > maximumKiB) d.memory.currentKiB = maximumKiB;
}

export async function changeMemory(host: HostContext, name: string, change: MemoryChange): Promise<Changed> {
  return editVm(host, name, change, 'The memory change', async (ctx) => {
    const hostMem = await readHostMemory(ctx.client).catch(() => null);
    const plan = planMemory(ctx, change, hostMem ? hostMem.totalBytes / 1024 : null);
    const { client, dom } = ctx;
    const parts: string[] = [];
    if (plan.currentKiB !== null) parts.push(`memory set to ${mib(plan.currentKiB)}`);
    if (change.maximumMiB !== undefined) parts.push(`maximum set to ${mib(plan.maximumKiB)}`);
    if (change.hotplug !== undefined)
      parts.push(change.hotplug ? `hotplug ceiling set to ${change.hotplug.maxMiB} MiB in ${change.hotplug.slots} slots` : 'memory hotplug removed');
    const what = parts.join(', ');
    const outcome = await applyHalves(
      change,
      {
        persistent: async () => {
          if (change.hotplug !== undefined) {
            editHotplugXml(ctx, change.hotplug);
            await definePersistent(ctx, ctx.inactive);
          }
          // Maximum before current, so a raise of both never passes through current > maximum.
          if (change.maximumMiB !== undefined) {
            if (memoryOf(ctx.inactive).numaCells > 0) {
              // With NUMA the boot memory is the sum of the cells; libvirt's API refuses, so resize the cell.
              editNumaMaximum(ctx, plan.maximumKiB);
              await definePersistent(ctx, ctx.inactive);
            } else {
              await client.domains.setMemory(dom, plan.maximumKiB, 'config', DomainMemoryModFlags.MAXIMUM);
            }
          }
          if (plan.currentKiB !== null) await client.domains.setMemory(dom, plan.currentKiB, 'config');
        },
        live: plan.currentKiB === null ? undefined : () => client.domains.setMemory(dom, plan.currentKiB!, 'live'),
      },
      what.charAt(0).toUpperCase() + what.slice(1),
    );
    return outcome;
  });
}

export async function addDimm(host: HostContext, name: string, req: DimmAdd): Promise<Changed> {
  return editVm(host, name, req, 'Adding memory', async (ctx) => {
    wholeMiB('sizeMiB', req.sizeMiB, 'The DIMM size');
    // QEMU maps DIMMs in 2 MiB pages on x86; libvirt rounds, but say so before it does.
    if (req.sizeMiB % 2 !== 0) refuse('sizeMiB', 'The DIMM size must be a multiple of 2 MiB.');
    for (const [half, doc] of [
      ['persistent', req.persistent ? ctx.inactive : null],
      ['live', req.live ? ctx.live : null],
    ] as const) {
      if (!doc) continue;
      const m = memoryOf(doc);
      if (!m.hotplug)
        refuse(
          'sizeMiB',
          `Memory hotplug is not set up${half === 'live' ? ' in the running guest' : ''}: set a hotplug ceiling (slots and maximum) ` +
            `first${half === 'live' ? ', then restart the VM' : ''}.`,
        );
      if (m.dimms >= m.hotplug.slots) refuse('sizeMiB', `All ${m.hotplug.slots} memory slots are in use${half === 'live' ? ' in the running guest' : ''}.`);
      if (m.maximumKiB + req.sizeMiB * MiB > m.hotplug.maxKiB) {
        refuse('sizeMiB', `That would bring memory to ${mib(m.maximumKiB + req.sizeMiB * MiB)}, above the hotplug ceiling of ${mib(m.hotplug.maxKiB)}.`);
      }
    }
    const node = memoryOf(ctx.inactive).numaCells > 0 || (ctx.live && memoryOf(ctx.live).numaCells > 0) ? 0 : null;
    const xml = Dimm.create(req.sizeMiB * MiB, node).toXml();
    const outcome = await applyHalves(
      req,
      {
        persistent: () => ctx.client.domains.attachDevice(ctx.dom, xml, 'config'),
        live: () => ctx.client.domains.attachDevice(ctx.dom, xml, 'live'),
      },
      `A ${req.sizeMiB} MiB memory module was added`,
    );
    return outcome;
  });
}
