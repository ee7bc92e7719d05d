/**
 * Query cost bench: what opening each dashboard costs Prometheus, on a synthetic node_exporter
 * fleet backfilled with promtool into a throwaway TSDB and served by a throwaway Prometheus.
 *
 *   npx tsx scripts/bench/query-cost.ts [--hosts N] [--big-hosts N] [--interval S] [--hours H] [dashboard.json …]
 *
 * What a user pays is the first view: the panels Grafana loads when the dashboard opens, i.e. every
 * panel outside a collapsed row. For the node dashboard and every comparison dashboard given as an
 * argument (../shared/reference/anchors/node-exporter-full.json), the bench runs each query as
 * Grafana would over the same range (default 6 h, our dashboards' default) with `stats=all`, for one
 * host and for the whole fleet (instance = All), and prints the first view and the whole dashboard
 * (every row expanded): panels, queries, samples touched (totalQueryableSamples) and Prometheus'
 * evaluation time. Step: Grafana's interval, round(range / max data points) with max data points the
 * panel's own or its width in pixels on a 1,920 px screen, at least the scrape interval;
 * $__rate_interval = max(step + scrape, 4 × scrape). Home and every layer dashboard are measured on a
 * big fleet (default 1,000 hosts), and every exporter dashboard's first view is counted.
 *
 * Prints figures; not a timed test and not part of CI. Everything it starts is stopped by PID and
 * its temporary directory deleted, also on failure or Ctrl-C.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { generateDashboards, type GeneratedDashboard } from '../../src/generate/dashboards';
import { backfillFleet, runBench, startPrometheus, stopPrometheus, tempDirs } from './fleet/prometheus';
import { BLOCK_SECONDS, buildFleet, hostInstance, parseSnapshot } from './fleet/synthetic-fleet';

const SNAPSHOT = '/work/shared/fixtures/exporters/node-1.5-snapshot.prom';
let RANGE_SECONDS = 6 * 3600;

interface Args {
  hosts: number;
  bigHosts: number;
  interval: number;
  hours: number;
  comparisons: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { hosts: 50, bigHosts: 1000, interval: 30, hours: 6, comparisons: [] };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    if (argv[i] === '--hosts') {
      args.hosts = value();
    } else if (argv[i] === '--big-hosts') {
      args.bigHosts = value();
    } else if (argv[i] === '--interval') {
      args.interval = value();
    } else if (argv[i] === '--hours') {
      args.hours = value();
    } else {
      args.comparisons.push(resolve(argv[i]));
    }
  }
  if (args.interval < 15 || args.interval > 30) {
    throw new Error('--interval must be 15–30 seconds, like a real scrape interval');
  }
  return args;
}

/** Grafana's $__rate_interval: max($__interval + scrape interval, 4 × scrape interval), in seconds. */
function rateInterval(stepSeconds: number): number {
  return Math.max(stepSeconds + scrapeSeconds, 4 * scrapeSeconds);
}

// ---------------------------------------------------------------------------------------------
// Dashboards as the bench sees them: panels with their queries and variable values.

interface BenchQuery {
  expr: string;
  instant: boolean;
  /** Range step as Grafana would choose it for this panel over the range. */
  stepSeconds: number;
}
interface BenchPanel {
  title: string;
  /** Outside a collapsed row: loaded when the dashboard opens. */
  firstView: boolean;
  queries: BenchQuery[];
}
interface BenchDashboard {
  name: string;
  panels: BenchPanel[];
}

interface PanelJson {
  type?: string;
  title?: string;
  collapsed?: boolean;
  panels?: PanelJson[];
  gridPos?: { w?: number };
  maxDataPoints?: number;
  interval?: string;
  targets?: Array<{ expr?: string; instant?: boolean; range?: boolean; hide?: boolean; interval?: string }>;
}

/**
 * Grafana's default max data points is the panel's width in pixels: the bench assumes a 1,920 px
 * wide dashboard, so a panel of w grid columns (of 24) gets 80·w points unless it sets its own.
 */
const SCREEN_PIXELS = 1920;
const GRID_COLUMNS = 24;

/** Grafana's kbn.roundInterval, in seconds. */
function roundInterval(seconds: number): number {
  const table: Array<[number, number]> = [
    [0.015, 0.01],
    [0.035, 0.02],
    [0.075, 0.05],
    [0.15, 0.1],
    [0.35, 0.2],
    [0.75, 0.5],
    [1.5, 1],
    [3.5, 2],
    [7.5, 5],
    [12.5, 10],
    [17.5, 15],
    [25, 20],
    [45, 30],
    [90, 60],
    [210, 120],
    [450, 300],
    [750, 600],
    [1050, 900],
    [1500, 1200],
    [2700, 1800],
    [5400, 3600],
    [9000, 7200],
    [16200, 10800],
    [32400, 21600],
  ];
  return table.find(([below]) => seconds < below)?.[1] ?? 43200;
}

function durationSeconds(text: string | undefined): number {
  const match = /^>?(\d+)(s|m|h)$/.exec(text ?? '');
  return match ? Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'] : 0;
}

/** step = max(round(range / max data points), min interval, scrape interval), as Grafana computes it. */
function stepFor(panel: PanelJson, target: { interval?: string }): number {
  const width = Math.round(((panel.gridPos?.w ?? GRID_COLUMNS) / GRID_COLUMNS) * SCREEN_PIXELS);
  const fromPoints = roundInterval(RANGE_SECONDS / (panel.maxDataPoints ?? width));
  return Math.max(fromPoints, durationSeconds(target.interval), durationSeconds(panel.interval), scrapeSeconds);
}

/** Panels in Grafana's v1 layout: those of an expanded row follow it; a collapsed row holds its own. */
function panelsOf(panels: PanelJson[] = [], inCollapsedRow = false): Array<{ panel: PanelJson; firstView: boolean }> {
  return panels.flatMap((p) =>
    p.type === 'row'
      ? panelsOf(p.panels, inCollapsedRow || p.collapsed === true)
      : [{ panel: p, firstView: !inCollapsedRow }]
  );
}

/**
 * Reads any dashboard JSON; `values` gives each template variable's value. With `fleet`, a
 * single-value variable compared with `=` (Node Exporter Full's `instance="$node"`) is compared with
 * `=~`, as it would be with All selected.
 */
function benchDashboard(
  name: string,
  json: unknown,
  values: (variable: string) => string,
  fleet = false
): BenchDashboard {
  const dashboard = json as { panels?: PanelJson[] };
  return {
    name,
    panels: panelsOf(dashboard.panels)
      .map(({ panel, firstView }) => ({
        title: panel.title ?? '(untitled)',
        firstView,
        queries: (panel.targets ?? [])
          .filter((t) => t.expr && !t.hide)
          .map((t) => {
            const stepSeconds = stepFor(panel, t);
            const expr = fleet ? t.expr!.replace(/(\w+)\s*=\s*"\$(\w+)"/g, '$1=~"$$$2"') : t.expr!;
            return {
              expr: expandVariables(expr, values, stepSeconds),
              instant: t.instant === true && t.range !== true,
              stepSeconds,
            };
          }),
      }))
      .filter((p) => p.queries.length > 0),
  };
}

function expandVariables(expr: string, values: (variable: string) => string, stepSeconds: number): string {
  const builtin: Record<string, string> = {
    __rate_interval: `${rateInterval(stepSeconds)}s`,
    __interval: `${stepSeconds}s`,
    __interval_ms: String(stepSeconds * 1000),
    __range: `${RANGE_SECONDS}s`,
    __range_s: String(RANGE_SECONDS),
    __range_ms: String(RANGE_SECONDS * 1000),
  };
  const value = (name: string) => builtin[name] ?? values(name);
  return expr
    .replace(/\$\{(\w+)(?::\w+)?\}/g, (_m, name: string) => value(name))
    .replace(/\[\[(\w+)\]\]/g, (_m, name: string) => value(name))
    .replace(/\$(\w+)/g, (_m, name: string) => value(name));
}

let scrapeSeconds = 30;

/** Variable values for one host of the fleet (per-host dashboards) or all of it (fleet dashboards). */
function variableValues(scope: 'host' | 'fleet', nodename: string) {
  return (name: string): string => {
    switch (name) {
      case 'cluster':
        return '.*';
      case 'job':
        return 'node';
      case 'instance':
      case 'node':
        return scope === 'host' ? hostInstance(1) : '.+';
      case 'nodename':
        return nodename;
      default:
        return '.+';
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The TSDB.

async function backfill(
  names: Set<string>,
  hosts: number,
  interval: number,
  end: number,
  dir: string
): Promise<{ samples: number; series: number; seconds: number }> {
  const began = Date.now();
  const snapshot = parseSnapshot(SNAPSHOT).filter((s) => names.has(s.name));
  const start = end - RANGE_SECONDS;
  const fleet = buildFleet(snapshot, hosts, start);
  const samples = await backfillFleet(fleet, start, end, interval, dir);
  return { samples, series: fleet.series.length, seconds: (Date.now() - began) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Measuring.

interface Cost {
  samples: number;
  /** Prometheus' own evaluation time (stats.timings.evalTotalTime), seconds. */
  evalSeconds: number;
  series: number;
  error?: string;
}

async function measure(url: string, query: BenchQuery, end: number): Promise<Cost> {
  const params = new URLSearchParams({ query: query.expr, stats: 'all' });
  if (query.instant) {
    params.set('time', String(end));
  } else {
    params.set('start', String(end - RANGE_SECONDS));
    params.set('end', String(end));
    params.set('step', String(query.stepSeconds));
  }
  const response = await fetch(`${url}/api/v1/${query.instant ? 'query' : 'query_range'}`, {
    method: 'POST',
    body: params,
  });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: {
      result: unknown[];
      stats?: { timings: { evalTotalTime: number }; samples: { totalQueryableSamples: number } };
    };
  };
  if (body.status !== 'success' || !body.data?.stats) {
    return { samples: 0, evalSeconds: 0, series: 0, error: body.error ?? `HTTP ${response.status}` };
  }
  return {
    samples: body.data.stats.samples.totalQueryableSamples,
    evalSeconds: body.data.stats.timings.evalTotalTime,
    series: body.data.result.length,
  };
}

interface PanelCost {
  title: string;
  firstView: boolean;
  queries: number;
  samples: number;
  evalSeconds: number;
  series: number;
  errors: string[];
}

async function measureDashboard(url: string, dashboard: BenchDashboard, end: number): Promise<PanelCost[]> {
  const costs: PanelCost[] = [];
  for (const panel of dashboard.panels) {
    const cost: PanelCost = {
      title: panel.title,
      firstView: panel.firstView,
      queries: panel.queries.length,
      samples: 0,
      evalSeconds: 0,
      series: 0,
      errors: [],
    };
    for (const query of panel.queries) {
      const c = await measure(url, query, end);
      cost.samples += c.samples;
      cost.evalSeconds += c.evalSeconds;
      cost.series += c.series;
      if (c.error) {
        cost.errors.push(`${c.error} in ${query.expr}`);
      }
    }
    costs.push(cost);
  }
  return costs;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;

interface View {
  panels: number;
  queries: number;
  samples: number;
  evalSeconds: number;
}
interface Summary {
  name: string;
  scope: string;
  first: View;
  whole: View;
  errors: number;
  emptyPanels: number;
}

function viewOf(costs: PanelCost[]): View {
  return {
    panels: costs.length,
    queries: costs.reduce((a, c) => a + c.queries, 0),
    samples: costs.reduce((a, c) => a + c.samples, 0),
    evalSeconds: costs.reduce((a, c) => a + c.evalSeconds, 0),
  };
}

const viewText = (v: View) =>
  `${v.panels} panels, ${v.queries} queries, ${fmt(v.samples)} samples, Prometheus ${ms(v.evalSeconds)}`;

/** Prints every panel (first-view panels marked *) and the first view against the whole dashboard. */
function report(scope: string, dashboard: BenchDashboard, costs: PanelCost[], verbose = true): Summary {
  process.stdout.write(`\n### ${dashboard.name} (${scope})\n`);
  if (verbose) {
    process.stdout.write(
      `${'samples'.padStart(14)} ${'eval'.padStart(10)} ${'series'.padStart(7)}  panel (* first view)\n`
    );
    for (const c of costs) {
      const flag = c.errors.length ? `  ERROR ${c.errors.join('; ')}` : c.series === 0 ? '  (no data)' : '';
      process.stdout.write(
        `${fmt(c.samples).padStart(14)} ${ms(c.evalSeconds).padStart(10)} ${String(c.series).padStart(7)}  ` +
          `${c.firstView ? '* ' : '  '}${c.title}${flag}\n`
      );
    }
  }
  const summary: Summary = {
    name: dashboard.name,
    scope,
    first: viewOf(costs.filter((c) => c.firstView)),
    whole: viewOf(costs),
    errors: costs.filter((c) => c.errors.length).length,
    emptyPanels: costs.filter((c) => c.series === 0 && !c.errors.length).length,
  };
  process.stdout.write(
    `first view: ${viewText(summary.first)}\nwhole dashboard: ${viewText(summary.whole)}; ` +
      `${summary.errors} panels with errors, ${summary.emptyPanels} without data\n`
  );
  return summary;
}

/** Node metric names any of these dashboards queries, plus what identifies a node target. */
function referencedNodeMetrics(dashboards: BenchDashboard[]): Set<string> {
  const names = new Set(['node_uname_info', 'node_exporter_build_info']);
  for (const d of dashboards) {
    for (const p of d.panels) {
      for (const q of p.queries) {
        for (const m of q.expr.matchAll(/\bnode_[a-zA-Z0-9_]+/g)) {
          names.add(m[0]);
        }
      }
    }
  }
  return names;
}

/** Every exporter dashboard's first view against the whole, by panels and queries (no data needed). */
function reportShapes(generated: GeneratedDashboard[]) {
  process.stdout.write('\n## Every exporter dashboard: first view / whole dashboard (panels, queries)\n');
  for (const d of generated.filter((g) => g.kind === 'exporter')) {
    const bench = benchDashboard(d.uid, d.dashboard, () => '.+');
    const first = bench.panels.filter((p) => p.firstView);
    const count = (panels: BenchPanel[]) => panels.reduce((a, p) => a + p.queries.length, 0);
    process.stdout.write(
      `${d.uid.padEnd(34)} panels ${String(first.length).padStart(2)} / ${String(bench.panels.length).padStart(2)}, ` +
        `queries ${String(count(first)).padStart(2)} / ${String(count(bench.panels)).padStart(2)}\n`
    );
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  scrapeSeconds = args.interval;
  RANGE_SECONDS = args.hours * 3600;
  const generated = generateDashboards();
  const byUid = (uid: string): GeneratedDashboard => generated.find((d) => d.uid === uid)!;
  const nodename = /nodename="([^"]*)"/.exec(readFileSync(SNAPSHOT, 'utf8'))?.[1] ?? '.+';
  const host = variableValues('host', nodename);
  const fleetVars = variableValues('fleet', nodename);

  const nodeJson = byUid('fsm-infrastructure-node').dashboard;
  const perHost = [
    {
      host: benchDashboard('ours: fsm-infrastructure-node', nodeJson, host),
      fleet: benchDashboard('ours: fsm-infrastructure-node', nodeJson, fleetVars, true),
    },
    ...args.comparisons.map((path) => {
      const json = JSON.parse(readFileSync(path, 'utf8'));
      return {
        host: benchDashboard(`comparison: ${basename(path)}`, json, host),
        fleet: benchDashboard(`comparison: ${basename(path)}`, json, fleetVars, true),
      };
    }),
  ];
  const fleetDashboards = generated
    .filter((d) => d.kind === 'home' || d.kind === 'layer')
    .map((d) => benchDashboard(`ours: ${d.uid}`, d.dashboard, fleetVars));

  reportShapes(generated);

  const end = Math.floor(Date.now() / 1000 / BLOCK_SECONDS) * BLOCK_SECONDS;
  const dir = mkdtempSync(join(tmpdir(), 'fsm-query-cost-'));
  tempDirs.push(dir);
  process.stdout.write(
    `\nquery-cost bench: Prometheus 2.42 on backfilled TSDBs in ${dir}; range ${args.hours} h ending ` +
      `${new Date(end * 1000).toISOString()}, scrape interval ${args.interval}s; step as Grafana computes it ` +
      `(max data points: the panel's own, else its width on a ${SCREEN_PIXELS} px screen), ` +
      `$__rate_interval = max(step + scrape, 4 × scrape)\n`
  );

  // 1. Per-host dashboards, one host and the whole fleet, on the same data in the same run.
  const smallDir = join(dir, 'fleet-small');
  const smallNames = referencedNodeMetrics(perHost.flatMap((d) => [d.host, d.fleet]));
  const built = await backfill(smallNames, args.hosts, args.interval, end, mkdir(smallDir));
  process.stdout.write(
    `fleet: ${args.hosts} hosts, ${smallNames.size} node metric names from the snapshot, ${fmt(built.series)} series, ` +
      `${fmt(built.samples)} samples, written and backfilled in ${built.seconds.toFixed(0)} s\n`
  );
  let prometheus = await startPrometheus(smallDir);
  const summaries: Array<{ host: Summary; fleet: Summary }> = [];
  for (const d of perHost) {
    summaries.push({
      host: report('one host', d.host, await measureDashboard(prometheus.url, d.host, end)),
      fleet: report(
        `${args.hosts} hosts, instance = All`,
        d.fleet,
        await measureDashboard(prometheus.url, d.fleet, end)
      ),
    });
  }
  await stopPrometheus(prometheus.child);
  rmSync(smallDir, { recursive: true, force: true });

  // 2. Home and every layer dashboard on the big fleet.
  const bigDir = join(dir, 'fleet-big');
  const bigNames = referencedNodeMetrics(fleetDashboards);
  const bigBuilt = await backfill(bigNames, args.bigHosts, args.interval, end, mkdir(bigDir));
  process.stdout.write(
    `\nbig fleet: ${args.bigHosts} hosts, ${bigNames.size} node metric names, ${fmt(bigBuilt.series)} series, ` +
      `${fmt(bigBuilt.samples)} samples, written and backfilled in ${bigBuilt.seconds.toFixed(0)} s ` +
      `(node_exporter only: other layers' panels find no targets and cost their index lookups)\n`
  );
  prometheus = await startPrometheus(bigDir);
  const big: Summary[] = [];
  for (const dashboard of fleetDashboards) {
    big.push(
      report(`${args.bigHosts} hosts`, dashboard, await measureDashboard(prometheus.url, dashboard, end), false)
    );
  }
  await stopPrometheus(prometheus.child);

  // Headlines.
  process.stdout.write('\n## Headline (first view = panels outside collapsed rows)\n');
  const ours = summaries[0];
  let missed = false;
  for (const comparison of summaries.slice(1)) {
    for (const scope of ['host', 'fleet'] as const) {
      const a = ours[scope];
      const b = comparison[scope];
      const ratio = b.first.samples === 0 ? Infinity : a.first.samples / b.first.samples;
      missed ||= ratio > 0.5;
      process.stdout.write(
        `node dashboard first view, ${a.scope}: ours ${fmt(a.first.samples)} samples (${a.first.panels} panels, ` +
          `${ms(a.first.evalSeconds)}) vs ${b.name} ${fmt(b.first.samples)} (${b.first.panels} panels, ` +
          `${ms(b.first.evalSeconds)}) → ${ratio.toPrecision(2)}× (target ≤ 0.5×: ${ratio <= 0.5 ? 'met' : 'MISSED'}); ` +
          `whole dashboards ${fmt(a.whole.samples)} vs ${fmt(b.whole.samples)} samples (${a.whole.panels} vs ${b.whole.panels} panels)\n`
      );
    }
  }
  for (const s of big) {
    process.stdout.write(
      `${s.name.replace('ours: ', '').padEnd(26)} ${args.bigHosts} hosts: ${s.first.panels} panels, ` +
        `${fmt(s.first.samples)} samples, Prometheus ${ms(s.first.evalSeconds)}` +
        `${s.whole.panels > s.first.panels ? ` (whole: ${viewText(s.whole)})` : ''}\n`
    );
  }
  const overview = big.find((s) => s.name.endsWith('fsm-layer-infrastructure'));
  if (overview) {
    process.stdout.write(
      `infrastructure overview, ${args.bigHosts} hosts: ${ms(overview.first.evalSeconds)} of Prometheus time ` +
        `(target ≤ 1 s: ${overview.first.evalSeconds <= 1 ? 'met' : 'MISSED'})\n`
    );
    missed ||= overview.first.evalSeconds > 1;
  }
  if (missed) {
    process.exitCode = 1;
  }
}

function mkdir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

runBench('query-cost', main);
