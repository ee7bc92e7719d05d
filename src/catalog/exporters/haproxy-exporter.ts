import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// The standalone haproxy_exporter reads HAProxy's stats CSV. Unlike the built-in exporter it labels
// series with `frontend` / `backend` (plus `server`) and reports health as `*_up` gauges.
type Side = 'frontend' | 'backend';

const perProxyRate = (side: Side, metric: string, q: QueryContext, extra = '') =>
  `sum by (${q.by}, ${side}) (rate(${sel(metric, q, extra)}[${q.range}]))`;

const errorRatio = (side: Side, q: QueryContext) =>
  `${perProxyRate(side, `haproxy_${side}_http_responses_total`, q, 'code="5xx"')} / (${perProxyRate(side, `haproxy_${side}_http_responses_total`, q)} > 0)`;

const sessionsUsed = (side: Side, q: QueryContext) =>
  `100 * ${sel(`haproxy_${side}_current_sessions`, q)} / (${sel(`haproxy_${side}_limit_sessions`, q)} > 0)`;

// Peak sessions of the window: a failed scrape marks series stale and would reset an alert's `for`.
const sessionsPeak = (side: Side, q: QueryContext) =>
  `100 * max_over_time(${sel(`haproxy_${side}_current_sessions`, q)}[${q.range}]) / (${sel(`haproxy_${side}_limit_sessions`, q)} > 0)`;

export const haproxyCsvExporter = defineExporter({
  id: 'haproxy-exporter',
  title: 'HAProxy (haproxy_exporter)',
  layer: 'network',
  defaultPort: 9101,
  docsUrl: 'https://github.com/prometheus/haproxy_exporter',
  description:
    'HAProxy through the standalone haproxy_exporter reading the stats CSV: frontends, backends, servers, sessions and errors.',
  detection: { metrics: ['haproxy_up', 'haproxy_exporter_build_info'] },
  infoMetrics: ['haproxy_up'],
  versionMetric: { metric: 'haproxy_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'http5xxRatio',
      title: 'HTTP 5xx ratio',
      unit: 'percentunit',
      direction: 'above',
      warning: 0.05,
      critical: 0.2,
      min: 0.001,
      max: 1,
      description: 'Share of HTTP responses with a 5xx status.',
    },
    {
      id: 'sessionsUsed',
      title: 'Sessions used',
      unit: 'percent',
      direction: 'above',
      warning: 80,
      critical: 95,
      min: 1,
      max: 100,
      description:
        'Current sessions as a share of the proxy’s session limit (maxconn); at the limit new connections wait or are refused.',
    },
    {
      id: 'checkFailures',
      title: 'Failed health checks',
      unit: 'short',
      direction: 'above',
      warning: 5,
      min: 1,
      max: 1000,
      description: 'Failed health checks of one server within 15 minutes; more means it flaps or is about to go down.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'HAProxy stats reachable',
      description:
        'Whether the exporter could read HAProxy’s stats CSV at its last scrape (1 = yes); 0 means HAProxy is down or the stats URI is wrong.',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('haproxy_up', q) }],
      min: 0,
      max: 1,
    },
    {
      id: 'csvParseFailures',
      title: 'CSV parse failures',
      description:
        'Stats CSV lines the exporter could not parse per second; usually an HAProxy version whose CSV the exporter does not know.',
      unit: 'ops',
      variants: [{ expr: (q) => `rate(${sel('haproxy_exporter_csv_parse_failures_total', q)}[${q.range}])` }],
      min: 0,
    },
    {
      id: 'frontendRequests',
      title: 'Frontend requests',
      description: 'HTTP requests received per second by each frontend.',
      unit: 'reqps',
      variants: [{ expr: (q) => perProxyRate('frontend', 'haproxy_frontend_http_requests_total', q) }],
      legend: '{{instance}} {{frontend}}',
      min: 0,
    },
    {
      id: 'frontendSessionRate',
      title: 'Frontend session rate',
      description: 'New sessions per second on each frontend, as HAProxy measured over the last second.',
      unit: 'ops',
      variants: [{ expr: (q) => sel('haproxy_frontend_current_session_rate', q) }],
      legend: '{{instance}} {{frontend}}',
      min: 0,
    },
    {
      id: 'frontend5xxRatio',
      title: 'Frontend 5xx ratio',
      description:
        'Share of responses each frontend sent with a 5xx status, including errors HAProxy generated itself.',
      unit: 'percentunit',
      variants: [{ expr: (q) => errorRatio('frontend', q) }],
      legend: '{{instance}} {{frontend}}',
      threshold: 'http5xxRatio',
      min: 0,
      max: 1,
    },
    {
      id: 'backend5xxRatio',
      title: 'Backend 5xx ratio',
      description: 'Share of responses from each backend’s servers with a 5xx status.',
      unit: 'percentunit',
      variants: [{ expr: (q) => errorRatio('backend', q) }],
      legend: '{{instance}} {{backend}}',
      threshold: 'http5xxRatio',
      min: 0,
      max: 1,
    },
    {
      id: 'backendResponsesByCode',
      title: 'Backend responses by class',
      description: 'HTTP responses per second from each backend by status class (1xx–5xx, other).',
      unit: 'reqps',
      variants: [
        {
          expr: (q) =>
            `sum by (${q.by}, backend, code) (rate(${sel('haproxy_backend_http_responses_total', q)}[${q.range}]))`,
        },
      ],
      legend: '{{backend}} {{code}}',
      min: 0,
    },
    {
      id: 'backendUp',
      title: 'Backend up',
      description: 'Whether each backend is UP (1) or DOWN (0); a DOWN backend has no server to send traffic to.',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('haproxy_backend_up', q) }],
      legend: '{{instance}} {{backend}}',
      min: 0,
      max: 1,
    },
    {
      id: 'activeServers',
      title: 'Active servers',
      description: 'Servers of each backend that are up and taking traffic.',
      unit: 'short',
      variants: [{ expr: (q) => sel('haproxy_backend_current_server', q) }],
      legend: '{{instance}} {{backend}}',
      min: 0,
    },
    {
      id: 'serversNotUp',
      title: 'Servers not up',
      description: 'Servers in each backend that are not UP (down, in maintenance or draining).',
      unit: 'short',
      variants: [{ expr: (q) => `sum by (${q.by}, backend) (1 - ${sel('haproxy_server_up', q)})` }],
      legend: '{{instance}} {{backend}}',
      min: 0,
    },
    {
      id: 'serverCheckFailures',
      title: 'Server health check failures',
      description:
        'Failed health checks per second for each server; repeated failures precede a server being marked DOWN.',
      unit: 'ops',
      variants: [{ expr: (q) => `rate(${sel('haproxy_server_check_failures_total', q)}[${q.range}])` }],
      legend: '{{backend}}/{{server}}',
      min: 0,
    },
    {
      id: 'serverDowntime',
      title: 'Server downtime',
      description: 'Seconds each server spent DOWN over the window.',
      unit: 's',
      variants: [{ expr: (q) => `increase(${sel('haproxy_server_downtime_seconds_total', q)}[${q.range}])` }],
      legend: '{{backend}}/{{server}}',
      min: 0,
    },
    {
      id: 'frontendSessionsUsed',
      title: 'Frontend sessions used',
      description: 'Current sessions of each frontend as a share of its maxconn.',
      unit: 'percent',
      variants: [{ expr: (q) => sessionsUsed('frontend', q) }],
      legend: '{{instance}} {{frontend}}',
      threshold: 'sessionsUsed',
      min: 0,
      max: 100,
    },
    {
      id: 'backendSessionsUsed',
      title: 'Backend sessions used',
      description: 'Current sessions of each backend as a share of its session limit.',
      unit: 'percent',
      variants: [{ expr: (q) => sessionsUsed('backend', q) }],
      legend: '{{instance}} {{backend}}',
      threshold: 'sessionsUsed',
      min: 0,
      max: 100,
    },
    {
      id: 'backendQueue',
      title: 'Queued requests',
      description:
        'Requests waiting in each backend’s queue because all servers are at their maxconn; any sustained queue adds latency.',
      unit: 'short',
      variants: [{ expr: (q) => sel('haproxy_backend_current_queue', q) }],
      legend: '{{instance}} {{backend}}',
      min: 0,
    },
    {
      id: 'backendResponseTime',
      title: 'Backend response time',
      description: 'Average server response time of each backend over its last 1024 requests.',
      unit: 's',
      variants: [{ expr: (q) => sel('haproxy_backend_http_response_time_average_seconds', q) }],
      legend: '{{instance}} {{backend}}',
      min: 0,
    },
    {
      id: 'backendErrors',
      title: 'Backend connection and response errors',
      description: 'Failed connections to servers plus broken server responses per second, by backend.',
      unit: 'ops',
      variants: [
        {
          expr: (q) =>
            `${perProxyRate('backend', 'haproxy_backend_connection_errors_total', q)} + ${perProxyRate('backend', 'haproxy_backend_response_errors_total', q)}`,
        },
      ],
      legend: '{{instance}} {{backend}}',
      min: 0,
    },
    {
      id: 'frontendRequestErrors',
      title: 'Frontend request errors',
      description: 'Invalid or aborted client requests per second, by frontend.',
      unit: 'ops',
      variants: [{ expr: (q) => perProxyRate('frontend', 'haproxy_frontend_request_errors_total', q) }],
      legend: '{{instance}} {{frontend}}',
      min: 0,
    },
    {
      id: 'frontendTraffic',
      title: 'Frontend traffic',
      description: 'Bytes received from and sent to clients per second, by frontend.',
      unit: 'Bps',
      variants: [
        {
          expr: (q) =>
            `label_replace(${perProxyRate('frontend', 'haproxy_frontend_bytes_in_total', q)}, "direction", "in", "", "") or label_replace(${perProxyRate('frontend', 'haproxy_frontend_bytes_out_total', q)}, "direction", "out", "", "")`,
        },
      ],
      legend: '{{instance}} {{frontend}} {{direction}}',
      min: 0,
    },
  ],
  alerts: [
    {
      id: 'down',
      name: 'HaproxyExporterCannotReadStats',
      severity: 'critical',
      for: '1m',
      query: (q) => `max_over_time(${sel('haproxy_up', q)}[1m])`,
      comparison: '<',
      threshold: 1,
      summary: 'haproxy_exporter at {{ $labels.instance }} cannot read HAProxy’s stats.',
      description:
        'haproxy_exporter at {{ $labels.instance }} has failed to read the stats CSV for 2 minutes: HAProxy is down, or the stats socket or URI (--haproxy.scrape-uri) is wrong or refused. Check the HAProxy service first.',
    },
    {
      id: 'backend-down',
      name: 'HaproxyCsvBackendDown',
      severity: 'critical',
      for: '1m',
      query: (q) => `max_over_time(${sel('haproxy_backend_up', q)}[2m])`,
      comparison: '<',
      threshold: 1,
      summary: 'HAProxy backend {{ $labels.backend }} behind {{ $labels.instance }} is down.',
      description:
        'Backend {{ $labels.backend }} (read by {{ $labels.instance }}) has no server able to take traffic; its clients get 503. Check the servers’ health checks on the stats page and the servers themselves.',
    },
    {
      id: 'server-down',
      name: 'HaproxyCsvServerDown',
      severity: 'warning',
      for: '5m',
      query: (q) => `max_over_time(${sel('haproxy_server_up', q)}[${q.range}])`,
      comparison: '<',
      threshold: 1,
      summary: 'Server {{ $labels.server }} of backend {{ $labels.backend }} is down.',
      description:
        'Server {{ $labels.server }} in backend {{ $labels.backend }} (read by {{ $labels.instance }}) has not been UP for 10 minutes; the backend runs with less capacity. haproxy_exporter reports servers in maintenance as down too: if it was put in MAINT on purpose, silence this alert for the maintenance window.',
    },
    {
      id: 'check-failures',
      name: 'HaproxyCsvServerCheckFailing',
      severity: 'warning',
      for: '15m',
      query: (q) => `increase(${sel('haproxy_server_check_failures_total', q)}[15m])`,
      comparison: '>',
      threshold: { threshold: 'checkFailures', level: 'warning' },
      summary: 'Health checks of server {{ $labels.server }} in {{ $labels.backend }} keep failing.',
      description:
        'Server {{ $labels.server }} in backend {{ $labels.backend }} (read by {{ $labels.instance }}) failed more health checks in 15 minutes than the threshold allows, while it may still count as UP: it flaps or is about to go down. Check its load and response time, and whether the check’s timeout is too strict.',
    },
    {
      id: 'http-5xx',
      name: 'HaproxyCsvBackendHttp5xx',
      severity: 'warning',
      for: '5m',
      signal: 'backend5xxRatio',
      comparison: '>',
      threshold: { threshold: 'http5xxRatio', level: 'warning' },
      summary: 'Backend {{ $labels.backend }} behind {{ $labels.instance }} answers with many 5xx.',
      description:
        'More responses of backend {{ $labels.backend }} (read by {{ $labels.instance }}) than the threshold are 5xx. Check the application servers behind it and their logs.',
    },
    {
      id: 'http-5xx-crit',
      name: 'HaproxyCsvBackendHttp5xxCritical',
      severity: 'critical',
      for: '5m',
      signal: 'backend5xxRatio',
      comparison: '>',
      threshold: { threshold: 'http5xxRatio', level: 'critical' },
      summary: 'Backend {{ $labels.backend }} behind {{ $labels.instance }} fails a large share of requests.',
      description:
        'More responses of backend {{ $labels.backend }} (read by {{ $labels.instance }}) than the critical threshold are 5xx; users see errors. Check the application servers now (recent deploys, dependencies, resources).',
    },
    {
      id: 'frontend-sessions',
      name: 'HaproxyCsvFrontendSessionsHigh',
      severity: 'warning',
      for: '10m',
      query: (q) => sessionsPeak('frontend', q),
      comparison: '>',
      threshold: { threshold: 'sessionsUsed', level: 'warning' },
      summary: 'Frontend {{ $labels.frontend }} behind {{ $labels.instance }} nears its connection limit.',
      description:
        'Sessions on frontend {{ $labels.frontend }} (read by {{ $labels.instance }}) exceed the warning share of its maxconn; at the limit new clients wait in the kernel’s backlog. Raise maxconn (and the process limit) or add capacity.',
    },
    {
      id: 'backend-sessions',
      name: 'HaproxyCsvBackendSessionsHigh',
      severity: 'warning',
      for: '10m',
      query: (q) => sessionsPeak('backend', q),
      comparison: '>',
      threshold: { threshold: 'sessionsUsed', level: 'warning' },
      summary: 'Backend {{ $labels.backend }} behind {{ $labels.instance }} nears its session limit.',
      description:
        'Sessions on backend {{ $labels.backend }} (read by {{ $labels.instance }}) exceed the warning share of its limit; further requests queue. Add servers or raise their maxconn if they can take it.',
    },
    {
      id: 'queueing',
      name: 'HaproxyCsvBackendQueueing',
      severity: 'warning',
      for: '10m',
      // The queue never emptied during the window: short bursts are normal, a standing queue is not.
      query: (q) => `min_over_time(${sel('haproxy_backend_current_queue', q)}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'Requests queue in backend {{ $labels.backend }} behind {{ $labels.instance }}.',
      description:
        'Backend {{ $labels.backend }} (read by {{ $labels.instance }}) has had requests waiting for a free server for 15 minutes: all its servers are at their maxconn. Add servers, raise their maxconn if they can take it, or find why responses got slower.',
    },
    {
      id: 'csv-parse-failures',
      name: 'HaproxyExporterCsvParseFailures',
      severity: 'warning',
      for: '10m',
      query: (q) =>
        `increase(${sel('haproxy_exporter_csv_parse_failures_total', q)}[${q.range}]) or increase(${sel('haproxy_exporter_csv_parse_failures', q)}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'haproxy_exporter at {{ $labels.instance }} cannot parse HAProxy’s stats.',
      description:
        'haproxy_exporter at {{ $labels.instance }} keeps failing to parse the stats CSV, so some series are missing. Usually HAProxy was upgraded to a version whose CSV the exporter does not know: upgrade the exporter or move to HAProxy’s built-in Prometheus exporter.',
    },
  ],
  overview: ['backend5xxRatio', 'frontendSessionsUsed', 'serversNotUp', 'backendQueue'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 6 },
        { signals: ['backendUp'], kind: 'stat', width: 6 },
        { signals: ['serversNotUp'], kind: 'stat', width: 6 },
        { signals: ['frontend5xxRatio'], kind: 'stat', width: 6 },
      ],
    },
    {
      title: 'Frontends',
      panels: [
        { signals: ['frontendRequests'], width: 8 },
        { signals: ['frontendSessionRate'], width: 8 },
        { signals: ['frontend5xxRatio'], width: 8 },
        { signals: ['frontendSessionsUsed'], width: 8 },
        { signals: ['frontendRequestErrors'], width: 8 },
        { signals: ['frontendTraffic'], width: 8 },
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
      ],
    },
    {
      title: 'Servers and exporter',
      panels: [
        { signals: ['activeServers'], width: 6 },
        { signals: ['serverCheckFailures'], width: 6 },
        { signals: ['serverDowntime'], width: 6 },
        { signals: ['csvParseFailures'], width: 6 },
      ],
    },
  ],
});
