import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// Debian bookworm ships 1.5.1; read at 1.5.1 and 1.11.3 (the current release).
const BOTH: [string, ...string[]] = ['v1.5.1', 'v1.11.3'];
const at = (file: string): SourceRef => ({ tags: BOTH, file });
const metric = (labels: string[], file: string, note?: string): MetricEvidence => ({
  labels,
  sources: [at(file)],
  ...(note ? { note } : {}),
});

const STORE = 'storage/diskmetricstore.go';
const HTTP = 'handler/metrics.go';
const GROUP_NOTE =
  'one per pushed group, with the group’s own job and grouping labels (instance="" when the group has none), scraped with honor_labels; 0 until the first push of that outcome';

export const PUSHGATEWAY_FAMILY = 'Pushgateway 1.5 – 1.11';

export const pushgatewayEvidence: ExporterEvidence = {
  exporter: 'pushgateway',
  repository: 'prometheus/pushgateway',
  supported: { oldest: 'v1.5.1', current: 'v1.11.3' },
  families: [{ name: PUSHGATEWAY_FAMILY, differs: 'one family: the names and labels the pack reads did not change' }],
  metrics: {
    pushgateway_build_info: metric(
      ['version', 'revision', 'branch', 'goversion', 'goarch', 'goos'],
      'main.go',
      'goarch and goos: prometheus/common’s version collector has them from v0.39.0 (version/info.go), later than the v0.37.0 that 1.5.1’s go.mod pins; Debian’s 1.5.1 links a newer one and has them (the fixture’s capture)'
    ),
    push_time_seconds: metric([], STORE, GROUP_NOTE),
    push_failure_time_seconds: metric([], STORE, GROUP_NOTE),
    pushgateway_http_requests_total: metric(
      ['handler', 'code', 'method'],
      HTTP,
      'handler is the API handler name (push, delete, status, …), code the numeric status'
    ),
    pushgateway_http_push_duration_seconds: metric(
      ['method', 'quantile'],
      HTTP,
      'summary with quantiles 0.1, 0.5, 0.9; method lower-case (put, post); only after the first push'
    ),
    pushgateway_http_push_size_bytes: metric(['method', 'quantile'], HTTP, 'as push_duration_seconds'),
    process_start_time_seconds: metric(
      [],
      'main.go',
      'client_golang’s process collector, as process_resident_memory_bytes'
    ),
    process_resident_memory_bytes: metric(
      [],
      'main.go',
      'client_golang’s process collector on the default registry that main.go serves'
    ),
  },
};
