/**
 * What journeys need from the running test stack (scripts/stack/): its settings from stack.env,
 * stopping one component to simulate a dead exporter and bringing it back, and waiting until
 * Prometheus has seen the change. A journey that stops a component restarts it in `finally`, so a
 * failed journey does not leave the stack broken for the next one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eventually, runStackScript } from '../integration/harness';
import { defaultPrometheusUrl } from './grafanaApi';

export { runStackScript };

/** $FSM_STACK_DIR/stack.env (written by start.sh), with the process environment taking precedence. */
export function stackEnv(): Record<string, string> {
  const file = path.join(process.env.FSM_STACK_DIR ?? '/tmp/fsm-stack', 'stack.env');
  const values: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (match) {
        values[match[1]] = match[2];
      }
    }
  }
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('FSM_') && value !== undefined) {
      values[key] = value;
    }
  }
  return values;
}

/** A stack.env value the journey cannot do without; the error says how to get it. */
export function requireStackEnv(name: string): string {
  const value = stackEnv()[name];
  if (!value) {
    throw new Error(`${name} is not in stack.env: start the test stack with "bash scripts/stack/start.sh".`);
  }
  return value;
}

export interface TargetState {
  job: string;
  instance: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
}

/** The active targets of `job`, as Prometheus' /api/v1/targets reports them now. */
export async function targetsOf(job: string): Promise<TargetState[]> {
  const response = await fetch(`${defaultPrometheusUrl()}/api/v1/targets?state=active`);
  if (!response.ok) {
    throw new Error(`Prometheus answered ${response.status} to /api/v1/targets`);
  }
  const body = (await response.json()) as {
    data: {
      activeTargets: Array<{ labels: Record<string, string>; health: TargetState['health']; lastError: string }>;
    };
  };
  return body.data.activeTargets
    .filter((t) => t.labels.job === job)
    .map((t) => ({ job, instance: t.labels.instance, health: t.health, lastError: t.lastError }));
}

/**
 * Waits until every target of `job` has `health` in Prometheus (scrapes run every 5 s; a stopped
 * exporter is marked down at its next scrape). Returns the targets.
 */
export function waitForJobHealth(job: string, health: 'up' | 'down', timeoutMs = 30_000): Promise<TargetState[]> {
  return eventually(
    `Prometheus to mark the targets of job "${job}" ${health}`,
    () => targetsOf(job),
    (targets) => targets.length > 0 && targets.every((t) => t.health === health),
    { timeoutMs, intervalMs: 500 }
  );
}

/**
 * Stops `component` (scripts/stack/stop-one.sh), waits until Prometheus marks job `job` down, runs
 * `whileDown` with its targets, then restarts it with start.sh and waits until the job is up again,
 * also when `whileDown` failed. Makes sure the job is up before stopping, so "down" is the stop's doing.
 */
export async function withComponentStopped<T>(
  component: string,
  job: string,
  whileDown: (down: TargetState[]) => Promise<T>
): Promise<T> {
  await ensureJobUp(job);
  await runStackScript('stop-one.sh', [component]);
  try {
    const down = await waitForJobHealth(job, 'down');
    return await whileDown(down);
  } finally {
    await runStackScript('start.sh');
    await waitForJobHealth(job, 'up');
  }
}

/** Brings the stack back if a component of `job` is down (e.g. a journey that was killed before its `finally`). */
export async function ensureJobUp(job: string): Promise<void> {
  const targets = await targetsOf(job);
  if (targets.length > 0 && targets.every((t) => t.health === 'up')) {
    return;
  }
  await runStackScript('start.sh');
  await waitForJobHealth(job, 'up');
}
