import { z } from 'zod';
import { seedInputSchema } from '@/lib/cloud-init/input';
import { NEW_VM_DISK_BUSES, NIC_MODELS } from '@/lib/domain-xml/constants';
import { poolNameSchema, volumeNameSchema } from '@/lib/storage/names';
import { vmNameSchema } from '@/lib/vms/names';

// What the create-VM wizard sends. Everything is checked here first (shape), then against the host in plan.ts
// (names free, pools, networks and capacity), before any job starts.

const volumeRef = z.object({ pool: poolNameSchema, volume: volumeNameSchema });

/** Host paths for direct kernel boot: absolute, normalised, no parent steps, no odd characters. */
export const hostPathSchema = z
  .string()
  .trim()
  .max(1024, 'The path is too long.')
  .regex(/^\/[A-Za-z0-9._+\-/]*$/, 'Give an absolute path using letters, digits and . _ + - /')
  .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'The path may not contain "." or ".." steps.')
  .refine((p) => !p.includes('//') && !p.endsWith('/'), 'The path must name a file.');

const checksumSchema = z
  .object({
    algorithm: z.enum(['sha256', 'sha512']),
    hex: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]+$/, 'The checksum must be hexadecimal.'),
  })
  .refine((c) => c.hex.length === (c.algorithm === 'sha256' ? 64 : 128), { message: 'The checksum has the wrong length for its algorithm.', path: ['hex'] });

export const imageSourceSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('catalog'), id: z.string().trim().min(1).max(100) }),
  z.object({
    from: z.literal('url'),
    url: z
      .string()
      .trim()
      .max(2048)
      .refine((u) => {
        try {
          const p = new URL(u).protocol;
          return p === 'http:' || p === 'https:';
        } catch {
          return false;
        }
      }, 'The image address must be an http:// or https:// URL.'),
    checksum: checksumSchema,
  }),
  z.object({ from: z.literal('volume'), ...volumeRef.shape }),
]);

export const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cloud-image'), image: imageSourceSchema, fullCopy: z.boolean().default(false) }),
  z.object({ kind: z.literal('iso'), iso: volumeRef }),
  z.object({ kind: z.literal('import'), disk: volumeRef }),
  z.object({
    kind: z.literal('kernel'),
    kernel: hostPathSchema,
    initrd: hostPathSchema.optional(),
    cmdline: z
      .string()
      .max(2048, 'The kernel command line is too long.')
      .regex(/^[^\n\r<>&]*$/, 'The kernel command line must be one line.')
      .default(''),
  }),
]);

export const createVmSpecSchema = z.object({
  name: vmNameSchema,
  title: z.string().trim().max(200, 'The title is at most 200 characters.').optional(),
  source: sourceSchema,
  os: z
    .object({
      machine: z.enum(['q35', 'pc'], { message: 'The machine type is q35 or pc.' }).default('q35'),
      firmware: z.enum(['bios', 'efi'], { message: 'The firmware is BIOS or UEFI.' }).default('bios'),
    })
    .default({ machine: 'q35', firmware: 'bios' }),
  resources: z.object({
    vcpus: z.number({ message: 'vCPUs must be a number.' }).int('vCPUs must be a whole number.').min(1, 'At least 1 vCPU.').max(4096),
    memoryMiB: z
      .number({ message: 'Memory must be a number.' })
      .int('Memory is a whole number of MiB.')
      .min(64, 'At least 64 MiB of memory.')
      .max(16 * 1024 * 1024),
  }),
  storage: z.object({
    pool: poolNameSchema,
    /** Size of the new disk; for a cloud image the overlay grows to this (never below the image's size). 0 = no disk (kernel boot only). */
    sizeGiB: z.number({ message: 'The disk size must be a number.' }).min(0).max(65536, 'At most 64 TiB.'),
    format: z.enum(['qcow2', 'raw']).default('qcow2'),
    bus: z.enum(NEW_VM_DISK_BUSES, { message: `The disk bus is one of ${NEW_VM_DISK_BUSES.join(', ')}.` }).default('virtio'),
  }),
  network: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('network'),
      network: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Pick a libvirt network.'),
      model: z.enum(NIC_MODELS).default('virtio'),
    }),
    z.object({
      type: z.literal('bridge'),
      bridge: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,14}$/, 'Pick a host bridge.'),
      model: z.enum(NIC_MODELS).default('virtio'),
    }),
    z.object({ type: z.literal('none') }),
  ]),
  cloudInit: seedInputSchema.optional(),
  /** Start the VM once it is defined. */
  start: z.boolean().default(true),
  /** What the review step showed (identity of the generated devices), so the created VM matches it. */
  identity: z
    .object({
      uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
      mac: z.string().regex(/^52:54:00(:[0-9a-f]{2}){3}$/i),
    })
    .optional(),
  /** The domain XML as edited in the review step; absent = the generated one. */
  xml: z.string().max(1_000_000, 'The XML is too long.').optional(),
});

export type CreateVmSpec = z.infer<typeof createVmSpecSchema>;
export type CreateVmInput = z.input<typeof createVmSpecSchema>;
