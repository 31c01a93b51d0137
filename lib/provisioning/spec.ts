import { z } from 'zod';
import { seedInputSchema } from '@/lib/cloud-init/input';
import { NEW_VM_DISK_BUSES, NIC_MODELS } from '@/lib/domain-xml/constants';
import { poolNameSchema, volumeNameSchema } from '@/lib/storage/names';
import { tagListSchema } from '@/lib/tags/schema';
import { vmNameSchema } from '@/lib/vms/names';

// What the create-VM wizard sends. Everything is checked here first (shape), then against the host in plan.ts
// (names free, pools, networks and capacity), before any job starts.

/** Text picked from a list: trimmed, with one message for missing and malformed alike. */
const picked = (message: string) => z.string({ message }).trim();

/** A volume picked from a list ("pool/volume"): one message for both halves, which the form shows as one field. */
const volumeRef = (what: string) =>
  z.object(
    {
      pool: picked(`Choose ${what}.`).min(1, `Choose ${what}.`).pipe(poolNameSchema),
      volume: picked(`Choose ${what}.`).min(1, `Choose ${what}.`).pipe(volumeNameSchema),
    },
    { error: `Choose ${what}.` },
  );

/** Where a NIC connects (a libvirt network or a host bridge), named as `re` allows. */
const nicSourceName = (re: RegExp, message: string) => picked(message).regex(re, message);
const nicModel = z.enum(NIC_MODELS, { error: `The NIC model is one of ${NIC_MODELS.join(', ')}.` }).default('virtio');

/** Host paths for direct kernel boot: absolute, normalised, no parent steps, no odd characters. */
export const hostPathSchema = z
  .string({ message: 'Give the absolute path of a file on the host.' })
  .trim()
  .min(1, 'Give the absolute path of a file on the host.')
  .max(1024, 'The path is too long.')
  .regex(/^\/[A-Za-z0-9._+\-/]*$/, 'Give an absolute path using letters, digits and . _ + - /')
  .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'The path may not contain "." or ".." steps.')
  .refine((p) => !p.includes('//') && !p.endsWith('/'), 'The path must name a file.');

const checksumSchema = z
  .object(
    {
      algorithm: z.enum(['sha256', 'sha512'], { error: 'The checksum type is SHA-256 or SHA-512.' }),
      hex: z
        .string({ message: 'Give the checksum published with the image.' })
        .trim()
        .toLowerCase()
        .min(1, 'Give the checksum published with the image.')
        .regex(/^[0-9a-f]+$/, 'The checksum must be hexadecimal.'),
    },
    { error: 'Give the checksum published with the image.' },
  )
  .refine((c) => c.hex.length === (c.algorithm === 'sha256' ? 64 : 128), { message: 'The checksum has the wrong length for its algorithm.', path: ['hex'] });

export const imageSourceSchema = z.discriminatedUnion(
  'from',
  [
    z.object({
      from: z.literal('catalog'),
      id: z
        .string({ message: 'Choose an image from the catalog.' })
        .trim()
        .min(1, 'Choose an image from the catalog.')
        .max(100, 'Choose an image from the catalog.'),
    }),
    z.object({
      from: z.literal('url'),
      url: z
        .string({ message: 'Give the address of the image.' })
        .trim()
        .min(1, 'Give the address of the image (https://…).')
        .max(2048, 'The image address is at most 2048 characters.')
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
    z.object({ from: z.literal('volume'), ...volumeRef('an image volume').shape }),
  ],
  { error: 'Choose where the image comes from: the catalog, an address, or a volume.' },
);

export const sourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('cloud-image'), image: imageSourceSchema, fullCopy: z.boolean({ error: 'Full copy is yes or no.' }).default(false) }),
    z.object({ kind: z.literal('iso'), iso: volumeRef('an installer ISO') }),
    z.object({ kind: z.literal('import'), disk: volumeRef('a disk volume') }),
    z.object({
      kind: z.literal('kernel'),
      kernel: hostPathSchema,
      initrd: hostPathSchema.optional(),
      cmdline: z
        .string({ message: 'The kernel command line is text.' })
        .max(2048, 'The kernel command line is too long.')
        .regex(/^[^\n\r<>&]*$/, 'The kernel command line must be one line.')
        .default(''),
    }),
  ],
  { error: 'Choose what to install from: a cloud image, an ISO, an existing disk or a kernel.' },
);

export const createVmSpecSchema = z.object(
  {
    name: z.string({ message: 'Give the virtual machine a name.' }).pipe(vmNameSchema),
    title: z.string({ message: 'The title is text.' }).trim().max(200, 'The title is at most 200 characters.').optional(),
    /** Written into the new domain's metadata (lib/tags); anti-affine ones steer placement (lib/placement). */
    tags: tagListSchema,
    source: sourceSchema,
    os: z
      .object({
        machine: z.enum(['q35', 'pc'], { message: 'The machine type is q35 or pc.' }).default('q35'),
        firmware: z.enum(['bios', 'efi'], { message: 'The firmware is BIOS or UEFI.' }).default('bios'),
        /** The guest OS, by its osinfo id (recorded in the definition's libosinfo metadata). */
        variant: z
          .string({ message: 'Pick an operating system from the list.' })
          .trim()
          .max(300, 'Pick an operating system from the list.')
          .regex(/^[a-z][a-z0-9+.-]*:\/\/\S+$/, 'Pick an operating system from the list.')
          .optional(),
      })
      .default({ machine: 'q35', firmware: 'bios' }),
    resources: z.object(
      {
        vcpus: z
          .number({ message: 'vCPUs must be a number.' })
          .int('vCPUs must be a whole number.')
          .min(1, 'At least 1 vCPU.')
          .max(4096, 'At most 4096 vCPUs.'),
        memoryMiB: z
          .number({ message: 'Memory must be a number.' })
          .int('Memory is a whole number of MiB.')
          .min(64, 'At least 64 MiB of memory.')
          .max(16 * 1024 * 1024, 'At most 16 TiB of memory.'),
      },
      { error: 'Give the vCPUs and memory.' },
    ),
    storage: z.object(
      {
        pool: z.string({ message: 'Choose a storage pool.' }).pipe(poolNameSchema),
        /** Size of the new disk; for a cloud image the overlay grows to this (never below the image's size). 0 = no disk (kernel boot only). */
        sizeGiB: z.number({ message: 'The disk size must be a number.' }).min(0, 'The disk size cannot be negative.').max(65536, 'At most 64 TiB.'),
        format: z.enum(['qcow2', 'raw'], { error: 'The disk format is qcow2 or raw.' }).default('qcow2'),
        bus: z.enum(NEW_VM_DISK_BUSES, { message: `The disk bus is one of ${NEW_VM_DISK_BUSES.join(', ')}.` }).default('virtio'),
      },
      { error: 'Give the storage pool and disk size.' },
    ),
    network: z.discriminatedUnion(
      'type',
      [
        z.object({
          type: z.literal('network'),
          network: nicSourceName(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Choose a libvirt network.'),
          model: nicModel,
        }),
        z.object({
          type: z.literal('bridge'),
          // A Linux interface name: at most 15 characters.
          bridge: nicSourceName(/^[A-Za-z0-9][A-Za-z0-9._-]{0,14}$/, 'Choose a host bridge.'),
          model: nicModel,
        }),
        z.object({ type: z.literal('none') }),
      ],
      { error: 'Choose how the VM connects: a libvirt network, a host bridge, or no network.' },
    ),
    cloudInit: seedInputSchema.optional(),
    /** Start the VM once it is defined. */
    start: z.boolean({ error: 'Start is yes or no.' }).default(true),
    /** What the review step showed (identity of the generated devices), so the created VM matches it. */
    identity: z
      .object(
        {
          uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'The UUID of the review is not valid; review again.'),
          mac: z.string().regex(/^52:54:00(:[0-9a-f]{2}){3}$/i, 'The MAC address of the review is not valid; review again.'),
        },
        { error: 'The identity of the review is not valid; review again.' },
      )
      .optional(),
    /** The domain XML as edited in the review step; absent = the generated one. */
    xml: z.string({ message: 'The XML is text.' }).max(1_000_000, 'The XML is too long.').optional(),
  },
  { error: 'The request body must be a JSON object with the new VM settings.' },
);

export type CreateVmSpec = z.infer<typeof createVmSpecSchema>;
export type CreateVmInput = z.input<typeof createVmSpecSchema>;
