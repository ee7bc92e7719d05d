/**
 * Backtest bench: what "would have fired N times over the last 7 days" costs for one pack on the
 * synthetic node_exporter fleet of the other benches (the real node_exporter 1.5 scrape replicated
 * per host, fleet/synthetic-fleet.ts), backfilled over 7 days into a throwaway TSDB and served by a
 * throwaway Prometheus 2.42.
 *
 *   npx tsx scripts/bench/backtest.ts [--hosts N] [--interval S] [--rule-interval S]
 *
 * Runs Setup's backtest of the node pack's rules as Setup writes them (the PromQL → reduce →
 * threshold condition as one expression, the group's interval as the step), one range query per
 * rule, and prints requests, samples (Prometheus' own `stats=all` count of samples it touched),
 * points returned, Prometheus' evaluation time and wall time. Prints figures; not part of CI.
 * Everything it starts is stopped by PID, its directory deleted.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grafanaRuleGroup } from '../../src/alerting/grafana-rules';
import { nodeExporter } from '../../src/catalog/exporters/node';
import type { AlertRulePayload } from '../../src/grafana-api/types';
import { backtest, type BacktestRule, type RangeQueryApi } from '../../src/rule-doctor/backtest';
import { grafanaBacktestRule } from '../../src/rule-doctor/grafana-condition';
import { backfillFleet, runBench, startPrometheus, stopPrometheus, tempDirs } from './fleet/prometheus';
import { BLOCK_SECONDS, buildFleet, parseSnapshot } from './fleet/synthetic-fleet';

const SNAPSHOT = '/work/shared/fixtures/exporters/node-1.5-snapshot.prom';
const WINDOW_SECONDS = 7 * 86_400;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const hosts = arg('--hosts', 50);
  const scrape = arg('--interval', 60);
  const ruleInterval = arg('--rule-interval', 60);
  const group = grafanaRuleGroup(nodeExporter, { datasourceUid: 'bench', intervalSeconds: ruleInterval });
  const rules = (group.rules as unknown as AlertRulePayload[]).map((r) => grafanaBacktestRule(r, group.interval));
  const runnable = rules.filter((r): r is BacktestRule => typeof r !== 'string');

  // Only the metrics the pack's rules read: 7 days of every node metric would be the bench's whole cost.
  const exprs = runnable.map((r) => r.expr).join('\n');
  const snapshot = parseSnapshot(SNAPSHOT).filter((s) => new RegExp(`\\b${s.name}\\b`).test(exprs));
  const end = Math.floor(Date.now() / 1000 / BLOCK_SECONDS) * BLOCK_SECONDS;
  const start = end - WINDOW_SECONDS - BLOCK_SECONDS; // a block more: the rules' [range]s and `for` read before the window
  const dir = mkdtempSync(join(tmpdir(), 'fsm-bench-backtest-'));
  tempDirs.push(dir);
  mkdirSync(join(dir, 'tsdb'));
  const built = Date.now();
  const fleet = buildFleet(snapshot, hosts, start);
  const written = await backfillFleet(fleet, start, end, scrape, dir);
  process.stdout.write(
    `fleet: ${hosts} hosts, ${new Set(snapshot.map((s) => s.name)).size} metric names the node pack reads, ` +
      `${fleet.series.length} series, ${written} samples every ${scrape} s over 7 days, ` +
      `backfilled in ${((Date.now() - built) / 1000).toFixed(0)} s\n`
  );

  const prometheus = await startPrometheus(dir);
  try {
    let requests = 0;
    let touched = 0;
    let evalSeconds = 0;
    const api: RangeQueryApi = {
      async range(expr, from, to, step) {
        requests++;
        const params = new URLSearchParams({ query: expr, start: String(from), end: String(to), step: String(step) });
        params.set('stats', 'all');
        const response = await fetch(`${prometheus.url}/api/v1/query_range`, { method: 'POST', body: params });
        const body = (await response.json()) as {
          status: string;
          error?: string;
          data: {
            result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;
            stats?: { samples?: { totalQueryableSamples?: number }; timings?: { evalTotalTime?: number } };
          };
        };
        if (body.status !== 'success') {
          throw new Error(body.error);
        }
        touched += body.data.stats?.samples?.totalQueryableSamples ?? 0;
        evalSeconds += body.data.stats?.timings?.evalTotalTime ?? 0;
        return { series: body.data.result.map((s) => ({ labels: s.metric, times: s.values.map(([t]) => t) })) };
      },
    };
    const began = Date.now();
    let points = 0;
    let fires = 0;
    for (const rule of runnable) {
      const result = await backtest(rule, api, { now: end });
      points += result.samples;
      fires += result.fires;
      process.stdout.write(
        `  ${rule.name.padEnd(36)} step ${result.step} s, ${result.seriesSeen} series, ${result.fires} fires\n`
      );
    }
    const wall = (Date.now() - began) / 1000;
    process.stdout.write(
      `node pack, ${runnable.length} rules (${rules.length - runnable.length} not replayable), 7 days at a ${ruleInterval} s interval on ${hosts} hosts:\n` +
        `  requests ${requests} (one per rule), samples touched ${touched}, points returned ${points}, fires ${fires}\n` +
        `  Prometheus eval ${evalSeconds.toFixed(2)} s, wall ${wall.toFixed(2)} s\n`
    );
    if (requests !== runnable.length) {
      throw new Error(`expected one request per rule, made ${requests}`);
    }
  } finally {
    await stopPrometheus(prometheus.child);
  }
}

runBench('backtest', main);
