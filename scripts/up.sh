#!/usr/bin/env bash
# The README's first command: brings Vireo up on a fresh Debian 12 host (as root, Node 20). Installs the Debian
# packages libvirt needs and starts its daemons (scripts/host-setup.sh), installs npm dependencies, applies
# database migrations, builds, then serves in the foreground and prints the URL and first-run setup code.
#
# Env: the server's settings (VIREO_PORT, VIREO_HOST, VIREO_DATA_DIR, DATABASE_URL, LIBVIRT_URI, VIREO_TLS...).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "up: $*"; }

if [[ $(id -u) == 0 ]]; then
  say "preparing the host (libvirt, QEMU, dnsmasq)"
  bash scripts/host-setup.sh --no-browser
else
  say "not root: skipping host setup; libvirtd must already be running"
fi

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm dependencies"
  # Not `npm ci`: the registry serves only linux-x64 builds, so the lock lacks other platforms' optional
  # packages and `npm ci` calls it out of sync. `npm install` follows the lock and skips them.
  npm install --no-audit --no-fund
fi

say "applying database migrations"
npx --no-install tsx --import ./server/server-only-hook.mjs prisma/migrate.ts

sources=(app components lib server prisma next.config.js package.json)
if [[ ! -f .next/BUILD_ID ]] || [[ -n "$(find "${sources[@]}" -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]]; then
  say "building"
  npm run --silent build
fi

say "starting (Ctrl-C stops)"
exec npx --no-install tsx --import ./server/server-only-hook.mjs server/main.ts
