import type { HttpMethod, PlacedRoute, RouteHandler } from '@/lib/http/route';
import { ROUTE_MODULES } from './route-index.gen';
import { sectionOf } from './sections';

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The handlers a route module exports, placed where Next serves them: `url` as Next writes it (/api/vms/[name]). */
export function placeRoutes(url: string, mod: Record<string, unknown>): PlacedRoute[] {
  const path = url.replace(/\[(\w+)\]/g, '{$1}');
  const section = sectionOf(path);
  return METHODS.flatMap((method) => {
    const handler = mod[method];
    if (!isRouteHandler(handler)) return [];
    return [{ method, path, tags: handler.route.tags ?? (section ? [section] : []), handler }];
  });
}

export function isRouteHandler(h: unknown): h is RouteHandler {
  return typeof h === 'function' && 'route' in h;
}

/** Every route handler of the API, each carrying its declaration (made by defineRoute). */
export function allRoutes(): PlacedRoute[] {
  return Object.entries(ROUTE_MODULES).flatMap(([url, mod]) => placeRoutes(url, mod));
}
