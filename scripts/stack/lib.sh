# shellcheck shell=bash disable=SC2034 # the variables here are used by the scripts that source this file
# Shared by start.sh and stop.sh: where the stack lives, its ports, and how a component is identified.
# Every port can be overridden from the environment (same name); everything binds to 127.0.0.1.

STACK_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT_ROOT=$(cd "$STACK_SCRIPTS/../.." && pwd)

FSM_STACK_DIR=${FSM_STACK_DIR:-/tmp/fsm-stack}
CONF=$FSM_STACK_DIR/conf
DATA=$FSM_STACK_DIR/data
LOGS=$FSM_STACK_DIR/log
RUN=$FSM_STACK_DIR/run

# Upstream default ports in the comments; ours are high so distro services on the defaults never clash.
# FSM_PORT_OFFSET shifts every default, so a second stack (with its own FSM_STACK_DIR) runs beside the first.
: "${FSM_PORT_OFFSET:=0}"
: "${FSM_PROM_PORT:=$((19090 + FSM_PORT_OFFSET))}"              # prometheus 9090
: "${FSM_PUSHGATEWAY_PORT:=$((19091 + FSM_PORT_OFFSET))}"       # pushgateway 9091
: "${FSM_ALERTMANAGER_PORT:=$((19093 + FSM_PORT_OFFSET))}"      # alertmanager 9093
: "${FSM_ALERTMANAGER_CLUSTER_PORT:=$((19094 + FSM_PORT_OFFSET))}" # alertmanager gossip 9094 (tcp+udp; one member, so alertmanager_cluster_* exist)
: "${FSM_NODE_EXPORTER_PORT:=$((19100 + FSM_PORT_OFFSET))}"     # node_exporter 9100
: "${FSM_HAPROXY_EXPORTER_PORT:=$((19101 + FSM_PORT_OFFSET))}"  # haproxy_exporter 9101
: "${FSM_BLACKBOX_PORT:=$((19115 + FSM_PORT_OFFSET))}"          # blackbox_exporter 9115
: "${FSM_POSTGRES_EXPORTER_PORT:=$((19187 + FSM_PORT_OFFSET))}" # postgres_exporter 9187
: "${FSM_NETDATA_PORT:=$((19199 + FSM_PORT_OFFSET))}"           # netdata 19999
: "${FSM_FIXTURES_PORT:=$((19300 + FSM_PORT_OFFSET))}"          # fixture server control port; fixtures on 19301, 19302, ...
: "${FSM_EPMD_PORT:=$((19369 + FSM_PORT_OFFSET))}"              # epmd 4369
: "${FSM_RABBITMQ_AMQP_PORT:=$((19672 + FSM_PORT_OFFSET))}"     # rabbitmq AMQP 5672
: "${FSM_RABBITMQ_DIST_PORT:=$((19673 + FSM_PORT_OFFSET))}"     # erlang distribution 25672
: "${FSM_RABBITMQ_PROM_PORT:=$((19692 + FSM_PORT_OFFSET))}"     # rabbitmq_prometheus 15692
: "${FSM_POSTGRES_PORT:=$((15432 + FSM_PORT_OFFSET))}"          # postgres 5432
: "${FSM_DNS_PORT:=$((15353 + FSM_PORT_OFFSET))}"               # dnsmasq, target of the dns probe (53)
: "${FSM_NTP_PORT:=$((11123 + FSM_PORT_OFFSET))}"               # chronyd NTP server, read by node_exporter's ntp collector (123)
: "${FSM_HAPROXY_FRONTEND_PORT:=$((18080 + FSM_PORT_OFFSET))}"  # haproxy demo frontend -> prometheus + pushgateway
: "${FSM_HAPROXY_STATS_PORT:=$((18404 + FSM_PORT_OFFSET))}"     # haproxy stats CSV (/stats;csv)
: "${FSM_HAPROXY_PROMEX_PORT:=$((18405 + FSM_PORT_OFFSET))}"    # haproxy built-in exporter (/metrics)
: "${FSM_HAPROXY_TLS_PORT:=$((18443 + FSM_PORT_OFFSET))}"       # haproxy HTTPS frontend (self-signed), probed so TLS/certificate metrics exist
: "${FSM_PROM_AUTH_PORT:=$((19095 + FSM_PORT_OFFSET))}"         # Prometheus behind basic auth (second haproxy, prometheus-auth.cfg)
# The multi-Prometheus topology (FSM_STACK_TOPOLOGY=1, the default): edges dc1-a/dc1-b (HA pair) and dc2, the
# global store they remote-write to, the federating server pulling their /federate, and the long-term-store
# stand-ins (store-proxy.mjs in front of the global store: Mimir, Thanos Query, VictoriaMetrics API shapes).
: "${FSM_PROM_DC1_A_PORT:=$((19191 + FSM_PORT_OFFSET))}"
: "${FSM_PROM_DC1_B_PORT:=$((19192 + FSM_PORT_OFFSET))}"
: "${FSM_PROM_DC2_PORT:=$((19193 + FSM_PORT_OFFSET))}"
: "${FSM_PROM_GLOBAL_PORT:=$((19194 + FSM_PORT_OFFSET))}"
: "${FSM_PROM_FEDERATE_PORT:=$((19195 + FSM_PORT_OFFSET))}"
: "${FSM_STORE_MIMIR_PORT:=$((19196 + FSM_PORT_OFFSET))}"      # store-proxy.mjs as Mimir (/prometheus prefix, X-Scope-OrgID)
: "${FSM_STORE_THANOS_PORT:=$((19197 + FSM_PORT_OFFSET))}"     # store-proxy.mjs as Thanos Query
: "${FSM_STORE_THANOS_PARTIAL_PORT:=$((19189 + FSM_PORT_OFFSET))}" # store-proxy.mjs as Thanos Query with one store down
: "${FSM_STORE_VM_PORT:=$((19198 + FSM_PORT_OFFSET))}"         # store-proxy.mjs as VictoriaMetrics single-node
# Test credentials of that basic-auth front: not secret, but tests check they never reach the browser side.
: "${FSM_PROM_AUTH_USER:=fsm-inventory}"
: "${FSM_PROM_AUTH_PASSWORD:=fsm-proxy-only-7Qx2}"
PORT_VARS=(FSM_PROM_PORT FSM_PUSHGATEWAY_PORT FSM_ALERTMANAGER_PORT FSM_NODE_EXPORTER_PORT
  FSM_HAPROXY_EXPORTER_PORT FSM_BLACKBOX_PORT FSM_POSTGRES_EXPORTER_PORT FSM_FIXTURES_PORT FSM_EPMD_PORT
  FSM_RABBITMQ_AMQP_PORT FSM_RABBITMQ_DIST_PORT FSM_RABBITMQ_PROM_PORT FSM_POSTGRES_PORT FSM_DNS_PORT
  FSM_NTP_PORT FSM_HAPROXY_FRONTEND_PORT FSM_HAPROXY_STATS_PORT FSM_HAPROXY_PROMEX_PORT FSM_PROM_AUTH_PORT
  FSM_ALERTMANAGER_CLUSTER_PORT FSM_HAPROXY_TLS_PORT FSM_PROM_DC1_A_PORT FSM_PROM_DC1_B_PORT FSM_PROM_DC2_PORT
  FSM_PROM_GLOBAL_PORT FSM_PROM_FEDERATE_PORT FSM_STORE_MIMIR_PORT FSM_STORE_THANOS_PORT FSM_STORE_THANOS_PARTIAL_PORT FSM_STORE_VM_PORT FSM_NETDATA_PORT)
# The topology's edge servers: component name, port variable, external labels.
EDGES=("prometheus_dc1_a FSM_PROM_DC1_A_PORT {cluster: dc1, replica: a}"
  "prometheus_dc1_b FSM_PROM_DC1_B_PORT {cluster: dc1, replica: b}"
  "prometheus_dc2 FSM_PROM_DC2_PORT {cluster: dc2}")
: "${FSM_STACK_TOPOLOGY:=1}"

IS_ROOT=0; [ "$(id -u)" = 0 ] && IS_ROOT=1

T0=$(date +%s.%N)
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }
log() { printf '[%6s] %s\n' "$(elapsed)" "$*"; }
die() { printf '[%6s] ERROR: %s\n' "$(elapsed)" "$*" >&2; exit 1; }

# A PID alone is not proof: PIDs are reused. We record the kernel start time (field 22 of /proc/PID/stat)
# next to it, and a process counts as ours only while both match.
# A zombie (state Z) has exited and only waits to be reaped by PID 1, which can take seconds: it counts as gone.
# (Fields are counted after the ")" that ends field 2, the command name, which may contain spaces.)
start_time_of() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '$1 != "Z" { print $20 }'; }

recorded_pid() { [ -s "$RUN/$1.pid" ] && cat "$RUN/$1.pid"; }

# is_running NAME: the recorded process is alive and is still the one we started.
is_running() {
  local pid
  pid=$(recorded_pid "$1") || return 1
  [ -n "$pid" ] && [ -s "$RUN/$1.starttime" ] && [ "$(start_time_of "$pid")" = "$(cat "$RUN/$1.starttime")" ]
}

# descendants PID: every process below PID, printed as "pid:starttime" so a later kill can re-check identity.
descendants() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END {
      for (p in parent) {
        q = parent[p]
        while (q != "" && q != 0 && q != root) q = parent[q]
        if (q == root) print p
      }
    }' | while read -r pid; do
    local st; st=$(start_time_of "$pid") && [ -n "$st" ] && echo "$pid:$st"
  done
}

fixture_names() {
  node "$STACK_SCRIPTS/fixture-server.mjs" --dir "$PROJECT_ROOT/tests/fixtures/exporters" \
    --base-port "$FSM_FIXTURES_PORT" --list | awk '{ print $1 }'
}
