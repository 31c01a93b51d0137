import {
  DomainSnapshotCreateFlags,
  DomainSnapshotListFlags,
  DomainSnapshotRevertFlags,
  DomainXMLFlags,
  ErrorNumber,
  type LibvirtClient,
  type SnapshotRef,
} from '@/lib/libvirt';
import { ConflictError, InputError, NotFoundError, isLibvirtCode } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { Domain } from '@/lib/domain-xml/domain';
import { buildSnapshotXml, isExternal, parseSnapshotXml, type SnapshotRequestXml, type SnapshotXml } from '@/lib/domain-xml/snapshot';
import { findVm } from '@/lib/vms/lifecycle';
import { readVireoMeta, writeVireoMeta } from '@/lib/vms/vireo-meta';
import { freeSnapshotFiles, overlayPlan, type OverlayPlan } from './files';
import { snapshotPolicy, versionText, type SnapshotKind, type SnapshotPolicy } from './policy';
import { checkSnapshotName } from './names';

// Snapshots of one VM through libvirt's snapshot API: the tree, taking one (internal or external, with or without
// the memory of a running VM, quiesced by the guest agent when asked), reverting, deleting. External snapshots'
// files are recorded in Vireo's metadata so that deleting the snapshot (or the VM) removes exactly those.

export interface SnapshotNode {
  name: string;
  description: string | null;
  parent: string | null;
  /** 0 for a root; the list is in tree order (each snapshot followed by its children, oldest first). */
  depth: number;
  createdAt: string | null;
  /** The VM's state when taken (running, shutoff, disk-snapshot...). */
  state: string | null;
  kind: SnapshotKind;
  withMemory: boolean;
  current: boolean;
  children: number;
  disks: { target: string; location: string; file: string | null }[];
  /** Why reverting is refused, when it is. */
  revertBlocked: string | null;
}

export interface SnapshotList {
  vm: string;
  running: boolean;
  libvirtVersion: string;
  /** What the create form offers and why. */
  policy: SnapshotPolicy;
  /** Whether the guest agent answers (a disk-only snapshot can then be quiesced). */
  agent: boolean;
  current: string | null;
  snapshots: SnapshotNode[];
}

export interface SnapshotInput {
  name: string;
  description?: string | null;
  /** Omitted: the VM's preferred kind (see policy.ts). */
  kind?: SnapshotKind;
  /** Running VMs: keep the memory state too (the VM resumes where it was); false = disk-only. */
  memory?: boolean;
  /** Freeze the guest's filesystems through its agent while a disk-only snapshot is taken. */
  quiesce?: boolean;
}

const noRevertWords = (v: number) =>
  `This is an external snapshot, and libvirt ${versionText(v)} on this host cannot revert to external snapshots (libvirt 9.9 can). ` +
  'You can still delete it, or clone the VM to keep its current state.';

async function snapshotOf(client: LibvirtClient, vm: string, name: string): Promise<{ snap: SnapshotRef; xml: SnapshotXml }> {
  const dom = await findVm(client, vm);
  try {
    const snap = await client.snapshots.lookupByName(dom, name);
    return { snap, xml: parseSnapshotXml(await client.snapshots.xml(snap)) };
  } catch (err) {
    if (isLibvirtCode(err, ErrorNumber.ERR_NO_DOMAIN_SNAPSHOT)) throw new NotFoundError(`Virtual machine "${vm}" has no snapshot named "${name}".`);
    throw err;
  }
}

function agentConnected(live: Domain | null): boolean {
  return !!live?.channels.some((c) => c.targetName === 'org.qemu.guest_agent.0' && c.targetState === 'connected');
}

/** Each snapshot followed by its children, oldest first at every level. */
export function treeOrder<T extends { name: string; parent: string | null; createdAt: string | null }>(
  items: T[],
): (T & { depth: number; children: number })[] {
  const byParent = new Map<string | null, T[]>();
  const names = new Set(items.map((i) => i.name));
  for (const i of items) {
    const p = i.parent && names.has(i.parent) ? i.parent : null;
    byParent.set(p, [...(byParent.get(p) ?? []), i]);
  }
  const out: (T & { depth: number; children: number })[] = [];
  const walk = (parent: string | null, depth: number) => {
    const kids = (byParent.get(parent) ?? []).sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.name.localeCompare(b.name));
    for (const k of kids) {
      out.push({ ...k, depth, children: byParent.get(k.name)?.length ?? 0 });
      walk(k.name, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function listSnapshots(host: HostContext, vm: string): Promise<SnapshotList> {
  const client = await host.libvirt();
  const dom = await findVm(client, vm);
  const running = dom.id > 0;
  const [version, inactive, live, refs, current] = await Promise.all([
    client.host.libVersion(),
    client.domains.xml(dom, DomainXMLFlags.INACTIVE),
    running ? client.domains.xml(dom) : Promise.resolve(null),
    client.snapshots.list(dom),
    client.snapshots.current(dom),
  ]);
  const def = Domain.parse(live ?? inactive);
  const items = await Promise.all(
    refs.map(async (ref) => {
      const x = parseSnapshotXml(await client.snapshots.xml(ref));
      const kind: SnapshotKind = isExternal(x) ? 'external' : 'internal';
      return {
        name: x.name,
        description: x.description,
        parent: x.parent,
        createdAt: x.creationTime ? new Date(x.creationTime * 1000).toISOString() : null,
        state: x.state,
        kind,
        withMemory: x.memory.location !== 'no',
        current: current?.name === x.name,
        disks: x.disks.map((d) => ({ target: d.target, location: d.location, file: d.file })),
        revertBlocked: kind === 'external' && !snapshotPolicy(def, version).external.revertable ? noRevertWords(version) : null,
      };
    }),
  );
  return {
    vm: dom.name,
    running,
    libvirtVersion: versionText(version),
    policy: snapshotPolicy(def, version),
    agent: agentConnected(live ? Domain.parse(live) : null),
    current: current?.name ?? null,
    snapshots: treeOrder(items),
  };
}

export async function createSnapshot(host: HostContext, vm: string, input: SnapshotInput): Promise<SnapshotNode> {
  const nameProblem = checkSnapshotName(input.name);
  if (nameProblem) throw InputError.of({ name: nameProblem });
  if (input.description && input.description.length > 2000) throw InputError.of({ description: 'Keep the description under 2000 characters.' });
  const client = await host.libvirt();
  const dom = await findVm(client, vm);
  const running = dom.id > 0;
  const version = await client.host.libVersion();
  const def = Domain.parse(await client.domains.xml(dom, running ? 0 : DomainXMLFlags.INACTIVE));
  const policy = snapshotPolicy(def, version);
  const meta = await readVireoMeta(client, dom);
  if (meta.isTemplate) throw new ConflictError(`"${dom.name}" is a template; its disks are read-only and take no snapshots. Clone it instead.`);
  const kind = input.kind ?? policy.preferred;
  if (!kind) throw new ConflictError(policy.why);
  if (!policy[kind].ok) throw InputError.of({ kind: `No ${kind} snapshot is possible for this VM: ${policy[kind].reason}.` });
  if ((await client.snapshots.list(dom)).some((s) => s.name === input.name)) {
    throw InputError.of({ name: `"${dom.name}" already has a snapshot named "${input.name}".` }, undefined, { status: 409 });
  }
  const memory = running && (input.memory ?? true);
  if (running && kind === 'internal' && !memory) {
    throw InputError.of({ memory: 'An internal snapshot of a running VM always keeps its memory; choose an external snapshot for disk-only.' });
  }
  const quiesce = !!input.quiesce;
  if (quiesce && !(running && kind === 'external' && !memory)) {
    throw InputError.of({ quiesce: 'Quiescing applies to disk-only snapshots of a running VM (the memory state is consistent by itself).' });
  }
  if (quiesce && !agentConnected(def)) throw InputError.of({ quiesce: 'The guest agent does not answer, so the filesystems cannot be frozen.' });

  const request: SnapshotRequestXml = { name: input.name, description: input.description ?? null, memory: { location: 'no' }, disks: [] };
  let files: OverlayPlan | null = null;
  if (kind === 'external') {
    files = await overlayPlan(client, def, policy, dom.name, input.name, memory);
    request.disks = policy.disks.map((d) => {
      const o = files!.overlays.find((x) => x.target === d.target);
      return o ? { target: d.target, location: 'external' as const, file: o.path } : { target: d.target, location: 'no' as const };
    });
    if (files.memory) request.memory = { location: 'external', file: files.memory };
  } else {
    request.disks = policy.disks.map((d) => ({ target: d.target, location: d.included ? ('internal' as const) : ('no' as const) }));
    if (memory) request.memory = { location: 'internal' };
  }
  let flags = 0;
  if (kind === 'external') flags |= DomainSnapshotCreateFlags.ATOMIC | (memory ? 0 : DomainSnapshotCreateFlags.DISK_ONLY);
  if (quiesce) flags |= DomainSnapshotCreateFlags.QUIESCE;
  // Recorded before libvirt makes them, so a failure half-way still leaves Vireo knowing which files are its own.
  if (files) {
    for (const o of files.overlays) meta.addFile({ snapshot: input.name, role: 'overlay', disk: o.target, path: o.path, base: o.base });
    if (files.memory) meta.addFile({ snapshot: input.name, role: 'memory', path: files.memory });
    await writeVireoMeta(client, dom, meta);
  }
  try {
    await client.snapshots.create(dom, buildSnapshotXml(request), flags);
  } catch (err) {
    if (kind === 'external') {
      for (const f of meta.filesOf(input.name)) f.remove();
      await writeVireoMeta(client, dom, meta).catch(() => undefined);
    }
    throw err;
  }
  await files?.refresh();
  const list = await listSnapshots(host, dom.name);
  return list.snapshots.find((s) => s.name === input.name)!;
}

export interface RevertOptions {
  /** After reverting: as the snapshot was (default), running, or paused. */
  then?: 'as-taken' | 'running' | 'paused';
}

export async function revertSnapshot(host: HostContext, vm: string, name: string, o: RevertOptions = {}): Promise<SnapshotNode> {
  const client = await host.libvirt();
  const { snap, xml } = await snapshotOf(client, vm, name);
  const version = await client.host.libVersion();
  if (isExternal(xml)) {
    const dom = await findVm(client, vm);
    const def = Domain.parse(await client.domains.xml(dom, DomainXMLFlags.INACTIVE));
    if (!snapshotPolicy(def, version).external.revertable) throw new ConflictError(noRevertWords(version));
  }
  const flags = o.then === 'running' ? DomainSnapshotRevertFlags.RUNNING : o.then === 'paused' ? DomainSnapshotRevertFlags.PAUSED : 0;
  await client.snapshots.revert(snap, flags);
  const list = await listSnapshots(host, vm);
  return list.snapshots.find((s) => s.name === name)!;
}

export interface DeleteSnapshotResult {
  deleted: string[];
  /** Files of external snapshots removed from the host (overlays merged back by libvirt, memory states). */
  removedFiles: string[];
  /** Files that could not be removed, with the reason. */
  leftFiles: { path: string; error: string }[];
}

/**
 * Deletes a snapshot, or it and every descendant (deepest first, one at a time: libvirt 9.0 deletes external
 * snapshots only one by one). libvirt merges an external snapshot's overlay back; Vireo then removes the files it
 * had made for it that are left and no disk uses.
 */
export async function deleteSnapshot(host: HostContext, vm: string, name: string, o: { children?: boolean } = {}): Promise<DeleteSnapshotResult> {
  const client = await host.libvirt();
  const { snap } = await snapshotOf(client, vm, name);
  const dom = await findVm(client, vm);
  const kids = await client.snapshots.children(snap, DomainSnapshotListFlags.DESCENDANTS | DomainSnapshotListFlags.TOPOLOGICAL);
  if (kids.length && !o.children) {
    const libvirtSaysNo = (await Promise.all(kids.map(async (k) => isExternal(parseSnapshotXml(await client.snapshots.xml(k)))))).some(Boolean);
    if (libvirtSaysNo) throw new ConflictError(`"${name}" has ${kids.length} later snapshot(s) taken on top of its files; delete it with its children.`);
  }
  const order = o.children ? [...kids.reverse(), snap] : [snap];
  const result: DeleteSnapshotResult = { deleted: [], removedFiles: [], leftFiles: [] };
  for (const s of order) {
    await client.snapshots.delete(s);
    result.deleted.push(s.name);
    const freed = await freeSnapshotFiles(client, dom, [s.name]);
    result.removedFiles.push(...freed.removed);
    result.leftFiles.push(...freed.left);
  }
  return result;
}
