import { z } from 'zod';
import { CDROM_BUSES, DISK_BUSES, DISK_CACHES, DISK_DISCARDS, DISK_IOS } from '@/lib/domain-xml/constants';
import { vmNameSchema } from '@/lib/vms/names';

// Request bodies of the hardware API (lib/hardware/types.ts), checked at the door. Deeper checks that need the
// VM or the host (maximums, free targets, buses the machine has) happen in the per-family modules.

const scope = { live: z.boolean({ message: 'live must be true or false.' }), persistent: z.boolean({ message: 'persistent must be true or false.' }) };
const count = (what: string) =>
  z
    .number({ message: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(1, `${what} must be at least 1.`);
const mib = (what: string) => count(what).max(16 * 1024 * 1024, `${what} is too large.`);
const short = z.string().max(256);

export const vcpuChangeSchema = z.object({
  ...scope,
  current: count('The vCPU count').max(4096).optional(),
  maximum: count('The maximum vCPU count').max(4096).optional(),
  topology: z
    .object({ sockets: count('Sockets').max(4096), cores: count('Cores').max(4096), threads: count('Threads').max(64) })
    .nullable()
    .optional(),
  mode: z.enum(['host-passthrough', 'host-model', 'custom']).optional(),
  model: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._-]+$/, 'Not a CPU model name.')
    .optional(),
});

export const memoryChangeSchema = z.object({
  ...scope,
  currentMiB: mib('Memory').optional(),
  maximumMiB: mib('Maximum memory').optional(),
  hotplug: z
    .object({ slots: count('Slots').max(255), maxMiB: mib('The hotplug ceiling') })
    .nullable()
    .optional(),
});

export const dimmAddSchema = z.object({ ...scope, sizeMiB: mib('The DIMM size') });

const cache = z.enum(DISK_CACHES);
const discard = z.enum(DISK_DISCARDS);
const io = z.enum(DISK_IOS);
const sizeGiB = z
  .number({ message: 'The size must be a number of GiB.' })
  .positive('The size must be more than 0.')
  .max(64 * 1024, 'At most 64 TiB.');

export const diskSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-volume'), pool: short, name: short, sizeGiB, format: z.enum(['qcow2', 'raw']) }),
  z.object({ kind: z.literal('volume'), pool: short, volume: short }),
  z.object({ kind: z.literal('file'), path: z.string().max(4096) }),
]);

export const diskAddSchema = z.object({
  ...scope,
  source: diskSourceSchema,
  target: z.string().max(16).optional(),
  bus: z.enum(DISK_BUSES),
  cache: cache.optional(),
  discard: discard.optional(),
  io: io.optional(),
  readonly: z.boolean().optional(),
  shareable: z.boolean().optional(),
});

export const diskUpdateSchema = z.object({
  ...scope,
  sizeGiB: sizeGiB.optional(),
  cache: cache.optional(),
  discard: discard.optional(),
  io: io.optional(),
  readonly: z.boolean().optional(),
  shareable: z.boolean().optional(),
});

const nicSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('network'), network: short }),
  z.object({ type: z.literal('bridge'), bridge: short }),
]);

export const nicAddSchema = z.object({ ...scope, source: nicSource, model: short, mac: z.string().max(32).optional() });
export const nicUpdateSchema = z.object({ ...scope, source: nicSource.optional(), linkState: z.enum(['up', 'down']).optional() });

const media = z.union([z.object({ pool: short, volume: short }), z.object({ path: z.string().max(4096) }), z.null()]);

export const cdromMediaSchema = z.object({ ...scope, media });

export const cdromAddSchema = z.object({ ...scope, bus: z.enum(CDROM_BUSES), media: media.optional() });

export const bootChangeSchema = z.object({
  order: z
    .array(z.object({ kind: z.enum(['disk', 'nic']), id: z.string().min(1).max(32) }))
    .max(64)
    .optional(),
  menu: z.boolean().optional(),
  firmware: z.enum(['bios', 'efi']).optional(),
  autostart: z.boolean().optional(),
  onCrash: z.enum(['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart']).optional(),
  onReboot: z.enum(['destroy', 'restart']).optional(),
  onPoweroff: z.enum(['destroy', 'restart']).optional(),
  title: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  live: z.boolean().optional(),
  persistent: z.boolean().optional(),
});

/** `?live=1&persistent=1` on DELETE. */
const flag = z
  .string()
  .max(10)
  .meta({ description: '1, true or yes for yes; anything else, or leaving it out, for no', examples: ['1', '0'] })
  .optional()
  .transform((v) => ['1', 'true', 'yes'].includes((v ?? '').toLowerCase()));

/** Removals carry their scope in the query: DELETE ...?live=1&persistent=1. */
export const scopeQuerySchema = z.object({ live: flag, persistent: flag });

/** The `{target}` of a disk route (vda, sdb, hdc ...). */
export const diskParams = z.object({
  name: vmNameSchema,
  target: z.string().regex(/^[a-z]{2,3}[a-z0-9]{0,4}$/, 'Not a disk name such as vda or sdb.'),
});

/** The `{mac}` of a NIC route; the colons may arrive percent-encoded. */
export const nicParams = z.object({
  name: vmNameSchema,
  mac: z
    .string()
    .max(64)
    .transform((m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    }),
});
