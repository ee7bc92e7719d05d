#!/usr/bin/env bash
# The one test command: everything CI checks, on a fresh Debian 12 machine, in order, failing fast.
#
#   bash scripts/test-all.sh           as root, or as a user with sudo (apt and the test stack need it)
#
# Steps: apt prerequisites (zip unzip curl jq, promtool) -> npm ci -> typecheck -> lint -> format (prettier) -> build ->
# bundle budget -> Grafana API compatibility (levitate; needs the npm registry) -> release archive -> unit tests -> Prometheus rule checks -> start the test stack
# (scripts/stack/start.sh: a real Prometheus and exporters from Debian's packages on 127.0.0.1) ->
# integration tests. The stack this script starts is always stopped again, whatever happens.
# A line per step says how long it took; the summary at the end names the step that failed.
#
# For local iteration only (never set in CI), steps can be skipped from the environment:
#   FSM_SKIP_APT=1       no apt-get (you installed the prerequisites yourself)
#   FSM_SKIP_NPM_CI=1    keep the current node_modules
#   FSM_SKIP_STACK=1     no test stack and no integration tests
#   FSM_KEEP_STACK=1     leave the test stack running afterwards (stop it with scripts/stack/stop.sh)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
# chromium: the browser journeys (tests/sandbox) drive Debian's build; nothing downloads a browser.
APT_PACKAGES=(zip unzip curl jq chromium)
MIN_NODE_MAJOR=20

START=$(date +%s.%N)
STEP_NAMES=()
STEP_RESULTS=()
STEP_SECONDS=()
FAILED_STEP=""
STACK_STARTED=0

elapsed_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
human() { awk -v s="$1" 'BEGIN { if (s < 60) printf "%.1fs", s; else printf "%dm%02ds", s / 60, s % 60 }'; }

record() { STEP_NAMES+=("$1"); STEP_RESULTS+=("$2"); STEP_SECONDS+=("$3"); }

# step NAME CMD...: runs CMD with its output streaming through, times it, stops everything on failure.
step() {
  local name=$1 started status=0 seconds
  shift
  echo
  echo "==> $name: $*"
  started=$(date +%s.%N)
  "$@" || status=$?
  seconds=$(elapsed_since "$started")
  if [ "$status" != 0 ]; then
    record "$name" "FAILED (exit $status)" "$seconds"
    echo "<== $name: FAILED (exit $status) after $(human "$seconds")"
    FAILED_STEP=$name
    exit "$status"
  fi
  record "$name" ok "$seconds"
  echo "<== $name: ok in $(human "$seconds")"
}

# skip NAME VAR: a step left out on purpose, shown in the summary so a partial run is never mistaken for a full one.
skip() {
  record "$1" "skipped ($2=1)" 0
  echo
  echo "==> $1: skipped ($2=1)"
}

stop_stack() {
  local started status=0 seconds
  echo
  echo "==> stop test stack: bash scripts/stack/stop.sh"
  started=$(date +%s.%N)
  bash scripts/stack/stop.sh || status=$?
  seconds=$(elapsed_since "$started")
  if [ "$status" = 0 ]; then record "stop test stack" ok "$seconds"; else record "stop test stack" "FAILED (exit $status)" "$seconds"; fi
  echo "<== stop test stack: $([ "$status" = 0 ] && echo ok || echo "FAILED (exit $status)") in $(human "$seconds")"
  return "$status"
}

# The plain "N passed, N failed" line CI reads, summed over the jest runs of this invocation.
count_tests() {
  node -e '
    const fs = require("fs");
    let passed = 0, failed = 0, runs = 0;
    for (const f of ["artifacts/jest-unit.json", "artifacts/jest-integration.json", "artifacts/browser-journeys.json"]) {
      if (!fs.existsSync(f)) continue;
      const r = JSON.parse(fs.readFileSync(f, "utf8"));
      passed += r.numPassedTests; failed += r.numFailedTests; runs++;
    }
    if (runs > 0) console.log(`tests: ${passed} passed, ${failed} failed`);
  ' 2>/dev/null || true
}

summary() {
  local status=$? i
  trap - EXIT
  if [ "$STACK_STARTED" = 1 ]; then
    if [ "${FSM_KEEP_STACK:-0}" = 1 ]; then
      record "stop test stack" "skipped (FSM_KEEP_STACK=1)" 0
    else
      stop_stack || { [ "$status" != 0 ] || status=1; }
    fi
  fi
  echo
  echo "test-all: summary"
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-24s %-28s %8s\n' "${STEP_NAMES[$i]}" "${STEP_RESULTS[$i]}" "$(human "${STEP_SECONDS[$i]}")"
  done
  count_tests
  local total
  total=$(human "$(elapsed_since "$START")")
  if [ "$status" = 0 ]; then
    echo "test-all: PASSED in $total"
  elif [ -n "$FAILED_STEP" ]; then
    echo "test-all: FAILED at step \"$FAILED_STEP\" after $total (its output is above)" >&2
  else
    echo "test-all: FAILED (exit $status) after $total" >&2
  fi
  exit "$status"
}
trap summary EXIT
rm -f artifacts/jest-unit.json artifacts/jest-integration.json artifacts/browser-journeys.json
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------------- steps --
install_prerequisites() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  # promtool (npm run check:rules) comes with Debian's prometheus package, which the test stack installs too
  command -v promtool >/dev/null || missing+=(prometheus)
  if [ ${#missing[@]} = 0 ]; then
    echo "all present: ${APT_PACKAGES[*]} promtool"
    return
  fi
  if [ -n "$SUDO" ] && ! command -v sudo >/dev/null; then
    echo "missing ${missing[*]}, and not root without sudo: run as root, or apt-get install them" >&2
    return 1
  fi
  # Debian starts a service when its package is installed, on its default port (prometheus on 9090);
  # a policy-rc.d answering 101 forbids that. Only ours is removed afterwards.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  local status=0
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -1)" ]; then
    $SUDO apt-get -o DPkg::Lock::Timeout=300 update -q || status=$?
  fi
  if [ "$status" = 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q \
      --no-install-recommends "${missing[@]}" || status=$?
  fi
  if [ "$own_policy" = 1 ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
  return "$status"
}

check_node() {
  local version major
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "node and npm are required (Node $MIN_NODE_MAJOR or newer; Debian 12's nodejs is 18: use NodeSource or nvm)" >&2
    return 1
  fi
  version=$(node --version)
  major=${version#v}
  major=${major%%.*}
  if [ "$major" -lt "$MIN_NODE_MAJOR" ]; then
    echo "node $version is too old: Node $MIN_NODE_MAJOR or newer is required" >&2
    return 1
  fi
  echo "node $version, npm $(npm --version 2>/dev/null)"
}

# Grafana loads the plugin against its own @grafana/data, ui and runtime, not the versions we build
# with: levitate compares what both entries use with the newest published packages and exits 1 on
# anything removed or changed. It fetches those packages from the npm registry at every run.
LEVITATE_VERSION=0.17.2
check_compatibility() {
  local entry status=0
  for entry in src/module.tsx src/datasource/module.ts; do
    npx --yes "@grafana/levitate@$LEVITATE_VERSION" is-compatible --path "$entry" \
      --target @grafana/data@latest,@grafana/ui@latest,@grafana/runtime@latest || status=1
  done
  return "$status"
}

start_stack() {
  # set before starting: a start that fails halfway leaves components running that must be stopped
  STACK_STARTED=1
  bash scripts/stack/start.sh
}

if [ "${FSM_SKIP_APT:-0}" = 1 ]; then skip "apt prerequisites" FSM_SKIP_APT; else step "apt prerequisites" install_prerequisites; fi
step "node" check_node
if [ "${FSM_SKIP_NPM_CI:-0}" = 1 ]; then skip "npm ci" FSM_SKIP_NPM_CI; else step "npm ci" npm ci --no-audit --no-fund; fi
step "typecheck" npm run typecheck
step "lint" npm run lint
step "format" npm run format:check
step "build" npm run build
step "bundle budget" npx --no-install tsx scripts/bench/bundle-size.ts
step "grafana compatibility" check_compatibility
step "release archive" npm run package
step "unit tests" npm run test:ci -- --json --outputFile=artifacts/jest-unit.json
step "prometheus rules" npm run check:rules
if [ "${FSM_SKIP_STACK:-0}" = 1 ]; then
  skip "start test stack" FSM_SKIP_STACK
  skip "integration tests" FSM_SKIP_STACK
else
  step "start test stack" start_stack
  step "integration tests" npm run test:integration -- --json --outputFile=artifacts/jest-integration.json
  step "browser journeys" env FSM_JOURNEY_RESULTS=artifacts/browser-journeys.json npm run test:browser
fi
