import 'server-only';
import { ConnectCompareCPUFlags, CPUCompareResult, ErrorNumber, type LibvirtClient, type PoolRef } from '@/lib/libvirt';
import { isLibvirtCode, isLibvirtError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { readHostFacts } from '@/lib/placement/facts';
import { antiAffinityConflicts } from '@/lib/placement/place';
import { placementPolicy } from '@/lib/placement/service';
import { parsePoolXml } from '@/lib/storage/pool-model';
import { readTags } from '@/lib/tags/metadata';
import { formatBytes } from './words';
import { copiedDisks, copySize, readSubject, type Subject, type SubjectDisk } from './subject';
import type { CheckId, MigrationOptions, Precheck, PrecheckItem } from './types';

// Before a migration, Vireo asks both hosts whether it can work and says in plain words what stands in the way.
// Everything here only reads: a refusal leaves both hosts exactly as they were.

const LABELS: Record<CheckId, string> = {
  destination: 'Destination host',
  state: 'VM state',
  identity: 'Name and UUID free on the destination',
  cpu: 'CPU compatible',
  memory: 'Memory available',
  networks: 'Networks and bridges',
  storage: 'Storage',
  placement: 'Anti-affinity',
};

const item = (id: CheckId, problems: string[], okDetail: string): PrecheckItem => ({
  id,
  label: LABELS[id],
  ok: problems.length === 0,
  detail: problems.length ? problems.join(' ') : okDetail,
});

const hostUuid = (capabilities: string) => /<host>\s*<uuid>([^<]+)<\/uuid>/.exec(capabilities)?.[1] ?? null;
const hostCpu = (capabilities: string) => /<host>[\s\S]*?(<cpu>[\s\S]*?<\/cpu>)/.exec(capabilities)?.[1] ?? null;

async function exists(fn: () => Promise<unknown>, ...missing: number[]): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    if (isLibvirtCode(err, ...missing)) return false;
    throw err;
  }
}

async function checkCpu(s: Subject, src: LibvirtClient, dst: LibvirtClient, destName: string, live: boolean): Promise<string[]> {
  const mode = s.domain.cpu.mode;
  // A stopped VM with host-model takes the CPU of whichever host starts it.
  if (!s.cpuXml || (!live && mode === 'host-model')) return [];
  const cpuXml = mode === 'host-passthrough' || mode === 'maximum' ? hostCpu(await src.host.capabilities()) : s.cpuXml;
  if (!cpuXml) return [];
  try {
    const result = await dst.migration.compareHypervisorCpu(
      { arch: s.domain.os.arch ?? undefined, machine: s.domain.os.machine ?? undefined, virttype: s.domain.type ?? undefined, cpuXml },
      ConnectCompareCPUFlags.FAIL_INCOMPATIBLE,
    );
    return result === CPUCompareResult.INCOMPATIBLE ? [`${destName} cannot give this VM its CPU.`] : [];
  } catch (err) {
    if (isLibvirtCode(err, ErrorNumber.ERR_CPU_INCOMPATIBLE))
      return [`${destName} cannot give this VM its CPU: ${err instanceof Error ? err.message : ''}`.trim()];
    throw err;
  }
}

async function checkNetworks(s: Subject, dst: LibvirtClient, destName: string): Promise<string[]> {
  const problems: string[] = [];
  for (const net of s.networks) {
    let active: boolean;
    try {
      active = await dst.networks.isActive(await dst.networks.lookupByName(net));
    } catch (err) {
      if (!isLibvirtCode(err, ErrorNumber.ERR_NO_NETWORK)) throw err;
      problems.push(`The VM uses the network "${net}", which ${destName} does not have: define it there first.`);
      continue;
    }
    if (!active) problems.push(`The network "${net}" exists on ${destName} but is not started: start it there first.`);
  }
  for (const br of s.bridges) {
    const found = await dst.migration.hostInterfaceExists(br).catch((err: unknown) => {
      if (isLibvirtError(err)) return null;
      throw err;
    });
    if (found === false) problems.push(`The VM joins the bridge "${br}", which ${destName} does not have.`);
    if (found === null) problems.push(`Vireo cannot tell whether ${destName} has the bridge "${br}" (libvirt there has no interface driver).`);
  }
  return problems;
}

interface DestPools {
  byName: Map<string, { ref: PoolRef; path: string | null; active: boolean }>;
  byPath: Map<string, PoolRef>;
}

async function destPools(dst: LibvirtClient): Promise<DestPools> {
  const byName: DestPools['byName'] = new Map();
  const byPath = new Map<string, PoolRef>();
  for (const ref of await dst.pools.listAll()) {
    const model = parsePoolXml(await dst.pools.xml(ref));
    byName.set(ref.name, { ref, path: model.targetPath, active: await dst.pools.isActive(ref) });
    if (model.targetPath) byPath.set(model.targetPath, ref);
  }
  return { byName, byPath };
}

/** The file is visible at the same path on the destination, through a pool there. */
async function sameFileThere(dst: LibvirtClient, pools: DestPools, disk: SubjectDisk): Promise<boolean> {
  const poolPath = disk.volume?.poolPath ?? disk.path.slice(0, disk.path.lastIndexOf('/'));
  const pool = pools.byPath.get(poolPath);
  // Files appear in a directory pool's list only at a refresh; refreshing changes nothing on the host.
  if (pool) await dst.pools.refresh(pool).catch(() => undefined);
  return exists(() => dst.volumes.lookupByPath(disk.path), ErrorNumber.ERR_NO_STORAGE_VOL);
}

async function checkStorage(s: Subject, dst: LibvirtClient, destName: string, o: MigrationOptions): Promise<{ problems: string[]; copyBytes: number }> {
  const problems: string[] = [];
  const pools = await destPools(dst);
  const copied = new Set(o.storage === 'copy' ? copiedDisks(s) : []);
  const need = new Map<string, number>();
  for (const disk of s.disks) {
    if (!copied.has(disk)) {
      if (!(await sameFileThere(dst, pools, disk))) {
        problems.push(
          o.storage === 'shared'
            ? `Disk ${disk.target} (${disk.path}) is not on ${destName} at the same path: shared storage needs a pool at the same path on both hosts, or choose "copy".`
            : `The read-only ${disk.device} ${disk.target} (${disk.path}) is not on ${destName} at the same path: put it in a pool there first.`,
        );
      }
      continue;
    }
    const v = disk.volume;
    if (!v) {
      problems.push(`Disk ${disk.target} (${disk.path}) is not in a storage pool, so Vireo cannot make its copy on ${destName}.`);
      continue;
    }
    if (v.format !== 'raw' && v.format !== 'qcow2') {
      problems.push(`Disk ${disk.target} is a ${v.format} image; Vireo copies raw and qcow2 volumes.`);
      continue;
    }
    if (v.backingPath) {
      problems.push(`Disk ${disk.target} is an overlay on ${v.backingPath}; Vireo copies only disks without a backing image.`);
      continue;
    }
    const pool = pools.byName.get(v.pool);
    if (!pool) {
      problems.push(`${destName} has no storage pool "${v.pool}" for disk ${disk.target}: create one there first.`);
      continue;
    }
    if (!pool.active) {
      problems.push(`The pool "${v.pool}" on ${destName} is not started.`);
      continue;
    }
    // A file another host put there (shared storage) is listed only after a refresh.
    await dst.pools.refresh(pool.ref).catch(() => undefined);
    if (await exists(() => dst.volumes.lookupByName(pool.ref, v.name), ErrorNumber.ERR_NO_STORAGE_VOL)) {
      problems.push(
        pool.path === v.poolPath && (await sameFileThere(dst, pools, disk))
          ? `Disk ${disk.target} is already on ${destName} at the same path: the storage is shared, choose "shared".`
          : `The pool "${v.pool}" on ${destName} already has a volume "${v.name}": Vireo will not overwrite it.`,
      );
      continue;
    }
    // A live copy may fill the whole disk.
    need.set(v.pool, (need.get(v.pool) ?? 0) + (o.mode === 'live' ? v.capacity : copySize(v)));
  }
  for (const [poolName, bytes] of need) {
    const pool = pools.byName.get(poolName)!;
    const available = (await dst.pools.info(pool.ref)).available;
    if (available < bytes)
      problems.push(`The pool "${poolName}" on ${destName} has ${formatBytes(available)} free; the copied disks need ${formatBytes(bytes)}.`);
  }
  return { problems, copyBytes: [...need.values()].reduce((a, b) => a + b, 0) };
}

/** The placement rule a move must keep too: no anti-affine tag of the VM on a VM of the destination. */
async function checkAntiAffinity(src: LibvirtClient, subject: Subject, dest: HostContext): Promise<{ problems: string[]; ok: string }> {
  const policy = placementPolicy();
  if (!policy.antiAffinityTags.length) return { problems: [], ok: 'No tag is anti-affine (VIREO_ANTI_AFFINITY_TAGS).' };
  const tags = (await readTags(src, subject.dom)).filter((t) => policy.antiAffinityTags.includes(t));
  if (!tags.length) return { problems: [], ok: 'The VM carries no anti-affine tag.' };
  const conflicts = antiAffinityConflicts(tags, (await readHostFacts(dest)).vms, policy);
  return {
    problems: conflicts.map((c) => `${dest.name} ${c}: two VMs tagged so never share a host.`),
    ok: `No VM on ${dest.name} carries ${tags.join(', ')}.`,
  };
}

export interface PrecheckOutcome {
  precheck: Precheck;
  subject: Subject;
}

/** Asks both hosts whether the VM can move as `options` say. Reads only. */
export async function precheckMigration(source: HostContext, dest: HostContext, name: string, o: MigrationOptions): Promise<PrecheckOutcome> {
  const src = await source.libvirt();
  const dst = await dest.libvirt();
  const subject = await readSubject(src, name);
  const live = o.mode === 'live';
  const checks: PrecheckItem[] = [];

  const [srcCaps, dstCaps] = await Promise.all([src.host.capabilities(), dst.host.capabilities()]);
  const sameHost = source.id === dest.id || (hostUuid(srcCaps) !== null && hostUuid(srcCaps) === hostUuid(dstCaps));
  checks.push(item('destination', sameHost ? [`${dest.name} is the host the VM is on: choose another host.`] : [], `${dest.name} (${dest.uri}).`));

  const stateProblems: string[] = [];
  if (live && !subject.running) stateProblems.push('The VM is not running: a live migration moves a running VM; use an offline move.');
  if (!live && subject.running) stateProblems.push('The VM is running: shut it down for an offline move, or migrate it live.');
  if (!live && !subject.persistent) stateProblems.push('The VM has no persistent definition to move.');
  checks.push(item('state', stateProblems, subject.running ? 'Running.' : 'Shut off.'));

  const identity: string[] = [];
  const byUuid = await dst.domains.lookupByUuid(subject.dom.uuid).catch((err: unknown) => {
    if (isLibvirtCode(err, ErrorNumber.ERR_NO_DOMAIN)) return null;
    throw err;
  });
  if (byUuid) identity.push(`${dest.name} already has a VM with this UUID ("${byUuid.name}").`);
  else if (await exists(() => dst.domains.lookupByName(subject.dom.name), ErrorNumber.ERR_NO_DOMAIN))
    identity.push(`${dest.name} already has a VM named "${subject.dom.name}".`);
  checks.push(item('identity', identity, `Neither "${subject.dom.name}" nor its UUID is on ${dest.name}.`));

  checks.push(
    item(
      'cpu',
      await checkCpu(subject, src, dst, dest.name, live),
      subject.cpuXml ? `${dest.name} can give the VM its CPU.` : 'The VM uses the hypervisor’s default CPU.',
    ),
  );

  const needBytes = subject.memoryKiB * 1024;
  const free = await dst.host.freeMemory();
  const memProblems = live && free < needBytes ? [`The VM needs ${formatBytes(needBytes)} of memory; ${dest.name} has ${formatBytes(free)} free.`] : [];
  checks.push(item('memory', memProblems, `${formatBytes(needBytes)} needed, ${formatBytes(free)} free on ${dest.name}.`));

  const netProblems = await checkNetworks(subject, dst, dest.name);
  const netCount = subject.networks.length + subject.bridges.length;
  checks.push(
    item('networks', netProblems, netCount ? `${dest.name} has every network and bridge the VM uses.` : 'The VM has no network interfaces to check.'),
  );

  const storage = await checkStorage(subject, dst, dest.name, o);
  const storageOk =
    o.storage === 'copy'
      ? `Vireo copies ${formatBytes(storage.copyBytes)} into pools of the same name on ${dest.name}.`
      : `Every disk is on ${dest.name} at the same path.`;
  checks.push(item('storage', storage.problems, subject.disks.length ? storageOk : 'The VM has no disks.'));

  const affinity = await checkAntiAffinity(src, subject, dest);
  checks.push(item('placement', affinity.problems, affinity.ok));

  return { precheck: { ok: checks.every((c) => c.ok), checks, copyBytes: storage.copyBytes }, subject };
}
