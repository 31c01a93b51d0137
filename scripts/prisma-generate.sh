#!/usr/bin/env bash
# Generates both Prisma clients, so one build serves SQLite or PostgreSQL as DATABASE_URL says at start:
# the SQLite one into node_modules/.prisma/client (what @prisma/client exports, and the types the code uses), the
# PostgreSQL one into node_modules/.prisma/client-postgresql (lib/db/client.ts loads it for postgresql:// URLs).
# prisma.config.ts picks the schema by DATABASE_URL's scheme; no database is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE_URL= npx --no-install prisma generate >/dev/null
DATABASE_URL=postgresql://generate.invalid/vireo npx --no-install prisma generate >/dev/null
echo "prisma: generated the SQLite and PostgreSQL clients"
