import { sel } from '../promql';
import type { ExporterDefinition, QueryContext } from '../types';

// The internal input's counters are cumulative since the agent started, even though the
// prometheus_client output publishes them untyped: rates and increases, never raw values.
// Detection relies on that input, so its series are always present on a detected job; the host
// inputs (cpu, mem, disk, system, net) are each the user's choice.
const inputOptional = (input: string) => `only agents with the ${input} input configured report it`;

const perSecond = (metric: string, q: QueryContext, extra = '') => `rate(${sel(metric, q, extra)}[${q.range}])`;

export const telegrafExporter: ExporterDefinition = {
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
      title: 'Output buffer used',
      unit: 'percent',
      direction: 'above',
      warning: 80,
      critical: 95,
      min: 1,
      max: 100,
      description:
        'Metrics waiting in an output’s buffer as a share of metric_buffer_limit; when full, the oldest metrics are dropped.',
    },
    {
      id: 'cpuUsage',
      title: 'Host CPU used',
      unit: 'percent',
      direction: 'above',
      warning: 90,
      critical: 98,
      min: 1,
      max: 100,
      description: 'Share of the host’s CPU time not idle (cpu input, cpu-total).',
    },
    {
      id: 'memoryUsage',
      title: 'Host memory used',
      unit: 'percent',
      direction: 'above',
      warning: 90,
      critical: 97,
      min: 1,
      max: 100,
      description: 'Share of the host’s memory in use (mem input).',
    },
    {
      id: 'diskUsage',
      title: 'Host disk used',
      unit: 'percent',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
      max: 100,
      description: 'Share of each filesystem in use (disk input).',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Agent up',
      description: 'Whether Prometheus reached the agent’s prometheus_client output at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      variants: [
        {
          expr: (q) =>
            `${sel('up', q)} and on (${q.by}) (${sel('internal_agent_metrics_gathered', q)} or ${sel('system_uptime', q)})`,
        },
      ],
      legend: '{{instance}}',
      min: 0,
      max: 1,
    },
    {
      id: 'gatherErrors',
      title: 'Gather errors',
      description:
        'Errors the agent’s inputs raised while collecting, per second; each one is a gap in some input’s data.',
      unit: 'ops',
      variants: [{ expr: (q) => perSecond('internal_agent_gather_errors', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'gatherErrorsByInput',
      title: 'Gather errors by input',
      description: 'Collection errors per second for each input plugin, to find the one that fails.',
      unit: 'ops',
      variants: [{ expr: (q) => perSecond('internal_gather_errors', q) }],
      legend: '{{instance}} {{input}}',
      min: 0,
    },
    {
      id: 'gatherTime',
      title: 'Gather time by input',
      description: 'Time each input took for its last collections; an input slower than the interval skips rounds.',
      unit: 's',
      variants: [{ expr: (q) => `${sel('internal_gather_gather_time_ns', q)} / 1e9` }],
      legend: '{{instance}} {{input}}',
      min: 0,
    },
    {
      id: 'metricsGathered',
      title: 'Metrics gathered',
      description: 'Metrics collected per second by all inputs of the agent.',
      unit: 'ops',
      variants: [{ expr: (q) => perSecond('internal_agent_metrics_gathered', q) }],
      legend: '{{instance}} gathered',
      min: 0,
    },
    {
      id: 'metricsWritten',
      title: 'Metrics written',
      description:
        'Metrics written per second by each output; an output far below the gathered rate is falling behind.',
      unit: 'ops',
      variants: [{ expr: (q) => perSecond('internal_write_metrics_written', q) }],
      legend: '{{instance}} {{output}} written',
      min: 0,
    },
    {
      id: 'metricsDropped',
      title: 'Metrics dropped',
      description: 'Metrics each output discarded per second because its buffer was full; this data is lost.',
      unit: 'ops',
      variants: [{ expr: (q) => perSecond('internal_write_metrics_dropped', q) }],
      legend: '{{instance}} {{output}} dropped',
      min: 0,
    },
    {
      id: 'writeErrors',
      title: 'Write errors',
      description:
        'Failed writes per second for each output (unreachable database, rejected batches); metrics stay buffered and retried.',
      unit: 'ops',
      variants: [{ expr: (q) => perSecond('internal_write_errors', q) }],
      legend: '{{instance}} {{output}}',
      min: 0,
    },
    {
      id: 'bufferUsage',
      title: 'Output buffer used',
      description: 'Metrics waiting in each output’s buffer as a share of its metric_buffer_limit.',
      unit: 'percent',
      variants: [
        {
          expr: (q) => `100 * ${sel('internal_write_buffer_size', q)} / (${sel('internal_write_buffer_limit', q)} > 0)`,
        },
      ],
      legend: '{{instance}} {{output}}',
      threshold: 'bufferUsage',
      min: 0,
      max: 100,
    },
    {
      id: 'writeTime',
      title: 'Write time by output',
      description: 'Time each output took for its recent writes; slow writes fill the buffer.',
      unit: 's',
      variants: [{ expr: (q) => `${sel('internal_write_write_time_ns', q)} / 1e9` }],
      legend: '{{instance}} {{output}}',
      min: 0,
    },
    {
      id: 'hostUptime',
      title: 'Host uptime',
      description: 'Time since the host booted (system input).',
      unit: 'dtdurations',
      variants: [{ expr: (q) => sel('system_uptime', q) }],
      legend: '{{instance}}',
      optional: inputOptional('system'),
    },
    {
      id: 'cpuUsage',
      title: 'Host CPU used',
      description: 'Share of the host’s CPU time not idle, over all cores (cpu input, cpu-total).',
      unit: 'percent',
      variants: [{ expr: (q) => `100 - ${sel('cpu_usage_idle', q, 'cpu="cpu-total"')}` }],
      legend: '{{instance}}',
      threshold: 'cpuUsage',
      min: 0,
      max: 100,
      optional: inputOptional('cpu (with totalcpu = true)'),
    },
    {
      id: 'memoryUsage',
      title: 'Host memory used',
      description: 'Share of the host’s memory in use (mem input).',
      unit: 'percent',
      variants: [{ expr: (q) => sel('mem_used_percent', q) }],
      legend: '{{instance}}',
      threshold: 'memoryUsage',
      min: 0,
      max: 100,
      optional: inputOptional('mem'),
    },
    {
      id: 'diskUsage',
      title: 'Host disk used',
      description: 'Share of each filesystem in use (disk input).',
      unit: 'percent',
      variants: [{ expr: (q) => sel('disk_used_percent', q) }],
      legend: '{{instance}} {{path}}',
      threshold: 'diskUsage',
      min: 0,
      max: 100,
      optional: inputOptional('disk'),
    },
    {
      id: 'loadPerCore',
      title: 'Host load per core',
      description: '1-minute load average divided by the number of CPUs (system input); above 1 work waits for a CPU.',
      unit: 'short',
      variants: [{ expr: (q) => `${sel('system_load1', q)} / ${sel('system_n_cpus', q)}` }],
      legend: '{{instance}}',
      min: 0,
      optional: inputOptional('system'),
    },
    {
      id: 'networkTraffic',
      title: 'Host network traffic',
      description: 'Bytes received and sent per second on each interface (net input).',
      unit: 'Bps',
      variants: [
        {
          expr: (q) =>
            `label_replace(${perSecond('net_bytes_recv', q)}, "direction", "in", "", "") or label_replace(${perSecond('net_bytes_sent', q)}, "direction", "out", "", "")`,
        },
      ],
      legend: '{{instance}} {{interface}} {{direction}}',
      min: 0,
      optional: inputOptional('net'),
    },
  ],
  alerts: [],
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
};
