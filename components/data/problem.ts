import { ApiError } from '@/components/api-client';

// A refused or failed request as the forms show it: the server's message, its per-field messages (from a 422's
// `fields`), and the status (0 when the server did not answer).

export interface Problem {
  message: string;
  fields: Record<string, string>;
  status: number;
}

export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) {
    // Problem bodies carry `error`; the hardware contract also speaks of `message`: accept either.
    const body = err.body;
    const message = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : err.message;
    return { message, fields: err.fields, status: err.status };
  }
  return { message: (err as Error)?.message || 'The request failed.', fields: {}, status: 0 };
}

/** The refusal left nothing changed (input refused, or a conflict), so the form can say so. */
export function changedNothing(p: Problem): boolean {
  return p.status === 422 || p.status === 409;
}

/**
 * The message for a field, from the field paths the server answered with (zod paths joined by dots).
 * Each key is tried in order:
 * - `a.b` matches the field `a.b` and any field under it (`a.b.c`, `a.b.0`);
 * - `*.b` matches a field named `b` at any depth (`b`, `source.b`) and the entries of a list `b` (`order.2`,
 *   `order.2.kind`): for forms that do not know how the server nests their fields.
 */
export function fieldError(fields: Record<string, string> | null | undefined, ...keys: string[]): string | undefined {
  if (!fields) return undefined;
  const entries = Object.entries(fields);
  for (const key of keys) {
    const hit = entries.find(([path]) => (key.startsWith('*.') ? named(path, key.slice(2)) : path === key || path.startsWith(`${key}.`)));
    if (hit) return hit[1];
  }
  return undefined;
}

function named(path: string, name: string): boolean {
  const parts = path.split('.');
  return parts.at(-1) === name || parts.some((p, i) => p === name && /^\d+$/.test(parts[i + 1] ?? ''));
}
