import type { IncomingMessage } from 'node:http';
import type { RouteHandler } from '@/lib/http/route';

// Routes the server answers itself, before Next: the same handlers (app/.../route.ts, declared with defineRoute:
// the same access rules, problem bodies and service), called without Next's routing and rendering around them.
// Only GET /metrics so far: Prometheus asks it every few seconds, and Next's handling of a request (6-18 ms
// measured) was several times what the exporters take for a whole scrape. The Next route stays: it is the
// declaration (the OpenAPI index is made from it) and what answers HEAD.

/**
 * A route's handler, imported when it is first asked for: the import (the route and every service it reaches) took
 * 2.2 s of each start, measured, and a server that is never scraped should not pay it.
 */
export type HandlerLoader = () => Promise<RouteHandler>;

/** The loader of the handler for a request the server answers itself, or null to hand it to Next. */
export type FastRoutes = (req: IncomingMessage) => HandlerLoader | null;

export function loadFastRoutes(): FastRoutes {
  return fastRoutes(new Map([['/metrics', importedOnce(async () => (await import('@/app/metrics/route')).GET)]]));
}

/** The first call's promise, for every call. */
function importedOnce(load: HandlerLoader): HandlerLoader {
  let loaded: Promise<RouteHandler> | undefined;
  return () => (loaded ??= load());
}

/** GETs of exactly these paths (any query string), nothing else. */
export function fastRoutes(byPath: ReadonlyMap<string, HandlerLoader>): FastRoutes {
  return (req) => {
    if (req.method !== 'GET' || !req.url) return null;
    const q = req.url.indexOf('?');
    return byPath.get(q < 0 ? req.url : req.url.slice(0, q)) ?? null;
  };
}
