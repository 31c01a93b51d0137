/** Old single-host API paths and where they live now. */
const LEGACY_API = [
  ['/api/vms', '/api/hosts/local/vms'],
  ['/api/vms/:path*', '/api/hosts/local/vms/:path*'],
  ['/api/networks', '/api/hosts/local/networks'],
  ['/api/networks/:path*', '/api/hosts/local/networks/:path*'],
  ['/api/storage/:path*', '/api/hosts/local/storage/:path*'],
  ['/api/provisioning/:path*', '/api/hosts/local/provisioning/:path*'],
  ['/api/consoles/:path*', '/api/hosts/local/consoles/:path*'],
  ['/api/host', '/api/hosts/local/overview'],
  ['/api/host/readiness', '/api/hosts/local/readiness'],
  ['/api/host/metrics', '/api/hosts/local/metrics'],
  ['/api/metrics/vms', '/api/hosts/local/metrics/vms'],
  ['/api/backups/:path*', '/api/hosts/local/backups/:path*'],
];

/** Old single-host page addresses and where they live now (/vms, the list of every host's VMs, stays). */
const LEGACY_PAGES = [
  ['/vms/:name', '/hosts/local/vms/:name'],
  ['/vms/:name/:rest*', '/hosts/local/vms/:name/:rest*'],
  ['/networks', '/hosts/local/networks'],
  ['/networks/:path*', '/hosts/local/networks/:path*'],
  ['/storage', '/hosts/local/storage'],
  ['/storage/:path*', '/hosts/local/storage/:path*'],
  ['/new-vm', '/hosts/local/new-vm'],
  ['/host/readiness', '/hosts/local/readiness'],
  ['/backups', '/hosts/local/backups'],
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several checkouts' worth of builds can share a tree (parallel e2e runs): each may pick its own folder.
  distDir: process.env.VIREO_NEXT_DIST_DIR || '.next',
  // scripts/test.sh type-checks right after its build with `npm run typecheck`, over the same tsconfig (the build's
  // route types included), so that build skips its own identical pass.
  typescript: { ignoreBuildErrors: process.env.VIREO_BUILD_SKIP_TYPECHECK === '1' },
  poweredByHeader: false,
  // Compression would buffer the server-sent event stream of live VM updates.
  compress: false,
  reactStrictMode: true,
  // Native or engine-loading modules stay plain Node requires instead of being bundled.
  serverExternalPackages: ['@node-rs/argon2', 'better-sqlite3', '@prisma/client', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'selfsigned', 'ssh2'],
  // Host-scoped API (lib/hosts/README.md): /api/hosts/{host}/vms/... The single-host paths of before keep working
  // for the local host.
  async rewrites() {
    return LEGACY_API.map(([from, to]) => ({ source: from, destination: to }));
  },
  // Single-host page addresses of before lead to the local host's pages.
  async redirects() {
    return LEGACY_PAGES.map(([from, to]) => ({ source: from, destination: to, permanent: false }));
  },
  // Response headers (framing, sniffing, referrer, CSP) are set by the custom server on every answer:
  // server/security-headers.ts.
};

export default nextConfig;
