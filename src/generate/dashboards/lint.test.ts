/** @jest-environment node */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORTERS, getExporter } from '../../catalog';
import { dashboardContext, signalQuery } from '../../catalog/promql';
import { resolveThreshold } from '../../catalog/thresholds';
import { generateDashboards, type GeneratedDashboard } from '.';
import { thresholdSteps, yesNoSteps } from './exporter-dashboard';
import { allPanels, lintDashboard, lintExpr, sumsAcrossReplicas, type LintSubject } from './lint';
import { perReplica, withoutReplicas as fold } from './common';
import { yesNoAlert } from './fleet';

const generated = generateDashboards();
const root = resolve(__dirname, '../../..');

function subjectOf(d: GeneratedDashboard, dashboard: unknown = d.dashboard, requireRevision = false): LintSubject {
  const exporter = d.exporter ? getExporter(d.exporter) : undefined;
  return {
    kind: d.kind,
    layer: d.layer,
    exporter: d.exporter,
    infoMetrics: exporter?.infoMetrics,
    dashboard,
    requireRevision,
  };
}

interface PanelJson {
  type: string;
  title: string;
  fieldConfig: { defaults: { unit?: string; thresholds?: { steps: unknown[] } } };
  targets: Array<{ expr: string; refId: string }>;
}
const panelsOf = (d: GeneratedDashboard) =>
  (allPanels((d.dashboard as { panels: never[] }).panels) as unknown as PanelJson[]).filter((p) => p.type !== 'row');

describe('dashboard standards, on every generated dashboard', () => {
  it.each(generated.map((d) => [d.file, d] as const))('%s passes the linter', (_file, d) => {
    expect(lintDashboard(subjectOf(d))).toEqual([]);
  });

  it.each(generated.map((d) => [d.file, d] as const))('committed dashboards/%s passes the linter', (file, d) => {
    const path = resolve(root, 'dashboards', file);
    expect(existsSync(path)).toBe(true);
    expect(lintDashboard(subjectOf(d, JSON.parse(readFileSync(path, 'utf8')), true))).toEqual([]);
  });

  it('has unique uids across all dashboards', () => {
    const uids = generated.map((d) => d.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('colours every exporter panel with its catalog threshold, or a yes/no one by the alert that compares it', () => {
    for (const d of generated.filter((g) => g.kind === 'exporter')) {
      const exporter = getExporter(d.exporter!);
      const firstQueries = d.queries.filter((q) => q.refId === 'A');
      panelsOf(d).forEach((panel, index) => {
        const signal = exporter.signals.find((s) => s.id === firstQueries[index].signal)!;
        const expected = (
          signal.threshold
            ? thresholdSteps(resolveThreshold(exporter, signal.threshold))
            : (yesNoSteps(exporter, signal) ?? thresholdSteps(undefined))
        ).build().steps;
        expect({ panel: `${d.uid}/${panel.title}`, steps: panel.fieldConfig.defaults.thresholds?.steps }).toEqual({
          panel: `${d.uid}/${panel.title}`,
          steps: expected,
        });
      });
    }
  });

  it('renders every signal that has several variants as an OR of all of them', () => {
    // aggregated per replica (perReplica), then folded
    const q = perReplica(dashboardContext());
    for (const d of generated.filter((g) => g.kind !== 'home')) {
      for (const query of d.queries.filter((x) => x.signal)) {
        const signal = getExporter(query.exporter!).signals.find((s) => s.id === query.signal)!;
        if (signal.variants.length < 2) {
          continue;
        }
        for (const variant of signal.variants) {
          expect(query.expr).toContain(`(${variant.expr(q)})`);
        }
        expect(query.expr).toContain(signalQuery(signal, q));
      }
    }
  });

  it('ranks fleet signals worst first on layer dashboards', () => {
    for (const d of generated.filter((g) => g.kind === 'layer')) {
      for (const query of d.queries.filter((x) => x.signal)) {
        expect(query.expr).toMatch(/^(sort_desc\(topk|sort\(bottomk)\(10, /);
        expect(query.instant).toBe(true);
      }
    }
  });

  // A yes/no ranks worst first only if something says which answer is bad; without an alert comparing it, the
  // list fell back to "high is bad" and put the DNS and FortiGate probes that succeed above the ones that fail.
  it('knows the bad answer of every yes/no signal a layer dashboard ranks', () => {
    const unjudged = EXPORTERS.flatMap((e) =>
      (e.overview ?? [])
        .map((id) => e.signals.find((s) => s.id === id)!)
        .filter((s) => s.unit === 'bool_yes_no' && !yesNoAlert(e, s))
        .map((s) => `${e.id}.${s.id}`)
    );
    expect(unjudged).toEqual([]);
  });

  it('covers every catalog exporter on its layer dashboard', () => {
    for (const exporter of EXPORTERS) {
      const layer = generated.find((d) => d.kind === 'layer' && d.layer === exporter.layer)!;
      expect(layer.queries.some((q) => q.exporter === exporter.id)).toBe(true);
    }
  });
});

describe('the linter catches what it is meant to', () => {
  const node = generated.find((d) => d.exporter === 'node')!;
  const broken = JSON.parse(JSON.stringify(node.dashboard));
  broken.id = 7;
  broken.uid = 'node-dashboard-with-a-very-long-uid-that-is-too-long';
  broken.tags = ['fullstack-monitoring'];
  broken.templating.list = broken.templating.list.filter((v: { name: string }) => v.name !== 'instance');
  broken.links[0].keepTime = false;
  const panel = broken.panels.find((p: { type: string }) => p.type !== 'row');
  delete panel.fieldConfig.defaults.unit;
  panel.description = '';
  panel.targets[0].expr = 'rate(node_cpu_seconds_total{cluster=~"$cluster"}[5m])';
  broken.panels.filter((p: { type: string }) => p.type === 'row')[1].collapsed = false;
  const problems = lintDashboard({ ...subjectOf(node), dashboard: broken, requireRevision: true }).join('\n');

  it.each([
    ['uid', 'uid must be fsm-'],
    ['top-level id', 'remove the top-level id'],
    ['revision', 'revision must be a positive integer'],
    ['tags', 'tag "infrastructure" is missing'],
    ['instance variable', 'needs a "instance" query variable'],
    ['links keeping time', 'must keep variables and time'],
    ['unit', 'needs a unit'],
    ['description', 'needs a description'],
    ['fixed range', 'range [5m] must be [$__rate_interval]'],
    ['collapsed detail row', 'row "CPU and load" must start collapsed'],
  ])('reports a missing or wrong %s', (_what, text) => {
    expect(problems).toContain(text);
  });

  it('accepts a subquery over $__rate_interval with a fixed step, and nothing else fixed', () => {
    const exporter = { kind: 'exporter' as const };
    const relabelled = 'label_replace({__name__=~"x_.+",cluster=~"$cluster"}, "code", "$1", "__name__", "x_(.+)")';
    expect(lintExpr(exporter, fold(`rate(${relabelled}[$__rate_interval:15s])`))).toEqual([]);
    expect(lintExpr(exporter, `rate(${relabelled}[5m:15s])`).join()).toContain('range [5m:15s] must be');
  });

  it('accepts removed metric names only next to their replacement', () => {
    const exporter = { kind: 'exporter' as const };
    const c = '{cluster=~"$cluster"}';
    expect(lintExpr(exporter, `windows_service_status${c} > 0`).join()).toContain('OR it with windows_service_state');
    expect(lintExpr(exporter, fold(`(windows_service_state${c} > 0) or (windows_service_status${c} > 0)`))).toEqual([]);
    expect(lintExpr(exporter, `rate(grafana_alerting_result_total${c}[$__rate_interval])`).join()).toContain(
      'no longer exists'
    );
    expect(lintExpr(exporter, `{__name__=~"grafana_alerting_active_alerts",cluster=~"$cluster"}`).join()).toContain(
      'no longer exists'
    );
  });

  it('requires every panel to count HA replicas once and reads ranges outside label values only', () => {
    expect(lintExpr({ kind: 'layer' }, 'sum(up{cluster=~"$cluster"})').join()).toContain(
      'max (or min) without (replica'
    );
    // a single-target view too: a global store holds both replicas' copies of the target
    expect(lintExpr({ kind: 'exporter' }, 'up{cluster=~"$cluster"}').join()).toContain('without (replica');
    expect(lintExpr({ kind: 'exporter' }, fold('up{cluster=~"$cluster",instance=~"[a-z]+"}'))).toEqual([]);
    expect(
      lintExpr({ kind: 'exporter' }, `min without (replica, prometheus_replica) (x{cluster=~"$cluster"})`)
    ).toEqual([]);
  });

  // Read over Prometheus' grammar: the regex it replaced saw `sum`/`count` with `by (…)` only.
  describe('sums and counts that add HA replicas’ copies together before the fold', () => {
    const c = '{cluster=~"$cluster"}';
    const adds = (expr: string) => lintExpr({ kind: 'exporter' }, expr).filter((p) => p.includes('adds HA replicas'));

    it.each([
      ['a without (…) that lists a replica label', `sum without (replica) (up${c})`],
      ['a count without (…) that lists one', `count without (instance, prometheus_replica) (up${c})`],
      ['count_values', `count_values("version", build_info${c})`],
      ['count_values by (…) without the replica labels', `count_values by (job) ("version", build_info${c})`],
      ['a bare sum across lines', `sum\n  (\n    up${c}\n  )`],
      ['a bare count in capitals', `COUNT(up${c} == 0)`],
      ['a by (…) keeping one replica label only', `sum by (job, replica) (up${c})`],
      ['the modifier after the argument', `sum(rate(x${c}[$__rate_interval])) by (job)`],
      ['a sum of series folded over one replica label only', `sum(max without (replica) (up${c}))`],
      ['a sum of a top ten (topk keeps every copy)', `sum(topk(10, up${c}))`],
      ['a sum of a join that keeps the many side’s labels', `sum(x${c} * on (job, instance) group_left () y${c})`],
      ['a sum beside a number', `time() - sum by (job) (x${c})`],
    ])('refuses %s', (_what, expr) => {
      expect(adds(expr)).toEqual([expect.stringMatching(/adds HA replicas' copies together before the fold/)]);
    });

    it.each([
      ['a by (…) keeping both replica labels', `sum by (job, replica, prometheus_replica) (rate(x${c}[$__rate_interval]))`],
      ['a without (…) listing none', `sum without (instance) (up${c})`],
      ['count_values without (…) listing none', `count_values without (instance) ("version", build_info${c})`],
      ['a sum of folded series', `sum(max without (replica, prometheus_replica) (up${c}))`],
      ['a count of folded series, filtered', `count(min without (replica, prometheus_replica) (up${c}) == 0)`],
      ['a sum per replica, then folded', fold(`sum by (cluster, replica, prometheus_replica) (up${c})`)],
      ['a max, min, avg, group, stddev or quantile across replicas', `max(up${c}) + min(up${c}) + avg(up${c}) + group(up${c}) + stddev(up${c}) + quantile(0.9, up${c})`],
      ['topk and bottomk, which return the copies as they are', `topk(10, up${c}) or bottomk(10, up${c})`],
      ['a sum of a number', 'sum(vector(1))'],
    ])('accepts %s', (_what, expr) => {
      expect(adds(expr)).toEqual([]);
    });

    it('says when a query does not parse, instead of passing it', () => {
      expect(lintExpr({ kind: 'exporter' }, fold(`sum by (job (up${c})`)).join()).toContain('does not parse as PromQL');
    });

    it('reads the replica labels it is given (the app’s, for Health)', () => {
      expect(sumsAcrossReplicas(`sum by (job, replica, prometheus_replica) (up${c})`, ['ha_member'])).toEqual([
        expect.stringContaining('it drops ha_member'),
      ]);
      expect(sumsAcrossReplicas(`sum by (job, ha_member) (up${c})`, ['ha_member'])).toEqual([]);
    });
  });
});
