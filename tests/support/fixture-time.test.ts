/** @jest-environment node */
import { asOf, DEFAULT_FIXTURE_NOW } from '../../scripts/stack/fixture-time.mjs';
import { allFixtures, FIXTURE_NOW, parseFixture, type ParsedFixture } from './fixture-families';

const FIXTURE = `# fsm-stack: timestamp widget_boot_time_seconds
# fsm-stack: clock widget_clock_seconds
# fsm-stack: clock widget_optime_ms ms
# fsm-stack: timestamp widget_last_failure_seconds
# fsm-stack: grows widget_requests_total 2
widget_boot_time_seconds 1794990000
widget_clock_seconds 1794995999
widget_optime_ms{member="b"} 1794995990000
widget_last_failure_seconds{group="a"} 0
widget_requests_total 10
`;

const values = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))])
  );

describe('a served fixture as of a moment (fixture-time.mjs)', () => {
  it('keeps the written distances from the fixture now when served at the moment the server started', () => {
    const startedAt = (DEFAULT_FIXTURE_NOW + 30 * 86400) * 1000;
    expect(values(asOf(FIXTURE, { now: startedAt, startedAt }))).toEqual({
      widget_boot_time_seconds: DEFAULT_FIXTURE_NOW + 30 * 86400 - 6000,
      widget_clock_seconds: DEFAULT_FIXTURE_NOW + 30 * 86400 - 1,
      // milliseconds shifted by milliseconds: still 10 s behind
      'widget_optime_ms{member="b"}': (DEFAULT_FIXTURE_NOW + 30 * 86400 - 10) * 1000,
      // 0 is "never": shifting it would invent a failure a month ago
      'widget_last_failure_seconds{group="a"}': 0,
      widget_requests_total: 10,
    });
  });

  it('an hour later: an event stays put and ages, a clock follows now, a counter has grown', () => {
    const startedAt = (DEFAULT_FIXTURE_NOW + 30 * 86400) * 1000;
    const later = values(asOf(FIXTURE, { now: startedAt + 3600_000, startedAt }));
    expect(later.widget_boot_time_seconds).toBe(DEFAULT_FIXTURE_NOW + 30 * 86400 - 6000);
    expect(later.widget_clock_seconds).toBe(DEFAULT_FIXTURE_NOW + 30 * 86400 + 3600 - 1);
    expect(later['widget_optime_ms{member="b"}']).toBe((DEFAULT_FIXTURE_NOW + 30 * 86400 + 3600 - 10) * 1000);
    expect(later.widget_requests_total).toBe(10 + 2 * 3600);
  });

  it('reads the distance against the fixture own now when it says one (a capture)', () => {
    const text = `# fsm-stack: now 1796630900\n# fsm-stack: timestamp node_boot_time_seconds\nnode_boot_time_seconds 1796620691\n`;
    const startedAt = Date.UTC(2027, 0, 1);
    expect(values(asOf(text, { now: startedAt, startedAt })).node_boot_time_seconds).toBe(
      startedAt / 1000 - (1796630900 - 1796620691)
    );
  });

  it('has the same default now as the promtool side (tests/support/fixture-families.ts)', () => {
    expect(DEFAULT_FIXTURE_NOW).toBe(FIXTURE_NOW);
  });
});

/**
 * Metrics whose values fall in the Unix-time range but are not times. Each says what the value is, from
 * the exporter's source; the patterns cover names whose unit suffix already says it (Prometheus naming).
 */
const NOT_TIMES: Array<{ metric: RegExp; why: string }> = [
  { metric: /_bytes(_|$)/, why: 'a byte count: the name says bytes' },
  { metric: /_bps$/, why: 'a speed in bits per second: the name says so' },
  { metric: /_packets_total$/, why: 'a packet counter: the name says so' },
  {
    metric: /^ClickHouseAsyncMetrics_Disk(Available|Total|Used)(_|$)/,
    why: 'bytes ("Available/Used bytes on the disk", "total size in bytes": ClickHouse src/Interpreters/ServerAsynchronousMetrics.cpp)',
  },
  {
    metric: /^vmware_(datastore_(freespace|provisoned|uncommited)_size|vm_guest_disk_(free|capacity))$/,
    why: 'bytes (pryorda/vmware_exporter v0.18.4 vmware_exporter.py: datastore HELP "in bytes"; guest disks are vSphere GuestDiskInfo capacity/freeSpace, bytes)',
  },
  {
    metric: /^mongodb_dbstats_(dataSize|fsTotalSize)$/,
    why: 'bytes (dbStats fields passed through by percona/mongodb_exporter v0.53.0 exporter/dbstats_collector.go)',
  },
  {
    metric: /^mongodb_ss_opLatencies_latency$/,
    why: 'microseconds of latency summed since start (serverStatus.opLatencies, percona/mongodb_exporter v0.53.0 exporter/metrics.go)',
  },
  {
    metric: /^mem_available$/,
    why: 'bytes (influxdata/telegraf v1.39.3 plugins/inputs/mem/mem.go: gopsutil vm.Available)',
  },
  {
    metric: /^probe_ip_addr_hash$/,
    why: 'an FNV-32 hash of the probed address (prometheus/blackbox_exporter v0.23.0 prober/utils.go ipHash)',
  },
  {
    metric: /^probe_dns_serial$/,
    why: "the zone's SOA serial, here YYYYMMDDnn (prometheus/blackbox_exporter v0.23.0 prober/dns.go)",
  },
];

/** Seconds or milliseconds since 1970 that would put the value between 2001 and 2096. */
function unitIfUnixTime(value: number): 'seconds' | 'milliseconds' | undefined {
  const v = Math.abs(value);
  return v >= 1e9 && v <= 4e9 ? 'seconds' : v >= 1e12 && v <= 4e12 ? 'milliseconds' : undefined;
}

/** One line per unmarked sample that looks like a Unix time, saying what to do. */
function unmarkedUnixTimes(fixture: ParsedFixture): string[] {
  const problems = new Map<string, string>();
  for (const sample of fixture.samples) {
    // the healthy value too: the promtool checks feed it in place of the written one
    const value = [sample.value, sample.healthy].find((v) => typeof v === 'number' && unitIfUnixTime(v));
    const unit = typeof value === 'number' ? unitIfUnixTime(value) : undefined;
    if (!unit || fixture.timestamps.has(sample.metric) || NOT_TIMES.some((n) => n.metric.test(sample.metric))) {
      continue;
    }
    problems.set(
      sample.metric,
      `${fixture.name}.prom:${sample.line}: ${sample.metric} ${value} looks like a Unix time in ${unit}, ` +
        `so on the stack it ages with the wall clock. If the exporter's source says it is one, mark it ` +
        `"# fsm-stack: timestamp ${sample.metric}${unit === 'milliseconds' ? ' ms' : ''}" (an event: a boot, a start, ` +
        `an expiry) or "# fsm-stack: clock ..." (a reading that follows the clock), and give a capture its ` +
        `"# fsm-stack: now UNIX"; if not, add it to NOT_TIMES in tests/support/fixture-time.test.ts with what it is.`
    );
  }
  return [...problems.values()];
}

describe('every Unix time in an exporter fixture is marked', () => {
  it('finds an unmarked time in seconds, in milliseconds or as a healthy value; passes a marked one and a byte count', () => {
    const fixture = parseFixture(
      `# fsm-stack: timestamp widget_boot_time_seconds
widget_boot_time_seconds 1794990000
widget_start_time_seconds 1794990000
widget_optime 1794995990000
widget_memory_bytes 3221225472
widget_uptime_seconds 6000
# fsm-healthy: 1794990000
widget_cert_expiry 0
`,
      '/x/widget-1.prom'
    );
    const problems = unmarkedUnixTimes(fixture);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^widget-1\.prom:3: widget_start_time_seconds 1794990000 looks like a Unix time in seconds.*"# fsm-stack: timestamp widget_start_time_seconds"/
    );
    expect(problems[1]).toMatch(/widget-1\.prom:4: widget_optime .* in milliseconds.*timestamp widget_optime ms"/);
    expect(problems[2]).toMatch(/widget-1\.prom:8: widget_cert_expiry 1794990000 looks like/);
  });

  // Served or not: the promtool checks (scripts/check-fixtures-quiet.ts, the promtool cases) read every fixture.
  it.each(allFixtures().map((f) => [f.name, f] as const))('%s.prom', (_name, fixture) => {
    expect(unmarkedUnixTimes(fixture)).toEqual([]);
  });

  it('excepts only metrics some fixture still has', () => {
    const metrics = allFixtures().flatMap((f) => f.samples.map((s) => s.metric));
    const unused = NOT_TIMES.filter((n) => !metrics.some((m) => n.metric.test(m)));
    expect(unused.map((n) => `${n.metric} (${n.why})`)).toEqual([]);
  });
});
