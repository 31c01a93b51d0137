import { DomainDeviceModifyFlags } from '@/lib/libvirt';
import { Disk } from '@/lib/domain-xml/disk';
import type { DiskSourceRef } from '@/lib/domain-xml/types';
import { capsFor, type VmContext } from './context';
import { editVm } from './edit';
import { ChangeRefusedError, refuse } from './errors';
import { attachHalves, chooseTarget, checkBus, disksFor } from './disks';
import { filePathProblem } from './paths';
import { applyHalves, type Changed } from './scope';
import { nameProblem } from '@/lib/storage/names';
import { isLibvirtError } from '@/lib/errors';
import type { CdromAdd, CdromMedia } from './types';
import type { HostContext } from '@/lib/hosts';

// CD-ROM drives: media go in and out through libvirt's update-device (the drive stays, only its source changes),
// live on the running guest and/or in the definition for next boot. New drives start empty unless media is
// given (libvirt 9.0 refuses to hot-add an empty drive: "argument key 'filename' must not have null value").

/** Validates media for a drive: a pool volume that exists, or a plain absolute file path; null is empty. */
async function checkMedia(ctx: VmContext, media: CdromMedia['media'] | undefined): Promise<{ source: DiskSourceRef; label: string }> {
  if (!media) return { source: null, label: 'ejected' };
  if ('path' in media) {
    const problem = filePathProblem(media.path);
    if (problem) refuse('media.path', problem);
    return { source: { file: media.path }, label: `now holds ${media.path}` };
  }
  const { pool: poolName, volume } = media;
  const pp = nameProblem('pool', poolName);
  if (pp) refuse('media.pool', pp);
  const vp = nameProblem('volume', volume);
  if (vp) refuse('media.volume', vp);
  try {
    const pool = await ctx.client.pools.lookupByName(poolName);
    await ctx.client.volumes.lookupByName(pool, volume);
  } catch (err) {
    if (isLibvirtError(err)) refuse('media', `Pool "${poolName}" has no volume "${volume}".`);
    throw err;
  }
  return { source: { pool: poolName, volume }, label: `now holds ${poolName}/${volume}` };
}

// libvirt 9.0 does not track the tray of a drive hot-added to a running guest, so changing its media fails with
// QEMU's "Tray ... is not open" until the VM has been restarted (fixed in later libvirt releases).
const HOTPLUGGED_TRAY = /Tray of device .* is not open/;
const HOTPLUGGED_HINT = 'This drive was added while the VM was running; this libvirt version can change its media only after a restart.';

export async function changeMedia(host: HostContext, name: string, target: string, req: CdromMedia): Promise<Changed> {
  return editVm(host, name, req, 'Changing the CD-ROM media', async (ctx) => {
    const { p, l } = disksFor(ctx, req, target);
    const d = (p ?? l)!;
    if (d.device !== 'cdrom' && d.device !== 'floppy') refuse('target', `${target} is a ${d.device}, not a CD-ROM drive: its media cannot be changed.`);
    const { source, label } = await checkMedia(ctx, req.media);
    let forced = false;
    const outcome = await applyHalves(
      req,
      {
        persistent: () => ctx.client.domains.updateDevice(ctx.dom, p!.withMedia(source).toXml(), 'config'),
        live: async () => {
          const xml = l!.withMedia(source).toXml();
          try {
            await ctx.client.domains.updateDevice(ctx.dom, xml, 'live');
          } catch (err) {
            // The guest keeps the tray shut (Linux locks it while the drive is in use or polled); asked
            // politely first, the change is then forced, as a person pressing the drive's button would.
            if (!isLibvirtError(err) || !/tray|locked/i.test(err.message)) throw err;
            await ctx.client.domains.updateDevice(ctx.dom, xml, 'live', DomainDeviceModifyFlags.FORCE);
            forced = true;
          }
        },
      },
      `CD-ROM ${target} ${label}`,
    ).catch((err: unknown) => {
      if (err instanceof ChangeRefusedError && HOTPLUGGED_TRAY.test(err.message))
        throw new ChangeRefusedError(`${err.message} ${HOTPLUGGED_HINT}`, err.outcome, err.code);
      throw err;
    });
    if (forced) outcome.summary += ' The guest held the tray shut, so the change was forced.';
    if (outcome.live.status === 'refused' && HOTPLUGGED_TRAY.test(outcome.live.reason)) outcome.summary += ` ${HOTPLUGGED_HINT}`;
    return outcome;
  });
}

export async function addCdrom(host: HostContext, name: string, req: CdromAdd): Promise<Changed> {
  return editVm(host, name, req, 'Adding a CD-ROM drive', async (ctx) => {
    await checkBus(ctx, req.bus, ['sata', 'scsi', 'ide']);
    const caps = await capsFor(ctx);
    if (caps.diskDevices.length && !caps.diskDevices.includes('cdrom')) refuse('bus', 'This hypervisor offers no CD-ROM drives.');
    const target = chooseTarget(ctx, req.bus, undefined);
    const { source, label } = await checkMedia(ctx, req.media);
    const xml = Disk.create({ device: 'cdrom', source, format: 'raw', target, bus: req.bus }).toXml();
    const outcome = await applyHalves(
      req,
      attachHalves(ctx, xml, req.bus),
      source ? `CD-ROM drive ${target} (${req.bus}) added; it ${label.replace('now ', '')}` : `Empty CD-ROM drive ${target} (${req.bus}) added`,
    );
    return outcome;
  });
}
