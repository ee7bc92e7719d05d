import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

// The internal input's counters are cumulative since the agent started, even though the
// prometheus_client output publishes them untyped: rates and increases, never raw values.
// Detection relies on that input, so its series are always present on a detected job; the host
// inputs (cpu, mem, disk, system, net) are each the user's choice.
const inputOptional = (input: string) => `only agents with the ${input} input configured report it`;

const perSecond = (metric: string, q: QueryContext, extra = '') => `rate(${sel(metric, q, extra)}[${q.range}])`;

// Peaks of the window: a failed scrape marks series stale and would otherwise reset an alert's `for`.
const bufferPeak = (q: QueryContext) =>
  `100 * max_over_time(${sel('internal_write_buffer_size', q)}[${q.range}]) / (${sel('internal_write_buffer_limit', q)} > 0)`;

// Telegraf collects only what telegraf.conf lists; an agent that relays other data rightly has none of these.
const input = (name: string, detail = ''): Requirement => ({
  kind: 'config',
  enable: `[[inputs.${name}]]${detail ? ` ${detail}` : ''} in telegraf.conf`,
  offByDefault: false,
});

export const telegrafExporter = defineExporter({
  id: 'telegraf',
  title: 'Telegraf',
  layer: 'message',
  defaultPort: 9273,
  docsUrl: 'https://github.com/influxdata/telegraf/tree/master/plugins/outputs/prometheus_client',
  description:
    'Telegraf agents through the prometheus_client output: the agent pipeline’s health (gather, buffer, writes) and the host inputs it collects.',
  detection: { metrics: ['internal_agent_gather_errors', 'internal_agent_metrics_gathered'] },
  infoMetrics: ['internal_agent_metrics_gathered', 'system_uptime'],
  versionMetric: { metric: 'internal_agent_metrics_gathered', label: 'version' },
  thresholds: [
    {
      id: 'bufferUsage',
      direction: 'above',
      warning: 80,
      critical: 95,
      min: 1,
      description:
        'Metrics waiting in an output’s buffer as a share of metric_buffer_limit; when full, the oldest metrics are dropped.',
    },
    {
      id: 'cpuUsage',
      direction: 'above',
      warning: 90,
      critical: 98,
      min: 1,
    },
    {
      id: 'memoryUsage',
      direction: 'above',
      warning: 90,
      critical: 97,
      min: 1,
    },
    {
      id: 'diskUsage',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Agent up',
      description: 'Whether Prometheus reached the agent’s prometheus_client output at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) =>
        `${sel('up', q)} and on (${q.by}) (${sel('internal_agent_metrics_gathered', q)} or ${sel('system_uptime', q)})`,
    },
    {
      id: 'gatherErrors',
      title: 'Gather errors',
      description:
        'Errors the agent’s inputs raised while collecting, per second; each one is a gap in some input’s data.',
      unit: 'ops',
      expr: (q) => perSecond('internal_agent_gather_errors', q),
      min: 0,
    },
    {
      id: 'gatherErrorsByInput',
      title: 'Gather errors by input',
      description: 'Collection errors per second for each input plugin, to find the one that fails.',
      unit: 'ops',
      expr: (q) => perSecond('internal_gather_errors', q),
      legend: '{{instance}} {{input}}',
      min: 0,
    },
    {
      id: 'gatherTime',
      title: 'Gather time by input',
      description: 'Time each input took for its last collections; an input slower than the interval skips rounds.',
      unit: 's',
      expr: (q) => `${sel('internal_gather_gather_time_ns', q)} / 1e9`,
      legend: '{{instance}} {{input}}',
      min: 0,
    },
    {
      id: 'metricsGathered',
      title: 'Metrics gathered',
      description: 'Metrics collected per second by all inputs of the agent.',
      unit: 'ops',
      expr: (q) => perSecond('internal_agent_metrics_gathered', q),
      legend: '{{instance}} gathered',
      min: 0,
    },
    {
      id: 'metricsWritten',
      title: 'Metrics written',
      description:
        'Metrics written per second by each output; an output far below the gathered rate is falling behind.',
      unit: 'ops',
      expr: (q) => perSecond('internal_write_metrics_written', q),
      legend: '{{instance}} {{output}} written',
      min: 0,
    },
    {
      id: 'metricsDropped',
      title: 'Metrics dropped',
      description: 'Metrics each output discarded per second because its buffer was full; this data is lost.',
      unit: 'ops',
      expr: (q) => perSecond('internal_write_metrics_dropped', q),
      legend: '{{instance}} {{output}} dropped',
      min: 0,
    },
    {
      id: 'writeErrors',
      title: 'Write errors',
      description:
        'Failed writes per second for each output (unreachable database, rejected batches); metrics stay buffered and retried. Before Telegraf 1.39 only errors the output itself logs are counted.',
      unit: 'ops',
      // internal_write_errors counts the output's error log lines, and the agent logs a failed write
      // through its own logger, so an output that returns the error without logging it never moves
      // it. Telegraf 1.39 added internal_write_write_errors, the failed writes themselves (same labels):
      // read it where it exists (models/running_output.go, v1.39.0).
      variants: [
        { note: 'Telegraf ≥ 1.39', expr: (q) => perSecond('internal_write_write_errors', q) },
        { note: 'Telegraf 1.20 – 1.38', expr: (q) => perSecond('internal_write_errors', q) },
      ],
      legend: '{{instance}} {{output}}',
      min: 0,
    },
    {
      id: 'bufferUsage',
      title: 'Output buffer used',
      description: 'Metrics waiting in each output’s buffer as a share of its metric_buffer_limit.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('internal_write_buffer_size', q)} / (${sel('internal_write_buffer_limit', q)} > 0)`,
      legend: '{{instance}} {{output}}',
      threshold: 'bufferUsage',
    },
    {
      id: 'writeTime',
      title: 'Write time by output',
      description: 'Time each output took for its recent writes; slow writes fill the buffer.',
      unit: 's',
      expr: (q) => `${sel('internal_write_write_time_ns', q)} / 1e9`,
      legend: '{{instance}} {{output}}',
      min: 0,
    },
    {
      id: 'hostUptime',
      requires: input('system'),
      title: 'Host uptime',
      description: 'Time since the host booted (system input).',
      unit: 'dtdurations',
      expr: (q) => sel('system_uptime', q),
      optional: inputOptional('system'),
    },
    {
      id: 'cpuUsage',
      requires: input('cpu', 'with totalcpu = true'),
      title: 'Host CPU used',
      description: 'Share of the host’s CPU time not idle, over all cores (cpu input, cpu-total).',
      unit: 'percent',
      expr: (q) => `100 - ${sel('cpu_usage_idle', q, 'cpu="cpu-total"')}`,
      threshold: 'cpuUsage',
      optional: inputOptional('cpu (with totalcpu = true)'),
    },
    {
      id: 'memoryUsage',
      requires: input('mem'),
      title: 'Host memory used',
      description: 'Share of the host’s memory in use (mem input).',
      unit: 'percent',
      expr: (q) => sel('mem_used_percent', q),
      threshold: 'memoryUsage',
      optional: inputOptional('mem'),
    },
    {
      id: 'diskUsage',
      requires: input('disk'),
      title: 'Host disk used',
      description: 'Share of each filesystem in use (disk input).',
      unit: 'percent',
      expr: (q) => sel('disk_used_percent', q),
      legend: '{{instance}} {{path}}',
      threshold: 'diskUsage',
      optional: inputOptional('disk'),
    },
    {
      id: 'loadPerCore',
      requires: input('system'),
      title: 'Host load per core',
      description: '1-minute load average divided by the number of CPUs (system input); above 1 work waits for a CPU.',
      unit: 'short',
      expr: (q) => `${sel('system_load1', q)} / ${sel('system_n_cpus', q)}`,
      min: 0,
      optional: inputOptional('system'),
    },
    {
      id: 'networkTraffic',
      requires: input('net'),
      title: 'Host network traffic',
      description: 'Bytes received and sent per second on each interface (net input).',
      unit: 'Bps',
      expr: (q) =>
        `label_replace(${perSecond('net_bytes_recv', q)}, "direction", "in", "", "") or label_replace(${perSecond('net_bytes_sent', q)}, "direction", "out", "", "")`,
      legend: '{{instance}} {{interface}} {{direction}}',
      min: 0,
      optional: inputOptional('net'),
    },
  ],
  alerts: [
    {
      id: 'gather-errors',
      name: 'TelegrafGatherErrors',
      severity: 'warning',
      for: '15m',
      signal: 'gatherErrorsByInput',
      comparison: '>',
      threshold: 0,
      summary: 'Telegraf input {{ $labels.input }} on {{ $labels.instance }} keeps failing.',
      description:
        'The {{ $labels.input }} input of the Telegraf agent at {{ $labels.instance }} has raised errors for 15 minutes, so its data has gaps. Run telegraf --test --input-filter {{ $labels.input }} on the host, or read the agent’s log, to see the error (permissions, an unreachable service, a changed endpoint).',
    },
    {
      id: 'write-errors',
      name: 'TelegrafWriteErrors',
      severity: 'warning',
      for: '15m',
      signal: 'writeErrors',
      comparison: '>',
      threshold: 0,
      summary: 'Telegraf output {{ $labels.output }} on {{ $labels.instance }} cannot write.',
      description:
        'Writes of the {{ $labels.output }} output of the Telegraf agent at {{ $labels.instance }} have failed for 15 minutes; metrics pile up in its buffer and are dropped once it is full. Check that the destination is reachable and accepts the writes (credentials, quotas, schema) in the agent’s log.',
    },
    {
      id: 'metrics-dropped',
      name: 'TelegrafMetricsDropped',
      severity: 'warning',
      for: '0s',
      query: (q) => `increase(${sel('internal_write_metrics_dropped', q)}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'Telegraf output {{ $labels.output }} on {{ $labels.instance }} drops metrics.',
      description:
        'The {{ $labels.output }} output of the Telegraf agent at {{ $labels.instance }} discarded metrics in the last 5 minutes because its buffer was full; that data is lost. Fix the output’s write errors or slowness, or raise metric_buffer_limit to ride out outages.',
    },
    {
      id: 'buffer-filling',
      name: 'TelegrafBufferFilling',
      severity: 'warning',
      for: '10m',
      query: bufferPeak,
      threshold: 'bufferUsage',
      summary: 'The buffer of Telegraf output {{ $labels.output }} on {{ $labels.instance }} is filling.',
      description:
        'Metrics waiting in the {{ $labels.output }} output’s buffer at {{ $labels.instance }} exceed the warning share of metric_buffer_limit: the output writes slower than inputs gather or cannot write at all. When the buffer is full the oldest metrics are dropped.',
    },
    {
      id: 'buffer-full',
      name: 'TelegrafBufferFull',
      severity: 'critical',
      for: '5m',
      query: bufferPeak,
      threshold: 'bufferUsage',
      summary: 'The buffer of Telegraf output {{ $labels.output }} on {{ $labels.instance }} is full.',
      description:
        'The {{ $labels.output }} output’s buffer at {{ $labels.instance }} is nearly full; from now on metrics are dropped. Restore the output’s destination or its throughput now.',
    },
    {
      id: 'not-gathering',
      name: 'TelegrafNotGathering',
      severity: 'warning',
      for: '10m',
      // The internal input counts its own metrics every interval, so a working agent's counter grows. One that
      // gathers nothing sends prometheus_client nothing new, and the output drops every series
      // expiration_interval (60 s by default) after its last sample while its endpoint still answers
      // (v1/collector.go Collect, v1.20.0 – v1.39.3): the counter stays flat only with expiration_interval = "0",
      // otherwise it is gone. A target that had it within the day, no longer has it and still answers counts as 0.
      // "Answers" is a scrape that returned samples (the output's Go and process collectors, on unless
      // collectors_exclude names both), not `up == 1`: the rule doctor takes a rule reading a bare `up` for
      // one that watches every target's `up`.
      query: (q) =>
        `increase(${sel('internal_agent_metrics_gathered', q)}[10m]) or on (${q.by}) (0 * (${sel('scrape_samples_scraped', q)} > 0) and on (${q.by}) max_over_time(${sel('internal_agent_metrics_gathered', q)}[1d]) unless on (${q.by}) ${sel('internal_agent_metrics_gathered', q)})`,
      comparison: '<',
      threshold: 1,
      summary: 'Telegraf at {{ $labels.instance }} gathers nothing.',
      description:
        'The Telegraf agent at {{ $labels.instance }} still answers scrapes but has gathered nothing for at least 10 minutes: its own internal metrics stopped growing or, as the prometheus_client output drops series a minute after their last sample (expiration_interval), are gone. Its inputs are stuck or the agent hangs. Restart it and read its log; a stuck input usually shows as a “took longer to collect than collection interval” warning.',
    },
    {
      id: 'host-memory',
      name: 'TelegrafHostMemoryHigh',
      severity: 'warning',
      for: '15m',
      signal: 'memoryUsage',
      overWindow: 'max',
      threshold: 'memoryUsage',
      summary: 'Memory of host {{ $labels.host }} ({{ $labels.instance }}) is nearly exhausted.',
      description:
        'The mem input of the Telegraf agent at {{ $labels.instance }} reports memory use above the threshold on {{ $labels.host }} for 15 minutes. Find the process using the memory or add RAM.',
      optional: inputOptional('mem'),
    },
    {
      id: 'host-disk',
      name: 'TelegrafHostDiskAlmostFull',
      severity: 'warning',
      for: '15m',
      signal: 'diskUsage',
      overWindow: 'max',
      threshold: 'diskUsage',
      summary: 'Filesystem {{ $labels.path }} on {{ $labels.host }} is almost full.',
      description:
        'The disk input of the Telegraf agent at {{ $labels.instance }} reports {{ $labels.path }} ({{ $labels.device }}) on {{ $labels.host }} fuller than the warning threshold. Free space or grow the filesystem before writes fail.',
      optional: inputOptional('disk'),
    },
    {
      id: 'host-disk-full',
      name: 'TelegrafHostDiskFull',
      severity: 'critical',
      for: '5m',
      signal: 'diskUsage',
      overWindow: 'max',
      threshold: 'diskUsage',
      summary: 'Filesystem {{ $labels.path }} on {{ $labels.host }} is full.',
      description:
        'The disk input of the Telegraf agent at {{ $labels.instance }} reports {{ $labels.path }} ({{ $labels.device }}) on {{ $labels.host }} fuller than the critical threshold; writes are about to fail. Free space now.',
      optional: inputOptional('disk'),
    },
  ],
  overview: ['bufferUsage', 'metricsDropped', 'gatherErrors', 'writeErrors'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['gatherErrors'], kind: 'stat', width: 5 },
        { signals: ['metricsDropped'], kind: 'stat', width: 5 },
        { signals: ['bufferUsage'], kind: 'gauge', width: 5 },
        { signals: ['hostUptime'], kind: 'stat', width: 5 },
      ],
    },
    {
      title: 'Inputs',
      panels: [
        { signals: ['metricsGathered'], width: 8 },
        { signals: ['gatherErrorsByInput'], width: 8 },
        { signals: ['gatherTime'], width: 8 },
      ],
    },
    {
      title: 'Outputs',
      panels: [
        { signals: ['metricsWritten'], width: 6 },
        { signals: ['writeErrors'], width: 6 },
        { signals: ['bufferUsage'], width: 6 },
        { signals: ['writeTime'], width: 6 },
      ],
    },
    {
      title: 'Host',
      panels: [
        { signals: ['cpuUsage'], width: 6 },
        { signals: ['memoryUsage'], width: 6 },
        { signals: ['loadPerCore'], width: 6 },
        { signals: ['diskUsage'], kind: 'bargauge', width: 6 },
        { signals: ['networkTraffic'], width: 24 },
      ],
    },
  ],
});
