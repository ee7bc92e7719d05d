// Bench: plan → apply for the full alert pack (every exporter with alert rules) on the Grafana API
// double, through the real fetch client (in-process, no sockets).
//
//   npx tsx scripts/bench/alert-plan.ts
//
// Prints plan time against an empty Grafana and an already-applied one (target ≤ 100 ms), the
// writes of the first apply (target ≤ one per rule group + the folder + notification objects) and
// of a re-apply (target 0). Exits 1 when a target is missed.
import { performance } from 'node:perf_hooks';
import { apply, buildDesiredState, exportersWithAlerts, plan, type SetupChoices } from '../../src/engine';
import { createGrafanaApi, fetchTransport } from '../../src/grafana-api';
import { doubleFetch, GrafanaDouble } from '../../tests/grafana-double';

const PLAN_TARGET_MS = 100;
const RUNS = 15;

const choices: SetupChoices = {
  exporterIds: exportersWithAlerts().map((e) => e.id),
  datasourceUid: 'prom',
  editable: true,
  notifications: {
    contactPoint: { kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/bench' },
    muteTimings: [
      {
        name: 'maintenance',
        timeIntervals: [{ weekdays: ['sunday'], times: [{ start_time: '02:00', end_time: '04:00' }] }],
      },
    ],
  },
};

function grafana() {
  const double = new GrafanaDouble();
  double.addDatasource({ uid: 'prom', name: 'Prometheus' });
  const api = createGrafanaApi(fetchTransport('http://grafana.bench', { fetch: doubleFetch(double) }));
  return { double, api };
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<number> {
  const desiredStart = performance.now();
  const desired = buildDesiredState(choices);
  const desiredMs = performance.now() - desiredStart;
  const groups = desired.groups.length;
  const rules = desired.groups.reduce((n, g) => n + g.rules.length, 0);
  const notificationObjects = 1 + choices.notifications!.muteTimings!.length + 1;

  const empty = grafana();
  const planEmptyMs = await median(() => plan(empty.api, desired));
  const emptyPlan = await plan(empty.api, desired);

  const first = await apply(empty.api, desired);
  const applied = empty;
  const planAppliedMs = await median(() => plan(applied.api, desired));
  const before = applied.double.writeLog.length;
  // A re-run from the page sends no secret (it was entered once).
  const again = buildDesiredState({
    ...choices,
    notifications: { ...choices.notifications!, contactPoint: { kind: 'slack' } },
  });
  const second = await apply(applied.api, again);
  const reapplyWrites = applied.double.writeLog.length - before;

  const maxWrites = groups + 1 + notificationObjects;
  const rows: Array<[string, string, string, boolean]> = [
    ['packs (exporters with alerts) / rules', `${groups} / ${rules}`, '', true],
    ['build desired state', `${desiredMs.toFixed(1)} ms`, '', true],
    [
      `plan vs empty Grafana (median of ${RUNS})`,
      `${planEmptyMs.toFixed(1)} ms`,
      `≤ ${PLAN_TARGET_MS} ms`,
      planEmptyMs <= PLAN_TARGET_MS,
    ],
    [
      `plan vs applied Grafana (median of ${RUNS})`,
      `${planAppliedMs.toFixed(1)} ms`,
      `≤ ${PLAN_TARGET_MS} ms`,
      planAppliedMs <= PLAN_TARGET_MS,
    ],
    ['planned writes, empty Grafana', String(emptyPlan.writes), `≤ ${maxWrites}`, emptyPlan.writes <= maxWrites],
    [
      'apply to empty Grafana: writes',
      String(first.writes),
      `≤ ${maxWrites} (${groups} groups + folder + ${notificationObjects} notification objects)`,
      first.writes <= maxWrites,
    ],
    ['re-apply, nothing changed: writes', String(reapplyWrites), '0', reapplyWrites === 0 && second.writes === 0],
  ];
  for (const [what, value, target, ok] of rows) {
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${what.padEnd(44)} ${value.padStart(10)}  ${target}\n`);
  }
  return rows.every((r) => r[3]) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
);
