import { DomainMetadataType } from '@/lib/libvirt';
import { Domain } from '@/lib/domain-xml/domain';
import { capsFor, definePersistent, type VmContext } from './context';
import { editVm } from './edit';
import { refuse } from './errors';
import { normalizeMac } from './mac';
import { applyHalves, requirePersistent, type Changed } from './scope';
import { disksOf, nicsOf } from './view';
import type { BootChange } from './types';
import type { HostContext } from '@/lib/hosts';

// Boot and lifecycle settings. Everything except title and description lives only in the persistent definition
// (libvirt reads it at the next start); autostart is a flag libvirt keeps beside the definition.

const ON_CRASH = ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart'];
const ON_REBOOT = ['destroy', 'restart'];
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 4000;

export function normalizeBootScope(req: BootChange): { live: boolean; persistent: boolean } {
  return { live: req.live ?? false, persistent: req.persistent ?? true };
}

function definitionFieldsAsked(req: BootChange): boolean {
  return (
    req.order !== undefined ||
    req.menu !== undefined ||
    req.firmware !== undefined ||
    req.onCrash !== undefined ||
    req.onReboot !== undefined ||
    req.onPoweroff !== undefined
  );
}

export function planBoot(ctx: VmContext, req: BootChange, efiOffered: boolean): void {
  const scope = normalizeBootScope(req);
  if (definitionFieldsAsked(req) || req.autostart !== undefined)
    requirePersistent(scope, 'persistent', 'Boot order, boot menu, firmware, autostart and power actions');
  const nothing = !definitionFieldsAsked(req) && req.autostart === undefined && req.title === undefined && req.description === undefined;
  if (nothing) refuse('order', 'Nothing to change.');
  if (req.order) {
    const disks = new Set(disksOf(ctx.inactive).map((d) => d.target));
    const nics = new Set(nicsOf(ctx.inactive).map((n) => n.mac));
    const seen = new Set<string>();
    for (const [i, e] of req.order.entries()) {
      const id = e.kind === 'nic' ? normalizeMac(e.id) : e.id;
      if (e.kind === 'disk' && !disks.has(id)) refuse(`order.${i}`, `There is no disk ${e.id} in the definition for next boot.`);
      if (e.kind === 'nic' && !nics.has(id)) refuse(`order.${i}`, `There is no network interface ${e.id} in the definition for next boot.`);
      if (e.kind !== 'disk' && e.kind !== 'nic') refuse(`order.${i}`, 'Boot entries are disks or network interfaces.');
      const key = `${e.kind}:${id}`;
      if (seen.has(key)) refuse(`order.${i}`, `${e.id} is listed twice in the boot order.`);
      seen.add(key);
    }
  }
  if (req.firmware !== undefined && req.firmware !== 'bios' && req.firmware !== 'efi') refuse('firmware', 'Firmware is bios or efi.');
  if (req.firmware === 'efi' && !efiOffered) {
    refuse('firmware', 'This host offers no UEFI firmware for this machine type (OVMF is not installed); install the ovmf package to use UEFI.');
  }
  if (req.onCrash !== undefined && !ON_CRASH.includes(req.onCrash)) refuse('onCrash', `On crash is one of ${ON_CRASH.join(', ')}.`);
  if (req.onReboot !== undefined && !ON_REBOOT.includes(req.onReboot)) refuse('onReboot', 'On reboot is destroy or restart.');
  if (req.onPoweroff !== undefined && !ON_REBOOT.includes(req.onPoweroff)) refuse('onPoweroff', 'On power-off is destroy or restart.');
  // libvirt keeps the title on one line.
  if (req.title !== undefined && (req.title.length > MAX_TITLE || /[\r\n]/.test(req.title)))
    refuse('title', `The title is one line of at most ${MAX_TITLE} characters.`);
  if (req.description !== undefined && req.description.length > MAX_DESCRIPTION)
    refuse('description', `The description is at most ${MAX_DESCRIPTION} characters.`);
}

/** Edits the persistent definition document for everything but autostart and metadata. */
export function editBootXml(ctx: VmContext, req: BootChange): void {
  const d = Domain.of(ctx.inactive);
  if (req.order) {
    // Per-device order and <os><boot dev> cannot be mixed; the per-device form is the precise one.
    d.clearBootOrder();
    req.order.forEach((e, i) => {
      const dev = e.kind === 'disk' ? d.diskByTarget(e.id) : d.interfaceByMac(normalizeMac(e.id));
      if (dev) dev.bootOrder = i + 1;
    });
  }
  if (req.menu !== undefined) d.os.bootMenu = req.menu;
  // Firmware by autoselection: libvirt picks the OVMF image and creates the NVRAM from its template.
  if (req.firmware !== undefined) d.os.setFirmware(req.firmware);
  if (req.onPoweroff !== undefined) d.onPoweroff = req.onPoweroff;
  if (req.onReboot !== undefined) d.onReboot = req.onReboot;
  if (req.onCrash !== undefined) d.onCrash = req.onCrash;
}

export async function changeBoot(host: HostContext, name: string, req: BootChange): Promise<Changed> {
  const scope = normalizeBootScope(req);
  return editVm(host, name, scope, 'The title and description change', async (ctx) => {
    const caps = req.firmware === 'efi' ? await capsFor(ctx).catch(() => null) : null;
    planBoot(ctx, req, caps?.efi ?? false);
    const { client, dom } = ctx;
    const meta = async (half: 'config' | 'live') => {
      if (req.title !== undefined) await client.domains.setMetadata(dom, DomainMetadataType.TITLE, req.title || null, half);
      if (req.description !== undefined) await client.domains.setMetadata(dom, DomainMetadataType.DESCRIPTION, req.description || null, half);
    };
    const parts: string[] = [];
    if (req.order) parts.push('boot order');
    if (req.menu !== undefined) parts.push(`boot menu ${req.menu ? 'on' : 'off'}`);
    if (req.firmware) parts.push(`firmware ${req.firmware === 'efi' ? 'UEFI' : 'BIOS'}`);
    if (req.autostart !== undefined) parts.push(`autostart ${req.autostart ? 'on' : 'off'}`);
    if (req.onCrash || req.onReboot || req.onPoweroff) parts.push('power actions');
    if (req.title !== undefined) parts.push('title');
    if (req.description !== undefined) parts.push('description');
    const outcome = await applyHalves(
      scope,
      {
        persistent: async () => {
          if (definitionFieldsAsked(req)) {
            editBootXml(ctx, req);
            await definePersistent(ctx, ctx.inactive);
          }
          await meta('config');
          if (req.autostart !== undefined) await client.domains.setAutostart(dom, req.autostart);
        },
        // Only title and description exist live; without them there is no live half to report.
        live: req.title !== undefined || req.description !== undefined ? () => meta('live') : undefined,
      },
      `Changed ${parts.join(', ')}`,
    );
    return outcome;
  });
}
