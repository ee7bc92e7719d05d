import { apaReference } from './references';
import type { ExporterCoverage } from './types';

const PUSHGATEWAY_TAG = 'v1.11.3';

/**
 * The Pushgateway has no mixin (prometheus/pushgateway ships none, and no monitoring-mixins entry
 * exists) and no rule set of its own in awesome-prometheus-alerts; its README says what to alert on
 * (push_time_seconds, push_failure_time_seconds) and what it exposes, and awesome-prometheus-alerts’
 * Prometheus-server restart rule names the pushgateway job. Read 2026-12-07 at the versions below.
 */
export const pushgatewayCoverage: ExporterCoverage = {
  exporter: 'pushgateway',
  references: [
    {
      id: 'readme',
      title: 'Pushgateway README (no mixin exists)',
      kind: 'exporter docs',
      url: `https://github.com/prometheus/pushgateway/blob/${PUSHGATEWAY_TAG}/README.md`,
      version: PUSHGATEWAY_TAG,
    },
    apaReference('Prometheus self-monitoring (the one rule naming the pushgateway job)'),
  ],
  rows: [
    {
      reference: 'readme',
      kind: 'alert',
      item: 'a pusher that has not run recently (push_time_seconds, “About timestamps”)',
      status: { covered: ['alert:push-stale', 'alert:push-stale-critical'] },
    },
    {
      reference: 'readme',
      kind: 'alert',
      item: 'a failed pusher (push_failure_time_seconds)',
      status: { covered: ['alert:push-failed'] },
    },
    {
      reference: 'readme',
      kind: 'alert',
      item: 'pushes rejected as inconsistent (“About metric inconsistencies”: status 400)',
      status: { covered: ['alert:http-errors', 'alert:push-failed'] },
    },
    {
      reference: 'readme',
      kind: 'alert',
      item: 'metrics lost at a restart without --persistence.file (“Run it”)',
      status: { added: ['alert:restarting'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus too many restarts (job=~"prometheus|pushgateway|alertmanager", more than 2 in 15 minutes)',
      status: { added: ['alert:restarting'] },
    },
    // The metrics the README documents under “Exposed metrics”.
    {
      reference: 'readme',
      kind: 'view',
      item: 'push_time_seconds per group',
      status: { covered: ['panel:lastPushAge', 'panel:lastPushTime', 'panel:pushGroups'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'push_failure_time_seconds per group',
      status: { covered: ['panel:lastPushFailed', 'panel:lastFailureAge'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'pushgateway_http_requests_total',
      status: { covered: ['panel:httpRequests', 'panel:httpErrors'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'pushgateway_http_push_duration_seconds, pushgateway_http_push_size_bytes',
      status: { covered: ['panel:pushDuration', 'panel:pushSize'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'process_… (the Go client’s process metrics)',
      status: { covered: ['panel:residentMemory', 'panel:restarts'] },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'go_… and promhttp_metric_handler_requests_…',
      status: {
        notTaken:
          'Go runtime and scrape-handler internals of a small process: memory and restarts answer an operator’s question, the rest is for its developers',
      },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'the pushed metrics themselves',
      status: {
        notTaken:
          'each batch job’s own names, unknown to a generic pack: they belong on the job’s own dashboard; ours shows every group’s push times',
      },
    },
  ],
};
