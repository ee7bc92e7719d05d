import { EXPORTERS } from './index';
/**
 * Promtool cases are only as true as their series: each series of a case must be one the family's
 * fixture has (tests/fixtures/exporters, derived from the exporter's source), so a case cannot prove
 * an alert on a metric, a label set or a label value the exporter never sends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allFixtures,
  fixturesOf,
  parseSeries,
  seriesMismatch,
  type ParsedFixture,
} from '../../tests/support/fixture-families';
import { EVIDENCE } from './evidence';
import { TARGET_EVIDENCE } from './evidence/target';
import type { ExporterEvidence } from './evidence/types';
import type { AlertTestCase } from './types';
import { PROMTOOL_CASES, type PromtoolCases } from './promtool-cases';

/** Labels Prometheus (or the user's relabelling, for the cluster label) puts on every series of a target. */
const TARGET_LABELS = new Set([...Object.keys(TARGET_EVIDENCE.labels), TARGET_EVIDENCE.clusterLabel]);

/** Series Prometheus writes itself, which no exporter fixture holds: `up`, `scrape_*`, the alert state series. */
const madeByPrometheus = (metric: string) =>
  metric in TARGET_EVIDENCE.metrics ||
  metric.startsWith('scrape_') ||
  metric === 'ALERTS' ||
  metric === 'ALERTS_FOR_STATE';

/**
 * What is wrong with an exporter's cases against its evidence families and their fixtures: a family
 * without exactly one fixture, a case naming no family (several exist) or an unknown one, and each
 * case series its family's fixture does not have (metric, exact label names, vocabulary values).
 */
function underivedSeries(evidence: ExporterEvidence, cases: PromtoolCases, fixtures: ParsedFixture[]): string[] {
  const problems: string[] = [];
  const familyNames = evidence.families.map((f) => f.name);
  const fixtureOf = new Map<string, ParsedFixture>();
  for (const family of familyNames) {
    const claiming = fixturesOf(evidence.exporter, fixtures).filter((f) =>
      f.families.some((fam) => fam.exporter === evidence.exporter && fam.family === family)
    );
    if (claiming.length === 1) {
      fixtureOf.set(family, claiming[0]);
    } else {
      problems.push(
        `family "${family}": ${claiming.length} fixtures (${claiming.map((f) => f.name).join(', ') || 'none'}), want exactly one`
      );
    }
  }
  for (const fixture of fixturesOf(evidence.exporter, fixtures)) {
    for (const { family } of fixture.families.filter((f) => f.exporter === evidence.exporter)) {
      if (!familyNames.includes(family)) {
        problems.push(
          `${fixture.name}.prom claims "${family}", which is no family in the evidence of ${evidence.exporter}`
        );
      }
    }
  }
  for (const [alert, c] of Object.entries(cases)) {
    // Each family's test cases: fire and quiet, or quiet only where the alert cannot fire (quietOn).
    const pairs: Array<{ family?: string; cases: Array<readonly ['fires' | 'quiet', AlertTestCase]> }> = [
      ...[c, ...(c.otherFamilies ?? [])].map((p) => ({
        family: p.family,
        cases: [['fires', p.fires] as const, ['quiet', p.quiet] as const],
      })),
      ...(c.quietOn ?? []).map((q) => ({ family: q.family, cases: [['quiet', q.quiet] as const] })),
    ];
    for (const pair of pairs) {
      let family = pair.family;
      if (family === undefined) {
        if (familyNames.length > 1) {
          problems.push(
            `${alert}: no family, but ${evidence.exporter} has ${familyNames.length}; name the one its series are from`
          );
          continue;
        }
        family = familyNames[0];
      } else if (!familyNames.includes(family)) {
        problems.push(`${alert}: family "${family}" is none of ${familyNames.map((f) => `"${f}"`).join(', ')}`);
        continue;
      }
      const fixture = fixtureOf.get(family);
      if (!fixture) {
        continue; // reported above
      }
      for (const [kind, testCase] of pair.cases) {
        for (const { series } of testCase.series) {
          const { metric, labels } = parseSeries(series);
          if (madeByPrometheus(metric)) {
            continue;
          }
          const mismatch = seriesMismatch(fixture, metric, labels, TARGET_LABELS);
          if (mismatch) {
            problems.push(`${alert} ${kind} (${family}, ${fixture.name}.prom): ${series}: ${mismatch}`);
          }
        }
      }
    }
  }
  return problems;
}

describe.each(EXPORTERS.map((e) => [e.id] as const))('promtool cases of %s', (id) => {
  it('have evidence, one fixture per version family, and use only series their family’s fixture has', () => {
    const evidence = EVIDENCE[id];
    expect(evidence).toBeDefined();
    expect(underivedSeries(evidence, PROMTOOL_CASES[id] ?? {}, allFixtures())).toEqual([]);
  });
});

describe('family fixtures', () => {
  it('name exporters that have evidence', () => {
    const unknown = allFixtures()
      .flatMap((f) => f.families.map((fam) => ({ fixture: f.name, ...fam })))
      .filter((fam) => !(fam.exporter in EVIDENCE))
      .map((fam) => `${fam.fixture}.prom: ${fam.exporter}`);
    expect(unknown).toEqual([]);
  });

  it('each say which family they stand for and where upstream their names come from', () => {
    const unsourced = allFixtures()
      .filter((f) => f.families.length === 0 || f.provenance.length === 0)
      .map((f) => `${f.name}.prom`);
    expect(unsourced).toEqual([]);
  });
});

describe('underivedSeries', () => {
  const WIDGET: ExporterEvidence = {
    exporter: 'widget',
    repository: 'example/widget_exporter',
    supported: { oldest: 'v1.0.0', current: 'v2.0.0' },
    families: [
      { name: 'widget 1.x', differs: 'widget_queue_depth' },
      { name: 'widget 2.x', differs: 'widget_queue_items, with a state label' },
    ],
    metrics: {},
  };
  const dir = mkdtempSync(join(tmpdir(), 'fsm-cases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'widget-1.prom'),
    '# family: widget / widget 1.x\n# free labels: queue\nwidget_queue_depth{queue="a"} 3\n'
  );
  writeFileSync(
    join(dir, 'widget-2.prom'),
    '# family: widget / widget 2.x\nwidget_queue_items{queue="a",state="waiting"} 3\n'
  );
  const fixtures = allFixtures(dir);
  const pair = (series: string) => ({
    fires: { series: [{ series, values: '9x10' }], evalTime: '5m' },
    quiet: { series: [{ series: 'up{job="w",instance="w:1"}', values: '1x10' }], evalTime: '5m' },
  });

  it('accepts series of the named family, with target labels and Prometheus’ own series', () => {
    const cases: PromtoolCases = {
      deep: {
        family: 'widget 1.x',
        ...pair('widget_queue_depth{job="w",instance="w:1",cluster="eu",queue="anything"}'),
        otherFamilies: [{ family: 'widget 2.x', ...pair('widget_queue_items{job="w",queue="a",state="waiting"}') }],
      },
    };
    expect(underivedSeries(WIDGET, cases, fixtures)).toEqual([]);
  });

  it('names a series of the other family, a missing label, a value outside the vocabulary and a wrong family', () => {
    const cases: PromtoolCases = {
      deep: {
        family: 'widget 1.x',
        ...pair('widget_queue_items{job="w",queue="a",state="waiting"}'),
        otherFamilies: [
          { family: 'widget 2.x', ...pair('widget_queue_items{job="w",queue="a"}') },
          { family: 'widget 2.x', ...pair('widget_queue_items{job="w",queue="a",state="stuck"}') },
          { family: 'widget 3.x', ...pair('widget_queue_items{job="w",queue="a",state="waiting"}') },
        ],
      },
      shallow: pair('widget_queue_depth{queue="a"}'),
    };
    expect(underivedSeries(WIDGET, cases, fixtures)).toEqual([
      expect.stringMatching(/^deep fires \(widget 1\.x, widget-1\.prom\): .*the fixture has no widget_queue_items/),
      expect.stringMatching(
        /^deep fires \(widget 2\.x, widget-2\.prom\): .*has label names \{queue,state\} in the fixture, not \{queue\}/
      ),
      expect.stringMatching(/^deep fires \(widget 2\.x, widget-2\.prom\): .*\{state="stuck"\} never occurs/),
      'deep: family "widget 3.x" is none of "widget 1.x", "widget 2.x"',
      'shallow: no family, but widget has 2; name the one its series are from',
    ]);
  });

  it('wants exactly one fixture per family, and no fixture for a family the evidence does not name', () => {
    const renamed = {
      ...WIDGET,
      families: [WIDGET.families[0], { name: 'widget 3.x', differs: '' }],
    } as ExporterEvidence;
    expect(underivedSeries(renamed, {}, fixtures)).toEqual([
      'family "widget 3.x": 0 fixtures (none), want exactly one',
      'widget-2.prom claims "widget 2.x", which is no family in the evidence of widget',
    ]);
  });
});
