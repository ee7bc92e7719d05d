// Helpers for integration tests that change the running stack (stop an exporter, bring it back) and wait for
// Prometheus to notice.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { getExporter } from '../../src/catalog';
import { buildPrometheusExpr } from '../../src/alerting/prometheus-rules';
import { alertContext } from '../../src/catalog/promql';
import { readStackEnv, type PrometheusClient, type VectorSample } from './prometheus';

const STACK_SCRIPTS = resolve(__dirname, '../../scripts/stack');
const run = promisify(execFile);

/**
 * Runs SQL on the stack's PostgreSQL as its superuser (trust authentication on 127.0.0.1), each statement its own
 * `-c` and transaction, and returns what psql printed (unaligned, tuples only). Without `stopOnError` psql goes on
 * after a failed statement and exits with the last one's status; with it, it stops there and fails. A failure rejects
 * with psql's stderr on the error.
 */
export async function stackPsql(
  database: string,
  statements: string[],
  { stopOnError = false }: { stopOnError?: boolean } = {}
): Promise<string> {
  const [host, port] = (process.env.FSM_POSTGRES_ADDR ?? readStackEnv().FSM_POSTGRES_ADDR ?? '').split(':');
  if (!host || !port) {
    throw new Error('FSM_POSTGRES_ADDR is not set and the stack’s stack.env has none: start the stack first');
  }
  const args = ['-X', '-q', '-A', '-t', ...(stopOnError ? ['-v', 'ON_ERROR_STOP=1'] : [])];
  const { stdout } = await run('/usr/lib/postgresql/15/bin/psql', [
    ...args,
    ...['-h', host, '-p', port, '-U', 'postgres', '-d', database],
    ...statements.flatMap((sql) => ['-c', sql]),
  ]);
  return stdout.trim();
}

/**
 * Runs scripts/stack/<script> (start.sh, stop.sh, stop-one.sh) and returns its output; a failure carries the
 * script's own output, which names the component and the log to read.
 */
export async function runStackScript(
  script: 'start.sh' | 'stop.sh' | 'stop-one.sh',
  args: string[] = []
): Promise<string> {
  try {
    // No apt on re-runs from tests: the stack was installed when it was first started. A 45 s wait makes
    // start.sh fail with its own list of what is down, well before Jest's timeout would hide it.
    const { stdout, stderr } = await run(resolve(STACK_SCRIPTS, script), args, {
      env: { ...process.env, FSM_STACK_SKIP_INSTALL: '1', FSM_STACK_TIMEOUT: '45' },
      timeout: 90_000,
    });
    return stdout + stderr;
  } catch (err) {
    const { stdout = '', stderr = '', message } = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`scripts/stack/${script} ${args.join(' ')} failed: ${message}\n${stdout}${stderr}`);
  }
}

/**
 * Polls `probe` until it returns a value that `done` accepts; on timeout, rejects with `what` and the last value
 * seen, so the failure says what never happened. Scrapes run every 5 s, so 20 s covers a few missed scrapes.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 500 } = {}
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      lastError = undefined;
      if (done(last)) {
        return last;
      }
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const seen = lastError instanceof Error ? `error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${seen})`);
}

/**
 * What Grafana substitutes before a dashboard query reaches Prometheus, with "All" selected
 * everywhere. `$__rate_interval` is max(4 × scrape interval, interval + scrape interval): 1m with
 * Grafana's default 15 s scrape interval setting. `extra` covers dashboard-specific variables.
 */
export function expandGrafanaVariables(expr: string, extra: Record<string, string> = {}): string {
  let expanded = expr
    .replace(/\$__rate_interval/g, '1m')
    .replace(/\$cluster/g, '.*')
    .replace(/\$job/g, '.+')
    .replace(/\$instance/g, '.+');
  for (const [name, value] of Object.entries(extra)) {
    expanded = expanded.replace(new RegExp(`\\$${name}\\b`, 'g'), value);
  }
  return expanded;
}

/** Queries again until data arrives: rate() needs two scrapes inside its window after a fresh start. */
export function returnsData(prometheus: PrometheusClient, expr: string): Promise<VectorSample[]> {
  return eventually(
    `data from ${expr}`,
    () => prometheus.instantQuery(expr),
    (result) => result.length > 0,
    {
      timeoutMs: 30_000,
    }
  );
}

/**
 * The expression of alert `name` of exporter `pack`, as the generated rule file
 * provisioning/prometheus/rules/fsm-<pack>.rules.yml carries it (the same builder writes that file). `window`
 * replaces its range (5m) where a test cannot hold a fault that long: the same expression over a shorter window.
 */
export function alertExpr(pack: string, name: string, { window }: { window?: string } = {}): string {
  const exporter = getExporter(pack);
  const alert = exporter.alerts.find((a) => a.name === name);
  if (!alert) {
    throw new Error(`Exporter "${pack}" has no alert ${name}`);
  }
  const ctx = alertContext();
  return buildPrometheusExpr(exporter, alert, undefined, window ? { ...ctx, range: window } : ctx);
}

/** The stack's HAProxy demo frontend (fe_demo in scripts/stack/templates/haproxy.cfg). */
export function haproxyFrontendUrl(): string {
  const url = process.env.FSM_HAPROXY_FRONTEND_URL || readStackEnv().FSM_HAPROXY_FRONTEND_URL;
  if (!url) {
    throw new Error('FSM_HAPROXY_FRONTEND_URL is not set and not in the stack’s stack.env: is the stack running?');
  }
  return url;
}
