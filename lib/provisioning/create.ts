import { ConflictError, InputError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { createFullCopy, createOverlay } from '@/lib/images/overlay';
import { jobSettled, startJob, type JobActor, type JobContext } from '@/lib/jobs/runner';
import { createVolume } from '@/lib/storage/volumes';
import { ensureBase } from './base-image';
import { defineStep, seedStep } from './job-steps';
import { recallSpec, rememberSpec } from './job-specs';
import { planVm, type CreatePlan } from './plan';
import { placementRequestOf } from './placement';
import { placementPolicy, refuseMisplacement } from '@/lib/placement/service';
import { releaseName, reserveName } from './reservations';

// Creating a VM is a job: each step visible with its progress, each volume and the definition recorded before
// they are made, and all of it removed again if a later step fails, the user cancels, or the server restarts —
// except when only the start fails: then the VM and its disks are kept for the user to fix, retry or remove.

export function stepsFor(plan: CreatePlan): { id: string; label: string }[] {
  const src = plan.spec.source.kind;
  const steps: { id: string; label: string }[] = [];
  if (src === 'cloud-image') steps.push({ id: 'image', label: plan.image?.cached ? 'Base image (cached)' : 'Download and verify the base image' });
  if (plan.newDisk) {
    const how =
      src === 'cloud-image'
        ? plan.spec.source.kind === 'cloud-image' && plan.spec.source.fullCopy
          ? 'Copy the base image'
          : 'Create the disk as an overlay on the base image'
        : 'Create the disk';
    steps.push({ id: 'disk', label: `${how} (${plan.newDisk.pool}/${plan.newDisk.name})` });
  }
  if (plan.seed) steps.push({ id: 'seed', label: `Build and upload the cloud-init seed (${plan.seed.pool}/${plan.seed.name})` });
  steps.push({ id: 'define', label: 'Define the virtual machine' });
  steps.push({ id: 'start', label: 'Start the virtual machine' });
  return steps;
}

async function runCreate(host: HostContext, plan: CreatePlan, ctx: JobContext): Promise<Record<string, unknown>> {
  const src = plan.spec.source;
  let base: { pool: string; volume: string } | null = null;
  if (src.kind === 'cloud-image' && plan.image) {
    const image = plan.image;
    base = await ctx.step('image', async () => ensureBase(host, image, ctx));
  }
  const disk = plan.newDisk;
  if (disk) {
    await ctx.step('disk', async () => {
      const client = await host.libvirt();
      await ctx.willCreate({ type: 'volume', pool: disk.pool, name: disk.name });
      if (base) {
        const make = src.kind === 'cloud-image' && src.fullCopy ? createFullCopy : createOverlay;
        await make(client, { pool: disk.pool, base, name: disk.name, sizeBytes: disk.sizeBytes });
        ctx.detail(src.kind === 'cloud-image' && src.fullCopy ? 'Full copy of the base image.' : `qcow2 overlay backed by ${base.pool}/${base.volume}.`);
      } else {
        await createVolume(host, disk.pool, { name: disk.name, capacity: disk.sizeBytes, format: disk.format });
      }
    });
  }
  await seedStep(host, ctx, plan.seed);
  const dom = await defineStep(host, ctx, { name: plan.spec.name, uuid: plan.domain.uuid, xml: plan.xml, tags: plan.spec.tags });
  let started = false;
  if (plan.spec.start) {
    await ctx.step('start', async () => {
      await (await host.libvirt()).domains.create(dom);
      started = true;
    });
  } else {
    ctx.skip('start', 'Not asked to start.');
  }
  return { name: dom.name, uuid: dom.uuid, started };
}

export const KEPT_NOTE = 'The virtual machine and its disks were kept: change it in its Hardware or XML tab and start it again, or remove what this job made.';

export interface CreateStarted {
  jobId: string;
  name: string;
}

/** Starts the job again with the settings a failed one started from (kept in memory only; a restart forgets them). */
export async function retryCreateVm(host: HostContext, jobId: string, actor: JobActor): Promise<CreateStarted> {
  const spec = recallSpec(jobId);
  if (!spec) throw new ConflictError('The settings of that job are no longer kept (the server restarted); fill in the wizard again.');
  return startCreateVm(host, spec, actor);
}

/** Why a reservation key is taken, as a field message. */
function busyField(key: string, name: string): Record<string, string> {
  if (key.startsWith('vm:')) return { name: `A virtual machine named "${name}" is being created right now.` };
  if (key.startsWith('anti-affinity:')) {
    return { host: `already creating another VM tagged ${key.split(':').at(-1)} on this host right now (anti-affinity); try again when it has finished` };
  }
  return { 'source.image': 'Another job is downloading this image right now; try again when it has finished.' };
}

/** Checks everything that can be checked, then starts the job. Input problems throw InputError with fields. */
export async function startCreateVm(host: HostContext, raw: unknown, actor: JobActor): Promise<CreateStarted> {
  const plan = await planVm(host, raw);
  const placement = placementRequestOf(plan);
  await refuseMisplacement(host, placement);
  // An anti-affine tag is held on this host while the job runs: two creates at once must not both pass the check.
  const antiAffine = placement.tags.filter((t) => placementPolicy().antiAffinityTags.includes(t)).map((t) => `anti-affinity:${host.id}:${t}`);
  const keys = [`vm:${plan.spec.name}`, ...(plan.image && !plan.image.cached ? [`base:${plan.image.pool}/${plan.image.volumeName}`] : []), ...antiAffine];
  const taken: string[] = [];
  for (const key of keys) {
    if (reserveName(key)) {
      taken.push(key);
      continue;
    }
    taken.forEach(releaseName);
    throw InputError.of(busyField(key, plan.spec.name), undefined, { status: 409 });
  }
  let jobId: string;
  try {
    jobId = await startJob({
      kind: 'vm.create',
      objectName: plan.spec.name,
      steps: stepsFor(plan),
      actor,
      host,
      auditAction: 'vm.create',
      auditObjectType: 'vm',
      // A VM that is defined but does not start is kept: libvirt's reason usually names what to fix in it.
      keepOnFailureOf: ['start'],
      keptNote: KEPT_NOTE,
      run: (ctx) => runCreate(host, plan, ctx),
    });
    rememberSpec(jobId, plan.spec);
  } catch (err) {
    taken.forEach(releaseName);
    throw err;
  }
  void jobSettled(jobId).finally(() => taken.forEach(releaseName));
  return { jobId, name: plan.spec.name };
}
