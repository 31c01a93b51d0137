// The second half of `npm run deps`: what ships to the browser. Client code (components/ and every 'use client'
// file under app/) must not reach, through any chain of runtime imports, a module marked `import 'server-only'`
// (the database, the audit log, sessions, ...). `next build` would fail on it too; this says which chain does it.
// Type-only imports are erased before bundling, so they are left out here (tsPreCompilationDeps: false).
const { readFileSync, readdirSync } = require('node:fs');
const path = require('node:path');
const base = require('./.dependency-cruiser.cjs');

/** Files under app/ whose first statement is 'use client': each is the root of a browser bundle. */
function useClientFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(__dirname, path.join(e.parentPath, e.name)))
    .filter((file) => /^\s*(\/\/[^\n]*\n\s*)*['"]use client['"]/.test(readFileSync(file, 'utf8')));
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clientRoots = ['^components/', ...useClientFiles(path.join(__dirname, 'app')).map((f) => `^${escape(f)}$`)];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'client-not-server-only',
      severity: 'error',
      comment: 'Client code reaches a module marked server-only: import its types with `import type`, or move the logic to a pure module.',
      from: { path: clientRoots, pathNot: '\\.(int\\.)?test\\.tsx?$' },
      to: { path: '^node_modules/server-only/', reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
