/** @jest-environment node */
// changedWithin (promql.ts) judged by promtool, Prometheus' own evaluator: an alert `… > 0` with no `for` on one
// target's role gauge, through a change seen while scraped, one made during a scrape gap, and a change and its return.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { changedWithin } from './promql';

const ROLE = 'role{job="db",instance="db-1:9187"}';
const LABELS = { job: 'db', instance: 'db-1:9187' };

let promtool = true;
try {
  execFileSync('promtool', ['--version'], { stdio: 'ignore' });
} catch {
  promtool = false;
}

/** The minutes among `at` at which `expr > 0` fires on the role series `values` (one word a minute). */
function firingAt(expr: string, values: string, at: number[]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'fsm-changed-within-'));
  try {
    writeFileSync(
      join(dir, 'rules.yml'),
      stringify({ groups: [{ name: 'changed-within', rules: [{ alert: 'RoleChanged', expr: `${expr} > 0` }] }] })
    );
    // One test per minute, each expecting the alert: promtool names those where it did not fire.
    const tests = at.map((m) => ({
      name: `minute ${m}`,
      interval: '1m',
      input_series: [{ series: ROLE, values }],
      alert_rule_test: [{ eval_time: `${m}m`, alertname: 'RoleChanged', exp_alerts: [{ exp_labels: LABELS }] }],
    }));
    writeFileSync(join(dir, 'test.yml'), stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests }));
    let output = '';
    try {
      execFileSync('promtool', ['test', 'rules', join(dir, 'test.yml')], { stdio: 'pipe' });
    } catch (err) {
      const { stdout, stderr } = err as { stdout: Buffer; stderr: Buffer };
      output = `${stdout}${stderr}`;
      if (!output.includes('FAILED')) {
        throw new Error(`promtool could not run the test: ${output}`);
      }
    }
    return at.filter((m) => !output.includes(`name: minute ${m},`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const changed = changedWithin('role', '15m');

(promtool ? describe : describe.skip)('a role gauge that changed within the window (promtool)', () => {
  it('reports a change seen while scraped for the window after it', () => {
    expect(firingAt(changed, '0x20 1x30', [19, 21, 35, 36, 40])).toEqual([21, 35]);
  });

  it('reports a change made while the target was not scraped for longer than the window', () => {
    expect(firingAt(changed, '0x20 _x20 1x20', [42, 55, 57])).toEqual([42, 55]);
  });

  it('reports a change and its return within the window (a failover, then a preempting failback)', () => {
    // Promoted at minute 21, demoted again at minute 25: from minute 26 the value is the one before the window.
    expect(firingAt(changed, '0x20 1x3 0x30', [26, 30, 39, 41])).toEqual([26, 30, 39]);
  });
});
