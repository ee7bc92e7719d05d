/**
 * Health page bench: what the page costs Prometheus on a monitoring estate of 10 Prometheus servers
 * in 5 HA pairs (each pair's two replicas scrape the same targets and are read through one global
 * view, `replica` telling them apart), with an Alertmanager and a Pushgateway per pair, a Grafana,
 * and node_exporter on every Prometheus host. The series are real scrapes (Prometheus 2.42,
 * Alertmanager 0.25 and Pushgateway 1.5 from the test stack, snapshots/*.prom; Grafana and
 * node_exporter from the shared fixtures) replicated per server with moving values, backfilled over
 * 6 h into a throwaway TSDB and served by a throwaway Prometheus.
 *
 *   npx tsx scripts/bench/health-checks.ts [--pairs N]
 *
 * Runs the page's check batch (every check, instant, as the verdict asks) and its panels (graphs as
 * range queries over the page's default hour at Grafana's step for a 600 px panel, the rest
 * instant) with `stats=all`, and prints queries, samples touched and Prometheus' evaluation time.
 * Prints figures; not part of CI. Everything it starts is stopped by PID, its directory deleted.
 */
import { mkdirSync, mkdtempSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthChecks, healthContext } from '../../src/health/checks';
import { healthPanels } from '../../src/health/panels';
import { run, runBench, startPrometheus, stopPrometheus, tempDirs } from './fleet/prometheus';
import { BLOCK_SECONDS, buildFleet, parseSnapshot, writeWindow, type Fleet } from './fleet/synthetic-fleet';

const SNAPSHOTS = join(__dirname, 'fleet', 'snapshots');
const FIXTURES = '/work/shared/fixtures/exporters';
const RANGE_SECONDS = 6 * 3600;
const SCRAPE_SECONDS = 15;
const PAGE_RANGE_SECONDS = 3600;
const PANEL_STEP_SECONDS = 15; // 1 h over 600 px is 6 s, raised to the scrape interval

function pairs(): number {
  const i = process.argv.indexOf('--pairs');
  return i > 0 ? Number(process.argv[i + 1]) : 5;
}

/** One fleet per component: its snapshot replicated over the pairs' servers. */
function estate(pairCount: number, start: number): Array<{ name: string; fleet: Fleet; targets: number }> {
  const replicas = ['a', 'b'];
  // Server k of the estate: pair ⌈k/2⌉, replica a or b. Its own series carry the global view's labels.
  const server = (k: number) => ({ pair: Math.ceil(k / 2), replica: replicas[(k - 1) % 2] });
  const labels = (job: string, port: number, k: number) => {
    const { pair, replica } = server(k);
    return `cluster="dc${pair}",replica="${replica}",job="${job}",instance="${job}-${pair}${replica}:${port}"`;
  };
  const perPair = (job: string, port: number) => (pair: number) =>
    `cluster="dc${pair}",replica="a",job="${job}",instance="${job}-${pair}:${port}"`;
  const servers = pairCount * 2;
  return [
    {
      name: 'Prometheus',
      fleet: buildFleet(parseSnapshot(join(SNAPSHOTS, 'prometheus-2.42.prom')), servers, start, (k) =>
        labels('prometheus', 9090, k)
      ),
      targets: servers,
    },
    {
      name: 'node_exporter on the Prometheus hosts',
      fleet: buildFleet(
        parseSnapshot(join(FIXTURES, 'node-1.5-snapshot.prom')).filter((s) => s.name.startsWith('node_filesystem_')),
        servers,
        start,
        (k) => labels('node', 9100, k)
      ),
      targets: servers,
    },
    {
      name: 'Alertmanager',
      fleet: buildFleet(
        parseSnapshot(join(SNAPSHOTS, 'alertmanager-0.25.prom')),
        pairCount,
        start,
        perPair('alertmanager', 9093)
      ),
      targets: pairCount,
    },
    {
      name: 'Pushgateway',
      fleet: buildFleet(
        parseSnapshot(join(SNAPSHOTS, 'pushgateway-1.5.prom')),
        pairCount,
        start,
        perPair('pushgateway', 9091)
      ),
      targets: pairCount,
    },
    {
      name: 'Grafana',
      fleet: buildFleet(parseSnapshot(join(FIXTURES, 'grafana-11.6-12.prom')), 1, start, perPair('grafana', 3000)),
      targets: 1,
    },
  ];
}

interface Cost {
  samples: number;
  evalSeconds: number;
  errors: string[];
}

async function measure(url: string, expr: string, end: number, range: boolean): Promise<Cost> {
  const params = new URLSearchParams({ query: expr, stats: 'all' });
  if (range) {
    params.set('start', String(end - PAGE_RANGE_SECONDS));
    params.set('end', String(end));
    params.set('step', String(PANEL_STEP_SECONDS));
  } else {
    params.set('time', String(end));
  }
  const response = await fetch(`${url}/api/v1/${range ? 'query_range' : 'query'}`, { method: 'POST', body: params });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: { stats?: { timings: { evalTotalTime: number }; samples: { totalQueryableSamples: number } } };
  };
  if (body.status !== 'success' || !body.data?.stats) {
    return { samples: 0, evalSeconds: 0, errors: [body.error ?? `HTTP ${response.status}`] };
  }
  return {
    samples: body.data.stats.samples.totalQueryableSamples,
    evalSeconds: body.data.stats.timings.evalTotalTime,
    errors: [],
  };
}

async function total(url: string, queries: Array<{ expr: string; range: boolean }>, end: number): Promise<Cost> {
  const sum: Cost = { samples: 0, evalSeconds: 0, errors: [] };
  for (const q of queries) {
    const c = await measure(url, q.expr, end, q.range);
    sum.samples += c.samples;
    sum.evalSeconds += c.evalSeconds;
    sum.errors.push(...c.errors.map((e) => `${e} in ${q.expr.slice(0, 80)}`));
  }
  return sum;
}

async function main() {
  const pairCount = pairs();
  const end = Math.floor(Date.now() / 1000 / BLOCK_SECONDS) * BLOCK_SECONDS;
  const start = end - RANGE_SECONDS;
  const dir = mkdtempSync(join(tmpdir(), 'fsm-health-bench-'));
  tempDirs.push(dir);
  const tsdb = join(dir, 'tsdb');
  mkdirSync(tsdb);

  const began = Date.now();
  const components = estate(pairCount, start);
  let samples = 0;
  let series = 0;
  for (const { fleet } of components) {
    series += fleet.series.length;
  }
  for (let windowStart = start; windowStart < end; windowStart += BLOCK_SECONDS) {
    const file = join(dir, `estate-${windowStart}.om`);
    // One file per window with every component: promtool writes one block per window.
    const merged: Fleet = { series: components.flatMap((c) => c.fleet.series) };
    samples += writeWindow(merged, windowStart, windowStart + BLOCK_SECONDS, SCRAPE_SECONDS, file);
    await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '-q', file, tsdb]);
    unlinkSync(file);
  }
  process.stdout.write(
    `health bench: ${pairCount * 2} Prometheus servers in ${pairCount} HA pairs, ` +
      components.map((c) => `${c.targets} ${c.name}`).join(', ') +
      `; ${series.toLocaleString('en-US')} series, ${samples.toLocaleString('en-US')} samples over ` +
      `${RANGE_SECONDS / 3600} h at ${SCRAPE_SECONDS} s, backfilled in ${((Date.now() - began) / 1000).toFixed(0)} s\n`
  );

  const prometheus = await startPrometheus(dir);
  try {
    const q = healthContext({ clusterLabel: 'cluster', range: '$__rate_interval' });
    // $__rate_interval as Grafana computes it for the page's step: max(step + scrape, 4 × scrape).
    const rate = `${Math.max(PANEL_STEP_SECONDS + SCRAPE_SECONDS, 4 * SCRAPE_SECONDS)}s`;
    const expand = (expr: string) => expr.replaceAll('$__rate_interval', rate);
    const checks = healthChecks();
    const checkCost = await total(
      prometheus.url,
      checks.map((c) => ({ expr: expand(c.query(q)), range: false })),
      end
    );
    const panels = healthPanels().filter((p) => !p.dashboardOnly);
    const panelCost = await total(
      prometheus.url,
      panels.map((p) => ({ expr: expand(p.query(q)), range: p.kind === 'timeseries' })),
      end
    );
    const line = (what: string, count: number, c: Cost) =>
      `${what.padEnd(44)} ${String(count).padStart(3)} queries  ${c.samples.toLocaleString('en-US').padStart(11)} samples  ` +
      `Prometheus ${(c.evalSeconds * 1000).toFixed(1).padStart(7)} ms${c.errors.length ? `  ERRORS: ${c.errors.join('; ')}` : ''}\n`;
    process.stdout.write(line('verdict: every check (instant)', checks.length, checkCost));
    process.stdout.write(
      line(
        `panels (graphs over ${PAGE_RANGE_SECONDS / 3600} h, step ${PANEL_STEP_SECONDS} s)`,
        panels.length,
        panelCost
      )
    );
    process.stdout.write(
      line('the page in all', checks.length + panels.length, {
        samples: checkCost.samples + panelCost.samples,
        evalSeconds: checkCost.evalSeconds + panelCost.evalSeconds,
        errors: [],
      })
    );
    // Where the panels' samples go: the five heaviest.
    const perPanel = [];
    for (const p of panels) {
      perPanel.push({
        title: p.title,
        cost: await measure(prometheus.url, expand(p.query(q)), end, p.kind === 'timeseries'),
      });
    }
    perPanel.sort((a, b) => b.cost.samples - a.cost.samples);
    for (const { title, cost } of perPanel.slice(0, 5)) {
      process.stdout.write(`  ${cost.samples.toLocaleString('en-US').padStart(11)} samples  ${title}\n`);
    }
    if (checkCost.errors.length || panelCost.errors.length) {
      process.exitCode = 1;
    }
  } finally {
    await stopPrometheus(prometheus.child);
  }
}

runBench('health', main);
