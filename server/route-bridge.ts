import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '@/lib/http/route';
import { servedOrigin } from './request-guard';

// A route handler (lib/http/route.ts: a web Request in, a web Response out) answered straight from Node's HTTP
// server, without Next: for the few routes asked so often that Next's own handling is most of their time.

/** The web Request for a body-less request (GET) Node received; `signal` aborts when the client goes away. */
export function webRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const url = new URL(req.url ?? '/', servedOrigin(req) ?? 'http://localhost');
  return new Request(url, { method: req.method, headers, signal });
}

/** Writes a web Response to Node's: status, headers (on top of those already set) and the whole body. */
export async function sendWebResponse(res: ServerResponse, r: Response): Promise<void> {
  const body = Buffer.from(await r.arrayBuffer());
  res.statusCode = r.status;
  // Cookies one by one: joined into one header (as forEach gives them) a browser would read one cookie.
  r.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = r.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  res.setHeader('content-length', body.length);
  res.end(body);
}

/** Answers `req` with `handler`, as Next would call it for a route without dynamic segments. */
export async function serveRoute(handler: RouteHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const answer = await handler(webRequest(req, gone.signal), { params: Promise.resolve({}) });
  await sendWebResponse(res, answer);
}
