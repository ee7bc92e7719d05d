// Bench: Setup on a large estate, 10,000 targets over 1,000 jobs: what its detection step and its
// plan cost in the browser, through the real code and the Grafana API double (no sockets).
//
//   npx tsx scripts/bench/setup-scale.ts [--targets N] [--jobs N]
//
// Detection asks Prometheus `group by (job, metric) (…)`, so its answer has one series per job and
// detection metric, not per target: the bench builds that answer for the estate (every job runs
// one catalog exporter, 10 targets each) and times parsing it, detectExporters and layerCoverage.
// Setup then plans the alert packs of every detected exporter against an empty Grafana and an
// applied one: rules are per exporter, not per job or target, so the plan is the same at any scale.
// Prints figures (median of several runs); a figure over its target exits 1.
import { performance } from 'node:perf_hooks';
import { EXPORTERS } from '../../src/catalog/runtime';
import { apply, buildDesiredState, exportersWithAlerts, plan } from '../../src/engine';
import { createGrafanaApi, fetchTransport } from '../../src/grafana-api';
import { detectExporters, detectionQuery, layerCoverage } from '../../src/inventory/detect';
import { doubleFetch, GrafanaDouble } from '../../tests/grafana-double';

const DETECT_TARGET_MS = 100;
const PLAN_TARGET_MS = 100;
const RUNS = 9;

function parseArgs(argv: string[]): { targets: number; jobs: number } {
  const args = { targets: 10_000, jobs: 1_000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--targets') {
      args.targets = Number(argv[++i]);
    } else if (argv[i] === '--jobs') {
      args.jobs = Number(argv[++i]);
    }
  }
  return args;
}

/**
 * Prometheus' answer to the detection query for the estate: job j runs exporter j mod 24, and each
 * of its targets exposes every detection metric of it (two for most exporters: build info and a
 * signal metric), grouped by job and metric as the query asks.
 */
function detectionAnswer(jobs: number): string {
  const result = [];
  for (let j = 0; j < jobs; j++) {
    const exporter = EXPORTERS[j % EXPORTERS.length];
    const job = `${exporter.id}-${String(j).padStart(4, '0')}`;
    for (const metric of exporter.detection.metrics) {
      result.push({ metric: { job, metric }, value: [1_796_000_000, '1'] });
    }
  }
  return JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
}

function medianMs(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function medianAsyncMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function main(): Promise<number> {
  const { targets, jobs } = parseArgs(process.argv.slice(2));
  const answer = detectionAnswer(jobs);
  const series = (JSON.parse(answer) as { data: { result: unknown[] } }).data.result.length;
  let detectedIds: string[] = [];
  const detectMs = medianMs(() => {
    const detections = detectExporters(JSON.parse(answer));
    layerCoverage(detections);
    detectedIds = detections.map((d) => d.exporter.id);
  });
  const withAlerts = new Set(exportersWithAlerts().map((e) => e.id));
  const desired = buildDesiredState({
    exporterIds: detectedIds.filter((id) => withAlerts.has(id)),
    datasourceUid: 'prom',
    editable: true,
  });
  const rules = desired.groups.reduce((n, g) => n + g.rules.length, 0);
  const double = new GrafanaDouble();
  double.addDatasource({ uid: 'prom', name: 'Prometheus' });
  const api = createGrafanaApi(fetchTransport('http://grafana.bench', { fetch: doubleFetch(double) }));
  const planEmptyMs = await medianAsyncMs(() => plan(api, desired));
  await apply(api, desired);
  const planAppliedMs = await medianAsyncMs(() => plan(api, desired));

  const rows: Array<[string, string, string, boolean]> = [
    ['estate', `${targets.toLocaleString('en-US')} targets over ${jobs.toLocaleString('en-US')} jobs`, '', true],
    ['detection query', `${detectionQuery().length} characters`, '', true],
    [
      'detection answer (one series per job and metric)',
      `${series} series, ${(answer.length / 1024).toFixed(0)} KiB`,
      '',
      true,
    ],
    [
      `detection: parse + detectExporters + layerCoverage (median of ${RUNS})`,
      `${detectMs.toFixed(1)} ms`,
      `≤ ${DETECT_TARGET_MS} ms`,
      detectMs <= DETECT_TARGET_MS,
    ],
    [
      'exporters detected / packs planned / rules',
      `${detectedIds.length} / ${desired.groups.length} / ${rules}`,
      '',
      true,
    ],
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
  ];
  for (const [what, value, target, ok] of rows) {
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${what.padEnd(62)} ${value.padStart(32)}  ${target}\n`);
  }
  return rows.every((r) => r[3]) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`setup-scale bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  }
);
