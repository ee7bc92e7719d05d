/**
 * A family fixture as a promtool test: its samples as input series (with the healthy values its
 * `# fsm-healthy:` markers give, or as written), for long enough that every `for:` of the exporter's
 * rule file has run out, and one `alert_rule_test` per alert of that file expecting nothing. promtool
 * then says which alert a healthy system would page for, or (as written) that the marked faults do
 * fire. Used by scripts/check-fixtures-quiet.ts; test- and build-time only.
 */
import { parse } from 'yaml';
import { queryRangeSeconds } from '../../src/alerting/grafana-rules';
import { promDurationMs } from '../../src/utils/durations';
import { growthOf, type Labels, type ParsedFixture } from './fixture-families';

export interface RuleFileAlert {
  alert: string;
  expr: string;
  for?: string;
}

/** The alerting rules of a Prometheus rule file (recording rules left out). */
export function alertsOf(ruleFileText: string): RuleFileAlert[] {
  const doc = parse(ruleFileText) as { groups?: Array<{ rules?: Array<Partial<RuleFileAlert>> }> };
  return (doc.groups ?? []).flatMap((g) => (g.rules ?? []).filter((r): r is RuleFileAlert => r.alert !== undefined));
}

/** Seconds between input samples: a `[1m]` window still holds two or three of them. */
export const STEP_SECONDS = 30;

/**
 * A range read by last_over_time, which needs no filling: a fixture's value (constant, or a counter that grows) is
 * its last value from the first sample on. Left out of the test's length, as changedWithin's 7-day lookback
 * (src/catalog/promql.ts) would otherwise make it 7 days of 30-second samples, more than promtool's engine loads
 * for one query (MaxSamples 10,000, promql/test.go, Prometheus v2.42.0).
 */
const LAST_VALUE_RANGE = /last_over_time\((?:"(?:[^"\\]|\\.)*"|[^["])*\[[^\]]*\]/g;

/**
 * Seconds of series the test needs: the longest range any expression reads plus the longest `for:`,
 * plus a margin for evaluation, so an alert that would fire on the fixture has done so by the end.
 */
export function testSeconds(alerts: RuleFileAlert[]): number {
  const longestFor = Math.max(0, ...alerts.map((a) => (a.for ? (promDurationMs(a.for) ?? 0) / 1000 : 0)));
  const longestRange = Math.max(0, ...alerts.map((a) => queryRangeSeconds(a.expr.replace(LAST_VALUE_RANGE, ''))));
  return Math.ceil((longestFor + longestRange + 600) / 60) * 60;
}

/** promtool's expanding notation has no `+Inf`; it reads Go float syntax. */
const promtoolNumber = (value: number) =>
  Number.isNaN(value) ? 'NaN' : value === Infinity ? 'Inf' : value === -Infinity ? '-Inf' : String(value);

const quote = (value: string) => JSON.stringify(value);

function seriesName(metric: string, labels: Labels): string {
  return `${metric}{${Object.entries(labels)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(',')}}`;
}

export interface FixtureTestOptions {
  /** `healthy`: substitute the `# fsm-healthy:` values and drop `absent` samples; `as-written`: the file as it is. */
  mode: 'healthy' | 'as-written';
  /** Absolute path of the exporter's rule file. */
  ruleFile: string;
  alerts: RuleFileAlert[];
  /** The target labels Prometheus would add: `job` and `instance`. */
  target: { job: string; instance: string };
}

/**
 * The promtool test file (as an object to serialise) for one fixture. Counters named in
 * `# fsm-stack: grows` move at their rate; `# fsm-stack: timestamp` and `clock` metrics are moved so that the
 * test's end is the fixture's "now" (promtool's clock starts at 0, the fixture's at 2026); every sample gets
 * the target labels unless the exposition carries them itself (honor_labels), and `up` is 1.
 */
export function fixturePromtoolTest(fixture: ParsedFixture, options: FixtureTestOptions): object {
  const seconds = testSeconds(options.alerts);
  const steps = seconds / STEP_SECONDS;
  const inputSeries: Array<{ series: string; values: string }> = [
    { series: seriesName('up', options.target), values: `1x${steps}` },
  ];
  for (const sample of fixture.samples) {
    let value = sample.value;
    if (options.mode === 'healthy' && sample.healthy !== undefined) {
      if (sample.healthy === 'absent') {
        continue;
      }
      value = sample.healthy;
    }
    const labels = { ...options.target, ...sample.labels };
    let grows = growthOf(fixture, sample);
    const time = fixture.timestamps.get(sample.metric);
    // A 0 (an exporter's "never": a Pushgateway group that never failed) moves too: promtool's clock starts at 0, so
    // a time older than the test is negative, and a "never" left at 0 would be newer than it. Moved, it stays 1970:
    // before every other time and not above 0, as rules that skip "never" with `> 0` expect.
    if (time) {
      // promtool's clock starts at 0: the written distance from the fixture's now holds at the test's end, and a
      // clock reading gets there by advancing with the test (FortiGateClockSkew compares it with its own sample time)
      value = value - fixture.now * time.perSecond + (time.clock ? 0 : seconds * time.perSecond);
      grows = time.clock ? time.perSecond : grows;
    }
    const values = !Number.isFinite(value)
      ? // the expanding notation `AxN` takes only a finite A: NaN and Inf are written out one per step
        Array.from({ length: steps + 1 }, () => promtoolNumber(value)).join(' ')
      : grows === undefined
        ? `${promtoolNumber(value)}x${steps}`
        : `${promtoolNumber(value)}+${grows * STEP_SECONDS}x${steps}`;
    inputSeries.push({ series: seriesName(sample.metric, labels), values });
  }
  return {
    rule_files: [options.ruleFile],
    evaluation_interval: '1m',
    tests: [
      {
        interval: `${STEP_SECONDS}s`,
        input_series: inputSeries,
        alert_rule_test: [...new Set(options.alerts.map((a) => a.alert))].map((alertname) => ({
          eval_time: `${seconds}s`,
          alertname,
          exp_alerts: [],
        })),
      },
    ],
  };
}

/**
 * The alerts promtool reports as fired where none were expected: in its failure output each
 * `alertname: X, time: …` block lists `exp:[]` and then `got:[ 0: Labels:{…} … ]`.
 */
export function firedAlerts(promtoolOutput: string): string[] {
  const fired = new Set<string>();
  for (const block of promtoolOutput.split(/^\s*alertname: /m).slice(1)) {
    const name = /^([A-Za-z0-9_:]+),/.exec(block)?.[1];
    if (name && /got:\s*\[\s*0:/.test(block)) {
      fired.add(name);
    }
  }
  return [...fired];
}
