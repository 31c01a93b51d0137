import { z } from 'zod';
import { poolNameSchema } from '@/lib/storage/names';
import { tagListSchema } from '@/lib/tags/schema';
import type { PlacementRequest } from './types';

// What an API client asks placement (POST /api/placement): the VM's size, the pools and networks it needs, its tags.

const GiB = 1024 ** 3;

const networkName = z.string({ message: 'A network is named by text.' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Name a libvirt network.');

export const placementRequestSchema = z
  .object({
    vcpus: z.number({ message: 'vCPUs must be a number.' }).int('vCPUs must be a whole number.').min(1, 'At least 1 vCPU.').max(4096, 'At most 4096 vCPUs.'),
    memoryMiB: z
      .number({ message: 'Memory must be a number.' })
      .int('Memory is a whole number of MiB.')
      .min(64, 'At least 64 MiB of memory.')
      .max(16 * 1024 * 1024, 'At most 16 TiB of memory.'),
    pools: z.array(poolNameSchema, { error: 'The pools are a list of names.' }).max(16, 'At most 16 pools.').default([]),
    disk: z
      .object({
        pool: poolNameSchema,
        sizeGiB: z.number({ message: 'The disk size must be a number.' }).min(0, 'The disk size cannot be negative.').max(65536, 'At most 64 TiB.'),
      })
      .nullable()
      .default(null),
    networks: z.array(networkName, { error: 'The networks are a list of names.' }).max(16, 'At most 16 networks.').default([]),
    tags: tagListSchema,
  })
  .transform(
    (r): PlacementRequest => ({
      vcpus: r.vcpus,
      memoryMiB: r.memoryMiB,
      pools: [...new Set([...r.pools, ...(r.disk ? [r.disk.pool] : [])])],
      disk: r.disk && r.disk.sizeGiB > 0 ? { pool: r.disk.pool, bytes: Math.round(r.disk.sizeGiB * GiB) } : null,
      networks: r.networks,
      tags: r.tags,
    }),
  );
