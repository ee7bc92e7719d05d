/**
 * Runs the browser journeys (tests/sandbox/journeys/*.journey.ts) against the BUILT plugin in
 * Debian's Chromium: builds the host bundle if stale, then for each journey starts a fresh Grafana
 * API double and sandbox server, opens a browser context as the journey's role, runs it, and fails
 * it on any console error it did not expect. Prints "N passed, M failed".
 *
 *   npm run build && npx tsx tests/sandbox/run.ts [name-filter…]
 * Needs the test stack's Prometheus (bash scripts/stack/start.sh).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildHostBundle } from './build';
import { launchChromium } from './chromium';
import { defaultPrometheusUrl, startGrafanaApi } from './grafanaApi';
import type { Journey, JourneyContext } from './journeys/journey';
import { DIST_DIR, ROOT, startSandbox } from './server';

const JOURNEY_DIR = path.join(__dirname, 'journeys');
export const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');
const JOURNEY_TIMEOUT_MS = Number(process.env.FSM_JOURNEY_TIMEOUT_MS ?? 60_000);

async function loadJourneys(filters: string[]): Promise<Journey[]> {
  const files = readdirSync(JOURNEY_DIR)
    .filter((f) => f.endsWith('.journey.ts'))
    .sort();
  const journeys: Journey[] = [];
  for (const file of files) {
    const mod = (await import(path.join(JOURNEY_DIR, file))) as { default: Journey | Journey[] };
    journeys.push(...(Array.isArray(mod.default) ? mod.default : [mod.default]));
  }
  return filters.length ? journeys.filter((j) => filters.some((f) => j.name.includes(f))) : journeys;
}

export async function checkPrerequisites(): Promise<void> {
  if (!existsSync(path.join(DIST_DIR, 'module.js'))) {
    throw new Error('dist/module.js is missing: run "npm run build" first (the sandbox loads the built plugin).');
  }
  const prometheus = defaultPrometheusUrl();
  const ready = await fetch(`${prometheus}/-/ready`).then(
    (r) => r.ok,
    () => false
  );
  if (!ready) {
    throw new Error(
      `Prometheus at ${prometheus} is not ready: start the test stack with "bash scripts/stack/start.sh".`
    );
  }
  await buildHostBundle();
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runJourney(browser: Browser, journey: Journey): Promise<void> {
  const grafana = await startGrafanaApi(journey.seed);
  const sandbox = await startSandbox({ grafanaApi: grafana });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: sandbox.url });
  await context.addCookies([{ name: 'grafana_sandbox_role', value: journey.role ?? 'Admin', url: sandbox.url }]);
  // tsx compiles journeys with esbuild's keepNames: functions passed to page.evaluate() carry calls to its
  // __name helper into the browser, where it does not exist. The page gets a no-op one.
  await context.addInitScript('window.__name = window.__name || ((fn) => fn);');
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(`console.error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

  // Pages that auto-refresh never reach "networkidle": settle() waits for a quiet moment instead.
  let inFlight = 0;
  let lastActivity = Date.now();
  page.on('request', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const settle = async (quietMs = 500, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (inFlight === 0 && Date.now() - lastActivity >= quietMs) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the page kept loading for ${timeoutMs / 1000} s (${inFlight} requests in flight)`);
  };

  const ctx: JourneyContext = {
    page,
    sandbox,
    grafana,
    settle,
    goto: async (target) => {
      await page.goto(target, { waitUntil: 'load' });
      await settle();
    },
    screenshot: async (name, { fullPage = true } = {}) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage });
      return path.relative(ROOT, file);
    },
  };
  try {
    await withTimeout(journey.run(ctx), journey.timeoutMs ?? JOURNEY_TIMEOUT_MS, `"${journey.name}"`);
    const unexpected = consoleErrors.filter((e) => !(journey.expectedConsoleErrors ?? []).some((re) => re.test(e)));
    if (unexpected.length > 0) {
      throw new Error(`the page logged errors:\n    ${unexpected.join('\n    ')}`);
    }
  } finally {
    await context.close();
    await sandbox.close();
    await grafana.close();
  }
}

async function main() {
  const filters = process.argv.slice(2);
  await checkPrerequisites();
  const journeys = await loadJourneys(filters);
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  let todo = 0;
  try {
    for (const journey of journeys) {
      if (journey.todo) {
        todo++;
        console.log(`TODO  ${journey.name} — ${journey.todo}`);
        continue;
      }
      const started = Date.now();
      try {
        await runJourney(browser, journey);
        passed++;
        console.log(`PASS  ${journey.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(
          `FAIL  ${journey.name} (${Date.now() - started} ms)\n  ${error instanceof Error ? error.message : error}`
        );
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed${todo ? `, ${todo} todo` : ''}`);
  // scripts/test-all.sh adds these to the run's closing count.
  if (process.env.FSM_JOURNEY_RESULTS) {
    writeFileSync(process.env.FSM_JOURNEY_RESULTS, JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
  }
  process.exitCode = failed > 0 || journeys.length === 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
