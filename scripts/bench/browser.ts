/**
 * The plugin in a real browser: for each page, the time from the end of the host's boot (the
 * sandbox standing in for Grafana asks for the app's settings) to the page's first render (its title
 * drawn by the plugin) and to "settled" (lazy chunks loaded, first queries answered), and the bytes the browser fetched, split into the plugin's own files, the sandbox host
 * (Grafana's shared modules: React, @grafana/ui… — loaded by Grafana anyway, so not the plugin's
 * cost) and API answers. Cold cache per page; median of FSM_BENCH_RUNS runs (default 3).
 *
 *   npm run build && npx tsx scripts/bench/browser.ts [--json]
 * Needs the test stack's Prometheus (bash scripts/stack/start.sh) and /usr/bin/chromium.
 * Timings are from this machine and the sandbox, not from Grafana: compare them run to run.
 */
import { launchChromium } from '../../tests/sandbox/chromium';
import { startGrafanaApi } from '../../tests/sandbox/grafanaApi';
import { checkPrerequisites } from '../../tests/sandbox/run';
import { startSandbox } from '../../tests/sandbox/server';
import { APP_ID } from '../../tests/sandbox/shared/bootData';

const PAGES = [
  { name: 'Home', path: `/a/${APP_ID}/home`, title: 'Home' },
  { name: 'Inventory', path: `/a/${APP_ID}/inventory`, title: 'Inventory' },
  { name: 'Health', path: `/a/${APP_ID}/health`, title: 'Health' },
  { name: 'Setup', path: `/a/${APP_ID}/setup`, title: 'Setup' },
  { name: 'Configuration', path: `/plugins/${APP_ID}`, title: 'Full-Stack Monitoring — configuration' },
];

interface Sample {
  /** Until the host (standing in for Grafana's own boot) asks for the app's settings: not the plugin's cost. */
  hostBootMs: number;
  firstRenderMs: number;
  settledMs: number;
  pluginBytes: number;
  pluginFiles: number;
  hostBytes: number;
  apiBytes: number;
  apiCalls: number;
}

const RUNS = Number(process.env.FSM_BENCH_RUNS ?? 3);
const QUIET_MS = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  await checkPrerequisites();
  const grafana = await startGrafanaApi();
  const sandbox = await startSandbox({ grafanaApi: grafana });
  const browser = await launchChromium();
  const results: Array<{ page: string } & Sample> = [];
  try {
    for (const target of PAGES) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        const sample: Sample = {
          hostBootMs: 0,
          firstRenderMs: 0,
          settledMs: 0,
          pluginBytes: 0,
          pluginFiles: 0,
          hostBytes: 0,
          apiBytes: 0,
          apiCalls: 0,
        };
        let inFlight = 0;
        let lastActivity = Date.now();
        const pending: Array<Promise<void>> = [];
        let bootedAt = 0;
        page.on('request', (request) => {
          if (!bootedAt && new URL(request.url()).pathname.startsWith('/api/')) {
            bootedAt = Date.now();
          }
          inFlight++;
          lastActivity = Date.now();
        });
        page.on('requestfailed', () => {
          inFlight--;
          lastActivity = Date.now();
        });
        page.on('requestfinished', (request) => {
          pending.push(
            request.sizes().then((sizes) => {
              const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
              const path = new URL(request.url()).pathname;
              if (path.startsWith(`/public/plugins/${APP_ID}/`)) {
                sample.pluginBytes += bytes;
                sample.pluginFiles++;
              } else if (path.startsWith('/api/')) {
                sample.apiBytes += bytes;
                sample.apiCalls++;
              } else {
                sample.hostBytes += bytes;
              }
            })
          );
          inFlight--;
          lastActivity = Date.now();
        });
        const started = Date.now();
        await page.goto(`${sandbox.url}${target.path}`, { waitUntil: 'commit' });
        await page
          .getByRole('heading', { name: target.title, exact: true })
          .waitFor({ state: 'visible', timeout: 30_000 });
        const renderedAt = Date.now();
        sample.hostBootMs = bootedAt - started;
        sample.firstRenderMs = renderedAt - bootedAt;
        while (!(inFlight <= 0 && Date.now() - lastActivity >= QUIET_MS)) {
          if (Date.now() - started > 60_000) {
            throw new Error(`${target.name} kept loading for 60 s`);
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        sample.settledMs = Math.max(lastActivity, renderedAt) - bootedAt;
        await Promise.all(pending);
        samples.push(sample);
        await context.close();
      }
      const pick = (key: keyof Sample) => median(samples.map((s) => s[key]));
      results.push({
        page: target.name,
        hostBootMs: pick('hostBootMs'),
        firstRenderMs: pick('firstRenderMs'),
        settledMs: pick('settledMs'),
        pluginBytes: pick('pluginBytes'),
        pluginFiles: pick('pluginFiles'),
        hostBytes: pick('hostBytes'),
        apiBytes: pick('apiBytes'),
        apiCalls: pick('apiCalls'),
      });
    }
  } finally {
    await browser.close();
    await sandbox.close();
    await grafana.close();
  }

  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const rows = [
    [
      'page',
      'host boot',
      'first render',
      'settled',
      'plugin JS (files)',
      'host (Grafana shared)',
      'API answers (calls)',
    ],
    ...results.map((r) => [
      r.page,
      `${r.hostBootMs} ms`,
      `${r.firstRenderMs} ms`,
      `${r.settledMs} ms`,
      `${kib(r.pluginBytes)} (${r.pluginFiles})`,
      kib(r.hostBytes),
      `${kib(r.apiBytes)} (${r.apiCalls})`,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
    if (index === 0) {
      console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
  }
  console.log(
    `first render and settled count from the end of the host's boot; median of ${RUNS} cold loads per page; ` +
      'sandbox on 127.0.0.1, Debian Chromium headless, no compression'
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
