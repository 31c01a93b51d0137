#!/usr/bin/env bash
# `npm test`: the guard rails (lint, format, deps), typecheck, unit, integration (after host setup, fixtures,
# the suite's own libvirtd, the TCP libvirtd, the namespaced test hosts and the suite's PostgreSQL), integration-pg
# (the database's integration files again on PostgreSQL), then e2e when package.json has a test:e2e script, and
# e2e-pg (the journeys that touch the database, and two servers on one database, on PostgreSQL). Every tier runs even if an earlier one failed, so one run shows everything; the last line is "<passed> passed, <failed> failed" over all tiers
# and the exit status is non-zero when anything failed.
#
# Env: VIREO_SKIP_HOST_SETUP=1 skips scripts/host-setup.sh (when not root or already done).
set -uo pipefail

cd "$(dirname "$0")/.."
# VIREO_TEST_REPORTS=dir keeps the tiers' JSON reports (per-file durations) after the run.
reports=${VIREO_TEST_REPORTS:-$(mktemp -d)}
mkdir -p "$reports"
[[ -n "${VIREO_TEST_REPORTS:-}" ]] || trap 'rm -rf "$reports"' EXIT
started=$SECONDS

passed=0 failed=0 skipped=0
broken=()   # steps that failed without per-test counts (typecheck, setup, a crashed runner)

# Adds the counts of a vitest JSON report; returns non-zero when the report is missing.
add_counts() {
  local counts
  counts=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
  ' "$1" 2>/dev/null) || return 1
  read -r p f s <<<"$counts"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "test: $2: $p passed, $f failed$( ((s)) && echo ", $s skipped")"
}

# Runs a vitest invocation ($1 = tier name, rest = command) with a JSON report beside the console one.
vitest_tier() {
  local tier=$1; shift
  local json="$reports/$tier.json"
  echo "=== $tier (at $((SECONDS - started)) s)"
  "$@" --reporter=default --reporter=json --outputFile.json="$json"
  local rc=$?
  if ! add_counts "$json" "$tier"; then
    broken+=("$tier (runner exited $rc without a report)")
  elif ((rc != 0)); then
    # Failures with no failing test (e.g. an error in a setup file) still fail the run.
    [[ $(node -e 'console.log(require(process.argv[1]).numFailedTests)' "$json") != 0 ]] \
      || broken+=("$tier (runner exited $rc)")
  fi
}

step() {
  local name=$1; shift
  echo "=== $name (at $((SECONDS - started)) s)"
  "$@" || broken+=("$name")
}

e2e_script=$(node -e 'const s = require("./package.json").scripts ?? {}; console.log(s["test:e2e"] ?? "")')

# Guard rails first (no libvirtd): each is its own step, so the summary names which one failed. Lint and the
# dependency rules, each keeping one core busy for a while, run beside the others and the e2e tiers' production build
# (one build for both, made here instead of in the e2e global setup: `npm run build` is build:generate then next
# build); their output is shown when they are waited for, under their own headings. The generated sources (route
# index, Prisma clients) come first, so nothing rewrites what lint reads while it runs.
step generate npm run --silent build:generate
declare -A background_pids=()
background_step() {
  local name=$1; shift
  "$@" >"$reports/$name.log" 2>&1 &
  background_pids[$name]=$!
}
wait_background() {
  local rc=0
  wait "${background_pids[$1]}" || rc=$?
  echo "=== $1 (ended by $((SECONDS - started)) s)"
  cat "$reports/$1.log"
  ((rc == 0)) || broken+=("$1")
}
background_step lint npm run --silent lint
step format npm run --silent format:check
background_step deps npm run --silent deps
# The typecheck after the build covers the route types it writes (.next/types), which is what the build's own type
# pass checks: that one is skipped (next.config.js).
[[ "$e2e_script" == vitest* ]] && step build env VIREO_BUILD_SKIP_TYPECHECK=1 npx --no-install next build
step typecheck npm run --silent typecheck
wait_background deps
wait_background lint
vitest_tier unit npx vitest run --project unit --passWithNoTests

setup_ok=1
if [[ "${VIREO_SKIP_HOST_SETUP:-}" != 1 ]]; then
  step host-setup bash scripts/host-setup.sh
fi
step fixtures bash scripts/build-fixtures.sh
# The suite's own system libvirtd (its own mount namespace): a Vireo serving on the host's daemon is left alone.
step libvirtd-test bash scripts/libvirtd-test.sh start
step libvirtd-tcp bash scripts/libvirtd-tcp.sh start
# Namespaced libvirt hosts with sshd and TLS listeners, for the SSH and TLS transports (after the fixtures: each
# host gets a copy of the guest kernel and initrd).
step test-hosts bash scripts/test-hosts.sh start
# The suite's own PostgreSQL cluster (private socket, no TCP) for the -pg tiers.
step postgres-test bash scripts/postgres-test.sh start
for s in host-setup fixtures libvirtd-test libvirtd-tcp test-hosts; do
  [[ " ${broken[*]} " == *" $s "* ]] && setup_ok=0
done
if ((setup_ok)); then
  export VIREO_TCP_PORT="${VIREO_TCP_PORT:-16599}"
  vitest_tier integration npx vitest run --project integration --passWithNoTests
  if [[ " ${broken[*]} " == *" postgres-test "* ]]; then
    broken+=("integration-pg (not run: PostgreSQL did not start)")
  else
    vitest_tier integration-pg npx vitest run --project integration-pg
  fi
else
  broken+=("integration (not run: setup failed)")
fi

if [[ -n "$e2e_script" ]]; then
  if [[ " ${broken[*]} " == *" build "* || " ${broken[*]} " == *" generate "* ]]; then
    broken+=("e2e, e2e-pg (not run: the build failed)")
  elif [[ "$e2e_script" == vitest* ]]; then
    VIREO_E2E_SKIP_BUILD=1 vitest_tier e2e npm run --silent test:e2e --
    # The journeys that touch the database (sign-in, users, sessions, jobs, consoles) and the two-server spec, on
    # PostgreSQL: each server gets a database on the suite's cluster. The e2e tier's build is reused.
    if [[ " ${broken[*]} " == *" postgres-test "* ]]; then
      broken+=("e2e-pg (not run: PostgreSQL did not start)")
    else
      vitest_tier e2e-pg env VIREO_TEST_POSTGRES="$(bash scripts/postgres-test.sh url)" VIREO_E2E_SKIP_BUILD=1 npm run --silent test:e2e -- \
        e2e/auth.e2e.ts e2e/users.e2e.ts e2e/sessions.e2e.ts e2e/jobs.e2e.ts e2e/consoles.e2e.ts e2e/cluster.pg.e2e.ts
    fi
  else
    # Not vitest: no per-test counts, the script's exit status decides.
    echo "=== e2e"
    if npm run --silent test:e2e; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  fi
fi

echo
for b in "${broken[@]}"; do echo "test: FAILED step: $b"; done
((skipped)) && echo "test: $skipped skipped"
echo "$passed passed, $((failed + ${#broken[@]})) failed"
((failed == 0 && ${#broken[@]} == 0))
