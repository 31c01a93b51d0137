import 'server-only';
import { recordAudit } from '@/lib/audit/log';
import type { HostContext } from '@/lib/hosts';
import { processSingleton } from '@/lib/process/singleton';
import { describeError, isLibvirtError } from '@/lib/errors';
import { describeResource, rollBack } from './resources';
import { insertJob, patchJob, type JobPatch } from './store';
import type { CreatedResource, JobStatus, JobStep, RollbackRecord } from './types';

// Runs a job in the background of the server process: steps in order, each one's state written to the database
// as it changes, every created resource recorded *before* libvirt is asked to create it (so a crash in between
// still leaves a record the restart sweep can act on), and on failure or cancel everything rolled back newest
// first.

export interface JobActor {
  id: string | null;
  username: string;
  ip: string | null;
  /** The API token the job was started with, if any (the audit row names it). */
  via?: { tokenName: string } | null;
}

export interface JobContext {
  /** The job's id (what /api/jobs/{id} shows). */
  readonly id: string;
  readonly signal: AbortSignal;
  /** Runs one declared step; its failure fails the job. */
  step<T>(id: string, fn: () => Promise<T>): Promise<T>;
  skip(id: string, detail: string): void;
  /** Notes on the running step ("cached, no download"). */
  detail(text: string): void;
  /** Progress 0..1 of the running step; written at most a few times a second. */
  progress(fraction: number, detail?: string): void;
  /** Records a resource about to be created. Call it after checking the name is free, before creating. */
  willCreate(resource: CreatedResource): Promise<void>;
  /** Takes a resource back off the rollback list: it outlives the job (a verified download kept as a cache). */
  keep(resource: CreatedResource): Promise<void>;
}

export interface JobDefinition {
  kind: string;
  objectName: string;
  steps: { id: string; label: string }[];
  actor: JobActor;
  /** The host the job works on; rollback happens there. */
  host: HostContext;
  /** Audit action recorded when the job ends, e.g. vm.create. */
  auditAction: string;
  auditObjectType: string;
  /**
   * Steps whose failure keeps what the job made instead of rolling it back (a VM that is defined but would not
   * start: its definition and disks are worth a look, a fix and another try). The job still fails.
   */
  keepOnFailureOf?: readonly string[];
  /** The sentence added to the error when what was made is kept. */
  keptNote?: string;
  /** More for the audit entry written when the job ends (a migration: from, to, how long). */
  auditDetail?: () => Record<string, unknown>;
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

export class JobCancelled extends Error {
  override name = 'JobCancelled';
  constructor() {
    super('The job was cancelled.');
  }
}

const PROGRESS_INTERVAL_MS = 300;

// The jobs running in this process; one map however many copies of this module Next loads.
const running = processSingleton('jobs.running', () => new Map<string, { controller: AbortController; done: Promise<void> }>());

/** Starts a job and returns its id at once; the job carries on after the request that started it ends. */
export async function startJob(def: JobDefinition): Promise<string> {
  const id = await insertJob({
    kind: def.kind,
    objectName: def.objectName,
    steps: def.steps,
    userId: def.actor.id,
    username: def.actor.username,
    host: def.host.id,
  });
  const controller = new AbortController();
  const done = execute(id, def, controller.signal).finally(() => running.delete(id));
  running.set(id, { controller, done });
  return id;
}

export function cancelJob(id: string): boolean {
  const job = running.get(id);
  if (!job) return false;
  job.controller.abort(new JobCancelled());
  return true;
}

/** For tests and orderly shutdown: resolves when the job has finished, rollback included. */
export async function jobSettled(id: string): Promise<void> {
  await running.get(id)?.done;
}

/** What failed, in the words of the step and of libvirt (not the generic "VM not found" of request errors). */
function jobError(err: unknown): string {
  return isLibvirtError(err) ? `libvirt says: ${err.message}` : describeError(err, 'the job').message;
}

async function execute(id: string, def: JobDefinition, signal: AbortSignal): Promise<void> {
  const steps: JobStep[] = def.steps.map((s) => ({ ...s, status: 'pending' }));
  const created: CreatedResource[] = [];
  let current: JobStep | null = null;
  let lastProgressAt = 0;
  // One writer: patches made while a write is in flight are merged and written together, in order. Only what
  // must be durable before the next action (a resource about to be created, the end) is awaited; step and
  // progress updates do not hold up the work they describe.
  let pending: JobPatch | null = null;
  let flushing: Promise<void> | null = null;
  const flush = async () => {
    while (pending) {
      const patch = pending;
      pending = null;
      await patchJob(id, patch).catch(() => undefined);
    }
    flushing = null;
  };
  const write = (patch: JobPatch): Promise<void> => {
    pending = { ...pending, ...patch };
    flushing ??= flush();
    return flushing;
  };
  const snapshot = () => steps.map((x) => ({ ...x }));
  const stepById = (stepId: string) => {
    const s = steps.find((x) => x.id === stepId);
    if (!s) throw new Error(`Job ${def.kind} has no step "${stepId}".`);
    return s;
  };

  const ctx: JobContext = {
    id,
    signal,
    async step(stepId, fn) {
      signal.throwIfAborted();
      const s = stepById(stepId);
      current = s;
      s.status = 'running';
      void write({ steps: snapshot(), progress: 0 });
      const value = await fn();
      signal.throwIfAborted();
      s.status = 'done';
      current = null;
      void write({ steps: snapshot(), progress: 0 });
      return value;
    },
    skip(stepId, detail) {
      const s = stepById(stepId);
      s.status = 'skipped';
      s.detail = detail;
      void write({ steps: snapshot() });
    },
    detail(text) {
      if (!current) return;
      current.detail = text;
      void write({ steps: snapshot() });
    },
    progress(fraction, detail) {
      const now = Date.now();
      if (current && detail) current.detail = detail;
      if (now - lastProgressAt < PROGRESS_INTERVAL_MS && fraction < 1) return;
      lastProgressAt = now;
      void write({ progress: Math.max(0, Math.min(1, fraction)), steps: snapshot() });
    },
    async willCreate(resource) {
      created.push(resource);
      await write({ created: [...created] });
    },
    async keep(resource) {
      const i = created.findIndex((r) => JSON.stringify(r) === JSON.stringify(resource));
      if (i >= 0) created.splice(i, 1);
      await write({ created: [...created] });
    },
  };

  let status: JobStatus = 'succeeded';
  let error: string | null = null;
  let result: Record<string, unknown> = {};
  let rollback: RollbackRecord[] | null = null;
  let kept: CreatedResource[] | null = null;
  try {
    result = await def.run(ctx);
  } catch (err) {
    const cancelled = signal.aborted;
    status = cancelled ? 'cancelled' : 'failed';
    const failedStep = current as JobStep | null;
    const reason = cancelled ? 'Cancelled by the user.' : jobError(err);
    error = failedStep && !cancelled ? `${failedStep.label}: ${reason}` : reason;
    if (failedStep) {
      failedStep.status = 'failed';
      failedStep.detail = reason;
    }
    if (!cancelled && failedStep && def.keepOnFailureOf?.includes(failedStep.id)) {
      kept = [...created];
      if (def.keptNote) error += ` ${def.keptNote}`;
    } else {
      rollback = await rollBack(await def.host.libvirt(10_000), created).catch((e: Error) =>
        created.map((resource) => ({ resource, outcome: 'failed' as const, error: e.message })),
      );
      const left = rollback.filter((r) => r.outcome === 'failed');
      if (left.length) error += ` Rollback could not remove: ${left.map((r) => `${describeResource(r.resource)} (${r.error})`).join('; ')}.`;
    }
  }
  await write({
    status,
    error,
    steps: snapshot(),
    progress: status === 'succeeded' ? 1 : 0,
    result: { ...result, ...(rollback ? { rollback } : {}), ...(kept ? { kept } : {}) },
    finished: true,
  });
  await recordAudit({
    actor: { id: def.actor.id, username: def.actor.username, via: def.actor.via ?? null },
    action: def.auditAction,
    objectType: def.auditObjectType,
    objectName: def.objectName,
    outcome: status === 'succeeded' ? 'ok' : 'error',
    error,
    detail: {
      jobId: id,
      ...def.auditDetail?.(),
      ...(rollback ? { rolledBack: rollback.map((r) => `${describeResource(r.resource)}: ${r.outcome}`) } : {}),
      ...(kept ? { kept: kept.map(describeResource) } : {}),
    },
    ip: def.actor.ip,
    host: def.host.id,
  }).catch(() => undefined);
}
