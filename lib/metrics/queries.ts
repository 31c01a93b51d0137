import { z } from 'zod';
import { DEFAULT_POINTS, MAX_POINTS } from './columns';
import { RANGE_NAMES } from './tiers';

// The query strings of the metrics routes, shared by the route declarations and their tests.

export const rangeQuery = z.object({
  range: z.enum(RANGE_NAMES, { error: `range must be one of ${RANGE_NAMES.join(', ')}` }).default('1h'),
  to: z.coerce.number({ error: 'to must be seconds since the epoch' }).int().positive().optional(),
  points: z.coerce
    .number({ error: 'points must be a number' })
    .int()
    .min(10, 'points must be at least 10')
    .max(MAX_POINTS, `points must be at most ${MAX_POINTS}`)
    .default(DEFAULT_POINTS),
});

export const USAGE_SORTS = ['cpu', 'cpuCores', 'memory', 'memPercent', 'name'] as const;

export const usageQuery = z.object({
  sort: z.enum(USAGE_SORTS, { error: `sort must be one of ${USAGE_SORTS.join(', ')}` }).default('cpuCores'),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).default('desc'),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
