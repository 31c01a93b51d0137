import type { Candidate, HostFacts, HostRoom, HostVerdict, PlacedVm, Placement, PlacementPolicy, PlacementRequest } from './types';

// Placement's rules, as one pure function (no libvirt, no clock): which hosts can take a new VM and which is best.
// The wizard's "Pick for me" takes the first host that fits; a manual choice and the create request are judged by
// the same verdicts, so what the wizard shows is exactly what the server refuses.

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

const gib = (bytes: number) => `${(bytes / GiB).toFixed(1)} GiB`;

/** A VM holds its share of the host when it runs, and when it will run again at the host's next start. */
function reserves(vm: HostFacts['vms'][number]): boolean {
  return vm.active || vm.autostart;
}

/** The host's free vCPUs and memory after what its running and autostart VMs reserve. */
export function hostRoom(facts: HostFacts, policy: PlacementPolicy): HostRoom {
  const holding = facts.vms.filter(reserves);
  const vcpuCapacity = Math.floor(facts.cpus * policy.cpuOvercommit);
  const memoryTotalMiB = Math.floor(facts.memoryTotalBytes / MiB);
  const reservedMiB = Math.ceil(holding.reduce((sum, vm) => sum + vm.maxMemKiB, 0) / 1024);
  return {
    vcpuCapacity,
    vcpusFree: vcpuCapacity - holding.reduce((sum, vm) => sum + vm.vcpus, 0),
    memoryTotalMiB,
    memoryFreeMiB: memoryTotalMiB - reservedMiB,
    pools: facts.pools,
  };
}

/** Why the host cannot take the VM, in plain words; empty when it can. */
function reasonsAgainst(req: PlacementRequest, facts: HostFacts, room: HostRoom, policy: PlacementPolicy): string[] {
  const reasons: string[] = [];
  if (req.memoryMiB > room.memoryFreeMiB) {
    reasons.push(
      `needs ${req.memoryMiB} MiB of memory, ${Math.max(0, room.memoryFreeMiB)} MiB free after reservations of running and autostart VMs ` +
        `(of ${room.memoryTotalMiB} MiB)`,
    );
  }
  if (req.vcpus > facts.cpus) reasons.push(`needs ${req.vcpus} vCPUs, the host has ${facts.cpus} logical CPUs (a VM may have at most that many)`);
  else if (req.vcpus > room.vcpusFree) {
    reasons.push(
      `needs ${req.vcpus} vCPUs, ${Math.max(0, room.vcpusFree)} free after reservations of running and autostart VMs ` +
        `(${room.vcpuCapacity}: ${facts.cpus} CPUs × ${policy.cpuOvercommit} overcommit)`,
    );
  }
  for (const name of new Set(req.pools)) {
    const pool = facts.pools.find((p) => p.name === name);
    if (!pool) reasons.push(`pool '${name}' missing`);
    else if (!pool.active) reasons.push(`pool '${name}' is not running`);
    else if (req.disk?.pool === name && req.disk.bytes > pool.availableBytes) {
      reasons.push(`needs a ${gib(req.disk.bytes)} disk, pool '${name}' has ${gib(pool.availableBytes)} free`);
    }
  }
  for (const name of new Set(req.networks)) {
    if (!facts.networks.some((n) => n.name === name)) reasons.push(`network '${name}' missing`);
  }
  reasons.push(...antiAffinityConflicts(req.tags, facts.vms, policy));
  return reasons;
}

/** Each anti-affine tag of `tags` that VMs on the host already carry, in plain words (new VMs and migrations). */
export function antiAffinityConflicts(tags: readonly string[], vms: readonly Pick<PlacedVm, 'name' | 'tags'>[], policy: PlacementPolicy): string[] {
  const reasons: string[] = [];
  for (const tag of tags.filter((t) => policy.antiAffinityTags.includes(t))) {
    const others = vms.filter((vm) => vm.tags.includes(tag)).map((vm) => vm.name);
    if (others.length) reasons.push(`already has ${others.sort().join(', ')} tagged ${tag} (anti-affinity)`);
  }
  return reasons;
}

/** One host's verdict: whether the VM fits and, if not, every reason why. */
export function judgeHost(req: PlacementRequest, candidate: Candidate, policy: PlacementPolicy): HostVerdict {
  if ('down' in candidate) return { host: candidate.host, fits: false, reasons: [`host down: ${candidate.down}`], room: null };
  const room = hostRoom(candidate.facts, policy);
  const reasons = reasonsAgainst(req, candidate.facts, room, policy);
  return { host: candidate.host, fits: reasons.length === 0, reasons, room };
}

/** Best first: more free memory, then more free vCPUs, then the host id (so ties always fall the same way). */
function better(a: HostVerdict, b: HostVerdict): number {
  if (a.fits !== b.fits) return a.fits ? -1 : 1;
  if (!a.room || !b.room) return a.room ? -1 : b.room ? 1 : a.host.id.localeCompare(b.host.id);
  return b.room.memoryFreeMiB - a.room.memoryFreeMiB || b.room.vcpusFree - a.room.vcpusFree || a.host.id.localeCompare(b.host.id);
}

const figures = (v: HostVerdict) => `${v.room!.memoryFreeMiB} MiB and ${v.room!.vcpusFree} vCPUs free after reservations`;

function choiceReason(fitting: HostVerdict[], total: number): string {
  const [first, second] = fitting as [HostVerdict, HostVerdict | undefined];
  const name = first.host.name;
  if (!second) return total === 1 ? `${name} fits (${figures(first)}).` : `${name} is the only one of ${total} hosts that fits (${figures(first)}).`;
  const of = `of the ${fitting.length} hosts that fit`;
  if (first.room!.memoryFreeMiB > second.room!.memoryFreeMiB) return `${name} has the most free memory after reservations ${of} (${figures(first)}).`;
  if (first.room!.vcpusFree > second.room!.vcpusFree) {
    return `${name} and ${second.host.name} have the same free memory; ${name} has more free vCPUs ${of} (${figures(first)}).`;
  }
  return `${name} and ${second.host.name} have the same free memory and vCPUs (${figures(first)}); ${name} comes first by id.`;
}

/** Judges every candidate for the request and picks the best host that fits. */
export function placeVm(req: PlacementRequest, candidates: readonly Candidate[], policy: PlacementPolicy): Placement {
  const hosts = candidates.map((c) => judgeHost(req, c, policy)).sort(better);
  const fitting = hosts.filter((v) => v.fits);
  if (!fitting.length) {
    return {
      hosts,
      chosen: null,
      reason: hosts.length ? `No host fits this VM: ${hosts.map((v) => `${v.host.name}: ${v.reasons.join('; ')}`).join('. ')}.` : 'There are no hosts.',
    };
  }
  return { hosts, chosen: fitting[0]!.host, reason: choiceReason(fitting, hosts.length) };
}
