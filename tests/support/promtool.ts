/**
 * `promtool test rules` on a test object, for the checks that build promtool tests at run time
 * (scripts/check-fixtures-quiet.ts, scripts/check-quiet-cases-decide.ts). promtool 2.42 prints
 * FAILED blocks (with each failed test's `name:`) on stderr, so both streams are kept.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
