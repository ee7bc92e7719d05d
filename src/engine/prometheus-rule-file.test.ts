/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  buildDesiredState,
  exportersWithAlerts,
  SetupChoiceError,
  validateSetupChoices,
  type SetupChoices,
} from './index';
import { loadRegexEngine } from '../utils/re2';
import { setupPrometheusRuleFile, setupPrometheusRuleFileText } from './prometheus-rule-file';
import { hasPromtool } from '../../tests/support/promtool';

const choices: SetupChoices = {
  exporterIds: ['node', 'postgres'],
  datasourceUid: 'prom',
  editable: true,
  labelFilters: [{ label: 'cluster', values: ['eu-1'] }],
  targetOverrides: [
    { threshold: 'node.filesystemFree', matchers: [{ label: 'instance', op: '=~', value: 'db-.*' }], warning: 10 },
    // Of a pack not chosen: ignored, as Setup ignores it.
    { threshold: 'mongodb.connectionsUsed', matchers: [{ label: 'instance', op: '=', value: 'x' }], warning: 1 },
  ],
};

beforeAll(() => loadRegexEngine());

describe("Setup's choices as a Prometheus rule file", () => {
  it('holds the chosen packs with the label filters everywhere and the override where it applies', () => {
    const file = setupPrometheusRuleFile(choices);
    expect(file.groups.map((g) => g.name)).toEqual(['fsm-node', 'fsm-postgres']);
    const rules = file.groups.flatMap((g) => g.rules);
    expect(rules.every((r) => r.expr.includes('cluster="eu-1"'))).toBe(true);
    const withOverride = rules.filter((r) => r.expr.includes('instance=~"db-.*"')).map((r) => r.alert);
    expect(withOverride).toEqual(['NodeFilesystemAlmostOutOfSpace']);
    expect(rules.find((r) => r.alert === 'NodeFilesystemAlmostOutOfSpace')!.expr).toContain(
      'cluster="eu-1",instance=~"db-.*"'
    );
  });

  it("drops the app's replica labels, as the Grafana rules of the same choices do", () => {
    const rules = setupPrometheusRuleFile({ ...choices, replicaLabels: ['dc_replica'] }).groups.flatMap((g) => g.rules);
    const aggregated = rules.filter((r) => r.expr.includes('without ('));
    expect(aggregated.length).toBeGreaterThan(0);
    expect(aggregated.every((r) => r.expr.includes('without (dc_replica)'))).toBe(true);
    expect(rules.some((r) => r.expr.includes('prometheus_replica'))).toBe(false);
  });

  it("groups every aggregation and join by the app's cluster label, as the Grafana rules of the same choices do", () => {
    // No label filter: the default cluster label must appear nowhere, not even in a selector.
    const configured: SetupChoices = {
      ...choices,
      exporterIds: exportersWithAlerts().map((e) => e.id),
      labelFilters: [],
      clusterLabel: 'k8s_cluster',
    };
    const downloaded = setupPrometheusRuleFile(configured).groups.flatMap((g) => g.rules.map((r) => r.expr));
    const grafana = buildDesiredState(configured).groups.flatMap((g) =>
      g.rules.map((r) => String((r.data[0].model as { expr: string }).expr))
    );
    expect(downloaded).toHaveLength(grafana.length);
    for (const exprs of [downloaded, grafana]) {
      const groupings = exprs.flatMap((e) => [...e.matchAll(/\b(?:by|on) \(([^)]*)\)/g)].map((m) => m[1]));
      expect(groupings.length).toBeGreaterThan(0);
      expect(groupings.filter((labels) => !labels.split(', ').includes('k8s_cluster'))).toEqual([]);
      expect(exprs.filter((e) => /\bcluster\b/.test(e))).toEqual([]);
    }
  });

  it('refuses a cluster label that is no label name or is also a replica label, saying why', () => {
    expect(validateSetupChoices({ ...choices, clusterLabel: 'k8s-cluster' })).toEqual([
      { field: 'clusterLabel', message: expect.stringMatching(/"k8s-cluster" is not a Prometheus label name/) },
    ]);
    expect(validateSetupChoices({ ...choices, clusterLabel: 'dc', replicaLabels: ['replica', 'dc'] })).toEqual([
      { field: 'clusterLabel', message: expect.stringMatching(/"dc" is both the cluster label and a replica label/) },
    ]);
    // Without replica labels of its own (jsonData provisioned from a file, an export without --replica-labels) the
    // defaults are dropped: a cluster label named like one of them would be dropped with them.
    expect(validateSetupChoices({ ...choices, replicaLabels: undefined, clusterLabel: 'replica' })).toEqual([
      {
        field: 'clusterLabel',
        message: expect.stringMatching(/"replica" is both the cluster label and a replica label/),
      },
    ]);
  });

  it('is text YAML reads as it is, and that promtool accepts as a rule file', () => {
    const text = setupPrometheusRuleFileText(choices);
    expect(parse(text)).toEqual(setupPrometheusRuleFile(choices));
    if (hasPromtool) {
      const dir = mkdtempSync(join(tmpdir(), 'fsm-rules-'));
      try {
        const file = join(dir, 'fullstack-monitoring.rules.yml');
        writeFileSync(file, text);
        expect(execFileSync('promtool', ['check', 'rules', file]).toString()).toMatch(/SUCCESS/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('refuses the choices Setup would refuse', () => {
    const bad = {
      ...choices,
      targetOverrides: [
        { ...choices.targetOverrides![0], matchers: [{ label: 'instance', op: '=~' as const, value: '(' }] },
      ],
    };
    expect(() => setupPrometheusRuleFile(bad)).toThrow(SetupChoiceError);
  });
});
