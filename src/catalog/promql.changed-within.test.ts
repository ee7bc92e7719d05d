/** @jest-environment node */
// changedWithin (promql.ts) judged by promtool, Prometheus' own evaluator: an alert `… > 0` with no `for` on one
// target's role gauge, through a change seen while scraped, one made during a scrape gap, and a change and its return.
import { changedWithin } from './promql';
import { firingMinutes, hasPromtool } from '../../tests/support/promtool';

const ROLE = 'role{job="db",instance="db-1:9187"}';
const LABELS = { job: 'db', instance: 'db-1:9187' };

/** The minutes among `at` at which `expr > 0` fires on the role series `values` (one word a minute). */
const firingAt = (expr: string, values: string, at: number[]) =>
  firingMinutes(expr, [{ series: ROLE, values }], at, LABELS);

const changed = changedWithin('role', '15m');

(hasPromtool ? describe : describe.skip)('a role gauge that changed within the window (promtool)', () => {
  it('reports a change seen while scraped for the window after it', async () => {
    expect(await firingAt(changed, '0x20 1x30', [19, 21, 35, 36, 40])).toEqual([21, 35]);
  });

  it('reports a change made while the target was not scraped for longer than the window', async () => {
    expect(await firingAt(changed, '0x20 _x20 1x20', [42, 55, 57])).toEqual([42, 55]);
  });

  it('reports a change and its return within the window (a failover, then a preempting failback)', async () => {
    // Promoted at minute 21, demoted again at minute 25: from minute 26 the value is the one before the window.
    expect(await firingAt(changed, '0x20 1x3 0x30', [26, 30, 39, 41])).toEqual([26, 30, 39]);
  });
});
