import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// HAProxy's built-in exporter (promex). Until 2.3 it lived in contrib/ with its own name tables
// and value-encoded statuses; from 2.4 in addons/promex with one status series per `state`; in 3.x
// the names moved to the stats modules' alt_name columns, which promex prints.
const OLD: SourceRef = {
  tags: ['v2.0.0', 'v2.1.0', 'v2.2.0', 'v2.3.0'],
  file: 'contrib/prometheus-exporter/service-prometheus.c',
};
const NEW: SourceRef = { tags: ['v2.4.0', 'v2.6.0', 'v3.4.0'], file: 'addons/promex/service-prometheus.c' };
const INFO_34: SourceRef = { tags: ['v3.4.0'], file: 'src/stats.c' };
const PROXY_34: SourceRef = { tags: ['v3.4.0'], file: 'src/stats-proxy.c' };
const metric = (labels: string[], sources: SourceRef[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: sources as [SourceRef, ...SourceRef[]],
  ...extra,
});
const info = (extra: Partial<MetricEvidence> = {}) => metric([], [OLD, NEW, INFO_34], extra);
const proxy = (labels: string[], extra: Partial<MetricEvidence> = {}) =>
  metric(['proxy', ...labels], [OLD, NEW, PROXY_34], extra);
const SLIM_NOTE =
  'stats field slim: maxconn on a frontend, fullconn on a backend (the load at which servers with a minconn reach their maxconn, by default 10 % of the frontends’ maxconn: not a limit)';

// A backend's average times over its last 1024 requests: http_* in 2.0, without the prefix from 2.1.
const backendTime = (field: string) =>
  metric(['proxy'], [{ ...OLD, tags: ['v2.1.0', 'v2.3.0'] }, NEW, PROXY_34], {
    versions: '≥ 2.1',
    note: `last 1024 requests, seconds (${field})`,
  });
const backendTime20 = metric(['proxy'], [{ ...OLD, tags: ['v2.0.0'] }], {
  versions: '2.0',
  note: 'whole milliseconds in v2.0.0 (mkf_u32, no division), seconds from 2.0.7',
});

export const HAPROXY_FAMILIES = {
  v20: 'HAProxy 2.0',
  v21: 'HAProxy 2.1 – 2.3',
  v24: 'HAProxy ≥ 2.4',
} as const;

export const haproxyEvidence: ExporterEvidence = {
  exporter: 'haproxy',
  repository: 'haproxy/haproxy',
  supported: { oldest: 'v2.0.0', current: 'v3.4.0' },
  families: [
    {
      name: HAPROXY_FAMILIES.v20,
      differs:
        'no build_info or uptime_seconds; statuses encoded in the value (server 1 = UP, 0 = anything else, MAINT and DRAIN included); backend times named haproxy_backend_http_*_time_average_seconds and, in v2.0.0, whole milliseconds despite the name',
    },
    {
      name: HAPROXY_FAMILIES.v21,
      differs:
        'no build_info or uptime_seconds; statuses encoded in the value (server 0 = DOWN, 1 = UP, 2 = MAINT, 3 = DRAIN, 4 = NOLB)',
    },
    {
      name: HAPROXY_FAMILIES.v24,
      differs:
        'build_info and uptime_seconds; each status a series per `state` (backend UP/DOWN; server DOWN, UP, MAINT, DRAIN, NOLB), value 1 on the current one',
    },
  ],
  metrics: {
    haproxy_process_build_info: metric(['version'], [NEW, INFO_34], { versions: '≥ 2.4' }),
    haproxy_process_uptime_seconds: metric([], [NEW, INFO_34], { versions: '≥ 2.4' }),
    haproxy_process_start_time_seconds: info({ note: 'unix time of the process start, every version' }),
    haproxy_process_nbthread: info({ note: 'the one process series every version has: detection and info' }),
    haproxy_process_current_connections: info(),
    haproxy_process_max_connections: info({ note: 'global maxconn' }),
    haproxy_process_idle_time_percent: info({ note: '0–100' }),
    haproxy_process_dropped_logs_total: info({
      note: 'INF_DROPPED_LOGS: log lines the process could not send (full buffer or unreachable ring/socket)',
    }),
    haproxy_frontend_http_requests_total: proxy([], { note: 'HTTP-mode frontends only' }),
    haproxy_frontend_http_responses_total: proxy(['code'], {
      note: 'code 1xx, 2xx, 3xx, 4xx, 5xx, other; HTTP-mode proxies only',
    }),
    haproxy_backend_http_responses_total: proxy(['code'], { note: 'as the frontend’s' }),
    haproxy_backend_status: proxy(['state'], {
      note: 'state (UP, DOWN) only since 2.4; before, one series whose value is 1 (UP) or 0 (DOWN)',
    }),
    haproxy_server_status: proxy(['server', 'state'], {
      note: 'state (DOWN, UP, MAINT, DRAIN, NOLB) only since 2.4; before, the value: 2.0 has 1 = UP and 0 for everything else (DOWN, MAINT, DRAIN), 2.1 – 2.3 0 = DOWN, 1 = UP, 2 = MAINT, 3 = DRAIN, 4 = NOLB',
    }),
    haproxy_server_check_up_down_total: proxy(['server'], { note: 'UP → DOWN transitions' }),
    haproxy_backend_active_servers: proxy([]),
    haproxy_frontend_current_sessions: proxy([]),
    haproxy_frontend_limit_sessions: proxy([], { note: SLIM_NOTE }),
    haproxy_backend_current_sessions: proxy([]),
    haproxy_backend_limit_sessions: proxy([], { note: SLIM_NOTE }),
    haproxy_backend_current_queue: proxy([], {
      note: 'stats field qcur of a backend: only requests queued without a server assigned, not those in its servers’ queues',
    }),
    haproxy_server_current_queue: proxy(['server'], {
      note: 'ST_F_QCUR of a server (3.4 ST_I_PX_QCUR): its own queue, requests assigned to it; sent in the server scope, the default one',
    }),
    haproxy_backend_response_time_average_seconds: metric(
      ['proxy'],
      [{ ...OLD, tags: ['v2.1.0', 'v2.3.0'] }, NEW, PROXY_34],
      {
        versions: '≥ 2.1',
        note: 'last 1024 requests, seconds',
      }
    ),
    haproxy_backend_http_response_time_average_seconds: backendTime20,
    haproxy_backend_queue_time_average_seconds: backendTime('ST_F_QTIME, 3.4 qtime'),
    haproxy_backend_connect_time_average_seconds: backendTime('ST_F_CTIME, 3.4 ctime'),
    haproxy_backend_total_time_average_seconds: backendTime('ST_F_TTIME, 3.4 ttime'),
    haproxy_backend_http_queue_time_average_seconds: backendTime20,
    haproxy_backend_http_connect_time_average_seconds: backendTime20,
    haproxy_backend_http_total_time_average_seconds: backendTime20,
    haproxy_backend_connection_errors_total: proxy([]),
    haproxy_backend_response_errors_total: proxy([]),
    haproxy_frontend_request_errors_total: proxy([]),
    haproxy_frontend_bytes_in_total: proxy([]),
    haproxy_frontend_bytes_out_total: proxy([]),
  },
};
