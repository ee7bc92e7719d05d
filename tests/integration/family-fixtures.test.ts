// Every panel query of an exporter's dashboard, narrowed to one served family fixture at a time (the dashboard's
// instance variable set to that target), runs without error on Prometheus 2.42 and returns data wherever the
// family's fixture has every metric the query reads. dashboards.test.ts asks the same of all targets of a job at
// once, where one family's series can hide another family's gap (a panel empty on 0.25 but full on 0.31 passes).
import { promqlNames } from '../../src/catalog/evidence/promql-names';
import { EXPORTERS } from '../../src/catalog';
import { TARGET_EVIDENCE } from '../../src/catalog/evidence/target';
import { dashboardContext } from '../../src/catalog/promql';
import { generateDashboards, type PanelQuery } from '../../src/generate/dashboards';
import { allFixtures, type ParsedFixture } from '../support/fixture-families';
import { eventually, expandGrafanaVariables } from './harness';
import { createPrometheusClient } from './prometheus';

const prometheus = createPrometheusClient();
const dashboards = generateDashboards();

/** Grafana escapes a single selected value for a `=~` matcher; a PromQL string needs the backslash doubled. */
const regexValue = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&');

/**
 * The metrics an expression reads that the fixture does not serve. `up` and other series Prometheus writes are no
 * gap, and neither are recorded series (`level:metric:operation`): the stack's rules make them from the raw ones.
 */
function missingMetrics(fixture: ParsedFixture, expr: string): string[] {
  const served = new Set(fixture.samples.map((s) => s.metric));
  // A name family (`ClickHouseAsyncMetrics_DiskUsed_.+`, see promql-names) is served when one of its names is.
  const isServed = (m: string) =>
    m.endsWith('.+')
      ? [...served].some((name) => name.startsWith(m.slice(0, -2)) && name.length > m.length - 2)
      : served.has(m);
  return [...new Set(promqlNames(expr).metrics)].filter(
    (m) => !(m in TARGET_EVIDENCE.metrics) && !m.includes(':') && !isServed(m)
  );
}

/**
 * The ways a panel query can get its data: the variants of its signal (one per exporter version, joined with
 * `or` in the query), or the query itself when it is no single signal's.
 */
function waysOf(exporter: string, query: PanelQuery): string[] {
  const signal = EXPORTERS.find((e) => e.id === exporter)?.signals.find((s) => s.id === query.signal);
  return signal ? signal.variants.map((v) => v.expr(dashboardContext())) : [query.expr];
}

const cases = allFixtures()
  .filter((f) => f.served)
  .flatMap((fixture) =>
    [...new Set(fixture.families.map((f) => f.exporter))].flatMap((exporter) => {
      const dashboard = dashboards.find((d) => d.kind === 'exporter' && d.exporter === exporter);
      const family = fixture.families.filter((f) => f.exporter === exporter).map((f) => f.family);
      return (dashboard?.queries ?? []).map(
        (query) =>
          [
            `${fixture.name} (${family.join(', ')}) / ${query.panel} / ${query.refId}`,
            fixture,
            exporter,
            query,
          ] as const
      );
    })
  );

/**
 * The fixture's target as its series are labelled: its instance (one port per fixture), or, for an exposition
 * that names its own job and instance (scraped with honor_labels, like TrueNAS through graphite_exporter), that.
 */
async function instanceOf(fixture: ParsedFixture): Promise<string> {
  // The fixture server scrapes a file whose samples carry `job` with honor_labels (fixture-server.mjs); only then
  // do the file's own instance labels survive (elsewhere Prometheus renames them exported_instance).
  const honorsLabels = fixture.samples.some((sample) => sample.labels.job !== undefined);
  const own = honorsLabels ? fixture.samples.find((sample) => sample.labels.instance)?.labels.instance : undefined;
  if (own !== undefined) {
    return own;
  }
  const up = await eventually(
    `a target with fixture="${fixture.name}"`,
    () => prometheus.instantQuery(`up{fixture="${fixture.name}"}`),
    (r) => r.length === 1
  );
  return up[0].metric.instance;
}

async function run(query: PanelQuery, instance: string): Promise<number> {
  const expr = expandGrafanaVariables(query.expr.replace(/\$instance\b/g, regexValue(instance)));
  if (query.instant) {
    return (await prometheus.instantQuery(expr)).length;
  }
  const end = Date.now() / 1000;
  return (await prometheus.rangeQuery(expr, { start: end - 600, end, step: 15 })).length;
}

const WINDOWS_030_UTILITY =
  'windows_exporter 0.30.0 – 0.30.5 send windows_cpu_processor_utility_total as a constant 0 (internal/pdh/collector.go, fixed in 0.30.6), and the processor utility query leaves those versions out';

/**
 * Panels (`fixture / panel`) or one query of a panel (`fixture / panel / refId`) that rightly show nothing on one
 * family although it serves every metric they read: the filter that empties them is the point. Asserted empty, so
 * a panel that starts drawing there is noticed too.
 */
const EMPTY_BY_DESIGN: Record<string, string> = {
  'mongodb-compatible / Replica set state':
    'a standalone server: compatible mode still sends mongodb_mongod_replset_my_state (6, UNKNOWN) but without a set label (percona/mongodb_exporter exporter/v1_compatibility.go, myState), and the panel keeps set!="" only',
  'windows-0.30 / CPU utilisation / B': WINDOWS_030_UTILITY,
  'windows-0.30.2-0.30.5 / CPU utilisation / B': WINDOWS_030_UTILITY,
};

describe('exporter dashboards on each family fixture', () => {
  const instances = new Map<string, Promise<string>>();
  const instance = (fixture: ParsedFixture) => {
    if (!instances.has(fixture.name)) {
      instances.set(fixture.name, instanceOf(fixture));
    }
    return instances.get(fixture.name)!;
  };

  it('covers at least one served family fixture', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', async (_name, fixture, exporter, query) => {
    // A fleet-wide panel (no $instance: Pushgateway groups carry the pusher's instance) runs unnarrowed.
    const target = query.expr.includes('$instance') ? await instance(fixture) : '.+';
    const ways = waysOf(exporter, query);
    if (!ways.some((expr) => missingMetrics(fixture, expr).length === 0)) {
      // No variant reads only what this family serves: an optional signal may rightly be empty here (it must
      // still run: a syntax or type error fails), anything else is a panel with "No data" on this version.
      const reads = [...new Set(ways.flatMap((expr) => missingMetrics(fixture, expr)))].join(', ');
      expect({ optional: query.optional !== undefined, reads }).toEqual({ optional: true, reads });
      await expect(run(query, target)).resolves.toBeGreaterThanOrEqual(0);
      return;
    }
    const panel = `${fixture.name} / ${query.panel}`;
    if (panel in EMPTY_BY_DESIGN || `${panel} / ${query.refId}` in EMPTY_BY_DESIGN) {
      await expect(run(query, target)).resolves.toBe(0);
      return;
    }
    const count = await eventually(
      `data from ${query.panel} / ${query.refId} on ${fixture.name} (${target})`,
      () => run(query, target),
      (n) => n > 0,
      { timeoutMs: 30_000, intervalMs: 2_000 }
    );
    expect(count).toBeGreaterThan(0);
  });
});
