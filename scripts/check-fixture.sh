#!/usr/bin/env bash
# Boots the guest fixture under qemu:///system (TCG) and checks banner, shell and ACPI shutdown.
# Needs a running libvirtd (scripts/host-setup.sh). Logic lives in check-fixture.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node_modules/.bin/tsx scripts/check-fixture.ts
