import fc from 'fast-check';
import { z } from 'zod';
import { createVmSpecSchema } from '@/lib/provisioning/spec';
import { validArbitrary } from './arbitrary';
import type { JsonSchema } from './json-schema';

// Where the API document says less than a route checks, on purpose, and what the fuzzer uses instead. Keep both
// lists short: a rule JSON Schema can state belongs in the route's schema, where the document picks it up.

/**
 * Rules JSON Schema has no words for (one field's need depends on another's value). Valid bodies for these routes
 * are the document's, kept only when the route's own schema accepts them.
 */
export const CROSS_FIELD_RULES: Record<string, string> = {
  'POST /api/storage/pools': 'which fields each pool type needs (poolInputSchema.superRefine)',
};

/** A create-VM spec that would download an image (from the catalog or a URL) takes its image from a volume instead. */
function noDownload(spec: unknown): unknown {
  const s = spec as { source?: { kind?: string; image?: { from?: string } } };
  if (s.source?.kind !== 'cloud-image' || s.source.image?.from === 'volume') return spec;
  return { ...s, source: { ...s.source, image: { from: 'volume', pool: 'default-pool', volume: 'fuzz-base.qcow2' } } };
}

/**
 * The create-VM routes take "any object" in the document (the planner checks the spec against the host and answers
 * per field); valid bodies come from the spec schema the planner parses with, kept when it accepts them (it has
 * refinements of its own: paths naming files, checksum lengths). POST /api/vms never gets a spec that downloads: a
 * create job must not start real work that outlives the test.
 */
export function deeperBodies(): Record<string, fc.Arbitrary<unknown>> {
  const spec = validArbitrary(z.toJSONSchema(createVmSpecSchema, { io: 'input' }) as JsonSchema).filter((v) => createVmSpecSchema.safeParse(v).success);
  return { 'POST /api/vms': spec.map(noDownload), 'POST /api/provisioning/plan': spec };
}
