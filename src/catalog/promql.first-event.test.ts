/** @jest-environment node */
// lazyCounterIncrease (promql.ts) judged by promtool, Prometheus' own evaluator: an alert `… > 0` with no
// `for` on one target's counter, through the ways a counter's series can be new.
import { alertContext, lazyCounterIncrease } from './promql';
import { firingMinutes, hasPromtool } from '../../tests/support/promtool';

const COUNTER = 'c_total{job="app",instance="app-1:8080",rule="r"}';
const SCRAPE = 'scrape_samples_scraped{job="app",instance="app-1:8080"}';
const LABELS = { job: 'app', instance: 'app-1:8080', rule: 'r' };
/** Minutes 0…20 of a series, one word each (`_` no sample, `stale` Prometheus' staleness marker). */
const minutes = (...spans: Array<[word: string, count: number]>) => {
  const words = spans.flatMap(([word, count]) => Array<string>(count).fill(word));
  expect(words).toHaveLength(21);
  return words.join(' ');
};
const SCRAPED = minutes(['412', 21]);

/** The minutes among `at` at which `expr > 0` fires on `series`, as promtool evaluates it. */
const firingAt = (expr: string, series: Array<{ series: string; values: string }>, at: number[]) =>
  firingMinutes(expr, series, at, LABELS);

const withFirst = lazyCounterIncrease('c_total', alertContext());
const increaseOnly = 'increase(c_total[5m])';
const newSeries = '(c_total unless c_total offset 5m)';

(hasPromtool ? describe : describe.skip)('a counter whose series appears at its first event (promtool)', () => {
  it('counts the event that created the series on a target Prometheus was scraping, for the range', async () => {
    const series = [
      { series: SCRAPE, values: SCRAPED },
      { series: COUNTER, values: minutes(['_', 5], ['1', 16]) },
    ];
    expect(await firingAt(withFirst, series, [5, 9, 10, 15])).toEqual([5, 9]);
    // increase() alone never sees it: every sample is 1.
    expect(await firingAt(increaseOnly, series, [5, 9, 10, 15])).toEqual([]);
  });

  it('does not count what an exporter counted before Prometheus started to scrape it', async () => {
    const series = [
      { series: SCRAPE, values: SCRAPED },
      { series: COUNTER, values: minutes(['3', 21]) },
    ];
    expect(await firingAt(withFirst, series, [0, 2, 4, 6])).toEqual([]);
    // The series is new all the same: only the target's scrapes a range ago tell the two apart.
    expect(await firingAt(newSeries, series, [0, 2, 4, 6])).toEqual([0, 2, 4]);
  });

  it('does not count a value that comes back after a scrape gap longer than the range', async () => {
    // Scrapes fail in minutes 6 to 11: Prometheus marks the counter stale and records 0 samples scraped.
    const series = [
      { series: SCRAPE, values: minutes(['412', 6], ['0', 6], ['412', 9]) },
      { series: COUNTER, values: minutes(['3', 6], ['stale', 1], ['_', 5], ['3', 9]) },
    ];
    expect(await firingAt(withFirst, series, [12, 14, 16, 17])).toEqual([]);
    expect(await firingAt(newSeries, series, [12, 14, 16, 17])).toEqual([12, 14, 16]);
  });

  it('counts the first event after an exporter restart emptied the counter, long after or soon after', async () => {
    // A restart at minute 6 drops the series (stale); it returns with the next event.
    const later = [
      { series: SCRAPE, values: SCRAPED },
      { series: COUNTER, values: minutes(['4', 6], ['stale', 1], ['_', 7], ['1', 7]) },
    ];
    expect(await firingAt(withFirst, later, [14, 18, 19])).toEqual([14, 18]);
    expect(await firingAt(increaseOnly, later, [14, 18])).toEqual([]);
    // Within the range of the restart it is a counter reset, which increase() counts.
    const soon = [
      { series: SCRAPE, values: SCRAPED },
      { series: COUNTER, values: minutes(['4', 6], ['stale', 1], ['1', 14]) },
    ];
    expect(await firingAt(withFirst, soon, [7, 11, 13])).toEqual([7, 11]);
  });
});
