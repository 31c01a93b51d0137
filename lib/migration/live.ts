import 'server-only';
import { DomainGetJobStatsFlags, DomainMigrateFlags, DomainState, parseUri, type DomainRef, type JobStats, type LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import type { JobContext } from '@/lib/jobs/runner';
import { log } from '@/lib/log';
import { copiedDisks, type Subject } from './subject';
import { createDestVolumes, removeVolumes, type DestVolume } from './volume-copy';
import { withDiskPaths } from './rewrite';
import { describeJob, jobFraction } from './words';
import type { MigrationOptions } from './types';

// A live migration, peer to peer: the source's libvirtd opens the destination itself and runs libvirt's whole
// managed protocol, so a lost browser or a Vireo restart cannot leave the guest half-moved. Vireo prepares the
// destination's volumes (copied storage), starts the migration, reads its progress from the source's job stats,
// and aborts it on cancel, which leaves the guest running on the source.

/** How the source's libvirtd reaches the destination's, when that differs from how Vireo does. */
export interface PeerLink {
  /** The URI the source daemon opens (default: the destination host's URI). */
  uri?: string;
  /** Where QEMU sends memory and disks, e.g. tcp://10.0.0.2 (default: the destination URI's host). */
  migrateUri?: string;
}

export const LIVE_STEPS = [
  { id: 'prepare', label: 'Prepare the destination' },
  { id: 'migrate', label: 'Move the running VM' },
  { id: 'verify', label: 'Check both hosts' },
];

const POLL_MS = 500;
// A migration takes as long as the guest's memory and disks take; libvirt ends it, not a timer of ours.
const MIGRATE_TIMEOUT_MS = 24 * 3600_000;
// Passes over memory before post-copy takes over from a guest that does not converge.
const POSTCOPY_AFTER_PASSES = 3;

export function migrationFlags(o: MigrationOptions): number {
  const F = DomainMigrateFlags;
  let flags = F.LIVE | F.PEER2PEER | F.ABORT_ON_ERROR;
  if (o.persistent) flags |= F.PERSIST_DEST;
  if (o.undefineSource) flags |= F.UNDEFINE_SOURCE;
  if (o.storage === 'copy') flags |= F.NON_SHARED_DISK;
  if (o.autoConverge) flags |= F.AUTO_CONVERGE;
  if (o.postcopy) flags |= F.POSTCOPY;
  if (o.compressed) flags |= F.COMPRESSED;
  if (o.tls) flags |= F.TLS;
  if (o.unsafe) flags |= F.UNSAFE;
  return flags;
}

/** Where QEMU's stream goes: the host of the destination's URI (libvirt would use the host's own name). */
export function defaultMigrateUri(dest: HostContext): string | undefined {
  const host = parseUri(dest.uri).host;
  if (dest.local || !host) return undefined;
  return `tcp://${host.includes(':') ? `[${host}]` : host}`;
}

interface Watch {
  stop(): void;
  last: JobStats | null;
}

/** Reads the job's progress every half second into the job's step, and switches to post-copy when asked. */
function watchProgress(src: LibvirtClient, dom: DomainRef, ctx: JobContext, o: MigrationOptions): Watch {
  const w: Watch = { stop: () => clearInterval(timer), last: null };
  let postcopyStarted = false;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    src.migration
      .jobStats(dom)
      .then(async (s) => {
        if (!s.type) return;
        w.last = s;
        ctx.progress(jobFraction(s), describeJob(s));
        if (o.postcopy && !postcopyStarted && (s.memoryIteration ?? 0) >= POSTCOPY_AFTER_PASSES) {
          postcopyStarted = true;
          ctx.detail('Switching to post-copy: the guest runs on the destination while its memory follows.');
          await src.migration.startPostCopy(dom);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, POLL_MS);
  return w;
}

export interface LiveOutcome extends Record<string, unknown> {
  durationMs: number;
  downtimeMs: number | null;
  dataBytes: number | null;
}

export async function runLive(
  ctx: JobContext,
  source: HostContext,
  dest: HostContext,
  subject: Subject,
  o: MigrationOptions,
  peer: PeerLink = {},
): Promise<LiveOutcome> {
  const src = await source.libvirt();
  const dst = await dest.libvirt();
  const copied = o.storage === 'copy' ? copiedDisks(subject) : [];
  let made: DestVolume[] = [];
  let arrived = false;
  try {
    await ctx.step('prepare', async () => {
      if (!copied.length) return ctx.detail('Shared storage: nothing to prepare.');
      made = await createDestVolumes(dst, copied);
      ctx.detail(`${made.length} volume(s) made on ${dest.name}.`);
    });

    const started = Date.now();
    await ctx.step('migrate', async () => {
      const paths = new Map(made.filter((m) => m.path !== m.disk.path).map((m) => [m.disk.path, m.path]));
      const migrateUri = peer.migrateUri ?? defaultMigrateUri(dest);
      const params = {
        ...(migrateUri ? { uri: migrateUri } : {}),
        ...(o.bandwidthMiBs ? { bandwidthMiBs: o.bandwidthMiBs } : {}),
        ...(copied.length ? { migrateDisks: copied.map((d) => d.target) } : {}),
        // Copies in another directory: the destination starts the guest on its own paths.
        ...(paths.size ? { destXml: withDiskPaths(subject.xml, paths), persistXml: withDiskPaths(subject.inactiveXml, paths) } : {}),
      };
      // One call for the whole migration; libvirtd answers the progress polls on the same connection meanwhile.
      const watch = watchProgress(src, subject.dom, ctx, o);
      const onCancel = () => void src.migration.abortJob(subject.dom).catch((err: Error) => log().warn({ err: err.message }, 'migration abort failed'));
      ctx.signal.addEventListener('abort', onCancel);
      try {
        await src.migration.migrateToPeer(subject.dom, peer.uri ?? dest.uri, params, migrationFlags(o), { timeoutMs: MIGRATE_TIMEOUT_MS });
        arrived = true;
      } finally {
        ctx.signal.removeEventListener('abort', onCancel);
        watch.stop();
      }
    });
    const durationMs = Date.now() - started;

    return await ctx.step('verify', async () => {
      const there = await dst.domains.lookupByUuid(subject.dom.uuid);
      const state = (await dst.domains.state(there)).state;
      if (state !== DomainState.RUNNING && state !== DomainState.PAUSED) throw new Error(`The VM is on ${dest.name} but not running there.`);
      // KEEP_COMPLETED: reading them must not take the figures away from anyone else who asks (virsh domjobinfo).
      const done = await dst.migration.jobStats(there, DomainGetJobStatsFlags.COMPLETED | DomainGetJobStatsFlags.KEEP_COMPLETED).catch(() => null);
      const stillDefined = await src.domains.lookupByUuid(subject.dom.uuid).then(
        () => true,
        () => false,
      );
      ctx.detail(`Running on ${dest.name}; ${stillDefined ? 'still defined' : 'no longer defined'} on ${source.name}.`);
      return { durationMs, downtimeMs: done?.downtimeMs ?? null, dataBytes: done?.dataProcessed ?? null };
    });
  } finally {
    // Copies made for a guest that never arrived are nobody's: remove them (the guest runs on the source).
    if (!arrived && made.length) await removeVolumes(dst, made);
  }
}
