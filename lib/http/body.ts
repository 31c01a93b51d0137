import type { z } from 'zod';
import { problem } from './problem';

const MAX_BODY = 1_000_000;

/** Parses a JSON body against a schema; answers 413/400/422 with plain words instead of throwing. */
export async function readBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T> | Response> {
  // Refuse by the declared size first, so an oversized upload is never read into memory.
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY) return problem(413, 'The request is too large.');
  const text = await req.text();
  if (text.length > MAX_BODY) return problem(413, 'The request is too large.');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    return problem(400, 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    return problem(422, Object.values(fields)[0] ?? 'The request is not valid.', { fields });
  }
  return parsed.data;
}
