import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * The docker compose stack of `npm run server`, for specs that stop an exporter and bring it back
 * (the plugin-e2e counterpart of tests/sandbox/stack.ts). Prometheus is published on :9090.
 */
const run = promisify(execFile);
export const PROMETHEUS_URL = process.env.FSM_E2E_PROMETHEUS_URL ?? 'http://localhost:9090';

export async function compose(...args: string[]): Promise<void> {
  await run('docker', ['compose', ...args], { timeout: 60_000 });
}

/** Waits until every target of `job` has `health` (the compose Prometheus scrapes every 15 s). */
export async function waitForJobHealth(job: string, health: 'up' | 'down', timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${PROMETHEUS_URL}/api/v1/targets?state=active`)).json()) as {
      data: { activeTargets: Array<{ labels: Record<string, string>; health: string }> };
    };
    const targets = body.data.activeTargets.filter((t) => t.labels.job === job);
    seen = targets.map((t) => `${t.labels.instance}=${t.health}`).join(', ');
    if (targets.length > 0 && targets.every((t) => t.health === health)) {
      return targets.map((t) => t.labels.instance);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(
    `Prometheus did not mark job "${job}" ${health} within ${timeoutMs / 1000} s (${seen || 'no targets'})`
  );
}

/** Stops compose service `service` (job `job`), runs `whileDown`, and starts it again even if that failed. */
export async function withServiceStopped(
  service: string,
  job: string,
  whileDown: (instances: string[]) => Promise<void>
): Promise<void> {
  await waitForJobHealth(job, 'up');
  await compose('stop', service);
  try {
    await whileDown(await waitForJobHealth(job, 'down'));
  } finally {
    await compose('start', service);
    await waitForJobHealth(job, 'up');
  }
}
