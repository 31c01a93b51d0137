import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// `import 'server-only'` marks modules that must never reach a browser bundle. Its package throws unless it is
// resolved with React's "react-server" condition, which Next's server bundles use and plain Node does not. The
// processes Node runs directly (server/main.ts under tsx, migrations, the bench) are servers too, so this resolve
// hook asks for the same condition for that one package. Load it before anything imports lib/:
//   tsx --import ./server/server-only-hook.mjs server/main.ts
// Node runs resolve hooks on a thread of their own: the main thread registers this file, that thread uses it.

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'server-only') return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
}
