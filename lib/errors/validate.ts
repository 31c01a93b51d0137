import type { z } from 'zod';
import { InputError } from './vireo-error';

/** Messages per field from a zod refusal, keyed by the dotted path ('_' for the value itself). */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}

/** The value checked against its schema, or InputError with a message per field (status 422 unless told). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, status = 422): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw InputError.of(zodFields(parsed.error), 'The request is not valid.', { status });
}
