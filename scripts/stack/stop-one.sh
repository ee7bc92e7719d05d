#!/usr/bin/env bash
# Stops one component of the test stack (a test simulating a dead exporter); start.sh brings it back.
#   scripts/stack/stop-one.sh node_exporter     scripts/stack/stop-one.sh kafka-default   (a fixture)
set -euo pipefail
[ $# = 1 ] || { echo "usage: $0 NAME   (a component such as node_exporter, or a fixture such as kafka-default)" >&2; exit 2; }
exec "$(dirname "${BASH_SOURCE[0]}")/stop.sh" "$1"
