#!/usr/bin/env bash
# The test suite's own PostgreSQL (Debian's postgresql-15): a cluster of its own in a private data directory,
# reachable only through a unix socket in a private directory (no TCP listener), started with pg_ctl (no systemd,
# no pg_ctlcluster, the host's clusters untouched). The tests' PostgreSQL tiers (integration-pg, e2e-pg) create a
# fresh database per test file or server in it.
#
#   $base/data    the cluster (owned by postgres; durability off: test data only)
#   $base/run     its socket .s.PGSQL.$port (mode 0700: root and postgres only)
#   $base/log     postgres.log
#
# Usage: scripts/postgres-test.sh start|stop|status|url   (start/stop are idempotent and quiet)
#   url prints the connection URL of the `postgres` database as the superuser role `vireo`; tests swap the name.
set -euo pipefail
# shellcheck source=scripts/daemon-lib.sh
source "$(dirname "$0")/daemon-lib.sh"
close_inherited_fds

base=${VIREO_TEST_POSTGRES_DIR:-/run/vireo-test/postgres}
port=${VIREO_TEST_POSTGRES_PORT:-55432}
bin=/usr/lib/postgresql/15/bin
data="$base/data"
sock="$base/run"
url="postgresql://vireo@localhost:$port/postgres?host=$sock"

die() { echo "postgres-test: $*" >&2; exit 1; }

as_pg() { runuser -u postgres -- "$@"; }
ready() { as_pg "$bin/pg_isready" -q -h "$sock" -p "$port" 2>/dev/null; }

init_cluster() {
  [[ -s "$data/PG_VERSION" ]] && return 0
  mkdir -p "$base"
  install -d -o postgres -g postgres -m 0700 "$data" "$sock"
  as_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 \
    || die "initdb failed, see $base/initdb.log"
  cat >>"$data/postgresql.conf" <<EOF
# Written by scripts/postgres-test.sh: the test suite's own cluster.
listen_addresses = ''
port = $port
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
max_connections = 400
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  # Only the socket exists (no TCP), and only root and postgres can open its directory: trust is safe here.
  printf 'local all all trust\n' >"$data/pg_hba.conf"
}

start() {
  [[ $(id -u) == 0 ]] || die "must run as root"
  [[ -x "$bin/pg_ctl" ]] || die "postgresql-15 is not installed (scripts/host-setup.sh installs it)"
  id postgres >/dev/null 2>&1 || die "no postgres user (install postgresql-15)"
  ready && return 0
  init_cluster
  install -d -o postgres -g postgres -m 0700 "$sock" "$base/log"
  as_pg "$bin/pg_ctl" -D "$data" -l "$base/log/postgres.log" -w -t 60 start >/dev/null || die "start failed, see $base/log/postgres.log"
  as_pg "$bin/psql" -qAt -h "$sock" -p "$port" -d postgres -c \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vireo') THEN CREATE ROLE vireo LOGIN SUPERUSER; END IF; END\$\$" \
    >/dev/null || die "could not create the vireo role"
}

stop() {
  [[ -s "$data/postmaster.pid" ]] || return 0
  as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if ready; then echo "running: $url"; else echo "stopped"; exit 3; fi ;;
  url) echo "$url" ;;
  *) die "usage: $0 start|stop|status|url" ;;
esac
