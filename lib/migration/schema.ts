import { z } from 'zod';
import { hostById } from '@/lib/hosts';
import { DEFAULT_OPTIONS, type MigrationOptions } from './types';

// What the API takes for a migration: where to, and how (the defaults are the dialog's).

export const migrationBody = z.object({
  destination: z.string({ error: 'Choose the destination host.' }).min(1, 'Choose the destination host.').max(100),
  mode: z.enum(['live', 'offline'], { error: 'mode is live or offline.' }).default(DEFAULT_OPTIONS.mode),
  storage: z.enum(['shared', 'copy'], { error: 'storage is shared or copy.' }).default(DEFAULT_OPTIONS.storage),
  persistent: z.boolean().default(true),
  undefineSource: z.boolean().default(true),
  bandwidthMiBs: z.number({ error: 'The bandwidth is a number of MiB/s.' }).int().min(0).max(1_000_000).optional(),
  autoConverge: z.boolean().optional(),
  postcopy: z.boolean().optional(),
  compressed: z.boolean().optional(),
  tls: z.boolean().optional(),
  unsafe: z.boolean().optional(),
});

export type MigrationBody = z.infer<typeof migrationBody>;

export function optionsOf(b: MigrationBody): MigrationOptions {
  const { destination: _d, ...options } = b;
  return options;
}

/** The destination's host context; NotFoundError when Vireo does not manage it. */
export const destinationOf = (b: MigrationBody) => hostById(b.destination);
