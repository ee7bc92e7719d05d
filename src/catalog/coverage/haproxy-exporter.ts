import { haproxyApaReference, sharedApaRows } from './haproxy-shared';
import type { ExporterCoverage } from './types';

const EXPORTER_TAG = 'v0.15.0';

/**
 * The retired haproxy_exporter (its README asks users to move to HAProxy's built-in exporter, the
 * `haproxy` pack) against awesome-prometheus-alerts' haproxy-exporter-v1 rules and the metric
 * families the exporter documents in its source. It has no mixin; the community dashboards for it
 * predate the built-in exporter and were not compared. Read 2026-12-07 at the versions below.
 */
export const haproxyExporterCoverage: ExporterCoverage = {
  exporter: 'haproxy-exporter',
  references: [
    haproxyApaReference('haproxy-exporter-v1'),
    {
      id: 'docs',
      title: 'haproxy_exporter README and its metric families (haproxy_exporter.go)',
      kind: 'exporter docs',
      url: `https://github.com/prometheus/haproxy_exporter/blob/${EXPORTER_TAG}/README.md`,
      version: EXPORTER_TAG,
    },
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 16 haproxy_exporter rules, we have 10 alerts: it alerts on client errors (4xx) and denied requests, which report no failure of ours; per server on what we alert on per backend; on limit_sessions of backends, which is not a limit; and on a latency bound no backend set shares. Each row says which.',
  rows: [
    { reference: 'apa', kind: 'alert', item: 'HAProxy down (haproxy_up == 0)', status: { covered: ['alert:down'] } },
    { reference: 'apa', kind: 'alert', item: 'HAProxy backend down', status: { covered: ['alert:backend-down'] } },
    { reference: 'apa', kind: 'alert', item: 'HAProxy server down', status: { covered: ['alert:server-down'] } },
    ...sharedApaRows(' (v1)', ['alert:check-failures']),
    {
      reference: 'docs',
      kind: 'alert',
      item: 'haproxy_exporter_csv_parse_failures_total (the stats CSV changed under the exporter)',
      status: { covered: ['alert:csv-parse-failures'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'haproxy_up, backend and server up',
      status: { covered: ['panel:up', 'panel:backendUp', 'panel:serversNotUp', 'panel:activeServers'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'frontend sessions, session rate, requests, request errors, bytes',
      status: {
        covered: [
          'panel:frontendSessionsUsed',
          'panel:frontendSessionRate',
          'panel:frontendRequests',
          'panel:frontendRequestErrors',
          'panel:frontendTraffic',
        ],
      },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'frontend and backend HTTP responses by code',
      status: { covered: ['panel:backendResponsesByCode', 'panel:frontend5xxRatio', 'panel:backend5xxRatio'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'backend sessions, queue, connection and response errors, response time',
      status: {
        covered: [
          'panel:backendSessionsUsed',
          'panel:backendQueue',
          'panel:backendErrors',
          'panel:backendResponseTime',
        ],
      },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'server check failures and downtime',
      status: { covered: ['panel:serverCheckFailures', 'panel:serverDowntime'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'retries, redispatches, weights, aborts, queue/connect/total times, compression, server selections',
      status: {
        notTaken:
          'the exporter is retired upstream: we keep the views an operator needs to see a failure or saturation, and take no new ones; the built-in exporter’s pack is where views grow',
      },
    },
  ],
};
