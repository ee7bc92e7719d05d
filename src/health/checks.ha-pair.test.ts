/** @jest-environment node */
// The Health checks on a store that holds both servers of an HA pair, judged by promtool (Prometheus' own evaluator):
// each replica's view comes out on its own, told apart by the store's replica label, whether that is the Prometheus
// Operator's `prometheus_replica` (a default) or a label of the user's own that the app's settings name. A sum that
// drops the label adds the two replicas' copies (every server's series counted twice); an average merges their
// verdicts (one replica blind to a job hid behind the other's view of it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasPromtool, promtoolTest } from '../../tests/support/promtool';
import { healthChecks, healthContext } from './checks';

/** Series of the pair `label`=a|b in cluster dc1, as the store holds them: both replicas scrape the same targets. */
function pairSeries(label: string) {
  const of = (replica: string, metric: string, labels: string) =>
    `${metric}{cluster="dc1",${label}="${replica}",${labels}}`;
  const series: Array<{ series: string; values: string }> = [];
  for (const replica of ['a', 'b']) {
    for (const prom of ['prom-a:9090', 'prom-b:9090']) {
      series.push({
        series: of(replica, 'prometheus_tsdb_head_series', `job="prometheus",instance="${prom}"`),
        values: '1000x20',
      });
      series.push({ series: of(replica, 'up', `job="prometheus",instance="${prom}"`), values: '1x20' });
    }
  }
  // Replica b cannot reach the node targets, and no longer discovers node-3 at all.
  for (const node of ['node-1:9100', 'node-2:9100', 'node-3:9100']) {
    series.push({ series: of('a', 'up', `job="node",instance="${node}"`), values: '1x20' });
    if (node !== 'node-3:9100') {
      series.push({ series: of('b', 'up', `job="node",instance="${node}"`), values: '0x20' });
    }
  }
  return series;
}

const cases: Array<[string, string, string[] | undefined]> = [
  ['the Prometheus Operator’s prometheus_replica, with the default settings', 'prometheus_replica', undefined],
  ['a label of the user’s own, named in the app’s settings', 'ha_member', ['ha_member']],
];

(hasPromtool ? describe : describe.skip).each(cases)(
  'Health on an HA pair told apart by %s',
  (_what, label, configured) => {
    const checks = healthChecks('cluster', configured);
    const q = healthContext({ replicaLabels: configured });
    const queryOf = (id: string) => checks.find((c) => c.id === id)!.query(q);
    const sample = (replica: string, labels: string, value: number) => ({
      labels: `{cluster="dc1",${label}="${replica}"${labels ? `,${labels}` : ''}}`,
      value,
    });

    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'fsm-health-ha-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** promtool's complaint when `expr` at minute 10 does not return exactly `expected`, else ''. */
    const mismatch = async (expr: string, expected: Array<{ labels: string; value: number }>) => {
      const { ok, output } = await promtoolTest(dir, 'health-ha', {
        rule_files: [],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: pairSeries(label),
            promql_expr_test: [{ expr, eval_time: '10m', exp_samples: expected }],
          },
        ],
      });
      return ok ? '' : output;
    };

    it('shows each replica’s view of every Prometheus server, not the two copies added up', async () => {
      const prom = (instance: string) => `instance="${instance}",job="prometheus"`;
      expect(
        await mismatch(queryOf('capacity-active-series'), [
          sample('a', prom('prom-a:9090'), 1000),
          sample('a', prom('prom-b:9090'), 1000),
          sample('b', prom('prom-a:9090'), 1000),
          sample('b', prom('prom-b:9090'), 1000),
        ])
      ).toBe('');
    });

    it('lists each replica as an edge with the targets it scrapes, and the replica that scrapes fewer', async () => {
      expect(await mismatch(queryOf('servers-edges'), [sample('a', '', 5), sample('b', '', 4)])).toBe('');
      expect(await mismatch(queryOf('servers-ha-target-gap'), [sample('a', '', 0), sample('b', '', -1)])).toBe('');
    });

    it('judges scrape success within each replica’s view: the blind replica is not averaged away', async () => {
      const check = checks.find((c) => c.id === 'prometheus-scrape-success')!;
      expect(
        await mismatch(queryOf('prometheus-scrape-success'), [
          sample('a', 'job="node"', 1),
          sample('a', 'job="prometheus"', 1),
          sample('b', 'job="node"', 0),
          sample('b', 'job="prometheus"', 1),
        ])
      ).toBe('');
      // merged, the pair's node job stood at 3 of 5 copies up: no problem at all
      expect(check.judge).toEqual({ direction: 'below', critical: 0.5 });
    });
  }
);
