// `npm run deps`: the arrows of the layering (README, "Layout"), checked on every `npm test`.
//   lib/libvirt  <-  lib/*  <-  app/, components/, server/
// Type-only imports count here too: a layer that names another's types depends on it. (The client-bundle check,
// which is about what ships to the browser, is .dependency-cruiser.client.cjs.)

/** lib/libvirt's own tests set up guests with the shared helpers in test/support (virsh, fixtures). */
const TESTS = '\\.(int\\.)?test\\.tsx?$';

/** Every rule here is an error: a broken arrow fails `npm test`. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid(
      'no-circular',
      'A cycle makes load order matter (and lets a half-initialised module be read): move the shared piece into its own file.',
      {},
      { circular: true },
    ),
    forbid(
      'libvirt-stands-alone',
      'lib/libvirt is the wire protocol: it imports nothing of Vireo outside itself (npm packages and node: are fine).',
      { path: '^lib/libvirt/', pathNot: TESTS },
      { path: '^(app|components|server|lib|prisma|native|scripts|test|e2e|bench)/', pathNot: '^lib/libvirt/' },
    ),
    forbid(
      'lib-not-web',
      'lib/ holds the services; the web (app/, components/) and the process (server/) sit on top of it, never below.',
      { path: '^lib/' },
      { path: '^(app|components|server)/' },
    ),
    forbid(
      'lib-not-next-or-react',
      'Services take plain values (a Request, a session, a host context); next/* and React belong to app/ and components/.',
      { path: '^lib/' },
      { path: '^node_modules/(next|react|react-dom)/' },
    ),
    forbid(
      'web-not-libvirt',
      'Pages, routes and components call lib services, never the libvirt client or the connection manager behind them (tests may use it as a witness).',
      { path: '^(app|components)/', pathNot: TESTS },
      { path: '^lib/(libvirt|connection)/|^lib/hosts/connection' },
    ),
    forbid(
      'components-not-db',
      'Components render what they are given; the database is read by services on the server.',
      { path: '^components/' },
      { path: '^lib/db/' },
    ),
    forbid('not-to-unresolvable', 'An import that resolves to nothing is a typo or a missing package.', {}, { couldNotResolve: true }),
  ],
  options: {
    // Only our own code is cruised; packages are leaves.
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^\\.next', '^\\.cache/', '^native/build/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve `import x from 'next/headers'` the way the bundler does (package "exports", node conditions).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
