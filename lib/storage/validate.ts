import { z } from 'zod';
import { POOL_TYPES, type PoolType } from './pool-types';
import { VOLUME_FORMATS } from './volume-model';
import { poolNameSchema, volumeNameSchema } from './names';

/**
 * The three checks below as one pattern, for the API document only (they name each problem in words). Kept in step
 * with them by a test.
 */
const ABS_PATH = /^(?:\/(?:[^./\0\n\r][^/\0\n\r]*|\.[^./\0\n\r][^/\0\n\r]*|\.\.[^/\0\n\r]+)?)+$/;

const absPath = (what: string) =>
  z
    .string()
    .trim()
    .max(1024, `The ${what} is too long.`)
    .refine((s) => s.startsWith('/'), `The ${what} must be an absolute path (starting with "/").`)
    .refine((s) => !s.split('/').some((p) => p === '..' || p === '.'), `The ${what} may not contain "." or ".." parts.`)
    .refine((s) => !/[\0\n\r]/.test(s), `The ${what} contains control characters.`)
    .meta({ pattern: ABS_PATH.source });

/** A field forms may send as '' or null for "left out"; the API document's pattern allows '' too. */
const optional = <T extends z.ZodType>(s: T) => {
  const field = z.preprocess((v) => (v === '' || v === null ? undefined : v), s.optional());
  const { pattern } = z.toJSONSchema(s, { io: 'input' }) as { pattern?: string };
  return pattern ? field.meta({ pattern: `^$|${pattern}` }) : field;
};

const hostName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/, 'The server must be a host name or IP address.');
const vgName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}$/, 'The volume group name may use letters, digits and + _ . -');

export const poolInputSchema = z
  .object({
    name: poolNameSchema,
    type: z.enum(POOL_TYPES, { message: `The pool type must be one of ${POOL_TYPES.join(', ')}.` }),
    targetPath: optional(absPath('target path')),
    sourceDevice: optional(absPath('source device')),
    sourceHost: optional(hostName),
    sourceDir: optional(absPath('exported directory')),
    sourceName: optional(vgName),
    build: z.boolean().default(true),
    start: z.boolean().default(true),
    autostart: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    const need = (field: keyof typeof p, message: string) => {
      if (!p[field]) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const needs: Record<PoolType, () => void> = {
      dir: () => need('targetPath', 'A directory pool needs its directory (target path).'),
      fs: () => {
        need('sourceDevice', 'A filesystem pool needs the block device to mount.');
        need('targetPath', 'A filesystem pool needs its mount point (target path).');
      },
      netfs: () => {
        need('sourceHost', 'An NFS pool needs the server.');
        need('sourceDir', 'An NFS pool needs the exported directory.');
        need('targetPath', 'An NFS pool needs its mount point (target path).');
      },
      logical: () => need('sourceName', 'An LVM pool needs the volume group name.'),
    };
    needs[p.type]();
  });
export type PoolInput = z.infer<typeof poolInputSchema>;

/** 2^53 bytes is where Number stops being exact; no real volume comes close. */
const MAX_BYTES = Number.MAX_SAFE_INTEGER;

const bytes = <T extends z.ZodNumber | z.ZodCoercedNumber>(n: T): T =>
  n.int('The size must be a whole number of bytes.').min(1, 'The size must be at least 1 byte.').max(MAX_BYTES, 'The size is too large.') as T;

export const capacitySchema = bytes(z.number({ message: 'The size must be a number of bytes.' }));

/** The same from a query string (an upload declares its size in the URL); its bounds show in the API document. */
export const capacityQuerySchema = bytes(z.coerce.number({ message: 'The upload must declare its size in bytes (size=…).' }));

export const volumeInputSchema = z.object({
  name: volumeNameSchema,
  format: z.enum(VOLUME_FORMATS, { message: `The format must be one of ${VOLUME_FORMATS.join(', ')}.` }),
  capacity: capacitySchema,
});
export type VolumeInput = z.infer<typeof volumeInputSchema>;

export const poolActionSchema = z.object({
  action: z.enum(['build', 'start', 'stop', 'refresh', 'autostart-on', 'autostart-off', 'delete-storage', 'undefine'], { message: 'Unknown pool action.' }),
});
export type PoolAction = z.infer<typeof poolActionSchema>['action'];

/** The users of a volume the admin confirms a delete or wipe for, by name (see lib/storage/volume-users.ts). */
export const confirmUsersSchema = z.array(z.string().max(512, 'A user name is too long.')).max(256, 'Too many users named.').default([]);

export const volumeActionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('resize'), capacity: capacitySchema }),
    // A volume in use is wiped only when the request names each of its users (VM names, pool/volume of overlays).
    z.object({ action: z.literal('wipe'), confirmUsers: confirmUsersSchema }),
  ],
  { message: 'Unknown volume action.' },
);
export type VolumeAction = z.infer<typeof volumeActionSchema>;
