import {
  backtest,
  backtestRules,
  backtestStep,
  describeBacktest,
  PROMETHEUS_MAX_POINTS,
  type BacktestProgress,
  type BacktestRule,
  type RangeQueryApi,
} from './backtest';

/**
 * A Prometheus stand-in for range queries: each series of the condition is present over the
 * half-open spans [from, to) given, and the answer holds the grid points inside them, as
 * query_range does (start + k × step, up to end).
 */
function scriptedCondition(
  series: Array<{ labels: Record<string, string>; spans: Array<[number, number]> }>,
  /** Where the rule's query (not its condition) returns no series: `absent(…)` answers there. */
  noData: Array<[number, number]> = []
) {
  const calls: Array<{ expr: string; start: number; end: number; step: number }> = [];
  const api: RangeQueryApi = {
    async range(expr, start, end, step) {
      calls.push({ expr, start, end, step });
      if ((end - start) / step > PROMETHEUS_MAX_POINTS) {
        throw new Error('exceeded maximum resolution of 11,000 points per timeseries');
      }
      // `… or label_replace(absent(q), "fsm_backtest_no_data", "1", "", "")`: the marked absent() series.
      const marker = /label_replace\(absent\(.*\), "([a-z_]+)", "1", "", ""\)$/.exec(expr);
      const withMarker = marker ? [...series, { labels: { [marker[1]]: '1' }, spans: noData }] : series;
      return {
        series: withMarker
          .map((s) => {
            const times: number[] = [];
            for (let t = start; t <= end; t += step) {
              if (s.spans.some(([from, to]) => t >= from && t < to)) {
                times.push(t);
              }
            }
            return { labels: s.labels, times };
          })
          .filter((s) => s.times.length > 0),
      };
    },
  };
  return { api, calls };
}

const NOW = 1_700_000_000;
const HOUR = 3600;
const rule = (over: Partial<BacktestRule> = {}): BacktestRule => ({
  name: 'HostDown',
  expr: 'up == 0',
  forSeconds: 300,
  intervalSeconds: 60,
  ...over,
});

describe('backtest: what a rule would have done over the last days', () => {
  it('fires `for` after the condition starts and resolves at the first evaluation without it; shorter blips stay pending', async () => {
    const down = NOW - 10 * HOUR;
    const { api, calls } = scriptedCondition([
      { labels: { __name__: 'up', instance: 'a' }, spans: [[down, down + 1800]] }, // 30 min outage
      { labels: { __name__: 'up', instance: 'b' }, spans: [[down, down + 240]] }, // 4 min: under `for`
    ]);
    const result = await backtest(rule(), api, { now: NOW, windowSeconds: DAY });

    expect(calls).toHaveLength(1); // one request per rule, whatever the series
    expect(result.seriesSeen).toBe(2);
    expect(result.bySeries).toEqual([
      // __name__ is not part of the alert's identity, as in Prometheus
      { labels: { instance: 'a' }, intervals: [{ from: down + 300, to: down + 1800, open: false }] },
    ]);
    expect(result).toMatchObject({ fires: 1, seriesFiring: 1, firingSeconds: 1500, longestSeconds: 1500 });
    expect(describeBacktest(result)).toBe(
      'would have fired 1 time over the last 1 day on 1 series, firing for 25m in total, longest 25m'
    );
  });

  it('fires at the first evaluation with `for: 0`, and starts over after a resolution', async () => {
    const t = NOW - 5 * HOUR;
    const { api } = scriptedCondition([
      {
        labels: { instance: 'a' },
        spans: [
          [t, t + 120],
          [t + 180, t + 300],
        ],
      },
    ]);
    const result = await backtest(rule({ forSeconds: 0 }), api, { now: NOW, windowSeconds: DAY });
    expect(result.bySeries[0].intervals).toEqual([
      { from: t, to: t + 120, open: false },
      { from: t + 180, to: t + 300, open: false },
    ]);
    expect(result.fires).toBe(2);
  });

  it('bridges gaps shorter than keep_firing_for, and resolves once the gap outlasts it', async () => {
    const t = NOW - 5 * HOUR;
    const { api } = scriptedCondition([
      {
        labels: { instance: 'a' },
        spans: [
          [t, t + 600],
          [t + 720, t + 1200],
          [t + 1800, t + 2400],
        ],
      },
    ]);
    const result = await backtest(rule({ forSeconds: 60, keepFiringForSeconds: 300 }), api, {
      now: NOW,
      windowSeconds: DAY,
    });
    // The 2-minute gap is bridged; the 10-minute gap keeps it firing 5 minutes, then it resolves.
    expect(result.bySeries[0].intervals).toEqual([
      { from: t + 60, to: t + 1200 + 300, open: false },
      { from: t + 1800 + 60, to: t + 2400 + 300, open: false },
    ]);
  });

  it('counts a condition already true when the window opens from where it would have fired, and one still true as open', async () => {
    const { api, calls } = scriptedCondition([{ labels: { instance: 'a' }, spans: [[NOW - 2 * DAY, NOW + HOUR]] }]);
    const result = await backtest(rule(), api, { now: NOW, windowSeconds: DAY });
    // The query starts `for` before the window, so the alert is already firing at the window's start.
    expect(calls[0].start).toBe(NOW - DAY - 300);
    expect(result.bySeries[0].intervals).toEqual([{ from: NOW - DAY, to: NOW, open: true }]);
    expect(result.firingSeconds).toBe(DAY);
  });

  it('widens the step when the window would pass Prometheus’ 11,000 points, and states the error that costs', async () => {
    const t = NOW - 3 * DAY;
    const { api, calls } = scriptedCondition([{ labels: { instance: 'a' }, spans: [[t, t + 3 * HOUR]] }]);
    const result = await backtest(rule({ intervalSeconds: 15, forSeconds: 100 }), api, { now: NOW });

    const span = 7 * DAY + 100;
    expect(calls[0].step).toBe(backtestStep(15, span));
    expect(calls[0].step % 15).toBe(0); // the coarse points are still evaluations of the rule
    expect(span / calls[0].step).toBeLessThanOrEqual(PROMETHEUS_MAX_POINTS);
    expect(calls[0].step).toBeGreaterThan(15);
    expect(result.step).toBe(calls[0].step);
    // One step for where the points fall, plus `for` rounded up to the step.
    expect(result.errorSeconds).toBe(result.step + (result.step - (100 % result.step)));
    const [interval] = result.bySeries[0].intervals;
    expect(Math.abs(interval.from - (t + 105))).toBeLessThanOrEqual(result.errorSeconds);
    expect(Math.abs(interval.to - (t + 3 * HOUR))).toBeLessThanOrEqual(result.errorSeconds);
  });

  it('replays at most maxSeries series and says the counts are lower bounds', async () => {
    const t = NOW - HOUR;
    const { api } = scriptedCondition(
      ['a', 'b', 'c'].map((instance) => ({ labels: { instance }, spans: [[t, t + 900]] as Array<[number, number]> }))
    );
    const result = await backtest(rule(), api, { now: NOW, windowSeconds: DAY, maxSeries: 2 });
    expect(result).toMatchObject({ truncated: true, seriesSeen: 3, seriesReplayed: 2, seriesFiring: 2 });
    expect(result.bySeries.map((s) => s.labels.instance)).toEqual(['a', 'b']);
    expect(describeBacktest(result)).toMatch(
      /^would have fired at least 2 times .* \(only 2 of its 3 series replayed\)$/
    );
  });

  it('puts the query on the rule’s own evaluation times when told one', async () => {
    const { api, calls } = scriptedCondition([]);
    const evaluatedAt = NOW - 17.25;
    const result = await backtest(rule(), api, { now: NOW, windowSeconds: DAY, evaluatedAt });
    expect((((calls[0].start - evaluatedAt) % 60) + 60) % 60).toBeCloseTo(0, 6);
    expect(calls[0].start).toBeLessThanOrEqual(NOW - DAY - 300);
    expect(describeBacktest(result)).toBe('would not have fired over the last 1 day');
  });
});

describe('backtest of a Grafana-managed rule: what its noDataState does when the query returns nothing', () => {
  const gap: [number, number] = [NOW - 5 * HOUR, NOW - 5 * HOUR + 1800]; // 30 minutes without data
  const grafanaRule = (noDataState: 'NoData' | 'Alerting' | 'OK' | 'KeepLast', over: Partial<BacktestRule> = {}) =>
    rule({ grafana: { query: 'up{job="node"}', noDataState }, ...over });

  it('NoData: a DatasourceNoData alert at once, resolved at the first evaluation with data again', async () => {
    const { api, calls } = scriptedCondition([], [gap]);
    const result = await backtest(grafanaRule('NoData'), api, { now: NOW, windowSeconds: DAY });
    expect(calls[0].expr).toBe('up == 0 or label_replace(absent(up{job="node"}), "fsm_backtest_no_data", "1", "", "")');
    expect(result.bySeries).toEqual([
      { labels: { alertname: 'DatasourceNoData' }, intervals: [{ from: gap[0], to: gap[1], open: false }] },
    ]);
    expect(result.seriesSeen).toBe(0); // the marker is not a series of the rule
    expect(describeBacktest(result)).toBe(
      'would have fired 1 time (all because its query returned no data) over the last 1 day on 1 series, firing for 30m in total, longest 30m'
    );
  });

  it('Alerting: the gap goes pending, fires after `for`, and resolves at the second evaluation with data; a firing series stays firing through it', async () => {
    const before: [number, number] = [gap[0] - 1800, gap[0]];
    const { api } = scriptedCondition([{ labels: { instance: 'a' }, spans: [before] }], [gap]);
    const result = await backtest(grafanaRule('Alerting'), api, { now: NOW, windowSeconds: DAY });
    expect(result.bySeries).toEqual([
      // Firing from `for` after its condition began, held through the gap, resolved when data says normal.
      { labels: { instance: 'a' }, intervals: [{ from: before[0] + 300, to: gap[1], open: false }] },
      // Its last evaluation was the gap's last (gap[1] − 60): missing at gap[1], stale (two intervals) at gap[1] + 60.
      { labels: {}, intervals: [{ from: gap[0] + 300, to: gap[1] + 60, open: false }] },
    ]);
    expect(result.noDataFires).toBe(1);
  });

  it('KeepLast keeps a firing series firing through the gap; OK lets it resolve, and asks nothing more of Prometheus', async () => {
    const before: [number, number] = [gap[0] - 1800, gap[0]];
    const keep = scriptedCondition([{ labels: { instance: 'a' }, spans: [before] }], [gap]);
    const kept = await backtest(grafanaRule('KeepLast'), keep.api, { now: NOW, windowSeconds: DAY });
    expect(kept.bySeries).toEqual([
      { labels: { instance: 'a' }, intervals: [{ from: before[0] + 300, to: gap[1], open: false }] },
    ]);
    expect(kept.noDataFires).toBe(0);

    const ok = scriptedCondition([{ labels: { instance: 'a' }, spans: [before] }], [gap]);
    const normal = await backtest(grafanaRule('OK'), ok.api, { now: NOW, windowSeconds: DAY });
    expect(ok.calls[0].expr).toBe('up == 0');
    expect(normal.bySeries).toEqual([
      { labels: { instance: 'a' }, intervals: [{ from: before[0] + 300, to: gap[0], open: false }] },
    ]);
  });

  it('keep_firing_for through no data: Alerting fires again at once, KeepLast goes on recovering', async () => {
    // Above the threshold, then two minutes back to normal (data, but not past it), then the gap.
    const above: [number, number] = [gap[0] - 1800, gap[0] - 120];
    const run = (noDataState: 'Alerting' | 'KeepLast') =>
      backtest(
        grafanaRule(noDataState, { keepFiringForSeconds: 300 }),
        scriptedCondition([{ labels: { instance: 'a' }, spans: [above] }], [gap]).api,
        { now: NOW, windowSeconds: DAY }
      );
    const alerting = await run('Alerting');
    expect(alerting.bySeries[0].intervals).toEqual([{ from: above[0] + 300, to: gap[1] + 300, open: false }]);
    const keepLast = await run('KeepLast');
    expect(keepLast.bySeries[0].intervals).toEqual([{ from: above[0] + 300, to: above[1] + 300, open: false }]);
  });

  it('a Prometheus rule whose query returns nothing does not fire, and costs no absent()', async () => {
    const { api, calls } = scriptedCondition([], [gap]);
    const result = await backtest(rule(), api, { now: NOW, windowSeconds: DAY });
    expect(calls[0].expr).toBe('up == 0');
    expect(result.fires).toBe(0);
  });
});

describe('backtestRules: a plan’s rules one after another', () => {
  it('reports each rule’s result or error as it goes, and a failing rule does not stop the others', async () => {
    const good = scriptedCondition([{ labels: { instance: 'a' }, spans: [[NOW - HOUR, NOW - HOUR / 2]] }]).api;
    const api: RangeQueryApi = {
      range: (expr, ...rest) =>
        expr === 'broken('
          ? Promise.reject(new Error('parse error: unclosed left parenthesis'))
          : good.range(expr, ...rest),
    };
    const seen: BacktestProgress[] = [];
    await backtestRules(
      [rule({ name: 'One' }), rule({ name: 'Broken', expr: 'broken(' }), rule({ name: 'Three' })],
      api,
      { now: NOW, windowSeconds: DAY },
      (p) => seen.push(p)
    );
    expect(seen.map((p) => [p.done, p.total, p.rule, p.result?.fires ?? p.error?.message])).toEqual([
      [1, 3, 'One', 1],
      [2, 3, 'Broken', 'parse error: unclosed left parenthesis'],
      [3, 3, 'Three', 1],
    ]);
  });

  it('stops at once when cancelled, with no further requests', async () => {
    const controller = new AbortController();
    const { api, calls } = scriptedCondition([]);
    const seen: string[] = [];
    const run = backtestRules(
      [rule({ name: 'One' }), rule({ name: 'Two' }), rule({ name: 'Three' })],
      api,
      { now: NOW, windowSeconds: DAY, signal: controller.signal },
      (p) => {
        seen.push(p.rule);
        controller.abort(new Error('cancelled'));
      }
    );
    await expect(run).rejects.toThrow('cancelled');
    expect(seen).toEqual(['One']);
    expect(calls).toHaveLength(1);
  });
});

const DAY = 86_400;
