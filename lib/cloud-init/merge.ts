// How the form and raw user-data combine, predictably:
// 1. The form is turned into cloud-config first (form.ts).
// 2. Every top-level key of the raw text is then applied over it:
//    - list keys that add things (packages, runcmd, bootcmd, write_files, ssh_authorized_keys, groups) are
//      concatenated, form entries first, exact duplicates dropped;
//    - `users`: the lists are joined; a raw user with the same name as the form's user replaces it entirely;
//    - any other key: the raw value replaces the form's (e.g. a raw `hostname` wins).
// 3. Keys only in the form stay as they are.

export const CONCAT_KEYS = new Set(['packages', 'runcmd', 'bootcmd', 'write_files', 'ssh_authorized_keys', 'groups']);

const key = (v: unknown) => JSON.stringify(v);

function concatUnique(a: unknown[], b: unknown[]): unknown[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((v) => !seen.has(key(v)) && (seen.add(key(v)), true))];
}

function userName(u: unknown): string | null {
  if (typeof u === 'string') return u;
  return u && typeof u === 'object' && typeof (u as { name?: unknown }).name === 'string' ? (u as { name: string }).name : null;
}

function mergeUsers(form: unknown[], raw: unknown[]): unknown[] {
  const rawNames = new Set(raw.map(userName).filter((n): n is string => n !== null && n !== 'default'));
  return [...form.filter((u) => !rawNames.has(userName(u) ?? '')), ...raw];
}

/** Sets an own property whatever its name: `out[k] = v` with k "__proto__" would replace the prototype instead. */
function put(out: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export function mergeCloudConfig(form: Record<string, unknown>, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) put(out, k, v);
  for (const [k, v] of Object.entries(raw)) {
    const mine = Object.hasOwn(out, k) ? out[k] : undefined;
    if (k === 'users' && Array.isArray(mine) && Array.isArray(v)) put(out, k, mergeUsers(mine, v));
    else if (CONCAT_KEYS.has(k) && Array.isArray(mine) && Array.isArray(v)) put(out, k, concatUnique(mine, v));
    else put(out, k, v);
  }
  return out;
}
