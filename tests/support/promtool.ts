/**
 * `promtool test rules` on a test object, for the checks that build promtool tests at run time
 * (scripts/check-fixtures-quiet.ts, scripts/check-quiet-cases-decide.ts) and the journeys that judge a PromQL
 * helper of src/catalog/promql.ts by it. promtool 2.42 prints
 * FAILED blocks (with each failed test's `name:`) on stderr, so both streams are kept.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface PromtoolOutcome {
  ok: boolean;
  output: string;
}

/** Writes `test` to `<dir>/<name>.test.yml` and runs promtool on it; a missing promtool throws, naming the package. */
export async function promtoolTest(dir: string, name: string, test: object): Promise<PromtoolOutcome> {
  const file = join(dir, `${name}.test.yml`);
  // JSON is YAML, and needs no escaping rules of its own
  writeFileSync(file, JSON.stringify(test, null, 1));
  try {
    const { stdout, stderr } = await promisify(execFile)('promtool', ['test', 'rules', file], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (err) {
    const { stdout = '', stderr = '', code } = err as { stdout?: string; stderr?: string; code?: unknown };
    if (code === 'ENOENT') {
      throw new Error('promtool not found on PATH (Debian package prometheus)');
    }
    return { ok: false, output: stdout + stderr };
  }
}

/**
 * `run` over every item, two at a time (the build machines have two cores; each run is a promtool
 * process), results in the items' order.
 */
export async function twoAtATime<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 2) {
    results.push(...(await Promise.all(items.slice(i, i + 2).map(run))));
  }
  return results;
}

/**
 * The main of a check script that judges many jobs with promtool and reports what failed
 * (scripts/check-fixtures-quiet.ts, scripts/check-ha-quiet.ts): a temporary directory for the test files, the jobs two
 * at a time, every problem listed on stderr with exit code 1, `passed` on stdout otherwise, and exit code 2 when the
 * check itself breaks.
 */
export function runPromtoolCheck<T>(
  name: string,
  jobsOf: () => readonly T[],
  check: (dir: string, job: T) => Promise<string[]>,
  passed: (jobs: readonly T[]) => string
): void {
  const main = async () => {
    const dir = mkdtempSync(join(tmpdir(), `fsm-${name}-`));
    try {
      const jobs = jobsOf();
      const problems = (await twoAtATime(jobs, (job) => check(dir, job))).flat();
      if (problems.length > 0) {
        process.stderr.write(`${name}: ${problems.length} problem(s)\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${name}: ${passed(jobs)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  main().catch((err: unknown) => {
    process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
}

/** Whether promtool is on PATH: the journeys that judge a PromQL helper by it skip without it. */
export const hasPromtool = (() => {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The minutes among `at` at which an alert `expr > 0` with no `for` fires with `labels` on `series`, as promtool
 * evaluates it (one test per minute, each expecting the alert: promtool names those where it did not fire).
 */
export async function firingMinutes(
  expr: string,
  series: ReadonlyArray<{ series: string; values: string }>,
  at: readonly number[],
  labels: Record<string, string>
): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fsm-firing-'));
  try {
    writeFileSync(
      join(dir, 'rules.yml'),
      JSON.stringify({ groups: [{ name: 't', rules: [{ alert: 'A', expr: `${expr} > 0` }] }] })
    );
    const tests = at.map((m) => ({
      name: `minute ${m}`,
      interval: '1m',
      input_series: series,
      alert_rule_test: [{ eval_time: `${m}m`, alertname: 'A', exp_alerts: [{ exp_labels: labels }] }],
    }));
    const { ok, output } = await promtoolTest(dir, 'firing', {
      rule_files: ['rules.yml'],
      evaluation_interval: '1m',
      tests,
    });
    if (!ok && !output.includes('FAILED')) {
      throw new Error(`promtool could not run the test: ${output}`);
    }
    return at.filter((m) => !output.includes(`name: minute ${m},`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
