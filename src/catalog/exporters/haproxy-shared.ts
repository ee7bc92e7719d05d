import { sel } from '../promql';
import type { AlertSource, QueryContext, SignalSource, ThresholdSource } from '../types';

/**
 * What HAProxy's built-in exporter (`haproxy`) and the standalone haproxy_exporter
 * (`haproxy-exporter`) share: both read the same stats fields, under the same metric names for
 * sessions, limits, queues and HTTP responses, so both packs judge them by the same thresholds and
 * explain them in the same words. They differ in how a series names its proxy (`proxy` on the
 * built-in exporter, `frontend` / `backend` on haproxy_exporter) and in where the instance stands
 * (HAProxy itself, or the exporter reading it), which `HaproxyNaming` carries.
 */
export type HaproxySide = 'frontend' | 'backend';

export interface HaproxyNaming {
  /** Prefix of the alert names (`Haproxy`, `HaproxyCsv`), so the two packs' rules never clash. */
  alertPrefix: string;
  /** The label naming a frontend or backend on this exporter's series. */
  proxyLabel: (side: HaproxySide) => string;
  /** Where the instance stands in a summary: `on {{ $labels.instance }}`. */
  summaryAt: string;
  /** Where the instance stands in a description. */
  descriptionAt: string;
  /** Where the instance stands after a session count in a description. */
  sessionsAt: string;
  /** The backends that are DOWN now, as this exporter encodes a backend's state. */
  backendDown: (q: QueryContext) => string;
}

const proxyName = (n: HaproxyNaming, side: HaproxySide) => `{{ $labels.${n.proxyLabel(side)} }}`;

export const perProxyRate = (n: HaproxyNaming, side: HaproxySide, metric: string, q: QueryContext, extra = '') =>
  `sum by (${q.by}, ${n.proxyLabel(side)}) (rate(${sel(metric, q, extra)}[${q.range}]))`;

const responses5xx = (n: HaproxyNaming, side: HaproxySide, q: QueryContext) =>
  perProxyRate(n, side, `haproxy_${side}_http_responses_total`, q, 'code="5xx"');

export const errorRatio = (n: HaproxyNaming, side: HaproxySide, q: QueryContext) =>
  `${responses5xx(n, side, q)} / (${perProxyRate(n, side, `haproxy_${side}_http_responses_total`, q)} > 0)`;

/**
 * 5xx responses a minute below which the 5xx alerts judge no backend. They ask whether many responses
 * fail, and a share of a trickle says nothing: a backend that sees a few requests in the window reads
 * 50 % from one 503 out of two, and the critical alert would page for it. The floor is on the failures,
 * not on the traffic, so a quiet backend that fails all it gets stays in view (two requests a minute,
 * all 5xx, pass it); under one failure a minute (five in the 5-minute window) is not "many".
 */
export const HTTP_5XX_FLOOR = 1;

/**
 * Where a backend's 5xx come from. Its hrsp_5xx counts every HTTP stream assigned to it by the final status
 * (haproxy/haproxy v2.6.0 src/stream.c, process_stream at the stream’s end → be_counters.p.http.rsp, the same in v2.0.0
 * and v3.4.0), so it includes the 503, 504 and 502 HAProxy answers itself: no server available, a server timeout, a
 * broken response. Only the server's own counter is the server's.
 */
const FIVE_XX_SOURCES =
  'the servers’ own 5xx and those HAProxy sends for them (503 when no server is available, 504 when a server times out, 502 when its response is broken)';

export const BACKEND_5XX_RATIO = {
  title: 'Backend 5xx ratio',
  description: `Share of each backend’s responses with a 5xx status. They count ${FIVE_XX_SOURCES}.`,
};

export const sessionsUsed = (side: HaproxySide, q: QueryContext) =>
  `100 * ${sel(`haproxy_${side}_current_sessions`, q)} / (${sel(`haproxy_${side}_limit_sessions`, q)} > 0)`;

// Peak sessions of the window: a failed scrape marks series stale and would reset an alert's `for`.
const sessionsPeak = (side: HaproxySide, q: QueryContext) =>
  `100 * max_over_time(${sel(`haproxy_${side}_current_sessions`, q)}[${q.range}]) / (${sel(`haproxy_${side}_limit_sessions`, q)} > 0)`;

export const HTTP_5XX_RATIO: ThresholdSource = {
  id: 'http5xxRatio',
  title: 'HTTP 5xx ratio',
  unit: 'percentunit',
  direction: 'above',
  warning: 0.05,
  critical: 0.2,
  min: 0.001,
  description: 'Share of HTTP responses with a 5xx status.',
};

export const SESSIONS_USED: ThresholdSource = {
  id: 'sessionsUsed',
  title: 'Sessions used',
  unit: 'percent',
  direction: 'above',
  warning: 80,
  critical: 95,
  min: 1,
  description:
    'Current sessions as a share of the proxy’s session limit (maxconn); at the limit new connections wait or are refused.',
};

export const backendDownTexts = (n: HaproxyNaming) => ({
  summary: `HAProxy backend ${proxyName(n, 'backend')} ${n.summaryAt} is down.`,
  description: `Backend ${proxyName(n, 'backend')} ${n.descriptionAt} has no server able to take traffic; its clients get 503. Check the servers’ health checks on the stats page and the servers themselves.`,
});

/**
 * Both 5xx alerts compare the exporter's `backend5xxRatio` signal, on backends with at least
 * `HTTP_5XX_FLOOR` 5xx a minute.
 */
export const http5xxAlerts = (n: HaproxyNaming): AlertSource[] => {
  const backend = proxyName(n, 'backend');
  // A DOWN backend answers every request with HAProxy's own 503: that is the backend-down alert's page.
  const floor = (q: QueryContext) =>
    `${responses5xx(n, 'backend', q)} * 60 >= ${HTTP_5XX_FLOOR} unless on (${q.by}, ${n.proxyLabel('backend')}) (${n.backendDown(q)})`;
  const floorText = `(and at least ${HTTP_5XX_FLOOR} a minute)`;
  return [
    {
      id: 'http-5xx',
      name: `${n.alertPrefix}BackendHttp5xx`,
      severity: 'warning',
      for: '5m',
      signal: 'backend5xxRatio',
      filters: [floor],
      summary: `Backend ${backend} ${n.summaryAt} answers with many 5xx.`,
      description: `A larger share of the responses of backend ${backend} ${n.descriptionAt} than the threshold are 5xx ${floorText}. They count ${FIVE_XX_SOURCES}. Connection and response errors rising with them on the backend’s errors panel point at HAProxy’s own answers; otherwise check the application servers behind it and their logs.`,
    },
    {
      id: 'http-5xx-crit',
      name: `${n.alertPrefix}BackendHttp5xxCritical`,
      severity: 'critical',
      for: '5m',
      signal: 'backend5xxRatio',
      filters: [floor],
      summary: `Backend ${backend} ${n.summaryAt} fails a large share of requests.`,
      description: `A larger share of the responses of backend ${backend} ${n.descriptionAt} than the critical threshold are 5xx ${floorText}; users see errors. They count ${FIVE_XX_SOURCES}. Check the application servers now (recent deploys, dependencies, resources).`,
    },
  ];
};

/**
 * Only the frontend's: a frontend's limit_sessions is its maxconn, a hard limit. A backend's is its
 * `fullconn` (stats field slim; promex and haproxy_exporter both read it), the load at which servers
 * with a minconn reach their maxconn, by default 10 % of the maxconn of the frontends routing to it:
 * not a limit, so a busy backend runs above it without any harm. Backend saturation shows as a queue.
 */
export const frontendSessionsAlert = (n: HaproxyNaming): AlertSource => ({
  id: 'frontend-sessions',
  name: `${n.alertPrefix}FrontendSessionsHigh`,
  severity: 'warning',
  for: '10m',
  query: (q) => sessionsPeak('frontend', q),
  threshold: 'sessionsUsed',
  summary: `Frontend ${proxyName(n, 'frontend')} ${n.summaryAt} nears its connection limit.`,
  description: `Sessions on frontend ${proxyName(n, 'frontend')} ${n.sessionsAt} exceed the warning share of its maxconn; at the limit new clients wait in the kernel’s backlog. Raise maxconn (and the process limit) or add capacity.`,
});

/** The backend's sessions against its fullconn: load, not a limit (see `frontendSessionsAlert`). */
export const BACKEND_LOAD = {
  title: 'Backend load (share of fullconn)',
  description:
    'Current sessions of each backend as a share of its fullconn: the load at which servers with a minconn reach their maxconn (by default 10 % of the maxconn of the frontends using it). Not a limit: above 100 % requests are still served; a backend that is really full queues requests.',
};

/**
 * Where a backend's requests wait for a server slot, and why the queue the packs read is two metrics.
 * A request the load balancer may send anywhere waits in the backend's own queue when every server is
 * at its maxconn. A request bound to one server waits in that server's queue, whatever room the others
 * have: a persistence cookie, `use-server`, or a hashing `balance` (source, uri, hdr…), which picks
 * its server whatever its load (haproxy/haproxy v2.6.0 src/lb_map.c map_get_server_hash; with
 * `hash-type consistent`, src/lb_chash.c, only a `hash-balance-factor` steers away). src/backend.c
 * assign_server_and_queue sends a request assigned to a server at its maxconn to src/queue.c
 * pendconn_add, into srv->queue (the same in v2.0.0 and v3.4.0). The backend's qcur counts only its
 * own queue ("the number queued without a server assigned", doc/management.txt v2.0.0 – v3.4.0;
 * haproxy_exporter's help: "not assigned to any server"), so a backend whose users all wait on one
 * persistent server shows 0. HAProxy's own `queue(<backend>)` fetch counts both (px->totpend,
 * configuration.txt v2.6.0: "including all the connections in server queues"); so do these.
 *
 * `or` keeps the backend when its servers' series are missing: promex sends them only in its server
 * scope (every scope unless the scrape asks for some with `?scope=`, addons/promex/service-prometheus.c
 * v2.6.0 promex_parse_uri), haproxy_exporter only while `--haproxy.server-metric-fields` lists field 2.
 */
const QUEUES = ['haproxy_backend_current_queue', 'haproxy_server_current_queue'];
const queuedRequests = (n: HaproxyNaming, q: QueryContext, over: (selector: string) => string) =>
  `sum by (${q.by}, ${n.proxyLabel('backend')}) (${QUEUES.map((m) => over(sel(m, q))).join(' or ')})`;

/**
 * The two queue signals, the same in both packs but for the label naming a backend: each backend's requests
 * waiting for a server slot (its queue and its servers'), and each server's queue.
 */
export const queueSignals = (n: HaproxyNaming): SignalSource[] => {
  const backend = n.proxyLabel('backend');
  return [
    {
      id: 'backendQueue',
      title: 'Queued requests',
      description:
        'Requests of each backend waiting for a server slot: in the backend’s queue (every server at its maxconn) and in its servers’ queues (requests bound to one server at its maxconn by a persistence cookie, a hashing balance or use-server). Any sustained queue adds latency.',
      unit: 'short',
      expr: (q) => queuedRequests(n, q, (s) => s),
      legend: `{{instance}} {{${backend}}}`,
      min: 0,
    },
    {
      id: 'serverQueue',
      title: 'Server queues',
      description:
        'Requests waiting for one server at its maxconn: bound to it by a persistence cookie, a hashing balance (source, uri, hdr) or use-server, they wait for it even while other servers have room.',
      unit: 'short',
      expr: (q) => sel('haproxy_server_current_queue', q),
      legend: `{{${backend}}}/{{server}}`,
      min: 0,
    },
  ];
};

export const queueingAlert = (n: HaproxyNaming): AlertSource => ({
  id: 'queueing',
  name: `${n.alertPrefix}BackendQueueing`,
  severity: 'warning',
  for: '10m',
  // A queue that never emptied during the window: short bursts are normal, a standing queue is not. Each
  // queue's own minimum, summed (no subquery): one that stood the whole window is enough.
  query: (q) => queuedRequests(n, q, (s) => `min_over_time(${s}[${q.range}])`),
  comparison: '>',
  threshold: 0,
  summary: `Requests queue in backend ${proxyName(n, 'backend')} ${n.summaryAt}.`,
  description: `Backend ${proxyName(n, 'backend')} ${n.descriptionAt} has had requests waiting for a server slot for 15 minutes: in its own queue when all its servers are at their maxconn, or in one server’s queue when a persistence cookie, a hashing balance (source, uri, hdr) or use-server binds requests to a server at its maxconn. The Server queues panel shows which. A server queue alone means one server is overloaded while others may have room: check why requests concentrate on it (a hot hash key, sticky clients) and whether it got slower. Otherwise add servers, raise their maxconn if they can take it, or find why responses got slower.`,
});

/**
 * Connection errors that never stop. A server that refuses connections is normally taken out by its
 * health check within seconds, and the errors stop; errors that go on for the whole window mean
 * traffic fails where the check passes: no `check` on the server, a check on another port or path,
 * or a server that accepts checks but is out of sockets. The retries and redispatch can hide it from
 * users until the last server goes the same way. At least one error in every 5-minute window for
 * 15 minutes, so a deploy's brief refusals stay quiet.
 *
 * The backend's econ also counts every request that found no server at all (haproxy/haproxy v2.6.0
 * src/backend.c, srv_redispatch_connect, SRV_STATUS_NOSRV → be_counters.failed_conns): a DOWN
 * backend that still gets requests grows it for as long as it is down. That is the backend-down
 * alert's fault, with the opposite cause (the checks did take the servers out), so a backend that is
 * down is left to it.
 */
export const connectionErrorsAlert = (n: HaproxyNaming): AlertSource => ({
  id: 'connection-errors',
  name: `${n.alertPrefix}BackendConnectionErrors`,
  severity: 'warning',
  for: '15m',
  query: (q) =>
    `${perProxyRate(n, 'backend', 'haproxy_backend_connection_errors_total', q)} unless on (${q.by}, ${n.proxyLabel('backend')}) (${n.backendDown(q)})`,
  comparison: '>',
  threshold: 0,
  summary: `Backend ${proxyName(n, 'backend')} ${n.summaryAt} keeps failing to connect to its servers.`,
  description: `Connections from HAProxy to servers of backend ${proxyName(n, 'backend')} ${n.descriptionAt} have failed without pause for 15 minutes, while the backend stayed UP: the health checks did not take the failing servers out. Check first which server fails (the Backend connection and response errors panel, then \`show servers state\` or the log’s termination state SC), then whether that server has \`check\` on its line and whether the check tests the port and path the traffic uses. Requests that waited out \`timeout queue\` count as connection errors too: if the backend queues (${n.alertPrefix}BackendQueueing), it is short of server slots instead.`,
});
