#!/usr/bin/env bash
# Checks the generated Prometheus rule files, runs their promtool unit tests, runs the rules on every family
# fixture (scripts/check-fixtures-quiet.ts), runs every quiet case against mutants of its rule
# (scripts/check-quiet-cases-decide.ts) and as an HA pair sends it (scripts/check-ha-quiet.ts), and every fire case on a
# store holding two clusters (scripts/check-cluster-isolation.ts).
# Usage: scripts/check-rules.sh   (from anywhere; paths are resolved from the repository root)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

if ! command -v promtool >/dev/null 2>&1; then
  echo "check-rules: promtool not found on PATH. Install the Debian package prometheus (sudo apt-get install prometheus) or put a Prometheus release's promtool on PATH." >&2
  exit 127
fi

shopt -s nullglob
# tests/promtool/rules/: rule files only the tests load (per-target threshold examples).
rule_files=(provisioning/prometheus/rules/*.yml tests/promtool/rules/*.yml)
test_files=(tests/promtool/*.test.yml)

if [ ${#rule_files[@]} -eq 0 ]; then
  echo "check-rules: no rule files in provisioning/prometheus/rules/*.yml. Run npm run generate first." >&2
  exit 1
fi
if [ ${#test_files[@]} -eq 0 ]; then
  echo "check-rules: no promtool tests in tests/promtool/*.test.yml. Run npm run generate first." >&2
  exit 1
fi

echo "== promtool check rules (${#rule_files[@]} files)"
promtool check rules "${rule_files[@]}"

echo "== promtool test rules (${#test_files[@]} files)"
promtool test rules "${test_files[@]}"

# Family fixtures (tests/fixtures/exporters, "# family:") with their healthy values must page for nothing, and as
# written their marked faults must fire: proves the rules on each exporter version's real series.
echo "== healthy family fixtures keep every alert quiet"
npx --no-install tsx scripts/check-fixtures-quiet.ts

# A quiet case must be quiet because the rule rejects data that is there, not for want of data, and inside the
# fault its series hold (where only `for` or the rule's window keeps it quiet), not before it or after it is over.
echo "== quiet promtool cases decide something"
npx --no-install tsx scripts/check-quiet-cases-decide.ts

# The generated tests prove each firing case once per HA pair; this proves every quiet case stays quiet when both
# replicas send it, on the rules Setup writes for a replica label of the app's choosing.
echo "== quiet promtool cases stay quiet for an HA pair"
npx --no-install tsx scripts/check-ha-quiet.ts

# Grafana-managed rules evaluate over a store holding several clusters: each alert must fire once per cluster, with
# its cluster label, and one cluster's fault or health must not decide for another's.
echo "== fire cases fire once per cluster, and for their own cluster only"
npx --no-install tsx scripts/check-cluster-isolation.ts

echo "check-rules: all rule files valid, all promtool tests passed, healthy family fixtures quiet, quiet cases decide and stay quiet for HA pairs, alerts keep clusters apart."
