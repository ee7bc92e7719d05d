import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// influxdata/telegraf, outputs.prometheus_client with metric_version = 1 (the default in
// plugins/outputs/prometheus_client/sample.conf): a series is <measurement>_<field>, tags become labels
// (v1/collector.go). metric_version = 2 names series differently and is not read by the pack.
const ALL: [string, ...string[]] = ['v1.20.0', 'v1.30.0', 'v1.35.0', 'v1.36.0', 'v1.39.3'];
const INTERNAL: SourceRef = { tags: ALL, file: 'plugins/inputs/internal/internal.go' };
const INPUT: SourceRef = { tags: ALL, file: 'models/running_input.go' };
const OUTPUT: SourceRef = { tags: ALL, file: 'models/running_output.go' };
const BUFFER: SourceRef = { tags: ALL, file: 'models/buffer.go' };
const AGENT: SourceRef = { tags: ALL, file: 'models/running_input.go' };

// internal.go adds `version` to every internal_* metric (not only internal_agent) and `go_version` to
// internal_agent. Since v1.36.0 the per-plugin stats carry `_id`; with per_instance = false (default) the
// internal input drops it and sums the counts of all instances of one plugin (buffer size and limit too);
// with per_instance = true each instance keeps its `_id` label. An `alias` label appears where one is set.
const PER_INPUT = ['host', 'input', 'version'];
const PER_OUTPUT = ['host', 'output', 'version'];
const PER_AGENT = ['host', 'version', 'go_version'];
const SUMMED =
  'since v1.36.0 summed over instances of the same plugin unless per_instance = true (then an extra _id label); an alias label where the plugin sets one';

const internal = (labels: string[], source: SourceRef, note?: string): MetricEvidence => ({
  labels,
  sources: [INTERNAL, source],
  note: note ? `${note}; ${SUMMED}` : SUMMED,
});
const host = (labels: string[], file: string, note: string): MetricEvidence => ({
  labels: ['host', ...labels],
  sources: [{ tags: ALL, file }],
  note,
});

export const telegrafEvidence: ExporterEvidence = {
  exporter: 'telegraf',
  repository: 'influxdata/telegraf',
  // Oldest read: v1.20.0 already has per-output buffer_size/buffer_limit and per-input gather errors
  // under the same names.
  supported: { oldest: 'v1.20.0', current: 'v1.39.3' },
  families: [
    {
      name: 'Telegraf 1.20 – 1.38',
      differs:
        'no failed-write counter: internal_write_errors counts only errors the output plugin logs itself (the agent’s own “Error writing to” line is not counted)',
    },
    {
      name: 'Telegraf 1.39',
      differs: 'adds internal_write_write_errors (failed writes per output) and internal_agent_write_errors',
    },
  ],
  metrics: {
    internal_agent_gather_errors: internal(
      PER_AGENT,
      AGENT,
      'agent-wide: before v1.39.0 the sum of logged input errors; from v1.39.0 the Gather calls that returned an error (the input logger’s error callback no longer moves it), so an input that only logs its errors counts in internal_gather_errors alone'
    ),
    internal_agent_metrics_gathered: {
      ...internal(
        PER_AGENT,
        AGENT,
        'the internal input counts its own metrics, so it grows every interval on a working agent; on one that stops gathering the series is gone, not flat: prometheus_client drops a series expiration_interval (60 s by default) after its last sample, at every scrape, unless expiration_interval = "0"'
      ),
      sources: [INTERNAL, AGENT, { tags: ALL, file: 'plugins/outputs/prometheus_client/v1/collector.go' }],
    },
    internal_gather_errors: internal(
      PER_INPUT,
      INPUT,
      'counts error log lines of the input (logger error callback), not failed Gather calls as such'
    ),
    internal_gather_gather_time_ns: internal(PER_INPUT, INPUT, 'nanoseconds (RegisterTiming): time of the last gather'),
    internal_write_metrics_written: internal(PER_OUTPUT, OUTPUT),
    internal_write_metrics_dropped: internal(PER_OUTPUT, BUFFER, 'counted by the buffer when full'),
    internal_write_buffer_size: internal(PER_OUTPUT, BUFFER),
    internal_write_buffer_limit: internal(PER_OUTPUT, BUFFER, 'metric_buffer_limit'),
    internal_write_write_time_ns: internal(PER_OUTPUT, OUTPUT, 'nanoseconds (RegisterTiming)'),
    internal_write_errors: internal(
      PER_OUTPUT,
      OUTPUT,
      'counts error log lines of the output (logger error callback); a write that fails without the plugin logging is not counted'
    ),
    internal_write_write_errors: {
      labels: PER_OUTPUT,
      sources: [INTERNAL, { tags: ['v1.39.0', 'v1.39.3'], file: 'models/running_output.go' }],
      versions: '≥ v1.39.0',
      note: `failed writes of the output; ${SUMMED}`,
    },
    cpu_usage_idle: host(
      ['cpu'],
      'plugins/inputs/cpu/cpu.go',
      'percent; cpu="cpu-total" only with totalcpu = true (the default)'
    ),
    mem_used_percent: {
      labels: ['host'],
      sources: [
        { tags: ['v1.20.0'], file: 'plugins/inputs/mem/memory.go' },
        { tags: ['v1.30.0', 'v1.39.3'], file: 'plugins/inputs/mem/mem.go' },
      ],
      note: 'percent',
    },
    disk_used_percent: host(
      ['device', 'fstype', 'mode', 'path'],
      'plugins/inputs/disk/disk.go',
      'percent of used over used + free for unprivileged users'
    ),
    system_uptime: host(
      [],
      'plugins/inputs/system/system.go',
      'seconds, published as a counter; in the default include = ["legacy"] layout since v1.39'
    ),
    system_load1: host([], 'plugins/inputs/system/system.go', 'gauge'),
    system_n_cpus: host([], 'plugins/inputs/system/system.go', 'logical CPUs'),
    net_bytes_recv: host(['interface'], 'plugins/inputs/net/net.go', 'bytes, counter without _total'),
    net_bytes_sent: host(['interface'], 'plugins/inputs/net/net.go', 'bytes, counter without _total'),
  },
};
