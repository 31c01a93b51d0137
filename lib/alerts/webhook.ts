import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ImageAllowEntry } from '@/lib/config/settings';
import { InputError } from '@/lib/errors';
import { checkLiteralHost, guardedLookup, hostAllowListed } from '@/lib/images/destination';
import { unreachable } from '@/lib/images/reach';
import { SIGNATURE_HEADER, signBody } from './signing';

// Sending one webhook notification. A receiver's URL is admin input like an image address, so it gets the same
// SSRF rules (lib/images/destination.ts): no loopback, private, link-local or metadata address unless
// VIREO_ALERT_WEBHOOK_ALLOW lets it through, checked on the address actually connected to. No redirects are
// followed (a receiver answers; it does not send us elsewhere).

export const REFUSED_WEBHOOK =
  'The webhook address leads to a loopback, private, link-local or other internal network address, which Vireo does not send to. ' +
  'An admin can allow a receiver there with VIREO_ALERT_WEBHOOK_ALLOW.';

const TIMEOUT_MS = 10_000;

/** http(s) only, no credentials in the address (they would be shown in the receiver list), not an internal literal address. */
export function checkWebhookUrl(raw: string, allow: readonly ImageAllowEntry[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw InputError.of({ url: 'The webhook address is not a URL (https://receiver.example/hook).' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw InputError.of({ url: `Webhook addresses are http:// or https://, not ${url.protocol}//.` });
  if (url.username || url.password)
    throw InputError.of({ url: 'The webhook address may not contain a user name or password; put a token in its path or use the signing secret.' });
  try {
    checkLiteralHost(url.hostname, allow);
  } catch {
    throw InputError.of({ url: REFUSED_WEBHOOK });
  }
  return url;
}

export interface WebhookAnswer {
  /** HTTP status, or null when no answer came. */
  status: number | null;
  /** Why it failed, in words; null on a 2xx. */
  error: string | null;
}

export function postWebhook(rawUrl: string, body: string, secret: string | null, allow: readonly ImageAllowEntry[]): Promise<WebhookAnswer> {
  let url: URL;
  try {
    url = checkWebhookUrl(rawUrl, allow);
  } catch (err) {
    return Promise.resolve({ status: null, error: (err as Error).message });
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Vireo-Alerts',
  };
  if (secret) headers[SIGNATURE_HEADER] = signBody(secret, body);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const lookup = guardedLookup(allow, hostAllowListed(url.hostname, allow));
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers, agent: false, lookup, timeout: TIMEOUT_MS }, (res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        resolve({ status, error: status >= 200 && status < 300 ? null : `The receiver answered ${status} ${res.statusMessage ?? ''}`.trim() });
      });
      res.on('error', () => resolve({ status, error: 'The answer was cut off.' }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => {
      const refused = err.name === 'DestinationRefusedError';
      resolve({ status: null, error: refused ? REFUSED_WEBHOOK : (unreachable(url, err) ?? `The request failed: ${err.message}`) });
    });
    req.end(body);
  });
}
