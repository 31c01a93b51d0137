// The property-based fuzzing tier (`*.fuzz.test.ts`, run with the unit tests): what a remote libvirtd or a person
// typing raw cloud-init could send us. Every property runs FUZZ_RUNS generated cases per run; CI uses the default.
// VIREO_FUZZ_RUNS raises it for a longer local hunt, VIREO_FUZZ_SEED replays a failure fast-check reported.
import type { Parameters } from 'fast-check';

/** Cases per property per run, in CI. */
export const FUZZ_RUNS = 2000;

export function fuzzParams<T>(extra: Parameters<T> = {}): Parameters<T> {
  const seed = Number(process.env.VIREO_FUZZ_SEED);
  return {
    numRuns: Number(process.env.VIREO_FUZZ_RUNS) || FUZZ_RUNS,
    ...(Number.isFinite(seed) && process.env.VIREO_FUZZ_SEED ? { seed } : {}),
    ...extra,
  };
}
