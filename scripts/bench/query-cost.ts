/**
 * Query cost bench: what loading each dashboard costs Prometheus, on a synthetic node_exporter
 * fleet backfilled with promtool into a throwaway TSDB and served by a throwaway Prometheus.
 *
 *   npx tsx scripts/bench/query-cost.ts [--hosts N] [--big-hosts N] [--interval S] [dashboard.json …]
 *
 * For every panel query of the node, infrastructure-layer and home dashboards (and of every
 * dashboard JSON given as an argument, e.g. ../shared/reference/anchors/node-exporter-full.json),
 * runs it as Grafana would over the last 24 h (range panels: query_range, step 60 s; instant
 * panels: one instant query) with `stats=all`, and prints samples touched
 * (totalQueryableSamples) and Prometheus' evaluation time, per panel and per dashboard.
 * Headlines: the node dashboard's median samples per panel against the comparison dashboard's
 * (per-host dashboards, one host selected in both), and the infrastructure overview on a
 * 1,000-host fleet in Prometheus time.
 *
 * Prints figures; not a timed test and not part of CI. Everything it starts is stopped by PID and
 * its temporary directory deleted, also on failure or Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { generateDashboards, type GeneratedDashboard } from '../../src/generate/dashboards';
import { BLOCK_SECONDS, buildFleet, hostInstance, parseSnapshot, writeWindow } from './fleet/synthetic-fleet';

const SNAPSHOT = '/work/shared/fixtures/exporters/node-1.5-snapshot.prom';
const RANGE_SECONDS = 24 * 3600;

interface Args {
  hosts: number;
  bigHosts: number;
  interval: number;
  comparisons: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { hosts: 100, bigHosts: 1000, interval: 30, comparisons: [] };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    if (argv[i] === '--hosts') {
      args.hosts = value();
    } else if (argv[i] === '--big-hosts') {
      args.bigHosts = value();
    } else if (argv[i] === '--interval') {
      args.interval = value();
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
  /** Range step as Grafana would choose it for this panel over 24 h. */
  stepSeconds: number;
}
interface BenchPanel {
  title: string;
  queries: BenchQuery[];
}
interface BenchDashboard {
  name: string;
  panels: BenchPanel[];
}

interface PanelJson {
  type?: string;
  title?: string;
  panels?: PanelJson[];
  maxDataPoints?: number;
  interval?: string;
  targets?: Array<{ expr?: string; instant?: boolean; range?: boolean; hide?: boolean; interval?: string }>;
}

/**
 * Grafana's default max data points is the panel's width in pixels; the bench assumes a wide
 * panel (1,440 px: a 60 s step over 24 h) for every panel that does not set its own.
 */
const DEFAULT_MAX_DATA_POINTS = 1440;

/** Grafana's kbn.roundInterval for the intervals a 24 h range can give, in seconds. */
function roundInterval(seconds: number): number {
  const table: Array<[number, number]> = [
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
  ];
  return table.find(([below]) => seconds < below)?.[1] ?? 7200;
}

function durationSeconds(text: string | undefined): number {
  const match = /^>?(\d+)(s|m|h)$/.exec(text ?? '');
  return match ? Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'] : 0;
}

/** step = max(round(range / max data points), min interval, scrape interval), as Grafana computes it. */
function stepFor(panel: PanelJson, target: { interval?: string }): number {
  const fromPoints = roundInterval(RANGE_SECONDS / (panel.maxDataPoints ?? DEFAULT_MAX_DATA_POINTS));
  return Math.max(fromPoints, durationSeconds(target.interval), durationSeconds(panel.interval), scrapeSeconds);
}

function panelsOf(panels: PanelJson[] = []): PanelJson[] {
  return panels.flatMap((p) => (p.type === 'row' ? panelsOf(p.panels) : [p]));
}

/** Reads any dashboard JSON; `values` gives each template variable's value. */
function benchDashboard(name: string, json: unknown, values: (variable: string) => string): BenchDashboard {
  const dashboard = json as { panels?: PanelJson[] };
  return {
    name,
    panels: panelsOf(dashboard.panels)
      .map((panel) => ({
        title: panel.title ?? '(untitled)',
        queries: (panel.targets ?? [])
          .filter((t) => t.expr && !t.hide)
          .map((t) => {
            const stepSeconds = stepFor(panel, t);
            return {
              expr: expandVariables(t.expr!, values, stepSeconds),
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
// Processes and the TSDB.

const started: ChildProcess[] = [];
const tempDirs: string[] = [];

function cleanUp() {
  for (const child of started) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  for (const dir of tempDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    started.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr}`))
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePromise(address.port) : reject()));
    });
  });
}

/**
 * Writes the fleet window by window and backfills each window while the next one is written (the
 * writer and promtool each keep one core busy). Returns samples written.
 */
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
  let samples = 0;
  let pending: Promise<void> = Promise.resolve();
  for (let windowStart = start; windowStart < end; windowStart += BLOCK_SECONDS) {
    const file = join(dir, `fleet-${windowStart}.om`);
    samples += writeWindow(fleet, windowStart, windowStart + BLOCK_SECONDS, interval, file);
    await pending;
    pending = run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '-q', file, join(dir, 'tsdb')]).then(() =>
      unlinkSync(file)
    );
  }
  await pending;
  return { samples, series: fleet.series.length, seconds: (Date.now() - began) / 1000 };
}

async function startPrometheus(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, 'global:\n  scrape_interval: 30s\n');
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=100y',
      // No compaction while measuring: the backfilled 2 h blocks stay as they are.
      '--storage.tsdb.min-block-duration=2h',
      '--storage.tsdb.max-block-duration=2h',
      '--query.max-samples=2000000000',
      '--query.timeout=10m',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] }
  );
  started.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode} before it was ready`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return { url, child };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('prometheus did not become ready within 120 s');
}

async function stopPrometheus(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise((r) => child.on('exit', r));
  process.kill(child.pid, 'SIGTERM');
  await exited;
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
  samples: number;
  evalSeconds: number;
  series: number;
  errors: string[];
}

async function measureDashboard(url: string, dashboard: BenchDashboard, end: number): Promise<PanelCost[]> {
  const costs: PanelCost[] = [];
  for (const panel of dashboard.panels) {
    const cost: PanelCost = { title: panel.title, samples: 0, evalSeconds: 0, series: 0, errors: [] };
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;

interface Summary {
  name: string;
  panels: number;
  totalSamples: number;
  medianSamples: number;
  evalSeconds: number;
  maxPanelSeconds: number;
  errors: number;
  emptyPanels: number;
}

function report(fleet: string, dashboard: BenchDashboard, costs: PanelCost[]): Summary {
  process.stdout.write(`\n### ${dashboard.name} (${fleet})\n`);
  process.stdout.write(`${'samples'.padStart(14)} ${'eval'.padStart(10)} ${'series'.padStart(7)}  panel\n`);
  for (const c of costs) {
    const flag = c.errors.length ? `  ERROR ${c.errors.join('; ')}` : c.series === 0 ? '  (no data)' : '';
    process.stdout.write(
      `${fmt(c.samples).padStart(14)} ${ms(c.evalSeconds).padStart(10)} ${String(c.series).padStart(7)}  ${c.title}${flag}\n`
    );
  }
  const summary: Summary = {
    name: dashboard.name,
    panels: costs.length,
    totalSamples: costs.reduce((a, c) => a + c.samples, 0),
    medianSamples: median(costs.map((c) => c.samples)),
    evalSeconds: costs.reduce((a, c) => a + c.evalSeconds, 0),
    maxPanelSeconds: Math.max(0, ...costs.map((c) => c.evalSeconds)),
    errors: costs.filter((c) => c.errors.length).length,
    emptyPanels: costs.filter((c) => c.series === 0 && !c.errors.length).length,
  };
  process.stdout.write(
    `total ${fmt(summary.totalSamples)} samples, median ${fmt(summary.medianSamples)} per panel, ` +
      `Prometheus time ${ms(summary.evalSeconds)} (slowest panel ${ms(summary.maxPanelSeconds)}), ` +
      `${summary.panels} panels, ${summary.errors} with errors, ${summary.emptyPanels} without data\n`
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

async function main() {
  const args = parseArgs(process.argv.slice(2));
  scrapeSeconds = args.interval;
  const generated = generateDashboards();
  const byUid = (uid: string): GeneratedDashboard => generated.find((d) => d.uid === uid)!;
  const nodename = /nodename="([^"]*)"/.exec(readFileSync(SNAPSHOT, 'utf8'))?.[1] ?? '.+';
  const host = variableValues('host', nodename);
  const fleetVars = variableValues('fleet', nodename);

  const nodeDashboard = benchDashboard(
    'ours: fsm-infrastructure-node (one host)',
    byUid('fsm-infrastructure-node').dashboard,
    host
  );
  const layer = benchDashboard(
    'ours: fsm-layer-infrastructure (all hosts)',
    byUid('fsm-layer-infrastructure').dashboard,
    fleetVars
  );
  const home = benchDashboard('ours: fsm-home (all hosts)', byUid('fsm-home').dashboard, fleetVars);
  const comparisons = args.comparisons.map((path) =>
    benchDashboard(`comparison: ${basename(path)} (one host)`, JSON.parse(readFileSync(path, 'utf8')), host)
  );

  const end = Math.floor(Date.now() / 1000 / BLOCK_SECONDS) * BLOCK_SECONDS;
  const dir = mkdtempSync(join(tmpdir(), 'fsm-query-cost-'));
  tempDirs.push(dir);
  process.stdout.write(
    `query-cost bench: Prometheus ${'2.42'} on backfilled TSDBs in ${dir}; range ${RANGE_SECONDS / 3600} h ending ` +
      `${new Date(end * 1000).toISOString()}, scrape interval ${args.interval}s; range panels step as Grafana ` +
      `would (max data points: the panel's own, else ${DEFAULT_MAX_DATA_POINTS}), $__rate_interval = max(step + scrape, 4 × scrape)\n`
  );

  // 1. The per-host comparison on the standard fleet.
  const small = [nodeDashboard, layer, home, ...comparisons];
  const smallDir = join(dir, 'fleet-small');
  const smallNames = referencedNodeMetrics(small);
  const built = await backfill(smallNames, args.hosts, args.interval, end, mkdir(smallDir));
  process.stdout.write(
    `fleet: ${args.hosts} hosts, ${smallNames.size} node metric names from the snapshot, ${fmt(built.series)} series, ` +
      `${fmt(built.samples)} samples, written and backfilled in ${built.seconds.toFixed(0)} s\n`
  );
  let prometheus = await startPrometheus(smallDir);
  const summaries: Summary[] = [];
  for (const dashboard of small) {
    summaries.push(report(`${args.hosts} hosts`, dashboard, await measureDashboard(prometheus.url, dashboard, end)));
  }
  await stopPrometheus(prometheus.child);
  rmSync(smallDir, { recursive: true, force: true });

  // 2. The infrastructure overview (and home) on the big fleet.
  const bigDir = join(dir, 'fleet-big');
  const bigNames = referencedNodeMetrics([layer, home]);
  const bigBuilt = await backfill(bigNames, args.bigHosts, args.interval, end, mkdir(bigDir));
  process.stdout.write(
    `\nbig fleet: ${args.bigHosts} hosts, ${bigNames.size} node metric names, ${fmt(bigBuilt.series)} series, ` +
      `${fmt(bigBuilt.samples)} samples, written and backfilled in ${bigBuilt.seconds.toFixed(0)} s\n`
  );
  prometheus = await startPrometheus(bigDir);
  const big: Summary[] = [];
  for (const dashboard of [layer, home]) {
    big.push(report(`${args.bigHosts} hosts`, dashboard, await measureDashboard(prometheus.url, dashboard, end)));
  }
  await stopPrometheus(prometheus.child);

  // Headlines.
  process.stdout.write('\n## Headline\n');
  const ours = summaries[0];
  for (const comparison of summaries.slice(3)) {
    const ratio = comparison.medianSamples === 0 ? Infinity : ours.medianSamples / comparison.medianSamples;
    process.stdout.write(
      `node dashboard median samples per panel: ours ${fmt(ours.medianSamples)} vs ${comparison.name} ` +
        `${fmt(comparison.medianSamples)} → ${ratio.toFixed(3)}× (target ≤ 0.5×: ${ratio <= 0.5 ? 'met' : 'MISSED'}); ` +
        `totals ${fmt(ours.totalSamples)} vs ${fmt(comparison.totalSamples)} samples, ` +
        `${ms(ours.evalSeconds)} vs ${ms(comparison.evalSeconds)}\n`
    );
  }
  const overview = big[0];
  process.stdout.write(
    `infrastructure overview, ${args.bigHosts} hosts: ${ms(overview.evalSeconds)} of Prometheus time for all ` +
      `${overview.panels} panels (target ≤ 1 s: ${overview.evalSeconds <= 1 ? 'met' : 'MISSED'}), ` +
      `${fmt(overview.totalSamples)} samples\n`
  );
  process.stdout.write(
    `home, ${args.bigHosts} hosts: ${ms(big[1].evalSeconds)}, ${fmt(big[1].totalSamples)} samples\n`
  );
}

function mkdir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
main()
  .then(() => cleanUp())
  .catch((err) => {
    process.stderr.write(`query-cost bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    cleanUp();
    process.exit(1);
  });
