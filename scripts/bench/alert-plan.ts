// Bench: plan → apply for the full alert pack (every exporter with alert rules) on the Grafana API
// double, through the real fetch client (in-process, no sockets).
//
//   npx tsx scripts/bench/alert-plan.ts
//
// Prints plan time against an empty Grafana and an already-applied one (target ≤ 100 ms), the
// writes of the first apply (target ≤ one per rule group + the folder + notification objects) and
// of a re-apply (target 0, policy tree included). Then, for each Grafana version the double
// imitates (and once with the version hidden): deselecting two packs (their rules gone, the next
// plan empty) and restoring an older bundle (rules not in it gone, the next restore plan empty).
// Exits 1 when a target is missed.
import { performance } from 'node:perf_hooks';
import { apply, buildDesiredState, exportersWithAlerts, plan, type SetupChoices } from '../../src/engine';
import { createGrafanaApi, fetchTransport } from '../../src/grafana-api';
import { applyRestore, exportBundle, planRestore } from '../../src/backup';
import { doubleFetch, GrafanaDouble, GRAFANA_VERSIONS, type GrafanaDoubleOptions } from '../../tests/grafana-double';
import { backupDouble, PLUGIN_ID } from '../../tests/support/backup-double';

const PLAN_TARGET_MS = 100;
const RUNS = 15;

const choices: SetupChoices = {
  exporterIds: exportersWithAlerts().map((e) => e.id),
  datasourceUid: 'prom',
  editable: true,
  notifications: {
    contactPoint: { kind: 'new', type: 'slack', values: { url: 'https://hooks.slack.com/services/T/B/bench' } },
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
    notifications: { ...choices.notifications!, contactPoint: { kind: 'new', type: 'slack' } },
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
  for (const variant of [
    ...GRAFANA_VERSIONS.map((v) => ({ label: `Grafana ${v}`, options: { grafanaVersion: v } })),
    { label: 'version hidden', options: { hideVersion: true } },
  ]) {
    rows.push(...(await versionJourneys(variant.label, variant.options)));
  }
  for (const [what, value, target, ok] of rows) {
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${what.padEnd(52)} ${value.padStart(10)}  ${target}\n`);
  }
  return rows.every((r) => r[3]) ? 0 : 1;
}

/** Deselect two packs, then restore an older bundle, on one Grafana version: the figures the engine promises. */
async function versionJourneys(
  label: string,
  options: GrafanaDoubleOptions
): Promise<Array<[string, string, string, boolean]>> {
  const target = { pluginId: PLUGIN_ID, pluginVersion: '0.1.0' };
  const all = choices.exporterIds;
  const two = all.slice(1, 3);
  const { double, api } = backupDouble({ ...options, via: 'direct' });
  const noSecret = (ids: readonly string[]) =>
    buildDesiredState({
      ...choices,
      exporterIds: ids,
      notifications: { ...choices.notifications!, contactPoint: { kind: 'new', type: 'slack' } },
    });
  await apply(api, buildDesiredState(choices));
  const inPacks = (ids: readonly string[]) =>
    [...double.rules.values()].filter((r) => ids.some((id) => r.ruleGroup === `fsm-${id}`)).length;

  // Deselect two packs.
  const kept = all.filter((id) => !two.includes(id));
  const deselect = await apply(api, noSecret(kept));
  const leftInDeselected = inPacks(two);
  const afterDeselect = (await plan(api, noSecret(kept))).writes;

  // A bundle of this state, then two more packs, then restore the bundle.
  const older = await exportBundle(api, target);
  await apply(api, noSecret(all));
  const secrets = { secrets: { 'fsm-contact-point': { url: 'https://hooks.slack.com/services/T/B/bench' } } };
  // The admin reads the plan and ticks each change of where notifications go (here: the secret typed again).
  const shown = await planRestore(api, older, target, secrets);
  const confirmed = { ...secrets, confirmDestinations: shown.destinations.map((d) => d.id) };
  const restored = await applyRestore(api, older, target, confirmed);
  const leftNotInBundle = inPacks(two);
  const afterRestore = (await planRestore(api, older, target)).writes;
  return [
    [`${label}: deselect 2 packs: writes`, String(deselect.writes), 'one per group removed', deselect.writes >= 2],
    [`${label}: rules of the deselected packs left`, String(leftInDeselected), '0', leftInDeselected === 0],
    [`${label}: next plan: writes`, String(afterDeselect), '0', afterDeselect === 0],
    [`${label}: restore older bundle: writes`, String(restored.writes), '', true],
    [`${label}: rules not in the bundle left`, String(leftNotInBundle), '0', leftNotInBundle === 0],
    [`${label}: next restore plan: writes`, String(afterRestore), '0', afterRestore === 0],
  ];
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
