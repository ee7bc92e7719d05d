// Label filters chosen in Setup, through Prometheus 2.42's own parser: for a sample of
// fast-check-generated values (quotes, backslashes, newlines, braces, regex characters, unicode)
// and hand-written injection attempts, every generated Grafana rule query of the node pack and a
// second pack parses, and every series it returns carries exactly the chosen value.
import fc from 'fast-check';
import { buildDesiredState } from '../../src/engine';
import { createPrometheusClient, PrometheusError } from './prometheus';

const prometheus = createPrometheusClient();
// node and prometheus both have alert packs and both run on the test stack (jobs "node" and "prometheus").
const PACKS = ['node', 'prometheus'];

function ruleQueries(value: string): Array<{ uid: string; expr: string }> {
  const desired = buildDesiredState({
    exporterIds: PACKS,
    datasourceUid: 'prom',
    editable: true,
    labelFilters: [{ label: 'job', values: [value] }],
  });
  return desired.groups.flatMap((g) =>
    g.rules.map((r) => ({ uid: r.uid, expr: String((r.data[0].model as { expr: string }).expr) }))
  );
}

const injections = [
  'node"} or up{job=~".+',
  'node",job=~".+',
  'node\\',
  '\\"',
  'x"}[5m]) or vector(1) or (up{job="',
  'line\nbreak',
  '.*',
  "it's",
  '`backtick`',
  '{}',
];
// Values Setup takes: one with spaces around it is refused at its field (a typo it will not guess at).
const generated = fc.sample(
  fc
    .oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }))
    .filter((v) => v === v.trim()),
  { numRuns: 25, seed: 4242 }
);

describe('generated rule queries with a job filter from Setup', () => {
  it.each([...injections, ...generated].map((v) => [JSON.stringify(v), v]))(
    'parse and stay on the chosen job for %s',
    async (_, value) => {
      for (const { uid, expr } of ruleQueries(value)) {
        let samples;
        try {
          samples = await prometheus.instantQuery(expr);
        } catch (err) {
          const reason = err instanceof PrometheusError ? `${err.errorType}: ${err.message}` : String(err);
          throw new Error(`rule ${uid} with job=${JSON.stringify(value)} does not parse: ${reason}\n${expr}`);
        }
        for (const sample of samples) {
          if ('job' in sample.metric) {
            expect([uid, sample.metric.job]).toEqual([uid, value]);
          }
        }
      }
    }
  );

  it('still finds the real job: node rules return node series only', async () => {
    let seriesSeen = 0;
    for (const { uid, expr } of ruleQueries('node')) {
      for (const sample of await prometheus.instantQuery(expr)) {
        seriesSeen++;
        if ('job' in sample.metric) {
          expect([uid, sample.metric.job]).toEqual([uid, 'node']);
        }
      }
    }
    expect(seriesSeen).toBeGreaterThan(0);
  });
});
