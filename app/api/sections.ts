// The API reference's sections (OpenAPI tags), by where a route sits: the longest of these paths that a route's path
// starts with names its section. A route that belongs to more than one declares `tags` itself.
const SECTIONS: Record<string, string> = {
  '/api/account': 'users',
  '/api/alerts': 'alerts',
  '/api/audit': 'audit',
  '/api/auth': 'auth',
  '/api/hosts': 'hosts',
  '/api/hosts/{host}/backups': 'backups',
  '/api/hosts/{host}/consoles': 'consoles',
  '/api/hosts/{host}/metrics': 'metrics',
  '/api/hosts/{host}/networks': 'networks',
  '/api/hosts/{host}/overview': 'host',
  '/api/hosts/{host}/provisioning': 'provisioning',
  '/api/hosts/{host}/readiness': 'host',
  '/api/hosts/{host}/storage': 'storage',
  '/api/hosts/{host}/vms': 'vms',
  '/api/hosts/{host}/vms/{name}/backups': 'backups',
  '/api/hosts/{host}/vms/{name}/hardware': 'hardware',
  '/api/hosts/{host}/vms/{name}/metrics': 'metrics',
  '/api/hosts/{host}/vms/{name}/snapshots': 'snapshots',
  '/api/inventory': 'vms',
  '/api/inventory/usage': 'metrics',
  '/api/jobs': 'jobs',
  '/api/openapi.json': 'meta',
  '/api/placement': 'provisioning',
  '/api/setup': 'auth',
  '/api/status': 'host',
  '/api/tokens': 'tokens',
  '/api/users': 'users',
  '/metrics': 'metrics',
};

/** The section of a route's path (as the reference writes it, /api/hosts/{host}/vms), or none. */
export function sectionOf(path: string): string | undefined {
  const under = Object.keys(SECTIONS).filter((p) => path === p || path.startsWith(`${p}/`));
  const longest = under.sort((a, b) => b.length - a.length)[0];
  return longest ? SECTIONS[longest] : undefined;
}
