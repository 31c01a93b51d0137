import { z } from 'zod';
import { vmNameSchema } from '@/lib/vms/names';
import { SNAPSHOT_NAME, SNAPSHOT_NAME_RULE } from './names';

// What the snapshot routes accept; services check again what needs the host to answer.

export const snapshotNameSchema = z.string().min(1, 'Give the snapshot a name.').max(63, SNAPSHOT_NAME_RULE).regex(SNAPSHOT_NAME, SNAPSHOT_NAME_RULE);

export const snapshotParams = z.object({ name: vmNameSchema, snapshot: snapshotNameSchema });

export const snapshotCreateSchema = z.object({
  name: snapshotNameSchema,
  description: z.string().max(2000, 'Keep the description under 2000 characters.').nullish(),
  kind: z.enum(['internal', 'external'], { error: 'kind is "internal" or "external".' }).optional(),
  memory: z.boolean().optional(),
  quiesce: z.boolean().optional(),
});

export const snapshotRevertSchema = z.object({
  then: z.enum(['as-taken', 'running', 'paused'], { error: 'then is "as-taken", "running" or "paused".' }).optional(),
});

export const snapshotDeleteQuery = z.object({
  children: z
    .enum(['true', 'false'], { error: 'children is "true" or "false".' })
    .optional()
    .transform((v) => v === 'true'),
});
