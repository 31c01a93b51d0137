import 'server-only';
import { ConflictError } from '@/lib/errors';
import { allHosts, type HostContext } from '@/lib/hosts';
import { startJob, type JobActor } from '@/lib/jobs/runner';
import { LIVE_STEPS, runLive, type PeerLink } from './live';
import { OFFLINE_STEPS, runOffline } from './offline';
import { precheckMigration } from './precheck';
import type { MigrationDestination, MigrationOptions, Precheck } from './types';

// Starting a migration: the checks run first, in the request, so a refusal is answered at once with every reason
// and starts nothing; then the move runs as a job (checked again should it start late: the hosts may have changed).

const RECHECK_AFTER_MS = 5000;

export interface MigrationRequest {
  source: HostContext;
  dest: HostContext;
  name: string;
  options: MigrationOptions;
  actor: JobActor;
  peer?: PeerLink;
}

export class MigrationRefused extends ConflictError {
  constructor(readonly precheck: Precheck) {
    super(
      `The VM cannot move: ${precheck.checks
        .filter((c) => !c.ok)
        .map((c) => c.detail)
        .join(' ')}`,
      { code: 'MIGRATION_REFUSED', details: { checks: precheck.checks } },
    );
  }
}

/** Starts the migration job once every check passes; MigrationRefused (409, with the checks) otherwise. */
export async function startMigration(req: MigrationRequest): Promise<{ jobId: string; precheck: Precheck }> {
  const { source, dest, name, options: o } = req;
  const first = await precheckMigration(source, dest, name, o);
  if (!first.precheck.ok) throw new MigrationRefused(first.precheck);
  const started = Date.now();
  let outcome: Record<string, unknown> = {};
  const jobId = await startJob({
    kind: o.mode === 'live' ? 'vm.migrate' : 'vm.move',
    objectName: name,
    steps: [{ id: 'precheck', label: 'Check both hosts' }, ...(o.mode === 'live' ? LIVE_STEPS : OFFLINE_STEPS)],
    actor: req.actor,
    host: source,
    auditAction: o.mode === 'live' ? 'vm.migrate' : 'vm.move',
    auditObjectType: 'vm',
    auditDetail: () => ({
      uuid: first.subject.dom.uuid,
      from: source.id,
      to: dest.id,
      mode: o.mode,
      storage: o.storage,
      durationMs: Date.now() - started,
      ...outcome,
    }),
    async run(ctx) {
      const subject = await ctx.step('precheck', async () => {
        // Checked a moment ago in the request; again only if the job started late (the hosts may have changed).
        if (Date.now() - started < RECHECK_AFTER_MS) return first.subject;
        const again = await precheckMigration(source, dest, name, o);
        if (!again.precheck.ok) throw new MigrationRefused(again.precheck);
        return again.subject;
      });
      outcome = o.mode === 'live' ? await runLive(ctx, source, dest, subject, o, req.peer) : await runOffline(ctx, source, dest, subject, o);
      return { ...outcome, uuid: subject.dom.uuid, destination: dest.id };
    },
  });
  return { jobId, precheck: first.precheck };
}

/** Hosts a VM on `source` could move to: every other host of the registry (the Hosts page's). */
export async function migrationDestinations(source: HostContext): Promise<MigrationDestination[]> {
  return (await allHosts()).filter((h) => h.id !== source.id).map((h) => ({ id: h.id, name: h.name, uri: h.uri }));
}
