import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainXMLFlags, type LibvirtClient, type VolumeRef } from '@/lib/libvirt';
import { reseedFiles } from '@/lib/cloud-init/reseed';
import { SEED_LABEL } from '@/lib/cloud-init/seed-iso';
import type { SeedFiles } from '@/lib/cloud-init/seed';
import { ConflictError, InputError, parseInput } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { Domain } from '@/lib/domain-xml/domain';
import { macsInUse, randomMac } from '@/lib/hardware/mac';
import { createFullCopy, createOverlay } from '@/lib/images/overlay';
import { readIsoRoot } from '@/lib/iso9660/reader';
import { jobSettled, startJob, type JobActor, type JobContext } from '@/lib/jobs/runner';
import { releaseName, reserveName } from '@/lib/provisioning/reservations';
import { defineStep, seedStep } from '@/lib/provisioning/job-steps';
import { seedVolumeName } from '@/lib/provisioning/volume-names';
import { refuseAntiAffineTags } from '@/lib/placement/service';
import { parseVolumeXml } from '@/lib/storage/volume-model';
import { readTags } from '@/lib/tags/metadata';
import { findVm } from '@/lib/vms/lifecycle';
import { vmNameSchema } from '@/lib/vms/names';
import { cloneDefinition } from './definition';
import { setTemplate } from './templates';

// Cloning a stopped VM is a job: each disk copied through libvirt's storage API (a full copy, createXmlFrom) or
// layered on the source's (a qcow2 overlay whose backing file is the source disk, instant), a new cloud-init seed
// for a guest that had one, then the definition. Everything made is recorded first and removed again on failure.
// A linked clone needs its source's disks to stay as they are: a source that is not a template yet becomes one.

export const CLONE_MODES = ['linked', 'full'] as const;
export type CloneMode = (typeof CLONE_MODES)[number];

export const cloneInputSchema = z.object({
  name: vmNameSchema,
  mode: z.enum(CLONE_MODES, { error: 'mode is "linked" or "full".' }).default('linked'),
  start: z.boolean().default(false),
});
export type CloneInput = z.input<typeof cloneInputSchema>;

interface DiskCopy {
  target: string;
  source: VolumeRef;
  pool: string;
  name: string;
  format: string;
  capacity: number;
  allocation: number;
}

export interface ClonePlan {
  source: { name: string; uuid: string; template: boolean };
  name: string;
  uuid: string;
  mode: CloneMode;
  start: boolean;
  disks: DiskCopy[];
  seed: { target: string; pool: string; name: string; files: SeedFiles } | null;
  xml: string;
}

const exists = (p: Promise<unknown>) => p.then(() => true).catch(() => false);

async function readSeed(client: LibvirtClient, vol: VolumeRef): Promise<Map<string, Buffer> | null> {
  const info = parseVolumeXml(await client.volumes.xml(vol));
  if (info.capacity > 16 * 1024 * 1024) return null; // a seed is a few KiB; an installer ISO is not read whole
  const parts: Buffer[] = [];
  for await (const c of await client.volumes.download(vol)) parts.push(c as Buffer);
  try {
    const iso = readIsoRoot(Buffer.concat(parts));
    return iso.volumeId.toLowerCase() === SEED_LABEL ? iso.files : null;
  } catch {
    return null;
  }
}

export async function planClone(host: HostContext, sourceName: string, raw: unknown): Promise<ClonePlan> {
  const input = parseInput(cloneInputSchema, raw);
  const client = await host.libvirt();
  const dom = await findVm(client, sourceName);
  if (dom.id > 0) throw new ConflictError(`Shut "${dom.name}" down first: a running VM's disks change while they are copied.`);
  // The copy carries the source's tags (its metadata) onto the source's own host.
  await refuseAntiAffineTags(host, await readTags(client, dom), `A clone of "${dom.name}"`);
  if (await exists(client.domains.lookupByName(input.name)))
    throw InputError.of({ name: `A virtual machine named "${input.name}" already exists.` }, undefined, { status: 409 });
  const def = Domain.parse(await client.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE));
  const disks: DiskCopy[] = [];
  let seed: ClonePlan['seed'] = null;
  const fields: Record<string, string> = {};
  const taken = new Set<string>();
  for (const d of def.disks) {
    const device = d.device ?? 'disk';
    if (device !== 'disk' && device !== 'cdrom') continue;
    const volume = d.pool && d.volume ? await client.volumes.lookupByName(await client.pools.lookupByName(d.pool), d.volume).catch(() => null) : null;
    const vol = volume ?? (d.file ? await client.volumes.lookupByPath(d.file).catch(() => null) : null);
    if (device === 'cdrom') {
      const files = vol ? await readSeed(client, vol) : null;
      if (files && vol && d.target) {
        const name = seedVolumeName(input.name);
        seed = { target: d.target, pool: vol.pool, name, files: reseedFiles(files, { hostname: input.name, macs: new Map() }) };
      }
      continue;
    }
    if (!vol || !d.target) {
      fields.mode = `Disk ${d.target ?? '?'} (${d.source ?? 'no source'}) is not a volume of a libvirt storage pool; Vireo copies pool volumes only.`;
      continue;
    }
    const model = parseVolumeXml(await client.volumes.xml(vol));
    const name = `${input.name}-${d.target}.qcow2`;
    if (taken.has(`${vol.pool}/${name}`) || (await exists(client.volumes.lookupByName(await client.pools.lookupByName(vol.pool), name)))) {
      fields.name = `Pool "${vol.pool}" already has a volume "${name}"; pick another name or remove that volume.`;
    }
    taken.add(`${vol.pool}/${name}`);
    disks.push({
      target: d.target,
      source: vol,
      pool: vol.pool,
      name,
      format: 'qcow2',
      capacity: model.capacity,
      allocation: model.allocation ?? model.capacity,
    });
  }
  if (seed && (await exists(client.volumes.lookupByName(await client.pools.lookupByName(seed.pool), seed.name)))) {
    fields.name ??= `Pool "${seed.pool}" already has a volume "${seed.name}"; pick another name or remove that volume.`;
  }
  if (Object.keys(fields).length) throw InputError.of(fields);
  const inUse = await macsInUse(client);
  const macs = def.interfaces.map(() => {
    const mac = randomMac(inUse);
    inUse.set(mac, input.name);
    return mac;
  });
  const oldMacs = new Map(def.interfaces.flatMap((n, i) => (n.mac ? [[n.mac.toLowerCase(), macs[i]!] as [string, string]] : [])));
  if (seed)
    seed.files = reseedFiles(new Map(Object.entries(seed.files).map(([k, v]) => [k, Buffer.from(v as string)])), { hostname: input.name, macs: oldMacs });
  const uuid = randomUUID();
  const template = def.vireo.isTemplate;
  const xml = cloneDefinition(def.toXml(), {
    name: input.name,
    uuid,
    macs,
    disks: new Map(disks.map((c) => [c.target, { pool: c.pool, volume: c.name, format: c.format }])),
    seed: seed ? { target: seed.target, pool: seed.pool, volume: seed.name } : null,
    linkedTo: input.mode === 'linked' ? { name: dom.name, uuid: dom.uuid } : null,
  });
  return { source: { name: dom.name, uuid: dom.uuid, template }, name: input.name, uuid, mode: input.mode, start: input.start, disks, seed, xml };
}

export function cloneSteps(plan: ClonePlan): { id: string; label: string }[] {
  const steps: { id: string; label: string }[] = [];
  if (plan.mode === 'linked' && !plan.source.template) steps.push({ id: 'template', label: `Make "${plan.source.name}" a template (its disks read-only)` });
  const how = plan.mode === 'linked' ? 'Create qcow2 overlays on the source disks' : 'Copy the disks';
  steps.push({ id: 'disks', label: `${how} (${plan.disks.map((d) => `${d.pool}/${d.name}`).join(', ') || 'none'})` });
  if (plan.seed) steps.push({ id: 'seed', label: `Build a new cloud-init seed (${plan.seed.pool}/${plan.seed.name})` });
  steps.push({ id: 'define', label: `Define "${plan.name}"` });
  steps.push({ id: 'start', label: `Start "${plan.name}"` });
  return steps;
}

/** A full copy is one libvirt call; its progress is the new volume's allocation against the source's. */
async function copyWithProgress(client: LibvirtClient, d: DiskCopy, ctx: JobContext, done: number, total: number): Promise<void> {
  const pool = await client.pools.lookupByName(d.pool);
  const timer = setInterval(() => {
    void client.volumes
      .lookupByName(pool, d.name)
      .then((v) => client.volumes.info(v))
      .then((i) =>
        ctx.progress((done + Math.min(i.allocation, d.allocation)) / total, `${d.name}: ${Math.round((100 * i.allocation) / Math.max(1, d.allocation))}%`),
      )
      .catch(() => undefined);
  }, 500);
  try {
    await createFullCopy(client, { pool: d.pool, base: { pool: d.source.pool, volume: d.source.name }, name: d.name, sizeBytes: d.capacity });
  } finally {
    clearInterval(timer);
  }
}

async function runClone(host: HostContext, plan: ClonePlan, ctx: JobContext): Promise<Record<string, unknown>> {
  if (plan.mode === 'linked' && !plan.source.template) await ctx.step('template', () => setTemplate(host, plan.source.name, true));
  await ctx.step('disks', async () => {
    const client = await host.libvirt();
    const total = plan.disks.reduce((n, d) => n + (plan.mode === 'full' ? d.allocation : 1), 0) || 1;
    let done = 0;
    for (const d of plan.disks) {
      await ctx.willCreate({ type: 'volume', pool: d.pool, name: d.name });
      if (plan.mode === 'linked') {
        await createOverlay(client, { pool: d.pool, base: { pool: d.source.pool, volume: d.source.name }, name: d.name, sizeBytes: d.capacity });
        done += 1;
      } else {
        await copyWithProgress(client, d, ctx, done, total);
        done += d.allocation;
      }
      ctx.progress(done / total, `${d.pool}/${d.name}`);
    }
  });
  await seedStep(host, ctx, plan.seed);
  const dom = await defineStep(host, ctx, plan);
  if (plan.start) await ctx.step('start', async () => (await host.libvirt()).domains.create(dom));
  else ctx.skip('start', 'Not asked to start.');
  return { name: plan.name, uuid: plan.uuid, mode: plan.mode, source: plan.source.name, disks: plan.disks.map((d) => `${d.pool}/${d.name}`) };
}

/** Checks everything that can be checked, then starts the clone job. */
export async function startClone(host: HostContext, sourceName: string, raw: unknown, actor: JobActor): Promise<{ jobId: string; name: string }> {
  const plan = await planClone(host, sourceName, raw);
  const key = `vm:${plan.name}`;
  if (!reserveName(key)) throw InputError.of({ name: `A virtual machine named "${plan.name}" is being created right now.` }, undefined, { status: 409 });
  let jobId: string;
  try {
    jobId = await startJob({
      kind: 'vm.clone',
      objectName: plan.name,
      steps: cloneSteps(plan),
      actor,
      host,
      auditAction: 'vm.clone',
      auditObjectType: 'vm',
      keepOnFailureOf: ['start'],
      keptNote: 'The clone was kept: look at its definition, then start it again or delete it.',
      run: (ctx) => runClone(host, plan, ctx),
    });
  } catch (err) {
    releaseName(key);
    throw err;
  }
  void jobSettled(jobId).finally(() => releaseName(key));
  return { jobId, name: plan.name };
}
