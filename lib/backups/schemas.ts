import { z } from 'zod';
import { vmNameSchema } from '@/lib/vms/names';

// Request shapes of the backup routes.

export const pointParams = z.object({ name: vmNameSchema, point: z.uuid({ error: 'There is no such backup point.' }) });
export const scheduleParams = z.object({ id: z.uuid({ error: 'There is no such backup schedule.' }) });

export const backupBody = z.object({
  pool: z.string().trim().min(1, 'Choose the pool the backup goes to.'),
  full: z.boolean().optional(),
});

export const restoreBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('new-vm'), name: vmNameSchema, pool: z.string().trim().min(1).optional(), start: z.boolean().optional() }),
  z.object({ mode: z.literal('in-place') }),
]);

export const verifyBody = z.object({ boot: z.boolean().optional() });
