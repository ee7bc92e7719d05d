/**
 * Processes for the benches that query a throwaway Prometheus: promtool runs and Prometheus itself
 * on a free 127.0.0.1 port over a backfilled TSDB. Everything started here is stopped by PID by
 * cleanUp (call it on exit and on SIGINT), and every temporary directory registered is deleted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BLOCK_SECONDS, writeWindow, type Fleet } from './synthetic-fleet';

const started: ChildProcess[] = [];
export const tempDirs: string[] = [];

export function cleanUp() {
  for (const child of started) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  for (const dir of tempDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    started.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr}`))
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePromise(address.port) : reject()));
    });
  });
}

export async function startPrometheus(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, 'global:\n  scrape_interval: 30s\n');
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=100y',
      // No compaction while measuring: the backfilled 2 h blocks stay as they are.
      '--storage.tsdb.min-block-duration=2h',
      '--storage.tsdb.max-block-duration=2h',
      '--query.max-samples=2000000000',
      '--query.timeout=10m',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] }
  );
  started.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode} before it was ready`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return { url, child };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('prometheus did not become ready within 120 s');
}

export async function stopPrometheus(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise((r) => child.on('exit', r));
  process.kill(child.pid, 'SIGTERM');
  await exited;
}

/**
 * Writes the fleet over [start, end) window by window into dir/tsdb, backfilling each window while
 * the next one is written (the writer and promtool each keep one core busy). Returns samples written.
 */
export async function backfillFleet(fleet: Fleet, start: number, end: number, interval: number, dir: string) {
  let samples = 0;
  let pending: Promise<void> = Promise.resolve();
  for (let windowStart = start; windowStart < end; windowStart += BLOCK_SECONDS) {
    const file = join(dir, `fleet-${windowStart}.om`);
    samples += writeWindow(fleet, windowStart, windowStart + BLOCK_SECONDS, interval, file);
    await pending;
    pending = run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '-q', file, join(dir, 'tsdb')]).then(() =>
      unlinkSync(file)
    );
  }
  await pending;
  return samples;
}

/** Runs a bench's main: cleans up on exit and on Ctrl-C, and exits 1 with `<name> bench failed: …` on an error. */
export function runBench(name: string, main: () => Promise<void>): void {
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  main()
    .then(() => cleanUp())
    .catch((err) => {
      process.stderr.write(`${name} bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
      cleanUp();
      process.exit(1);
    });
}
