/** @jest-environment node */
import { spawnSync } from 'child_process';
import path from 'path';
import { parse } from 'yaml';

// The export CLI is how users who provision Grafana from files get the rules Setup would write, so
// it must take the same choices; it runs as users run it (tsx), not through its functions.
const REPO = path.resolve(__dirname, '..', '..');
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');

function exportRules(...args: string[]) {
  const run = spawnSync(TSX, ['scripts/export-grafana-alerting.ts', '--datasource-uid', 'prom', ...args], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface PrometheusRuleFile {
  groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
}

describe('export-grafana-alerting: the replica labels of an HA pair', () => {
  it('aggregates the replica labels it is given away, instead of the defaults, as Setup does', () => {
    const run = exportRules('--exporters', 'node', '--format', 'prometheus', '--replica-labels', 'ha_member');
    expect(run.status).toBe(0);
    const rules = (parse(run.stdout) as PrometheusRuleFile).groups.flatMap((g) => g.rules);
    const aggregated = rules.filter((r) => r.expr.includes('without ('));
    expect(aggregated.length).toBeGreaterThan(0);
    expect(aggregated.every((r) => r.expr.includes('without (ha_member)'))).toBe(true);
    expect(rules.some((r) => r.expr.includes('prometheus_replica'))).toBe(false);
  });

  it('groups by the cluster label it is given, and checks the replica labels against it', () => {
    const run = exportRules('--exporters', 'node', '--format', 'prometheus', '--cluster-label', 'k8s_cluster');
    expect(run.status).toBe(0);
    const exprs = (parse(run.stdout) as PrometheusRuleFile).groups.flatMap((g) => g.rules.map((r) => r.expr));
    expect(exprs.filter((e) => / by \(/.test(e)).length).toBeGreaterThan(0);
    expect(exprs.filter((e) => / by \((?!k8s_cluster, )/.test(e))).toEqual([]);
    const folded = exportRules('--exporters', 'node', '--cluster-label', 'dc', '--replica-labels', 'dc');
    expect(folded.status).toBe(2);
    expect(folded.stderr).toBe(
      '--replica-labels: "dc" is the cluster label: alerts would no longer tell your clusters apart.\n'
    );
    const notALabel = exportRules('--exporters', 'node', '--cluster-label', 'k8s-cluster');
    expect(notALabel.status).toBe(2);
    expect(notALabel.stderr).toMatch(/^--cluster-label: "k8s-cluster": A Prometheus label name starts with a letter/);
  });

  it('refuses a list that would fold clusters together or is no label name, saying which and why', () => {
    const cluster = exportRules('--exporters', 'node', '--replica-labels', 'replica, cluster');
    expect(cluster.status).toBe(2);
    expect(cluster.stdout).toBe('');
    expect(cluster.stderr).toBe(
      '--replica-labels: "cluster" is the cluster label: alerts would no longer tell your clusters apart.\n'
    );
    const notALabel = exportRules('--exporters', 'node', '--replica-labels', 'ha-member');
    expect(notALabel.status).toBe(2);
    expect(notALabel.stderr).toMatch(/^--replica-labels: "ha-member": A Prometheus label name starts with a letter/);
  });
});
