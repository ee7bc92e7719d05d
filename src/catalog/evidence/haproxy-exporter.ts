import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// prometheus/haproxy_exporter (archived; 0.15.0 is its last release). Debian bookworm ships 0.14.
// Every name comes from one file, a table of stats CSV columns; labels `frontend`, `backend`,
// `server` (and `code` for the response classes).
const SOURCE: SourceRef = { tags: ['v0.14.0', 'v0.15.0'], file: 'haproxy_exporter.go' };
const metric = (labels: string[], note?: string): MetricEvidence => ({
  labels,
  sources: [SOURCE],
  ...(note ? { note } : {}),
});
const SLIM_NOTE = 'CSV column slim: maxconn on a frontend, fullconn on a backend (not a limit)';

export const HAPROXY_EXPORTER_FAMILY = 'haproxy_exporter 0.14 – 0.15';

export const haproxyExporterEvidence: ExporterEvidence = {
  exporter: 'haproxy-exporter',
  repository: 'prometheus/haproxy_exporter',
  supported: { oldest: 'v0.14.0', current: 'v0.15.0' },
  families: [
    {
      name: HAPROXY_EXPORTER_FAMILY,
      differs: 'one family: 0.15 only adds haproxy_process_idle_time_percent, which the pack does not read',
    },
  ],
  metrics: {
    haproxy_up: metric([], 'whether the last read of the stats CSV succeeded'),
    haproxy_exporter_build_info: metric(['version', 'revision', 'branch', 'goversion']),
    haproxy_exporter_csv_parse_failures_total: metric([], 'named without _total up to 0.10'),
    haproxy_frontend_http_requests_total: metric(['frontend']),
    haproxy_frontend_current_session_rate: metric(['frontend']),
    haproxy_frontend_http_responses_total: metric(['frontend', 'code'], 'code 1xx … 5xx, other'),
    haproxy_backend_http_responses_total: metric(['backend', 'code'], 'code 1xx … 5xx, other'),
    haproxy_backend_up: metric(['backend'], 'status column: 1 for UP, 0 for DOWN'),
    haproxy_backend_current_server: metric(['backend'], 'CSV column act: active servers'),
    haproxy_server_up: metric(
      ['backend', 'server'],
      'parseStatusField: 1 for UP, "UP 1/3", "UP 2/3", OPEN, "no check" and DRAIN; 0 for DOWN, NOLB, MAINT and any other string; servers in --haproxy.server-exclude-states are left out'
    ),
    haproxy_server_check_failures_total: metric(['backend', 'server']),
    haproxy_server_downtime_seconds_total: metric(['backend', 'server']),
    haproxy_frontend_current_sessions: metric(['frontend']),
    haproxy_frontend_limit_sessions: metric(['frontend'], SLIM_NOTE),
    haproxy_backend_current_sessions: metric(['backend']),
    haproxy_backend_limit_sessions: metric(['backend'], SLIM_NOTE),
    haproxy_backend_current_queue: metric(
      ['backend'],
      'CSV qcur of the BACKEND row: requests not assigned to any server'
    ),
    haproxy_server_current_queue: metric(
      ['backend', 'server'],
      'CSV qcur of a server row: requests assigned to it; field 2 of the default --haproxy.server-metric-fields'
    ),
    haproxy_backend_http_response_time_average_seconds: metric(['backend'], 'CSV rtime in ms, divided by 1000'),
    haproxy_backend_connection_errors_total: metric(['backend']),
    haproxy_backend_response_errors_total: metric(['backend']),
    haproxy_frontend_request_errors_total: metric(['frontend']),
    haproxy_frontend_bytes_in_total: metric(['frontend']),
    haproxy_frontend_bytes_out_total: metric(['frontend']),
  },
};
