#!/usr/bin/env bash
# Stops what start.sh started, and nothing else.
#
#   scripts/stack/stop.sh                 stop every component (conf/, data/ and log/ are kept)
#   scripts/stack/stop.sh NAME...         stop only these, e.g. node_exporter, postgres_exporter, rabbitmq;
#                                         a fixture name (kafka-default, jmx-1.0-1.6, ...) closes just that fixture's port
#   scripts/stack/start.sh                brings back whatever is stopped
#
# A process is signalled only if it is the one start.sh recorded (pid AND kernel start time match), and a child
# is killed only if it was seen below that process before the stop and still has the same start time.
# Whatever is alive after $FSM_STACK_GRACE seconds (default 20) gets SIGKILL.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GRACE=${FSM_STACK_GRACE:-20}

stop_fixture() {
  curl -fsS -X POST "http://127.0.0.1:$FSM_FIXTURES_PORT/fixtures/$1/stop" >/dev/null ||
    { echo "could not stop fixture $1: is the fixture server running (scripts/stack/start.sh)?" >&2; return 1; }
  log "fixture $1: stopped serving (start.sh serves it again)"
}

forget() { rm -f "$RUN/$1.pid" "$RUN/$1.starttime"; }

# stop_components NAME...: signal all at once (nothing here needs an ordered shutdown), then wait for all.
stop_components() {
  local name pid signal names=() pids=() children=()
  for name in "$@"; do
    if ! is_running "$name"; then
      [ -e "$RUN/$name.pid" ] && log "$name: not running (stale pidfile removed)"
      forget "$name"
      continue
    fi
    pid=$(recorded_pid "$name")
    mapfile -t -O "${#children[@]}" children < <(descendants "$pid")
    # postgres: SIGINT is the "fast" shutdown (SIGTERM waits for clients to leave). The rabbitmq pid is the
    # rabbitmq-server wrapper, whose TERM trap stops the Erlang VM and waits for it.
    signal=TERM; [ "$name" = postgres ] && signal=INT
    kill -s "$signal" "$pid" 2>/dev/null
    names+=("$name"); pids+=("$pid")
  done

  local i waiting deadline=$(($(date +%s) + GRACE))
  while :; do
    waiting=0
    for i in "${!pids[@]}"; do
      [ -n "${pids[$i]}" ] || continue
      if is_running "${names[$i]}"; then
        waiting=1
      else
        log "${names[$i]}: stopped (pid ${pids[$i]})"
        forget "${names[$i]}"; pids[i]=""
      fi
    done
    [ $waiting = 1 ] || break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      for i in "${!pids[@]}"; do
        [ -n "${pids[$i]}" ] || continue
        log "${names[$i]}: still alive after ${GRACE}s, SIGKILL (pid ${pids[$i]})"
        kill -KILL "${pids[$i]}" 2>/dev/null; forget "${names[$i]}"
      done
      break
    fi
    sleep 0.1
  done

  # children orphaned by a parent that exited before them (e.g. beam.smp if its wrapper was killed)
  local child
  for child in "${children[@]+"${children[@]}"}"; do
    if [ "$(start_time_of "${child%%:*}")" = "${child#*:}" ]; then
      kill -KILL "${child%%:*}" 2>/dev/null && log "killed leftover child ${child%%:*} ($(cat "/proc/${child%%:*}/comm" 2>/dev/null || echo gone))"
    fi
  done
}

main() {
  [ -d "$RUN" ] || { log "nothing recorded in $RUN"; exit 0; }
  local recorded=() f
  for f in "$RUN"/*.pid; do [ -e "$f" ] && recorded+=("$(basename "$f" .pid)"); done

  if [ $# -gt 0 ]; then
    local name components=() known_fixtures
    known_fixtures=" $(fixture_names | tr '\n' ' ') "
    for name in "$@"; do
      if [[ " ${recorded[*]} " == *" $name "* ]]; then components+=("$name")
      elif [[ $known_fixtures == *" $name "* ]]; then stop_fixture "$name" || exit 1
      else die "unknown component \"$name\"; recorded: ${recorded[*]:-none}; fixtures:${known_fixtures% }"
      fi
    done
    [ ${#components[@]} = 0 ] || stop_components "${components[@]}"
    exit 0
  fi

  [ ${#recorded[@]} -gt 0 ] || { log "nothing running"; exit 0; }
  # epmd last: RabbitMQ talks to it while shutting down
  local first=()
  for f in "${recorded[@]}"; do [ "$f" = epmd ] || first+=("$f"); done
  [ ${#first[@]} = 0 ] || stop_components "${first[@]}"
  stop_components epmd
  log "stack stopped in $(elapsed)"
}
main "$@"
