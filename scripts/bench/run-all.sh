#!/usr/bin/env bash
# npm run bench — every benchmark, each printing its own figures and targets. Not part of CI:
# the query-cost bench backfills two synthetic fleets and takes about 6 minutes.
#   FSM_BENCH_ONLY="bundle alerts"   run a subset (bundle, alerts, setup, inventory, queries, health, backtest, browser)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

only=" ${FSM_BENCH_ONLY:-bundle alerts setup inventory queries health backtest browser} "
failed=()

run() {
  local name=$1
  shift
  [[ "$only" == *" $name "* ]] || return 0
  echo
  echo "=== bench: $name ($*)"
  "$@" || failed+=("$name")
}

[ -f dist/module.js ] || npm run build >/dev/null
run bundle npx --no-install tsx scripts/bench/bundle-size.ts
run alerts npx --no-install tsx scripts/bench/alert-plan.ts
run setup npx --no-install tsx scripts/bench/setup-scale.ts
[ -f scripts/bench/inventory-frames.ts ] && run inventory node --expose-gc --import tsx scripts/bench/inventory-frames.ts
run queries npx --no-install tsx scripts/bench/query-cost.ts ../shared/reference/anchors/node-exporter-full.json
run health npx --no-install tsx scripts/bench/health-checks.ts
run backtest npx --no-install tsx scripts/bench/backtest.ts
[ -f scripts/bench/browser.ts ] && run browser npx --no-install tsx scripts/bench/browser.ts

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: missed target or failed: ${failed[*]}"
  exit 1
fi
echo "bench: all done"
