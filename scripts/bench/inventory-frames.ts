/**
 * Inventory transform bench: a generated `/api/v1/targets` answer (realistic labels, discovered
 * labels, some down targets) of 1k / 10k / 50k targets → classified, sorted data frames.
 *
 *   node --expose-gc --import tsx scripts/bench/inventory-frames.ts [--check]
 *
 * Prints, per size, the payload size, JSON.parse time of the same payload, the transform time
 * (targets + classification answer → rows → frame, the parsed JSON as input), their ratio, and the
 * heap retained per target by the frame. The goal: transform ≤ 1.5 × JSON.parse, memory linear in
 * targets. `--check` exits 1 when the 10k ratio misses the goal.
 */
// @grafana/data reads `window` while loading; in Node the global object stands in for it.
(globalThis as { window?: unknown }).window ??= globalThis;
const { EXPORTERS } = require('../../src/catalog') as typeof import('../../src/catalog');
const { indexDetectionSeries } =
  require('../../src/inventory/classify') as typeof import('../../src/inventory/classify');
const { targetsFrame } = require('../../src/inventory/frames') as typeof import('../../src/inventory/frames');
const { buildInventory } = require('../../src/inventory/inventory') as typeof import('../../src/inventory/inventory');
const { parseTargets } = require('../../src/inventory/targets') as typeof import('../../src/inventory/targets');

const SIZES = [1_000, 10_000, 50_000];
const RUNS = 7;

// Jobs as a large estate names them; each maps to a catalog exporter by its detection metric.
const JOB_KINDS = EXPORTERS.map((e) => ({ exporter: e.id, metric: e.detection.metrics[0], port: e.defaultPort }));
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'];
const TEAMS = ['platform', 'payments', 'search', 'data', 'edge', 'identity'];

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function generate(n: number) {
  const random = rng(n);
  const now = Date.now();
  const active = [];
  const detection = [];
  for (let i = 0; i < n; i++) {
    const kind = JOB_KINDS[i % JOB_KINDS.length];
    const region = REGIONS[i % REGIONS.length];
    const team = TEAMS[(i >> 3) % TEAMS.length];
    const job = `${kind.exporter}-${region}`;
    const host = `ip-10-${(i >> 16) & 255}-${(i >> 8) & 255}-${i & 255}.${region}.compute.internal`;
    const instance = `${host}:${kind.port}`;
    const down = random() < 0.03;
    active.push({
      discoveredLabels: {
        __address__: instance,
        __metrics_path__: '/metrics',
        __scheme__: 'http',
        __scrape_interval__: '30s',
        __scrape_timeout__: '10s',
        __meta_ec2_availability_zone: `${region}a`,
        __meta_ec2_instance_id: `i-0${(i * 2654435761).toString(16).slice(0, 16)}`,
        __meta_ec2_instance_type: 'm6i.large',
        __meta_ec2_private_ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        __meta_ec2_tag_Name: `${team}-${kind.exporter}-${i}`,
        __meta_ec2_tag_team: team,
        job,
      },
      labels: {
        instance,
        job,
        region,
        team,
        env: i % 10 === 0 ? 'staging' : 'production',
        cluster: `${region}-k${i % 3}`,
      },
      scrapePool: job,
      scrapeUrl: `http://${instance}/metrics`,
      globalUrl: `http://${instance}/metrics`,
      lastError: down ? `Get "http://${instance}/metrics": dial tcp ${instance}: connect: connection refused` : '',
      lastScrape: new Date(now - Math.floor(random() * 30_000)).toISOString().replace('Z', '123456Z'),
      lastScrapeDuration: down ? 0.000812 : 0.002 + random() * 0.4,
      health: down ? 'down' : 'up',
      scrapeInterval: '30s',
      scrapeTimeout: '10s',
    });
    if (!down) {
      detection.push({ metric: { __name__: kind.metric, job, instance }, value: [now / 1000, '1'] });
    }
  }
  const targetsJson = JSON.stringify({ status: 'success', data: { activeTargets: active, droppedTargets: [] } });
  const detectionJson = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: detection } });
  return { targetsJson, detectionJson };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(fn: () => T): [number, T] {
  const start = process.hrtime.bigint();
  const result = fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;
function heapUsed(): number {
  collectGarbage?.();
  collectGarbage?.();
  return process.memoryUsage().heapUsed;
}

function transform(targetsBody: { data: unknown }, detectionBody: { data: { result: never[] } }) {
  const { targets } = parseTargets(targetsBody.data);
  const index = indexDetectionSeries(detectionBody.data.result);
  return targetsFrame(buildInventory(targets, index));
}

const results: Array<Record<string, string | number>> = [];
for (const n of SIZES) {
  const { targetsJson, detectionJson } = generate(n);
  const parseTimes: number[] = [];
  const transformTimes: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const [parseMs, targetsBody] = time(() => JSON.parse(targetsJson));
    const detectionBody = JSON.parse(detectionJson);
    const [transformMs, frame] = time(() => transform(targetsBody, detectionBody));
    parseTimes.push(parseMs);
    transformTimes.push(transformMs);
    rows = frame.length;
  }
  // Memory: what the frame keeps alive once the parsed answer is dropped (labels are shared with it).
  const before = heapUsed();
  let kept: unknown = transform(JSON.parse(targetsJson), JSON.parse(detectionJson));
  const after = heapUsed();
  const bytesPerTarget = (after - before) / n;
  kept = undefined;
  void kept;

  const parseMs = median(parseTimes);
  const transformMs = median(transformTimes);
  results.push({
    targets: n,
    'payload MB': +(targetsJson.length / 1e6).toFixed(1),
    'JSON.parse ms': +parseMs.toFixed(1),
    'transform ms': +transformMs.toFixed(1),
    ratio: +(transformMs / parseMs).toFixed(2),
    'frame bytes/target': collectGarbage ? Math.round(bytesPerTarget) : 'run with --expose-gc',
    rows,
  });
}

console.log(`inventory-frames bench (median of ${RUNS} runs; node ${process.version})`);
printTable(results);
const tenK = results.find((r) => r.targets === 10_000)!;
const ok = Number(tenK.ratio) <= 1.5;
console.log(`10k targets: transform is ${tenK.ratio}× JSON.parse (goal ≤ 1.5×): ${ok ? 'OK' : 'MISSED'}`);
if (process.argv.includes('--check') && !ok) {
  process.exit(1);
}

function printTable(rows: Array<Record<string, string | number>>) {
  const columns = Object.keys(rows[0]);
  const cell = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('en-US') : v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r[c])).length)));
  const line = (values: string[]) => values.map((v, i) => v.padStart(widths[i])).join(' | ');
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) {
    console.log(line(columns.map((c) => String(cell(row[c])))));
  }
}
export {};
