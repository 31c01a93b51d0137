import type { z } from 'zod';
import { InputError, parseInput, TooLargeError } from '@/lib/errors';

/** JSON bodies are small forms and definitions; uploads declare their own larger limits. */
export const MAX_JSON_BODY = 1_000_000;

const tooLarge = (limit: number) => new TooLargeError(`The request is too large (more than ${limit.toLocaleString('en')} bytes).`);

/**
 * The body's bytes, refused as soon as more than `limit` have arrived, whatever the Content-Length says (a chunked
 * body has none): nothing past the limit is ever held in memory.
 */
export async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Parses a JSON body against a schema: TooLargeError, or InputError with a message per field. */
export async function readJsonBody<T extends z.ZodType>(req: Request, schema: T, limit = MAX_JSON_BODY): Promise<z.output<T>> {
  const text = new TextDecoder().decode(await readLimited(req, limit));
  let json: unknown;
  try {
    json = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new InputError('The request body is not valid JSON.', { status: 400 });
  }
  return parseInput(schema, json);
}
