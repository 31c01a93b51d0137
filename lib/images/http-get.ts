import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ImageAllowEntry } from '@/lib/config/settings';
import { checkLiteralHost, guardedLookup, hostAllowListed } from './destination';
import { DownloadError } from './errors';
import { checkImageUrl } from './url';

// GET for image downloads, on node:http(s) rather than fetch so that every connection (the first and each
// redirect's) goes through the destination policy's own DNS lookup: what is checked is what is connected to.

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export interface GetResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
  /** Where the body came from after redirects. */
  url: string;
}

function getOnce(url: URL, allow: readonly ImageAllowEntry[], signal: AbortSignal): Promise<IncomingMessage> {
  checkLiteralHost(url.hostname, allow);
  const lookup = guardedLookup(allow, hostAllowListed(url.hostname, allow));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // agent: false, so no pooled socket (opened under another check) is ever reused.
    const req = request(url, { method: 'GET', agent: false, lookup, signal, headers: { 'user-agent': 'Vireo', accept: '*/*' } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Follows up to five redirects, each to http(s) only and each connection checked like the first. */
export async function guardedGet(start: URL, allow: readonly ImageAllowEntry[], signal: AbortSignal): Promise<GetResponse> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await getOnce(url, allow, signal);
    const status = res.statusCode ?? 0;
    if (!REDIRECTS.has(status) || !res.headers.location) return { status, statusText: res.statusMessage ?? '', headers: res.headers, body: res, url: url.href };
    res.destroy();
    if (hop >= MAX_REDIRECTS) throw new DownloadError(`${start.href} redirected more than ${MAX_REDIRECTS} times.`);
    let next: string;
    try {
      next = new URL(res.headers.location, url).href;
    } catch {
      throw new DownloadError(`${start.href} redirected to an address that is not a URL.`);
    }
    url = checkImageUrl(next);
  }
}
