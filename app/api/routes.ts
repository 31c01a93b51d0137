import type { RouteHandler } from '@/lib/http/route';
import { ROUTE_MODULES } from './route-index.gen';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every route handler of the API, each carrying its declaration (made by defineRoute). */
export function allRoutes(): RouteHandler[] {
  return Object.values(ROUTE_MODULES).flatMap((mod) => METHODS.map((m) => mod[m]).filter((h): h is RouteHandler => typeof h === 'function' && 'route' in h));
}
