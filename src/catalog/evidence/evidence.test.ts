import { EXPORTERS } from '../index';
import { alertContext, dashboardContext, REPLICA_LABELS, signalQuery } from '../promql';
import { PROMTOOL_CASES } from '../promtool-cases';
import type { ExporterDefinition, QueryContext } from '../types';
import { EVIDENCE } from './index';
import { promqlNames } from './promql-names';
import { TARGET_EVIDENCE } from './target';
import type { ExporterEvidence } from './types';
import { allFixtures, fixturesOf, type ParsedFixture } from '../../../tests/support/fixture-families';

/** One generated query, with the labels its legend or alert text reads and where it comes from. */
interface NamedQuery {
  where: string;
  expr: string;
  textLabels: string[];
}

// Target labels, the cluster label and the HA replica labels are added by Prometheus (relabelling, external labels), not by exporters.
const TARGET_LABELS = new Set([
  ...Object.keys(TARGET_EVIDENCE.labels),
  TARGET_EVIDENCE.clusterLabel,
  ...REPLICA_LABELS,
]);

/** Alert windows, and the dashboards' selectors with a fixed range (`$__rate_interval` is Grafana's, not PromQL). */
const CONTEXTS: Array<[string, QueryContext]> = [
  ['alert', alertContext()],
  ['dashboard', { ...dashboardContext(), range: '5m' }],
];

const legendLabels = (template: string) =>
  [...template.matchAll(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)].map((m) => m[1]);
const annotationLabels = (template: string) =>
  [...template.matchAll(/\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)/g)].map((m) => m[1]);

/** Every query the catalog generates for an exporter: each signal variant, alert, filter, detection, info and version metric. */
function generatedQueries(exporter: ExporterDefinition): NamedQuery[] {
  const queries: NamedQuery[] = [];
  for (const [ctxName, ctx] of CONTEXTS) {
    for (const signal of exporter.signals) {
      signal.variants.forEach((variant, i) =>
        queries.push({
          where: `signal ${signal.id} variant ${i} (${ctxName})`,
          expr: variant.expr(ctx),
          textLabels: [],
        })
      );
      // The legend serves every variant at once (`{{state}}{{status}}`), so it is checked on their union.
      queries.push({
        where: `signal ${signal.id} (${ctxName})`,
        expr: signalQuery(signal, ctx),
        textLabels: legendLabels(signal.legend),
      });
    }
    for (const alert of exporter.alerts) {
      const filters = (alert.filters ?? []).map((f) => `(${f(ctx)})`);
      queries.push({
        where: `alert ${alert.id} (${ctxName})`,
        expr: [`(${alert.query(ctx)})`, ...filters].join(' and '),
        textLabels: [...annotationLabels(alert.summary), ...annotationLabels(alert.description)],
      });
    }
  }
  for (const metric of [...exporter.detection.metrics, ...exporter.infoMetrics]) {
    queries.push({ where: `detection/info ${metric}`, expr: metric, textLabels: [] });
  }
  if (exporter.versionMetric) {
    const { metric, label } = exporter.versionMetric;
    queries.push({ where: 'version metric', expr: `count by (${label}) (${metric})`, textLabels: [] });
  }
  return queries;
}

/** Every name in `queries` that `evidence` (or Prometheus' own target names) does not account for. */
function missingEvidence(queries: NamedQuery[], evidence: ExporterEvidence): string[] {
  const metricEvidence = { ...TARGET_EVIDENCE.metrics, ...evidence.metrics };
  const missing = new Set<string>();
  for (const query of queries) {
    const names = promqlNames(query.expr);
    for (const error of names.errors) {
      missing.add(`${query.where}: does not parse as checked PromQL (${error})`);
    }
    const known = new Set([...TARGET_LABELS, ...names.madeLabels]);
    for (const metric of names.metrics) {
      const found = metricEvidence[metric];
      if (!found) {
        missing.add(`${query.where}: metric ${metric}`);
      } else {
        found.labels.forEach((l) => known.add(l));
      }
    }
    for (const { metric, label } of names.matchers) {
      const labels = metric ? metricEvidence[metric]?.labels : [];
      if (labels && !labels.includes(label) && !TARGET_LABELS.has(label)) {
        missing.add(`${query.where}: label ${label} on ${metric ?? 'a selector without a metric name'}`);
      }
    }
    for (const label of [...names.groupingLabels, ...query.textLabels]) {
      if (!known.has(label) && label !== '__name__') {
        missing.add(`${query.where}: label ${label} (none of ${names.metrics.join(', ')} has it)`);
      }
    }
  }
  return [...missing];
}

describe.each(Object.values(EVIDENCE).map((e) => [e.exporter, e] as const))('evidence for %s', (id, evidence) => {
  const exporter = EXPORTERS.find((e) => e.id === id);

  it('names a catalog exporter', () => {
    expect(exporter).toBeDefined();
  });

  it('accounts for every metric and label the generated queries use', () => {
    expect(missingEvidence(generatedQueries(exporter!), evidence)).toEqual([]);
  });

  it('lists no metric the queries do not use (so it cannot drift from the pack)', () => {
    const used = new Set(generatedQueries(exporter!).flatMap((q) => promqlNames(q.expr).metrics));
    expect(Object.keys(evidence.metrics).filter((m) => !used.has(m))).toEqual([]);
  });

  it('reads every metric emitted by all supported versions at the oldest and the current release', () => {
    const unproven = Object.entries(evidence.metrics)
      .filter(([, m]) => m.versions === undefined)
      .filter(([, m]) => {
        const tags = new Set(m.sources.flatMap((s) => s.tags));
        return !tags.has(evidence.supported.oldest) || !tags.has(evidence.supported.current);
      })
      .map(([name]) => name);
    expect(unproven).toEqual([]);
  });
});

/**
 * Gauges read as counters: rate(), irate() and increase() take a fall for a reset and add the whole
 * new value (a consumer group's offsets reset to the earliest drew as millions of messages a second).
 * Types come from the exporter's fixtures, whose `# TYPE` lines are derived from its source; a metric
 * no fixture types is not judged here.
 */
const FIXTURES = allFixtures();

function gaugesReadAsCounters(queries: NamedQuery[], fixtures: ParsedFixture[]): string[] {
  const gauges = new Set(fixtures.flatMap((f) => [...f.types].filter(([, type]) => type === 'gauge').map(([m]) => m)));
  return [
    ...new Set(
      queries.flatMap((q) =>
        promqlNames(q.expr)
          .counterReads.filter((m) => gauges.has(m))
          .map((m) => `${q.where}: ${m} is a gauge`)
      )
    ),
  ];
}

describe.each(EXPORTERS.map((e) => [e.id, e] as const))('queries of %s', (id, exporter) => {
  it('take rate(), irate() and increase() only of counters, by the types of its fixtures', () => {
    expect(gaugesReadAsCounters(generatedQueries(exporter), fixturesOf(id, FIXTURES))).toEqual([]);
  });
});

describe('gaugesReadAsCounters', () => {
  it('names a gauge under rate, irate or increase, and leaves deriv and counters alone', () => {
    const fixture = {
      types: new Map([
        ['x_offset', 'gauge'],
        ['x_sent_total', 'counter'],
      ]),
    } as ParsedFixture;
    const query = (expr: string) => ({ where: 'q', expr, textLabels: [] });
    expect(
      gaugesReadAsCounters(
        [query('sum(rate(x_offset[5m])) + increase(x_sent_total[1h])'), query('deriv(x_offset[5m]) + x_offset')],
        [fixture]
      )
    ).toEqual(['q: x_offset is a gauge']);
  });
});

/**
 * Every promtool input series of an exporter: a case must feed the rule series the exporter can
 * send, so each must name a metric with evidence (or `up`) and only labels that metric or the
 * target carries. A label the exporter never sends that is on every series of a case counts as the
 * target's (added by relabelling, like the cluster label); an exporter label on a metric that lacks
 * it (`server` on a 0.20 collector's series, `reason` on a counter without it) does not.
 */
function unproducibleSeries(id: string, evidence: ExporterEvidence): string[] {
  const metricEvidence = { ...TARGET_EVIDENCE.metrics, ...evidence.metrics };
  const pairs = Object.entries(PROMTOOL_CASES[id] ?? {}).flatMap(([alert, c]) =>
    [
      ...[c, ...(c.otherFamilies ?? [])].flatMap((f) => [f.fires, f.quiet]),
      ...(c.quietOn ?? []).map((q) => q.quiet),
    ].map((t) => [alert, t] as const)
  );
  const exporterLabels = new Set(Object.values(evidence.metrics).flatMap((m) => m.labels));
  const wrong = new Set<string>();
  for (const [alert, testCase] of pairs) {
    const parsed = testCase.series.map(({ series }) => ({ series, names: promqlNames(series) }));
    const onEverySeries = (label: string) => parsed.every((p) => p.names.matchers.some((m) => m.label === label));
    for (const { series, names } of parsed) {
      const [metric] = names.metrics;
      // A concrete name of a name family (`Prefix_.+` evidence, e.g. ClickHouse's per-disk names).
      const family = Object.keys(metricEvidence).find(
        (k) => k.endsWith('.+') && metric.startsWith(k.slice(0, -2)) && metric.length > k.length - 2
      );
      const labels = (metricEvidence[metric] ?? (family ? metricEvidence[family] : undefined))?.labels;
      if (!labels) {
        wrong.add(`${alert}: ${series} (no evidence for ${metric})`);
        continue;
      }
      for (const { label } of names.matchers) {
        if (
          !labels.includes(label) &&
          !TARGET_LABELS.has(label) &&
          (exporterLabels.has(label) || !onEverySeries(label))
        ) {
          wrong.add(`${alert}: ${series} (${metric} has no label ${label})`);
        }
      }
    }
  }
  return [...wrong];
}

describe.each(Object.values(EVIDENCE).map((e) => [e.exporter, e] as const))('promtool cases of %s', (id, evidence) => {
  it('feed only series the exporter can send: evidenced metrics with their own or target labels', () => {
    expect(unproducibleSeries(id, evidence)).toEqual([]);
  });
});

describe('unproducibleSeries', () => {
  it('names a series whose metric or label the exporter never sends', () => {
    const evidence: ExporterEvidence = {
      exporter: 'node',
      repository: 'o/x',
      supported: { oldest: 'v1', current: 'v2' },
      families: [{ name: 'all', differs: '' }],
      metrics: {},
    };
    expect(unproducibleSeries('node', evidence).length).toBeGreaterThan(0);
    expect(unproducibleSeries('node', EVIDENCE.node)).toEqual([]);
    // An exporter label on a metric without it is refused even when every series of the case has it.
    const noDevice = {
      ...EVIDENCE.node,
      metrics: {
        ...EVIDENCE.node.metrics,
        node_network_receive_errors_total: { ...EVIDENCE.node.metrics.node_network_receive_errors_total, labels: [] },
      },
    };
    expect(unproducibleSeries('node', noDevice)).toContainEqual(expect.stringMatching(/has no label device/));
  });
});

describe('missingEvidence', () => {
  const evidence: ExporterEvidence = {
    exporter: 'x',
    repository: 'o/x',
    supported: { oldest: 'v1', current: 'v2' },
    families: [{ name: 'all', differs: '' }],
    metrics: { x_a: { labels: ['topic'], sources: [{ tags: ['v1', 'v2'], file: 'x.go' }] } },
  };
  const check = (expr: string, textLabels: string[] = []) =>
    missingEvidence([{ where: 'q', expr, textLabels }], evidence);

  it('accepts names the evidence and Prometheus account for', () => {
    expect(
      check('sum by (job, instance, topic) (rate(x_a{topic="t",cluster=~"$c"}[5m])) and on (job) up == 1', ['topic'])
    ).toEqual([]);
    // A label the query makes with label_replace is the query's own, not the exporter's.
    expect(check('label_replace(rate(x_a[5m]), "direction", "in", "", "")', ['direction'])).toEqual([]);
    expect(check('rate(x_a[5m])', ['direction'])).toHaveLength(1);
  });

  it('names an unknown metric, an unknown matcher label and an unknown grouping or legend label', () => {
    expect(check('sum by (partition) (x_a{part="1"}) / ignoring (url) group_left () x_b', ['consumergroup'])).toEqual([
      'q: metric x_b',
      'q: label part on x_a',
      'q: label partition (none of x_a, x_b has it)',
      'q: label url (none of x_a, x_b has it)',
      'q: label consumergroup (none of x_a, x_b has it)',
    ]);
  });

  it('accepts a label the query writes with label_replace in its grouping and legend', () => {
    const expr = 'label_replace(sum by (job) (rate(x_a[5m])), "direction", "in", "", "") or x_a';
    expect(check(expr, ['direction'])).toEqual([]);
    expect(check('sum by (job) (rate(x_a[5m]))', ['direction'])).toHaveLength(1);
  });

  it('refuses metric names hidden in a __name__ regex, and queries that do not parse', () => {
    expect(check('{__name__=~"x_a|x_b"}')).toHaveLength(1);
    // A prefix with a free identifier after it is a name family: it needs evidence under that pattern.
    expect(check('{__name__=~"x_a_.+",__name__!="x_a_ALL"}')).toEqual(['q: metric x_a_.+']);
    expect(check('sum by (topic (x_a)')[0]).toMatch(/does not parse/);
  });
});
