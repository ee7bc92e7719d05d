import { haproxyApaReference, sharedApaRows } from './haproxy-shared';
import type { ExporterCoverage } from './types';

const MIXIN_COMMIT = '6da2b4b82e73d1918023586430e00c7ab56976fd';
const DASHBOARD_COMMIT = '4b1729d13b610d449b1055659b070d28c19a9699';

const NOT_FAILURE_VIEW =
  'tuning detail that shows no failure an operator acts on; the pack’s rows answer whether HAProxy, a frontend, a backend or a server is failing or saturated';

/**
 * HAProxy’s built-in exporter against grafana/jsonnet-libs’ haproxy-mixin (alerts), the HAProxy
 * dashboard by rfmoz (grafana.com 12693, “HAProxy 2 Full”, the most used for the built-in exporter;
 * views, by its rows) and awesome-prometheus-alerts’ embedded-exporter-v2 rules. Read 2026-12-07.
 */
export const haproxyCoverage: ExporterCoverage = {
  exporter: 'haproxy',
  references: [
    {
      id: 'mixin',
      title: 'haproxy-mixin (grafana/jsonnet-libs)',
      kind: 'mixin',
      url: `https://github.com/grafana/jsonnet-libs/tree/${MIXIN_COMMIT}/haproxy-mixin`,
      version: `${MIXIN_COMMIT.slice(0, 7)} (2026-08-20; alerts/general.jsonnet)`,
    },
    {
      id: 'full',
      title: 'HAProxy 2 Full (grafana.com 12693)',
      kind: 'dashboard',
      url: `https://github.com/rfmoz/grafana-dashboards/blob/${DASHBOARD_COMMIT}/prometheus/haproxy.json`,
      version: `rfmoz/grafana-dashboards ${DASHBOARD_COMMIT.slice(0, 7)} (2026-04-29, dashboard version 28), the source grafana.com 12693 publishes`,
    },
    haproxyApaReference('embedded-exporter-v2'),
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 17 rules for the built-in exporter, we have 11 alerts: it alerts on client errors (4xx) and denied requests, which report no failure of ours; per server on what we alert on per backend; on limit_sessions of backends, which is not a limit; and on a latency bound no backend set shares. Each row says which.',
  rows: [
    { reference: 'mixin', kind: 'alert', item: 'HAProxyDroppingLogs', status: { added: ['alert:dropping-logs'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'HAProxyBackendCheckFlapping',
      status: { covered: ['alert:server-flapping', 'alert:backend-down'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'HAProxyServerCheckFlapping',
      status: { covered: ['alert:server-flapping'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'HAProxy dropping logs',
      status: { added: ['alert:dropping-logs'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'HAProxy backend healthcheck flapping',
      status: { covered: ['alert:server-flapping', 'alert:backend-down'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'HAProxy server healthcheck flapping',
      status: { covered: ['alert:server-flapping'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'HAproxy has no alive backends (no active or backup server)',
      status: { covered: ['alert:backend-down'] },
    },
    ...sharedApaRows('', ['alert:server-down', 'alert:server-flapping']),
    // HAProxy 2 Full, row by row.
    {
      reference: 'full',
      kind: 'view',
      item: 'Basic General Info (requests and responses, data transfer, sessions, connections, status, uptime)',
      status: {
        covered: [
          'panel:frontendRequests',
          'panel:frontendTraffic',
          'panel:frontendSessionsUsed',
          'panel:connectionsUsed',
          'panel:backendUp',
          'panel:uptime',
        ],
      },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Requests / Responses: front and back responses by code, request errors, error / redispatch / retry',
      status: {
        covered: [
          'panel:backendResponsesByCode',
          'panel:frontend5xxRatio',
          'panel:frontendRequestErrors',
          'panel:backendErrors',
        ],
      },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Requests / Responses: per-server responses and denied responses',
      status: {
        notTaken:
          'a series per server and code multiplies the cost of the view; the backend ratios and the servers-not-up panel point at the backend, whose servers HAProxy’s stats page lists',
      },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Throughput / Connections: data transfer, connection attempts and errors, current queue',
      status: { covered: ['panel:frontendTraffic', 'panel:backendErrors', 'panel:backendQueue'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Throughput / Connections: connection reuse, aborted transfers, connection pool, idle connections',
      status: { notTaken: NOT_FAILURE_VIEW },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Sessions: current and max sessions, session usage',
      status: { covered: ['panel:frontendSessionsUsed', 'panel:backendSessionsUsed'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Sessions: failed HTTP header rewrites',
      status: { notTaken: NOT_FAILURE_VIEW },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Times: average response time',
      status: { covered: ['panel:backendResponseTime'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Times: average connect, queue and total time (backend)',
      status: { added: ['panel:backendQueueTime', 'panel:backendConnectTime', 'panel:backendTotalTime'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Times: average connect, queue and total time (server)',
      status: {
        notTaken:
          'a series per server and stage multiplies the cost of the view; the backend’s times show which stage is slow, and the stats page lists each server’s',
      },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Health and Weight: UP→DOWN transitions, active servers, check failures, downtime',
      status: { covered: ['panel:serverTransitions', 'panel:activeServers', 'panel:serversNotUp'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Health and Weight: weight, backup servers, check duration, last session, load-balanced',
      status: { notTaken: NOT_FAILURE_VIEW },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Cache / Compressor',
      status: { notTaken: 'features most setups do not enable; the series are empty without them' },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Status: frontend, backend and server status',
      status: { covered: ['panel:backendUp', 'panel:serversNotUp'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Status: internal errors, stick-table usage',
      status: {
        notTaken:
          'internal errors exist from HAProxy 2.2 only and count HAProxy bugs, for its developers; stick tables only where configured',
      },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Process Traffic: connection and session limits',
      status: { covered: ['panel:connectionsUsed'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Process Traffic: SSL rates, cache and reuse, zlib memory',
      status: { notTaken: NOT_FAILURE_VIEW },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Process Misc: logs',
      status: { added: ['panel:droppedLogs'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Process Misc: idle, uptime',
      status: { covered: ['panel:idleTime', 'panel:uptime'] },
    },
    {
      reference: 'full',
      kind: 'view',
      item: 'Process Misc: DNS resolutions, pipes, listeners, memory, pools, jobs, threads, peers, tasks',
      status: { notTaken: NOT_FAILURE_VIEW },
    },
  ],
};
