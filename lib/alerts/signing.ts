import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook bodies are signed so a receiver can tell Vireo's notifications from anyone else's POSTs: HMAC-SHA256 of
// the exact body bytes with the receiver's secret, hex, in the header below (the form GitHub's webhooks made
// common, so the usual verification snippets work).

export const SIGNATURE_HEADER = 'x-vireo-signature-256';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does (and the tests): recompute and compare in constant time. */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(signBody(secret, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}
