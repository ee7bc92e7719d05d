// Journey: a fixture captured from one of the stack's real exporters (`# captured from:` header, made with
// scripts/capture-fixture.ts) stands for that exporter's version family in promtool cases. If the Debian package
// changes, or someone edits the capture by hand, the cases would test a shape the exporter no longer sends. So
// scrape the real exporter and hold every captured metric to it: the same label-name sets, no more, no fewer.
// Metrics a capture adds from source (`# fsm-derived: NAME…`, for what the stack cannot show, e.g. a
// default-off collector) must be absent from the live scrape, or the capture should have taken them.
import { readFileSync } from 'node:fs';
import { allFixtures, type ParsedFixture, parseFixture } from '../support/fixture-families';
import { readStackEnv } from './prometheus';

/** Which stack.env URL serves the exporter behind a captured fixture (scripts/stack/README.md). */
const EXPORTER_URL: Record<string, string> = {
  node: 'FSM_NODE_EXPORTER_URL',
  prometheus: 'FSM_PROM_URL',
  alertmanager: 'FSM_ALERTMANAGER_URL',
  postgres: 'FSM_POSTGRES_EXPORTER_URL',
  pushgateway: 'FSM_PUSHGATEWAY_URL',
  haproxy: 'FSM_HAPROXY_PROMEX_URL',
  'haproxy-exporter': 'FSM_HAPROXY_EXPORTER_URL',
  rabbitmq: 'FSM_RABBITMQ_PROM_URL',
  netdata: 'FSM_NETDATA_URL',
};
/** Where an exporter serves its metrics, when not at /metrics (Netdata's Prometheus export, as the stack scrapes it). */
const METRICS_PATH: Record<string, string> = {
  netdata: '/api/v1/allmetrics?format=prometheus&source=average&timestamps=no',
};
/** Captures merged from several endpoints (probes with modules and targets), so no one scrape to hold them to. */
const MERGED_CAPTURES: Record<string, string> = {
  blackbox: '/probe?module=https_2xx, /probe?module=icmp and /metrics merged',
  dns: '/probe?module=dns, /probe?module=dns_soa and /metrics merged',
};

const exporterOf = (fixture: ParsedFixture) => fixture.families[0].exporter;
const captured = allFixtures().filter(
  (f) => f.provenance.some((p) => p.startsWith('captured from:')) && !(exporterOf(f) in MERGED_CAPTURES)
);

/** The metric names listed on `# fsm-derived:` lines. */
const derivedNames = (fixture: ParsedFixture) =>
  new Set(
    [...readFileSync(fixture.file, 'utf8').matchAll(/^# fsm-derived:\s*(.+)$/gm)].flatMap((m) =>
      m[1].trim().split(/\s+/)
    )
  );

/** For each metric, its distinct label-name sets, e.g. `node_cpu_seconds_total` → {`cpu,mode`}. */
function shapes(fixture: ParsedFixture, only?: (metric: string) => boolean): Record<string, string[]> {
  const byMetric = new Map<string, Set<string>>();
  for (const s of fixture.samples.filter((sample) => only?.(sample.metric) ?? true)) {
    const set = byMetric.get(s.metric) ?? new Set<string>();
    set.add(Object.keys(s.labels).sort().join(','));
    byMetric.set(s.metric, set);
  }
  return Object.fromEntries([...byMetric].sort().map(([metric, set]) => [metric, [...set].sort()]));
}

async function scrape(exporter: string): Promise<ParsedFixture> {
  const variable = EXPORTER_URL[exporter];
  if (!variable) {
    throw new Error(`no stack URL known for exporter "${exporter}": add it to EXPORTER_URL in ${__filename}`);
  }
  const base = process.env[variable] || readStackEnv()[variable];
  if (!base) {
    throw new Error(`${variable} is not set and not in the stack's stack.env: is the stack running?`);
  }
  const url = `${base.replace(/\/$/, '')}${METRICS_PATH[exporter] ?? '/metrics'}`;
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`GET ${url}: HTTP ${res.status}`);
  }
  return parseFixture(await res.text(), url);
}

describe('fixtures captured from the stack', () => {
  it('there are captured fixtures to check', () => {
    expect(captured.map((f) => f.name)).toEqual(expect.arrayContaining(['node-default', 'prometheus-2.42']));
  });

  it.each(captured.map((f) => [f.name, f] as const))(
    '%s still has the label names the real exporter sends',
    async (_name, fixture) => {
      const exporter = exporterOf(fixture);
      const derived = derivedNames(fixture);
      const expected = shapes(fixture, (metric) => !derived.has(metric));
      const live = await scrape(exporter);
      const names = new Set(Object.keys(expected));
      expect(shapes(live, (metric) => names.has(metric))).toEqual(expected);
      // A derived metric that the exporter sends after all belongs in the capture instead.
      const liveNames = new Set(live.samples.map((s) => s.metric));
      expect([...derived].filter((metric) => liveNames.has(metric))).toEqual([]);
    }
  );
});
