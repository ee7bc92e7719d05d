import { sel } from '../promql';
import { defineExporter } from '../define';
import type { SignalVariant } from '../types';
import {
  backendDownTexts,
  errorRatio,
  HTTP_5XX_RATIO,
  http5xxAlerts,
  perProxyRate,
  queueingAlert,
  queueSignals,
  connectionErrorsAlert,
  SESSIONS_USED,
  frontendSessionsAlert,
  BACKEND_LOAD,
  BACKEND_5XX_RATIO,
  sessionsUsed,
  type HaproxyNaming,
} from './haproxy-shared';

// HAProxy's built-in exporter (PROMEX). Frontends, backends and servers are told apart by the
// `proxy` label (plus `server`). From 2.4 on, status series carry a `state` label with one series
// per possible state; before 2.4 each status was a single gauge whose value encoded the state.
const STATE_LABEL = 'HAProxy ≥ 2.4 (one series per state)';
const STATE_VALUE = 'HAProxy 2.0–2.3 (status encoded in the value: 1 = UP)';

const NAMING: HaproxyNaming = {
  alertPrefix: 'Haproxy',
  proxyLabel: () => 'proxy',
  summaryAt: 'on {{ $labels.instance }}',
  descriptionAt: 'on {{ $labels.instance }}',
  sessionsAt: 'of {{ $labels.instance }}',
  backendDown: (q) =>
    `${sel('haproxy_backend_status', q, 'state="UP"')} == 0 or ${sel('haproxy_backend_status', q, 'state=""')} == 0`,
};

// v2.0.0 wrote these averages as whole milliseconds under the _seconds names (mkf_u32 of swrate_avg, no
// division; contrib/prometheus-exporter/service-prometheus.c v2.0.0). Commit af4bf1418 ("Return the time
// averages in seconds", v2.1.0) reached the 2.0 branch in 2.0.7, its changelog says. No series tells
// 2.0.0 – 2.0.6 from 2.0.7 – 2.0.9, so the panels draw the values as they come and say so.
const HTTP_TIMES_20 = 'HAProxy 2.0 (2.0.0 – 2.0.6 in milliseconds)';
const MS_BEFORE_207 =
  ' HAProxy 2.0.0 – 2.0.6 report it in milliseconds under the same name: there, read the seconds as milliseconds.';

// Average times of a backend's last 1024 requests. 2.0's promex named them http_*; 2.1 dropped the prefix
// (contrib/prometheus-exporter/service-prometheus.c; commit 68b6968ec, in the 2.0 branch from 2.0.10).
const backendTime = (stage: 'queue' | 'connect' | 'response' | 'total'): [SignalVariant, SignalVariant] => [
  { note: 'HAProxy ≥ 2.1', expr: (q) => sel(`haproxy_backend_${stage}_time_average_seconds`, q) },
  { note: HTTP_TIMES_20, expr: (q) => sel(`haproxy_backend_http_${stage}_time_average_seconds`, q) },
];

export const haproxyExporter = defineExporter({
  id: 'haproxy',
  title: 'HAProxy (built-in exporter)',
  layer: 'network',
  defaultPort: 8404,
  docsUrl: 'https://www.haproxy.com/documentation/haproxy-configuration-tutorials/alerts-and-monitoring/prometheus/',
  description:
    'HAProxy ≥ 2.0 through its built-in Prometheus exporter: frontends, backends, servers, sessions, errors and latency.',
  detection: { metrics: ['haproxy_process_build_info', 'haproxy_process_uptime_seconds', 'haproxy_process_nbthread'] },
  // build_info and uptime_seconds only exist from 2.4 on; nbthread is in every release's promex.
  infoMetrics: ['haproxy_process_build_info', 'haproxy_process_nbthread'],
  versionMetric: { metric: 'haproxy_process_build_info', label: 'version' },
  thresholds: [
    HTTP_5XX_RATIO,
    SESSIONS_USED,
    {
      id: 'connectionsUsed',
      direction: 'above',
      warning: 80,
      critical: 95,
      min: 1,
    },
    {
      id: 'serverFlaps',
      title: 'Server flaps',
      unit: 'short',
      direction: 'above',
      warning: 2,
      min: 1,
      max: 100,
      description:
        'Times a server went DOWN within 30 minutes, by failed checks or by being put in maintenance; more means it flaps.',
    },
    {
      id: 'idleTime',
      direction: 'below',
      warning: 20,
      critical: 5,
      min: 0,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Exporter up',
      description: 'Whether Prometheus reached HAProxy’s exporter endpoint at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('haproxy_process_nbthread', q)}`,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the HAProxy process started; it resets on every reload that replaces the process.',
      unit: 'dtdurations',
      variants: [
        { note: 'HAProxy ≥ 2.4', expr: (q) => sel('haproxy_process_uptime_seconds', q) },
        {
          note: 'HAProxy 2.0–2.3 (start time only)',
          expr: (q) => `time() - ${sel('haproxy_process_start_time_seconds', q)}`,
        },
      ],
    },
    {
      id: 'connectionsUsed',
      title: 'Process connections used',
      description: 'Connections of the process as a share of its global maxconn.',
      unit: 'percent',
      expr: (q) =>
        `100 * ${sel('haproxy_process_current_connections', q)} / (${sel('haproxy_process_max_connections', q)} > 0)`,
      threshold: 'connectionsUsed',
    },
    {
      id: 'idleTime',
      title: 'Process idle time',
      description: 'Share of time the threads wait for events; low values mean HAProxy itself is the bottleneck.',
      unit: 'percent',
      expr: (q) => sel('haproxy_process_idle_time_percent', q),
      threshold: 'idleTime',
    },
    {
      id: 'frontendRequests',
      title: 'Frontend requests',
      description: 'HTTP requests received per second by each frontend.',
      unit: 'reqps',
      expr: (q) => perProxyRate(NAMING, 'frontend', 'haproxy_frontend_http_requests_total', q),
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'frontend5xxRatio',
      title: 'Frontend 5xx ratio',
      description:
        'Share of responses each frontend sent with a 5xx status, including errors HAProxy generated itself.',
      unit: 'percentunit',
      expr: (q) => errorRatio(NAMING, 'frontend', q),
      legend: '{{instance}} {{proxy}}',
      threshold: 'http5xxRatio',
    },
    {
      id: 'backend5xxRatio',
      ...BACKEND_5XX_RATIO,
      unit: 'percentunit',
      expr: (q) => errorRatio(NAMING, 'backend', q),
      legend: '{{instance}} {{proxy}}',
      threshold: 'http5xxRatio',
    },
    {
      id: 'backendResponsesByCode',
      title: 'Backend responses by class',
      description: 'HTTP responses per second from each backend by status class (1xx–5xx, other).',
      unit: 'reqps',
      expr: (q) =>
        `sum by (${q.by}, proxy, code) (rate(${sel('haproxy_backend_http_responses_total', q)}[${q.range}]))`,
      legend: '{{proxy}} {{code}}',
      min: 0,
    },
    {
      id: 'backendUp',
      title: 'Backend up',
      description: 'Whether each backend is UP (1) or DOWN (0); a DOWN backend has no server to send traffic to.',
      unit: 'bool_yes_no',
      variants: [
        { note: STATE_LABEL, expr: (q) => sel('haproxy_backend_status', q, 'state="UP"') },
        { note: STATE_VALUE, expr: (q) => sel('haproxy_backend_status', q, 'state=""') },
      ],
      legend: '{{instance}} {{proxy}}',
    },
    {
      id: 'activeServers',
      title: 'Active servers',
      description: 'Servers of each backend that are up and taking traffic (backup servers not counted).',
      unit: 'short',
      expr: (q) => sel('haproxy_backend_active_servers', q),
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'serversNotUp',
      title: 'Servers not up',
      description: 'Servers in each backend that are not UP (down, in maintenance, draining or not load-balanced).',
      unit: 'short',
      variants: [
        {
          note: STATE_LABEL,
          expr: (q) => `sum by (${q.by}, proxy) (1 - ${sel('haproxy_server_status', q, 'state="UP"')})`,
        },
        {
          note: STATE_VALUE,
          expr: (q) => `sum by (${q.by}, proxy) (${sel('haproxy_server_status', q, 'state=""')} != bool 1)`,
        },
      ],
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'serverTransitions',
      title: 'Server state changes',
      description:
        'UP/DOWN transitions of each server over the window; repeated changes mean a flapping server or a too-strict health check.',
      unit: 'short',
      expr: (q) => `increase(${sel('haproxy_server_check_up_down_total', q)}[${q.range}])`,
      legend: '{{proxy}}/{{server}}',
      min: 0,
    },
    {
      id: 'frontendSessionsUsed',
      title: 'Frontend sessions used',
      description: 'Current sessions of each frontend as a share of its maxconn.',
      unit: 'percent',
      expr: (q) => sessionsUsed('frontend', q),
      legend: '{{instance}} {{proxy}}',
      threshold: 'sessionsUsed',
    },
    {
      id: 'backendSessionsUsed',
      ...BACKEND_LOAD,
      unit: 'percent',
      expr: (q) => sessionsUsed('backend', q),
      legend: '{{instance}} {{proxy}}',
      axisFitsData: 'fullconn is no limit: a busy backend runs past 100 %',
    },
    ...queueSignals(NAMING),
    {
      id: 'backendResponseTime',
      title: 'Backend response time',
      description: `Average server response time of each backend over its last 1024 requests.${MS_BEFORE_207}`,
      unit: 's',
      variants: backendTime('response'),
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'backendQueueTime',
      title: 'Backend queue time',
      // The wait in either queue, the backend's or a server's: the stream's t_queue, from its request to its
      // server slot (haproxy/haproxy v2.6.0 src/stream.c stream_update_time_stats → be_counters.q_time).
      description: `Average time requests of each backend waited for a free server slot, in its queue or a server’s, over its last 1024 requests; above zero servers are at their maxconn.${MS_BEFORE_207}`,
      unit: 's',
      variants: backendTime('queue'),
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'backendConnectTime',
      title: 'Backend connect time',
      description: `Average time each backend took to open a connection to a server, over its last 1024 requests; growth points at the network or at servers slow to accept.${MS_BEFORE_207}`,
      unit: 's',
      variants: backendTime('connect'),
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'backendTotalTime',
      title: 'Backend total time',
      description: `Average time of a whole request of each backend (request, queue, connect, response and transfer), over its last 1024 requests.${MS_BEFORE_207}`,
      unit: 's',
      variants: backendTime('total'),
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'droppedLogs',
      title: 'Dropped log lines',
      description:
        'Log lines per second the process could not send: its log server, socket or ring was full or unreachable. Each is a log line lost, most often a request’s.',
      unit: 'ops',
      expr: (q) => `rate(${sel('haproxy_process_dropped_logs_total', q)}[${q.range}])`,
      min: 0,
    },
    {
      id: 'backendErrors',
      title: 'Backend connection and response errors',
      description: 'Failed connections to servers plus broken server responses per second, by backend.',
      unit: 'ops',
      expr: (q) =>
        `${perProxyRate(NAMING, 'backend', 'haproxy_backend_connection_errors_total', q)} + ${perProxyRate(NAMING, 'backend', 'haproxy_backend_response_errors_total', q)}`,
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'frontendRequestErrors',
      title: 'Frontend request errors',
      description: 'Invalid or aborted client requests per second, by frontend.',
      unit: 'ops',
      expr: (q) => perProxyRate(NAMING, 'frontend', 'haproxy_frontend_request_errors_total', q),
      legend: '{{instance}} {{proxy}}',
      min: 0,
    },
    {
      id: 'frontendTraffic',
      title: 'Frontend traffic',
      description: 'Bytes received from and sent to clients per second, by frontend.',
      unit: 'Bps',
      expr: (q) =>
        `label_replace(${perProxyRate(NAMING, 'frontend', 'haproxy_frontend_bytes_in_total', q)}, "direction", "in", "", "") or label_replace(${perProxyRate(NAMING, 'frontend', 'haproxy_frontend_bytes_out_total', q)}, "direction", "out", "", "")`,
      legend: '{{instance}} {{proxy}} {{direction}}',
      min: 0,
    },
  ],
  alerts: [
    {
      id: 'backend-down',
      name: 'HaproxyBackendDown',
      severity: 'critical',
      for: '1m',
      // Down at every scrape of the window, in both status encodings.
      signal: 'backendUp',
      overWindow: 'max',
      window: '2m',
      comparison: '<',
      threshold: 1,
      ...backendDownTexts(NAMING),
    },
    {
      id: 'server-down',
      name: 'HaproxyServerDown',
      severity: 'warning',
      for: '5m',
      // DOWN for the whole window; servers put in maintenance or drain on purpose stay quiet.
      query: (q) =>
        `min_over_time(${sel('haproxy_server_status', q, 'state="DOWN"')}[${q.range}]) or (max_over_time(${sel('haproxy_server_status', q, 'state=""')}[${q.range}]) == bool 0)`,
      comparison: '>',
      threshold: 0,
      summary: 'Server {{ $labels.server }} of backend {{ $labels.proxy }} is down.',
      description:
        'Server {{ $labels.server }} in backend {{ $labels.proxy }} on {{ $labels.instance }} fails its health checks; the backend runs with less capacity. Check the server and the reason its check gives on the stats page (check_status).',
    },
    {
      id: 'server-flapping',
      name: 'HaproxyServerFlapping',
      severity: 'warning',
      for: '0s',
      // chkdown counts every UP → DOWN change, the operator's too: a server put in maintenance goes DOWN
      // (haproxy/haproxy v2.0.0 – v2.6.0 src/server.c srv_update_status, "going DOWN for maintenance"
      // → counters.down_trans++; v3.4.0 counts any change to STOPPED).
      query: (q) => `increase(${sel('haproxy_server_check_up_down_total', q)}[30m])`,
      threshold: 'serverFlaps',
      summary: 'Server {{ $labels.server }} of backend {{ $labels.proxy }} flaps.',
      description:
        'Server {{ $labels.server }} in backend {{ $labels.proxy }} on {{ $labels.instance }} went DOWN more often in the last 30 minutes than the threshold allows. An overloaded server or a too strict health check (timeout, rise/fall) is the usual cause. HAProxy counts a server put in maintenance (MAINT) as going DOWN too: if deploys cycled it through MAINT, that is the count.',
    },
    ...http5xxAlerts(NAMING),
    frontendSessionsAlert(NAMING),
    {
      id: 'process-connections',
      name: 'HaproxyConnectionsExhausted',
      severity: 'critical',
      for: '5m',
      query: (q) =>
        `100 * max_over_time(${sel('haproxy_process_current_connections', q)}[${q.range}]) / (${sel('haproxy_process_max_connections', q)} > 0)`,
      threshold: 'connectionsUsed',
      summary: 'HAProxy {{ $labels.instance }} is at its global connection limit.',
      description:
        'Connections of the HAProxy process at {{ $labels.instance }} nearly reach the global maxconn; new connections are no longer accepted. Raise global maxconn (with the file descriptor limit) or spread the load.',
    },
    queueingAlert(NAMING),
    connectionErrorsAlert(NAMING),
    {
      id: 'dropping-logs',
      name: 'HaproxyDroppingLogs',
      severity: 'warning',
      for: '10m',
      signal: 'droppedLogs',
      comparison: '>',
      threshold: 0,
      summary: 'HAProxy {{ $labels.instance }} drops log lines.',
      description:
        'HAProxy on {{ $labels.instance }} has failed to send log lines for 10 minutes: requests are served but leave no trace, so access logs, audits and troubleshooting miss them. Check first the log target of the global `log` line: a syslog daemon that is down or slow, a full /dev/log socket, or a `ring` too small for the traffic; then whether log lines grew (captured headers) or the request rate jumped.',
    },
    {
      id: 'cpu-saturated',
      name: 'HaproxyCpuSaturated',
      severity: 'warning',
      for: '10m',
      // The most idle the process was in the window: low even at its best means it is CPU-bound.
      signal: 'idleTime',
      overWindow: 'max',
      threshold: 'idleTime',
      summary: 'HAProxy {{ $labels.instance }} is CPU-bound.',
      description:
        'The threads of HAProxy at {{ $labels.instance }} are idle less than the threshold: it has become the bottleneck. Add threads (nbthread) or CPUs, and check for costly rules (regexes, Lua) or TLS handshakes without session reuse.',
    },
  ],
  overview: ['backend5xxRatio', 'frontendSessionsUsed', 'connectionsUsed', 'idleTime'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['connectionsUsed'], kind: 'gauge', width: 4 },
        { signals: ['idleTime'], kind: 'gauge', width: 4 },
        { signals: ['backendUp'], kind: 'stat', width: 4 },
        { signals: ['serversNotUp'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Frontends',
      panels: [
        { signals: ['frontendRequests'], width: 6 },
        { signals: ['frontend5xxRatio'], width: 6 },
        { signals: ['frontendSessionsUsed'], width: 6 },
        { signals: ['frontendRequestErrors'], width: 6 },
        { signals: ['frontendTraffic'], width: 24 },
      ],
    },
    {
      title: 'Backends',
      panels: [
        { signals: ['backendResponsesByCode'], stack: true, width: 8 },
        { signals: ['backend5xxRatio'], width: 8 },
        { signals: ['backendResponseTime'], width: 8 },
        { signals: ['backendSessionsUsed'], width: 8 },
        { signals: ['backendQueue'], width: 8 },
        { signals: ['backendErrors'], width: 8 },
        { signals: ['backendQueueTime'], width: 8 },
        { signals: ['backendConnectTime'], width: 8 },
        { signals: ['backendTotalTime'], width: 8 },
      ],
    },
    {
      title: 'Servers',
      panels: [
        { signals: ['activeServers'], width: 6 },
        { signals: ['serversNotUp'], width: 6 },
        { signals: ['serverTransitions'], width: 6 },
        { signals: ['serverQueue'], width: 6 },
      ],
    },
    {
      title: 'Process',
      panels: [{ signals: ['droppedLogs'], width: 8 }],
    },
  ],
});
