// Runs once before the integration tests: without a stack every test would fail with a network error, so
// stop here with one message that says what to do.
import { createPrometheusClient, START_HINT } from './prometheus';

export default async function assertStackIsRunning(): Promise<void> {
  const prometheus = createPrometheusClient(undefined, { timeoutMs: 3_000 });
  try {
    await prometheus.ready();
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).replace(`; ${START_HINT}`, '');
    throw new Error(
      `test stack not running: start it with scripts/stack/start.sh (Prometheus ${prometheus.url}: ${reason})`
    );
  }
}
