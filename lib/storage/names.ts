import { z } from 'zod';

// Pool and volume names become file names on the host (a dir pool's volume is <target>/<name>), so anything that
// could climb out of the pool or hide a file is refused before libvirt is asked.

/**
 * The whole rule in one pattern, so the API document states it too: letters, digits and . _ + -, not starting with
 * "." or "-", no "..". The checks before it name the first problem; it can only fail on a character then.
 */
const STORAGE_NAME = /^[A-Za-z0-9_+][A-Za-z0-9_+-]*(?:\.[A-Za-z0-9_+-]+)*\.?$/;

function storageName(what: string, max: number) {
  return z
    .string({ message: `The ${what} name is required.` })
    .trim()
    .min(1, `The ${what} name is required.`)
    .max(max, `The ${what} name may have at most ${max} characters.`)
    .refine((s) => !s.includes('/') && !s.includes('\\'), {
      message: `The ${what} name may not contain "/" or "\\": it must not point outside the pool.`,
      abort: true,
    })
    .refine((s) => !s.includes('..'), { message: `The ${what} name may not contain "..": it must not point outside the pool.`, abort: true })
    .refine((s) => !s.startsWith('.'), { message: `The ${what} name may not start with "." (no hidden files).`, abort: true })
    .refine((s) => !s.startsWith('-'), { message: `The ${what} name may not start with "-".`, abort: true })
    .regex(STORAGE_NAME, { message: `The ${what} name may use only letters, digits and . _ + -`, abort: true });
}

export const poolNameSchema = storageName('pool', 64);
export const volumeNameSchema = storageName('volume', 200);

/** The first problem with a name, or null when it is acceptable. */
export function nameProblem(kind: 'pool' | 'volume', name: string): string | null {
  const r = (kind === 'pool' ? poolNameSchema : volumeNameSchema).safeParse(name);
  return r.success ? null : r.error.issues[0]!.message;
}

export const poolParams = z.object({ pool: poolNameSchema });
export const volumeParams = z.object({ pool: poolNameSchema, volume: volumeNameSchema });
