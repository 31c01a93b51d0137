// `npm run deps`: the arrows of the layering (README, "Layout"), checked on every `npm test`.
//   lib/libvirt  <-  lib/*  <-  app/, components/, server/
// Type-only imports count here too: a layer that names another's types depends on it. (The client-bundle check,
// which is about what ships to the browser, is .dependency-cruiser.client.cjs.)

/** Tests and test helpers may reach across layers to set up what they check. */
const TESTS = '\\.(int\\.)?test\\.tsx?$|^test/|^e2e/|^bench/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter (and lets a half-initialised module be read): move the shared piece into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libvirt-stands-alone',
      severity: 'error',
      comment: 'lib/libvirt is the wire protocol: it imports nothing of Vireo outside itself (npm packages and node: are fine).',
      from: { path: '^lib/libvirt/', pathNot: TESTS },
      to: { path: '^(app|components|server|lib|prisma|native|scripts|test|e2e|bench)/', pathNot: '^lib/libvirt/' },
    },
    {
      name: 'lib-not-web',
      severity: 'error',
      comment: 'lib/ holds the services; the web (app/, components/) and the process (server/) sit on top of it, never below.',
      from: { path: '^lib/' },
      to: { path: '^(app|components|server)/' },
    },
    {
      name: 'lib-not-next-or-react',
      severity: 'error',
      comment: 'Services take plain values (a Request, a session, a host context); next/* and React belong to app/ and components/.',
      from: { path: '^lib/' },
      to: { path: '^node_modules/(next|react|react-dom)/' },
    },
    {
      name: 'web-not-libvirt',
      severity: 'error',
      comment: 'Pages, routes and components call lib services, never the libvirt client or the connection manager behind them.',
      from: { path: '^(app|components)/' },
      to: { path: '^lib/(libvirt|connection)/|^lib/hosts/connection' },
    },
    {
      name: 'components-not-db',
      severity: 'error',
      comment: 'Components render what they are given; the database is read by services on the server.',
      from: { path: '^components/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
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
