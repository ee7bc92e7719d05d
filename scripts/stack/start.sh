#!/usr/bin/env bash
# Starts the integration-test stack: a real Prometheus 2.42 scraping real exporters from Debian's packages, plus one
# fixture target per tests/fixtures/exporters/*.prom for exporters that cannot run here. Plain background processes
# on 127.0.0.1 high ports, one pidfile each under $FSM_STACK_DIR/run, no systemd.
#
#   scripts/stack/start.sh                 install what is missing, start what is not running, wait for every target
#   FSM_STACK_SKIP_INSTALL=1 start.sh      skip the apt step
#   FSM_STACK_RESET=1 start.sh             wipe data/ first (fresh TSDB and postgres); refused while anything runs
#   FSM_STACK_WITH_CHRONY=0 start.sh       leave out chronyd (and node_exporter's ntp collector)
#   FSM_PROM_RULES_DIR=DIR start.sh        load DIR/*.yml as rule files (default provisioning/prometheus/rules/)
#   FSM_STACK_TIMEOUT=120                  seconds to wait for components and targets
#
# Safe to run again at any time: running components are left alone, configs are re-rendered and Prometheus is
# reloaded, and whatever was stopped (stop.sh NAME, a crash, a fixture stopped through the control port) is started.
# Changed command-line flags need stop.sh NAME first. Writes $FSM_STACK_DIR/stack.env for the tests.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TIMEOUT=${FSM_STACK_TIMEOUT:-120}
WITH_CHRONY=${FSM_STACK_WITH_CHRONY:-1}
[ $IS_ROOT = 1 ] || WITH_CHRONY=0 # chronyd needs root to drop to its own user
PG_BIN=/usr/lib/postgresql/15/bin
FIXTURE_DIR=$PROJECT_ROOT/tests/fixtures/exporters
DEFAULT_RULES_DIR=$PROJECT_ROOT/provisioning/prometheus/rules
RULES_DIR=${FSM_PROM_RULES_DIR:-$DEFAULT_RULES_DIR}

# ------------------------------------------------------------------------------------------------ packages --
PACKAGES=(prometheus prometheus-node-exporter prometheus-blackbox-exporter prometheus-pushgateway
  prometheus-alertmanager prometheus-postgres-exporter postgresql prometheus-haproxy-exporter haproxy
  rabbitmq-server dnsmasq-base netdata curl jq gettext-base openssl nodejs)
[ "$WITH_CHRONY" = 1 ] && PACKAGES+=(chrony)

install_missing_packages() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    # nodejs may come from elsewhere (nvm, NodeSource): a working node is what counts
    if [ "$pkg" = nodejs ] && command -v node >/dev/null; then continue; fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} = 0 ] && return
  [ $IS_ROOT = 1 ] || die "missing packages: ${missing[*]} (run start.sh as root once, or apt-get install them)"
  log "installing ${missing[*]}"
  # Debian starts a service as soon as its package is installed, on its default port. A policy-rc.d that
  # answers 101 ("action forbidden") stops that; ours is only put in place if the host has none.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  # lets a non-root run use ICMP probes: the package then sets cap_net_raw on the binary
  echo 'prometheus-blackbox-exporter prometheus-blackbox-exporter/want_cap_net_raw boolean true' | debconf-set-selections
  local status=0
  {
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -1)" ]; then
      apt-get -o DPkg::Lock::Timeout=300 update -q
    fi
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
  } >>"$LOGS/apt.log" 2>&1 || status=$?
  [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ $status = 0 ] || { tail -20 "$LOGS/apt.log" >&2; die "apt-get install failed (full log: $LOGS/apt.log)"; }
}

# ------------------------------------------------------------------------------------------------- configs --
render() { # render TEMPLATE OUT: substitutes only our own variables, so '$' in configs (regexps) survives
  local vars
  # shellcheck disable=SC2016 # the literal ${NAME} list tells envsubst which variables it may replace
  vars=$(printf '${%s} ' "${PORT_VARS[@]}" FSM_STACK_DIR FSM_PROM_AUTH_USER FSM_PROM_AUTH_PASSWORD FSM_NETDATA_USER)
  envsubst "$vars" <"$STACK_SCRIPTS/templates/$1" >"$2"
}

write_configs() {
  FSM_NETDATA_USER=$(service_user netdata)
  export FSM_STACK_DIR "${PORT_VARS[@]}" FSM_PROM_AUTH_USER FSM_PROM_AUTH_PASSWORD FSM_NETDATA_USER
  local t
  for t in blackbox.yml alertmanager.yml haproxy.cfg prometheus-auth.cfg rabbitmq.conf chrony.conf netdata.conf; do
    render "$t" "$CONF/$t"
  done
  # Netdata reads its user config directory (python.d, go.d, …) from here; the empty file there is Netdata's own
  # opt-out from anonymous statistics (daemon/analytics.c), on top of DO_NOT_TRACK=1 in its environment.
  mkdir -p "$CONF/netdata"
  : >"$CONF/netdata/.opt-out-from-anonymous-statistics"
  echo '[rabbitmq_prometheus].' >"$CONF/rabbitmq-enabled-plugins"
  : >"$CONF/rabbitmq-env.conf" # an empty env file keeps /etc/rabbitmq/rabbitmq-env.conf out

  local prom=$CONF/prometheus.yml
  render prometheus.yml "$prom"
  local name job port honor previous_job="" listing
  # (not a process substitution: a refused directive must stop start.sh, not leave the fixture jobs out)
  listing=$(node "$STACK_SCRIPTS/fixture-server.mjs" --dir "$FIXTURE_DIR" --base-port "$FSM_FIXTURES_PORT" --list) ||
    die "the fixture server refused a fixture in $FIXTURE_DIR (message above)"
  while read -r name job port honor; do
    if [ "$job" != "$previous_job" ]; then
      grep -q "^  - job_name: $job\$" "$prom" &&
        die "fixture $name.prom would be job \"$job\", which already exists in the stack; rename the file or give it a \"# fsm-stack: job NAME\" line"
      printf '  - job_name: %s\n    honor_labels: %s\n    static_configs:\n' "$job" "$honor" >>"$prom"
      previous_job=$job
    fi
    # one job per exporter: fixtures of one exporter (jmx-0.17-0.20 and jmx-1.0-1.6, or files sharing a "# fsm-stack: job") are
    # grouped by the stable sort on the job column and share it
    printf '      - {targets: ["127.0.0.1:%s"], labels: {fixture: "%s"}}\n' "$port" "$name" >>"$prom"
  done < <(sort -s -k2,2 <<<"$listing")
  # conf/rules.d: rule files a test adds while the stack runs (then POST /-/reload), e.g. a rule whose own
  # evaluation (ALERTS) is compared with a backtest; empty otherwise.
  mkdir -p "$CONF/rules.d"
  if [ -d "$RULES_DIR" ]; then
    printf 'rule_files: ["%s/*.yml", "%s/rules.d/*.yml"]\n' "$RULES_DIR" "$CONF" >>"$prom"
  elif [ -n "${FSM_PROM_RULES_DIR:-}" ]; then
    die "FSM_PROM_RULES_DIR=$FSM_PROM_RULES_DIR is not a directory"
  else
    printf 'rule_files: ["%s/rules.d/*.yml"]\n' "$CONF" >>"$prom"
  fi

  [ "$FSM_STACK_TOPOLOGY" = 1 ] && write_topology_configs

  # Checked as the user Prometheus runs as, so an unreadable rules directory is caught here, not as a dead daemon.
  local config
  for config in "$prom" $([ "$FSM_STACK_TOPOLOGY" = 1 ] && topology_configs); do
    if ! run_as "$(service_user prometheus)" promtool check config "$config" >"$LOGS/promtool.log" 2>&1; then
      cat "$LOGS/promtool.log" >&2
      die "Prometheus config $config or its rule files are invalid (rules from $RULES_DIR); fix them and run start.sh again"
    fi
  done
}

# The multi-Prometheus topology: each edge scrapes what the stack's Prometheus scrapes (its scrape_configs, with
# job "prometheus" pointed at the edge itself) and remote-writes it to the global store; the global store and the
# federating server evaluate the rule files.
topology_configs() {
  local edge
  for edge in "${EDGES[@]}"; do echo "$CONF/${edge%% *}.yml"; done
  echo "$CONF/prometheus_global.yml" "$CONF/prometheus_federate.yml"
}

write_topology_configs() {
  local edge name port_var labels scrape_configs
  scrape_configs=$(sed -n '/^scrape_configs:/,$p' "$CONF/prometheus.yml" | grep -v '^rule_files:')
  for edge in "${EDGES[@]}"; do
    read -r name port_var labels <<<"$edge"
    EDGE_EXTERNAL_LABELS=$labels envsubst '${EDGE_EXTERNAL_LABELS} ${FSM_PROM_GLOBAL_PORT}' \
      <"$STACK_SCRIPTS/templates/prometheus-edge.yml" >"$CONF/$name.yml"
    sed '/^  - job_name: prometheus$/{n;s/127\.0\.0\.1:[0-9]*/127.0.0.1:'"${!port_var}"'/}' <<<"$scrape_configs" >>"$CONF/$name.yml"
  done
  local store
  for store in global federate; do
    render "prometheus-$store.yml" "$CONF/prometheus_$store.yml"
    [ -d "$RULES_DIR" ] && printf 'rule_files: ["%s/*.yml"]\n' "$RULES_DIR" >>"$CONF/prometheus_$store.yml"
  done
}

# A self-signed certificate for HAProxy's HTTPS frontend, made once (valid 10 years, so no certificate alert fires).
# Only HAProxy's account may read the key; it is a throwaway test key all the same.
make_tls_certificate() {
  local dir=$DATA/tls pem=$DATA/tls/fsm-stack.pem
  [ -s "$pem" ] && return
  mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=fsm-stack.test" -addext "subjectAltName=IP:127.0.0.1,DNS:fsm-stack.test" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" >"$LOGS/openssl.log" 2>&1 ||
    die "openssl could not make the test certificate, see $LOGS/openssl.log"
  cat "$dir/cert.pem" "$dir/key.pem" >"$pem"
  rm -f "$dir/key.pem"
  chmod 600 "$pem"
  [ $IS_ROOT = 1 ] && chown "$(service_user haproxy):" "$pem"
  return 0
}

# ------------------------------------------------------------------------------------------------ launching --
service_user() { if [ $IS_ROOT = 1 ]; then echo "$1"; else id -un; fi; }

# use_account USER: sets RUN_AS to the command prefix that runs a command as USER. postgres and rabbitmq refuse
# to run as root, and the rest has no reason to. setpriv execs in place, so the PID we record is the daemon's own.
use_account() {
  RUN_AS=()
  if [ $IS_ROOT = 1 ] && [ "$1" != root ]; then
    RUN_AS=(setpriv --reuid="$1" --regid="$1" --init-groups --reset-env
      env HOME="${RUN_HOME:-$DATA}" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8)
  fi
}
run_as() { use_account "$1"; shift; "${RUN_AS[@]}" "$@"; }

port_owner() { ss -Hlntup "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | cut -c9- || true; }

# launch NAME USER PORT CMD...: start CMD in its own session (a signal to the caller's process group must not
# take the stack down), log to log/NAME.log, record pid + start time. PORT is checked to be free first, so a
# foreign process on our port is reported instead of showing up later as a confusing "target down".
launch() {
  local name=$1 user=$2 port=$3; shift 3
  if is_running "$name"; then return; fi
  local owner; owner=$(port_owner "$port")
  [ -z "$owner" ] || die "$name: port $port is already used by ${owner} (not started by this stack); stop it or set another FSM_*_PORT"
  use_account "$user"
  # not a process-group leader (no job control in a script), so setsid execs in place instead of forking
  (exec setsid "${RUN_AS[@]}" "$@") </dev/null >>"$LOGS/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$RUN/$name.pid"
  start_time_of "$pid" >"$RUN/$name.starttime"
  STARTED+=("$name")
  log "$name: started (pid $pid, user $user)"
}

start_components() {
  local u_prom u_pg u_rmq u_hap u_nd
  u_prom=$(service_user prometheus); u_pg=$(service_user postgres)
  u_rmq=$(service_user rabbitmq); u_hap=$(service_user haproxy); u_nd=$(service_user netdata)
  mkdir -p "$DATA"/{prometheus,alertmanager,pushgateway,rabbitmq,chrony,textfile,pg,pgsock,netdata/cache,netdata/lib} \
    "$LOGS/netdata"
  if [ $IS_ROOT = 1 ]; then
    chown -R "$u_nd:" "$DATA/netdata" "$LOGS/netdata"
    chown "$u_prom:" "$DATA"/{prometheus,alertmanager,pushgateway}
    chown "$u_rmq:" "$DATA/rabbitmq"
    chown "$u_pg:" "$DATA/pg" "$DATA/pgsock"
    chown _chrony: "$DATA/chrony" 2>/dev/null || true
    chmod 755 "$FSM_STACK_DIR" "$CONF" "$DATA"
    find "$CONF" -maxdepth 1 -type f -exec chmod 644 {} +
    chmod 755 "$CONF/netdata"
    chmod 755 "$CONF/rules.d"
  fi
  make_tls_certificate

  # Slowest first: RabbitMQ needs ~6-10 s to boot, and everything else starts while it does.
  # Our own epmd: one spawned by erl would daemonize and escape the pid bookkeeping.
  launch epmd "$u_rmq" "$FSM_EPMD_PORT" epmd -port "$FSM_EPMD_PORT" -address 127.0.0.1
  RUN_HOME=$DATA/rabbitmq launch rabbitmq "$u_rmq" "$FSM_RABBITMQ_PROM_PORT" env \
    ERL_EPMD_PORT="$FSM_EPMD_PORT" \
    RABBITMQ_NODENAME=fsm-stack@localhost \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$FSM_RABBITMQ_AMQP_PORT" \
    RABBITMQ_DIST_PORT="$FSM_RABBITMQ_DIST_PORT" \
    RABBITMQ_CONFIG_FILE="$CONF/rabbitmq.conf" \
    RABBITMQ_CONF_ENV_FILE="$CONF/rabbitmq-env.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$CONF/rabbitmq-enabled-plugins" \
    RABBITMQ_MNESIA_BASE="$DATA/rabbitmq/mnesia" \
    RABBITMQ_LOG_BASE="$DATA/rabbitmq/log" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    /usr/lib/rabbitmq/bin/rabbitmq-server

  if [ ! -s "$DATA/pg/PG_VERSION" ]; then
    log "postgres: initdb"
    run_as "$u_pg" "$PG_BIN/initdb" -D "$DATA/pg" -U postgres --auth=trust --encoding=UTF8 --no-instructions \
      >"$LOGS/initdb.log" 2>&1 || die "initdb failed, see $LOGS/initdb.log"
  fi
  # fsync off: a test database that loses data on a crash is fine, a slow one is not
  launch postgres "$u_pg" "$FSM_POSTGRES_PORT" "$PG_BIN/postgres" -D "$DATA/pg" -p "$FSM_POSTGRES_PORT" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories="$DATA/pgsock" \
    -c shared_buffers=32MB -c fsync=off -c logging_collector=off

  # fsm-zone.test is served authoritatively, so an SOA probe reads a serial; probe.fsm-stack.test stays a plain record
  launch dnsmasq "$u_prom" "$FSM_DNS_PORT" /usr/sbin/dnsmasq --keep-in-foreground --log-facility=- \
    --port="$FSM_DNS_PORT" --listen-address=127.0.0.1 --bind-interfaces --no-resolv --no-hosts \
    --pid-file= --user= --address=/probe.fsm-stack.test/127.0.0.1 \
    --auth-server=ns.fsm-zone.test --auth-zone=fsm-zone.test --auth-soa=2026112401,hostmaster.fsm-zone.test

  local ntp_flags=()
  if [ "$WITH_CHRONY" = 1 ]; then
    # root only until it drops to _chrony; -x: serve time, never adjust this machine's clock
    launch chronyd root "$FSM_NTP_PORT" /usr/sbin/chronyd -d -x -f "$CONF/chrony.conf"
    ntp_flags=(--collector.ntp --collector.ntp.server=127.0.0.1 --collector.ntp.server-port="$FSM_NTP_PORT"
      --collector.ntp.server-is-local)
  fi

  launch haproxy "$u_hap" "$FSM_HAPROXY_PROMEX_PORT" /usr/sbin/haproxy -db -f "$CONF/haproxy.cfg"
  launch prometheus_auth "$u_hap" "$FSM_PROM_AUTH_PORT" /usr/sbin/haproxy -db -f "$CONF/prometheus-auth.cfg"

  # Debian's node_exporter turns the systemd collector on; without a system dbus every scrape reports it failed.
  launch node_exporter "$u_prom" "$FSM_NODE_EXPORTER_PORT" /usr/bin/prometheus-node-exporter \
    --web.listen-address=127.0.0.1:"$FSM_NODE_EXPORTER_PORT" --no-collector.systemd \
    --collector.textfile.directory="$DATA/textfile" "${ntp_flags[@]}"
  # root when we are root: ICMP needs a raw socket and unprivileged ping is off (ping_group_range "1 0")
  launch blackbox_exporter root "$FSM_BLACKBOX_PORT" /usr/bin/prometheus-blackbox-exporter \
    --config.file="$CONF/blackbox.yml" --web.listen-address=127.0.0.1:"$FSM_BLACKBOX_PORT"
  launch pushgateway "$u_prom" "$FSM_PUSHGATEWAY_PORT" /usr/bin/prometheus-pushgateway \
    --web.listen-address=127.0.0.1:"$FSM_PUSHGATEWAY_PORT" --persistence.file="$DATA/pushgateway/metrics.db"
  launch alertmanager "$u_prom" "$FSM_ALERTMANAGER_PORT" /usr/bin/prometheus-alertmanager \
    --config.file="$CONF/alertmanager.yml" --storage.path="$DATA/alertmanager" \
    --web.listen-address=127.0.0.1:"$FSM_ALERTMANAGER_PORT" \
    --cluster.listen-address=127.0.0.1:"$FSM_ALERTMANAGER_CLUSTER_PORT" \
    --cluster.advertise-address=127.0.0.1:"$FSM_ALERTMANAGER_CLUSTER_PORT"
  launch postgres_exporter "$u_prom" "$FSM_POSTGRES_EXPORTER_PORT" env \
    DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:$FSM_POSTGRES_PORT/postgres?sslmode=disable" \
    /usr/bin/prometheus-postgres-exporter --web.listen-address=127.0.0.1:"$FSM_POSTGRES_EXPORTER_PORT"
  launch haproxy_exporter "$u_prom" "$FSM_HAPROXY_EXPORTER_PORT" /usr/bin/prometheus-haproxy-exporter \
    --haproxy.scrape-uri="http://127.0.0.1:$FSM_HAPROXY_STATS_PORT/stats;csv" \
    --web.listen-address=127.0.0.1:"$FSM_HAPROXY_EXPORTER_PORT"
  # Debian's netdata 1.37 in the foreground (-D), so the PID is the daemon's; its plugins and spawn server are its
  # children, which stop.sh ends with it. Cloud is compiled out of Debian's package; the registry is off in the config.
  RUN_HOME=$DATA/netdata/lib launch netdata "$u_nd" "$FSM_NETDATA_PORT" env DO_NOT_TRACK=1 \
    /usr/sbin/netdata -D -c "$CONF/netdata.conf"
  launch fixtures "$u_prom" "$FSM_FIXTURES_PORT" node "$STACK_SCRIPTS/fixture-server.mjs" \
    --dir "$FIXTURE_DIR" --base-port "$FSM_FIXTURES_PORT"

  local name
  WAS_RUNNING=""
  for name in prometheus prometheus_global prometheus_federate prometheus_dc1_a prometheus_dc1_b prometheus_dc2; do
    is_running "$name" && WAS_RUNNING+=" $name"
  done
  launch prometheus "$u_prom" "$FSM_PROM_PORT" /usr/bin/prometheus \
    --config.file="$CONF/prometheus.yml" \
    --storage.tsdb.path="$DATA/prometheus" \
    --storage.tsdb.retention.time=7d \
    --web.listen-address=127.0.0.1:"$FSM_PROM_PORT" \
    --web.enable-lifecycle --web.enable-admin-api --web.enable-remote-write-receiver \
    --storage.remote.flush-deadline=1s
  # (remote_write goes to this same Prometheus, which refuses writes while it shuts down: without a short flush
  # deadline the queue retries for the default minute and stop.sh has to SIGKILL it)
  [ "$FSM_STACK_TOPOLOGY" = 1 ] && start_topology
  return 0
}

# launch_prometheus NAME PORT RETENTION EXTRA_FLAGS...: one Prometheus of the topology, with its own TSDB.
# Each has another retention, so tests can tell which server's /api/v1/status/flags the plugin read.
launch_prometheus() {
  local name=$1 port=$2 retention=$3; shift 3
  mkdir -p "$DATA/$name"
  [ $IS_ROOT = 1 ] && chown "$(service_user prometheus):" "$DATA/$name"
  launch "$name" "$(service_user prometheus)" "$port" /usr/bin/prometheus \
    --config.file="$CONF/$name.yml" --storage.tsdb.path="$DATA/$name" \
    --storage.tsdb.retention.time="$retention" --web.listen-address=127.0.0.1:"$port" \
    --web.enable-lifecycle --storage.remote.flush-deadline=1s "$@"
}

start_topology() {
  # the global store first: the edges' remote write retries until it listens, which only delays their first batch
  launch_prometheus prometheus_global "$FSM_PROM_GLOBAL_PORT" 30d --web.enable-remote-write-receiver
  launch_prometheus prometheus_dc1_a "$FSM_PROM_DC1_A_PORT" 2d
  launch_prometheus prometheus_dc1_b "$FSM_PROM_DC1_B_PORT" 2d
  launch_prometheus prometheus_dc2 "$FSM_PROM_DC2_PORT" 3d
  launch_prometheus prometheus_federate "$FSM_PROM_FEDERATE_PORT" 10d
  launch store_proxy "$(service_user prometheus)" "$FSM_STORE_MIMIR_PORT" node "$STACK_SCRIPTS/store-proxy.mjs" \
    --upstream "http://127.0.0.1:$FSM_PROM_GLOBAL_PORT" --mimir "$FSM_STORE_MIMIR_PORT" \
    --thanos "$FSM_STORE_THANOS_PORT" --thanos-partial "$FSM_STORE_THANOS_PARTIAL_PORT" \
    --victoriametrics "$FSM_STORE_VM_PORT"
}

# A reload resets Prometheus' Alertmanager discovery and rule groups for a moment, which tests running at that
# time would see; so reload only when the config or a rule file really changed since that server last loaded it.
config_fingerprint() {
  # shellcheck disable=SC2046 # the glob is meant to expand into the rule files
  cat "$1" $([ -d "$RULES_DIR" ] && ls "$RULES_DIR"/*.yml 2>/dev/null) | sha256sum | cut -d' ' -f1
}

# reload_if_changed NAME PORT CONFIG: NAME was running before this start.sh (listed in WAS_RUNNING).
reload_if_changed() {
  local name=$1 port=$2 now; now=$(config_fingerprint "$3")
  if [[ " $WAS_RUNNING " == *" $name "* ]] && [ "$now" != "$(cat "$RUN/$name.config-sha256" 2>/dev/null)" ]; then
    curl -fsS -X POST "http://127.0.0.1:$port/-/reload" >/dev/null ||
      die "$name refused the new config (see $LOGS/$name.log)"
    log "$name: config or rules changed, reloaded"
  fi
  echo "$now" >"$RUN/$name.config-sha256"
}

reload_prometheus_if_changed() {
  reload_if_changed prometheus "$FSM_PROM_PORT" "$CONF/prometheus.yml"
  [ "$FSM_STACK_TOPOLOGY" = 1 ] || return 0
  local edge name port_var
  for edge in "${EDGES[@]}"; do
    read -r name port_var _ <<<"$edge"
    reload_if_changed "$name" "${!port_var}" "$CONF/$name.yml"
  done
  reload_if_changed prometheus_global "$FSM_PROM_GLOBAL_PORT" "$CONF/prometheus_global.yml"
  reload_if_changed prometheus_federate "$FSM_PROM_FEDERATE_PORT" "$CONF/prometheus_federate.yml"
}

# ------------------------------------------------------------------------------------------------- waiting --
http_ok() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }
udp_bound() { ss -Hlun "sport = :$1" 2>/dev/null | grep -q .; }
tcp_bound() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

is_ready() {
  case $1 in
    prometheus) http_ok "http://127.0.0.1:$FSM_PROM_PORT/-/ready" ;;
    prometheus_dc1_a) http_ok "http://127.0.0.1:$FSM_PROM_DC1_A_PORT/-/ready" ;;
    prometheus_dc1_b) http_ok "http://127.0.0.1:$FSM_PROM_DC1_B_PORT/-/ready" ;;
    prometheus_dc2) http_ok "http://127.0.0.1:$FSM_PROM_DC2_PORT/-/ready" ;;
    prometheus_global) http_ok "http://127.0.0.1:$FSM_PROM_GLOBAL_PORT/-/ready" ;;
    prometheus_federate) http_ok "http://127.0.0.1:$FSM_PROM_FEDERATE_PORT/-/ready" ;;
    store_proxy) http_ok "http://127.0.0.1:$FSM_STORE_VM_PORT/health" ;;
    node_exporter) http_ok "http://127.0.0.1:$FSM_NODE_EXPORTER_PORT/metrics" ;;
    blackbox_exporter) http_ok "http://127.0.0.1:$FSM_BLACKBOX_PORT/metrics" ;;
    pushgateway) http_ok "http://127.0.0.1:$FSM_PUSHGATEWAY_PORT/-/ready" ;;
    alertmanager) http_ok "http://127.0.0.1:$FSM_ALERTMANAGER_PORT/-/ready" ;;
    postgres) "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$FSM_POSTGRES_PORT" -U postgres ;;
    postgres_exporter) http_ok "http://127.0.0.1:$FSM_POSTGRES_EXPORTER_PORT/metrics" ;;
    haproxy) http_ok "http://127.0.0.1:$FSM_HAPROXY_PROMEX_PORT/metrics" ;;
    haproxy_exporter) http_ok "http://127.0.0.1:$FSM_HAPROXY_EXPORTER_PORT/metrics" ;;
    prometheus_auth) http_ok "http://$FSM_PROM_AUTH_USER:$FSM_PROM_AUTH_PASSWORD@127.0.0.1:$FSM_PROM_AUTH_PORT/-/ready" ;;
    rabbitmq) http_ok "http://127.0.0.1:$FSM_RABBITMQ_PROM_PORT/metrics" ;;
    fixtures) http_ok "http://127.0.0.1:$FSM_FIXTURES_PORT/-/healthy" ;;
    # the API answers before the first collection; ready once the CPU chart the pack keys on is exported
    netdata) curl -fsS --max-time 5 "http://127.0.0.1:$FSM_NETDATA_PORT/api/v1/allmetrics?format=prometheus&filter=system.cpu" 2>/dev/null |
      grep -q '^netdata_system_cpu_percentage_average' ;;
    epmd) tcp_bound "$FSM_EPMD_PORT" ;;
    dnsmasq) udp_bound "$FSM_DNS_PORT" ;;
    chronyd) udp_bound "$FSM_NTP_PORT" ;;
    *) die "no readiness check for $1" ;;
  esac
}

# Polls every component in parallel, so a slow one (rabbitmq) does not delay noticing the others died.
wait_for_components() {
  local name pollers=() failed=0
  for name in "$@"; do
    (
      deadline=$(($(date +%s) + TIMEOUT))
      until is_ready "$name"; do
        if ! is_running "$name"; then
          log "$name died while starting; last lines of $LOGS/$name.log:" >&2
          tail -15 "$LOGS/$name.log" >&2
          exit 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then log "$name: not ready after ${TIMEOUT}s (log: $LOGS/$name.log)" >&2; exit 1; fi
        sleep 0.2
      done
    ) &
    pollers+=($!)
  done
  for name in "${pollers[@]}"; do wait "$name" || failed=1; done
  [ $failed = 0 ] || die "some components did not come up"
}

# Pushgateway groups that tests and dashboards rely on: a good push (push_time_seconds) and a rejected one
# (push_failure_time_seconds), the two signals a "stale batch job" alert reads.
seed_pushgateway() {
  local url=http://127.0.0.1:$FSM_PUSHGATEWAY_PORT/metrics/job
  printf '# TYPE fsm_stack_seed_last_success_timestamp_seconds gauge\nfsm_stack_seed_last_success_timestamp_seconds %s\n' \
    "$(date +%s)" | curl -fsS --data-binary @- "$url/fsm_stack_seed/instance/start-sh" >/dev/null
  # The same name with another type is inconsistent with the group above, so the Pushgateway rejects this push
  # and records the failure on the group.
  printf '# TYPE fsm_stack_seed_last_success_timestamp_seconds counter\nfsm_stack_seed_last_success_timestamp_seconds 1\n' |
    curl -sS -o /dev/null --data-binary @- "$url/fsm_stack_failing_push/instance/start-sh" || true
}

# Every configured target health "up", and every probe successful.
wait_for_targets() {
  local want deadline targets active not_up failing
  # count of "host:port" / URL strings in targets: lists, minus the alertmanager entry under alerting:
  want=$(($(grep -o 'targets: \[[^]]*\]' "$CONF/prometheus.yml" | grep -o '"[^"]*"' | wc -l) - 1))
  deadline=$(($(date +%s) + TIMEOUT))
  while :; do
    targets=$(curl -fsS "http://127.0.0.1:$FSM_PROM_PORT/api/v1/targets?state=active" 2>/dev/null || echo '{}')
    active=$(jq '.data.activeTargets | length' <<<"$targets" 2>/dev/null || echo 0)
    # a jq failure must read as "not up", never as "nothing is down"
    not_up=$(jq -r '.data.activeTargets[] | select(.health != "up")
      | "\(.scrapePool) \(.labels.instance) (\(.health)\(if .lastError == "" then "" else ": " + .lastError end))"' \
      <<<"$targets" 2>/dev/null || echo "(cannot read /api/v1/targets)")
    failing=$(curl -fsS "http://127.0.0.1:$FSM_PROM_PORT/api/v1/query" --data-urlencode 'query=probe_success{job=~"blackbox_.+"} == 0' 2>/dev/null |
      jq -r '.data.result[] | "\(.metric.job) \(.metric.instance) (probe_success 0)"' 2>/dev/null ||
      echo "(cannot query probe_success)")
    if [ "${active:-0}" -ge "$want" ] && [ -z "$not_up" ] && [ -z "$failing" ]; then
      TARGET_COUNT=$active
      return
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      {
        log "after ${TIMEOUT}s: Prometheus lists $active of the $want configured targets; not up:"
        printf '%s\n%s\n' "$not_up" "$failing" | sed '/^$/d; s/^/  /'
      } >&2
      die "targets are down (component logs in $LOGS)"
    fi
    sleep 0.5
  done
}

# The topology is up when the global store and the federating server both hold every target of each edge as up:
# one count per edge (cluster/replica), each equal to what the stack's own Prometheus scrapes.
wait_for_topology() {
  local deadline store url counts complete
  deadline=$(($(date +%s) + TIMEOUT))
  complete="dc1/a=$TARGET_COUNT dc1/b=$TARGET_COUNT dc2/-=$TARGET_COUNT "
  for store in global federate; do
    [ "$store" = global ] && url=http://127.0.0.1:$FSM_PROM_GLOBAL_PORT || url=http://127.0.0.1:$FSM_PROM_FEDERATE_PORT
    while :; do
      counts=$(curl -fsS "$url/api/v1/query" --data-urlencode 'query=count by (cluster, replica) (up{cluster!=""} == 1)' 2>/dev/null |
        jq -r '.data.result[] | "\(.metric.cluster)/\(.metric.replica // "-")=\(.value[1])"' 2>/dev/null | sort | tr '\n' ' ' || true)
      [ "$counts" = "$complete" ] && break
      if [ "$(date +%s)" -ge "$deadline" ]; then
        die "the $store Prometheus ($url) holds up targets per edge: ${counts:-none}; expected $complete(logs: $LOGS/prometheus_*.log)"
      fi
      sleep 0.5
    done
  done
}

write_env_file() {
  cat >"$FSM_STACK_DIR/stack.env" <<EOF
# Written by scripts/stack/start.sh; read by tests/integration (or: set -a; . $FSM_STACK_DIR/stack.env; set +a)
FSM_STACK_DIR=$FSM_STACK_DIR
FSM_PROM_URL=http://127.0.0.1:$FSM_PROM_PORT
FSM_PROM_TEST_RULES_DIR=$CONF/rules.d
FSM_PROM_AUTH_URL=http://127.0.0.1:$FSM_PROM_AUTH_PORT
FSM_PROM_AUTH_USER=$FSM_PROM_AUTH_USER
FSM_PROM_AUTH_PASSWORD=$FSM_PROM_AUTH_PASSWORD
FSM_ALERTMANAGER_URL=http://127.0.0.1:$FSM_ALERTMANAGER_PORT
FSM_PUSHGATEWAY_URL=http://127.0.0.1:$FSM_PUSHGATEWAY_PORT
FSM_NODE_EXPORTER_URL=http://127.0.0.1:$FSM_NODE_EXPORTER_PORT
FSM_BLACKBOX_URL=http://127.0.0.1:$FSM_BLACKBOX_PORT
FSM_POSTGRES_EXPORTER_URL=http://127.0.0.1:$FSM_POSTGRES_EXPORTER_PORT
FSM_HAPROXY_FRONTEND_URL=http://127.0.0.1:$FSM_HAPROXY_FRONTEND_PORT
FSM_HAPROXY_PROMEX_URL=http://127.0.0.1:$FSM_HAPROXY_PROMEX_PORT
FSM_HAPROXY_EXPORTER_URL=http://127.0.0.1:$FSM_HAPROXY_EXPORTER_PORT
FSM_RABBITMQ_PROM_URL=http://127.0.0.1:$FSM_RABBITMQ_PROM_PORT
FSM_FIXTURES_URL=http://127.0.0.1:$FSM_FIXTURES_PORT
FSM_NETDATA_URL=http://127.0.0.1:$FSM_NETDATA_PORT
FSM_POSTGRES_ADDR=127.0.0.1:$FSM_POSTGRES_PORT
FSM_RABBITMQ_AMQP_ADDR=127.0.0.1:$FSM_RABBITMQ_AMQP_PORT
FSM_PROM_RULES_DIR=$([ -d "$RULES_DIR" ] && echo "$RULES_DIR")
EOF
  [ "$FSM_STACK_TOPOLOGY" = 1 ] || return 0
  cat >>"$FSM_STACK_DIR/stack.env" <<EOF
FSM_PROM_DC1_A_URL=http://127.0.0.1:$FSM_PROM_DC1_A_PORT
FSM_PROM_DC1_B_URL=http://127.0.0.1:$FSM_PROM_DC1_B_PORT
FSM_PROM_DC2_URL=http://127.0.0.1:$FSM_PROM_DC2_PORT
FSM_PROM_GLOBAL_URL=http://127.0.0.1:$FSM_PROM_GLOBAL_PORT
FSM_PROM_FEDERATE_URL=http://127.0.0.1:$FSM_PROM_FEDERATE_PORT
FSM_STORE_MIMIR_URL=http://127.0.0.1:$FSM_STORE_MIMIR_PORT/prometheus
FSM_STORE_THANOS_URL=http://127.0.0.1:$FSM_STORE_THANOS_PORT
FSM_STORE_THANOS_PARTIAL_URL=http://127.0.0.1:$FSM_STORE_THANOS_PARTIAL_PORT
FSM_STORE_VM_URL=http://127.0.0.1:$FSM_STORE_VM_PORT
EOF
}

# ------------------------------------------------------------------------------------------------------ main --
main() {
  mkdir -p "$FSM_STACK_DIR"
  if [ "${FSM_STACK_RESET:-0}" = 1 ]; then
    local f
    for f in "$RUN"/*.pid; do
      [ -e "$f" ] || continue
      if is_running "$(basename "$f" .pid)"; then die "FSM_STACK_RESET=1 but $(basename "$f" .pid) is running: run stop.sh first"; fi
    done
    rm -rf "$DATA" "$RUN" "$LOGS"
  fi
  mkdir -p "$CONF" "$DATA" "$LOGS" "$RUN"
  [ "${FSM_STACK_SKIP_INSTALL:-0}" = 1 ] || install_missing_packages
  write_configs

  STARTED=()
  start_components
  local components=(epmd rabbitmq postgres dnsmasq haproxy prometheus_auth node_exporter blackbox_exporter pushgateway
    alertmanager postgres_exporter haproxy_exporter netdata fixtures prometheus)
  [ "$WITH_CHRONY" = 1 ] && components+=(chronyd)
  [ "$FSM_STACK_TOPOLOGY" = 1 ] && components+=(prometheus_global prometheus_dc1_a prometheus_dc1_b prometheus_dc2
    prometheus_federate store_proxy)
  wait_for_components "${components[@]}"
  reload_prometheus_if_changed
  # Fixtures stopped through the control port (a test simulating a dead exporter) come back on every run.
  local name
  for name in $(fixture_names); do
    curl -fsS -X POST "http://127.0.0.1:$FSM_FIXTURES_PORT/fixtures/$name/start" >/dev/null
  done
  seed_pushgateway
  wait_for_targets
  local topology=""
  if [ "$FSM_STACK_TOPOLOGY" = 1 ]; then
    wait_for_topology
    topology=" (and in the global and federating Prometheus, per edge dc1-a, dc1-b, dc2)"
  fi
  write_env_file
  local started="started ${#STARTED[@]} of ${#components[@]} components${STARTED[*]:+ (${STARTED[*]})}"
  log "stack up in $(elapsed): $TARGET_COUNT targets up$topology; $started; Prometheus http://127.0.0.1:$FSM_PROM_PORT;" \
    "env in $FSM_STACK_DIR/stack.env"
}
main "$@"
