// Next evaluates a module once per bundle layer (route handlers, pages) and the custom server loads it again through
// tsx, so module-level state can exist two or three times in one process. State that must exist once per process
// (the database client, the host registry, rate limiters, ticket stores) is kept here, by name, and nowhere else.

const KEY = Symbol.for('vireo.process-singletons');

function slots(): Map<string, unknown> {
  const g = globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>;
  g[KEY] ??= new Map();
  return g[KEY];
}

/** The one instance of `name` in this process, made by `create` the first time it is asked for. */
export function processSingleton<T>(name: string, create: () => T): T {
  const all = slots();
  if (!all.has(name)) all.set(name, create());
  return all.get(name) as T;
}

/** Forgets an instance (tests that need a fresh one). */
export function dropProcessSingleton(name: string): void {
  slots().delete(name);
}
