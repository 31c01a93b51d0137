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
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
