import { acrossTargets, fleetContext, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// Pushed groups are scraped with `honor_labels: true` (as the Pushgateway docs require), so they
// carry the pushing job's job/instance, not the Pushgateway's: the target's matchers would hide
// them. Only the cluster matcher applies to them.
const pushed = (q: QueryContext) => fleetContext(q);
// A group that has only ever failed to push reports push_time_seconds 0 (and vice versa).
const lastPush = (q: QueryContext) => `(${sel('push_time_seconds', pushed(q))} > 0)`;

export const pushgatewayExporter = defineExporter({
  id: 'pushgateway',
  title: 'Pushgateway',
  layer: 'core',
  defaultPort: 9091,
  docsUrl: 'https://github.com/prometheus/pushgateway',
  description:
    'The Prometheus Pushgateway and the batch jobs that push to it: last successful and failed push per group, API traffic.',
  detection: { metrics: ['pushgateway_build_info'] },
  infoMetrics: ['pushgateway_build_info'],
  versionMetric: { metric: 'pushgateway_build_info', label: 'version' },
  thresholds: [
    {
      id: 'lastPushAge',
      title: 'Time since last push',
      unit: 's',
      direction: 'above',
      warning: 90000,
      critical: 180000,
      min: 60,
      max: 2678400,
      description:
        'Age of a group’s last successful push, in seconds. The defaults (25 h / 50 h) suit daily jobs; lower them for jobs that run more often.',
    },
    {
      id: 'httpErrors',
      title: 'Rejected pushes and API errors',
      direction: 'above',
      warning: 0.01,
      min: 0.001,
      max: 1000,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Pushgateway up',
      description: 'Whether Prometheus reached the Pushgateway at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('pushgateway_build_info', q)}`,
    },
    {
      id: 'pushGroups',
      title: 'Push groups',
      description:
        'Groups (job plus grouping labels) held by the Pushgateway(s); they stay until deleted, even when their job is gone.',
      unit: 'short',
      expr: (q) => `count by (${acrossTargets(q)}) (${sel('push_time_seconds', pushed(q))})`,
      legend: 'groups',
    },
    {
      id: 'lastPushAge',
      title: 'Time since last successful push',
      description: 'Age of each group’s last successful push: a batch job that stopped running shows a growing age.',
      unit: 'dtdurations',
      expr: (q) => `time() - ${lastPush(q)}`,
      legend: '{{job}} {{instance}}',
      threshold: 'lastPushAge',
    },
    {
      id: 'lastPushTime',
      title: 'Last successful push',
      description: 'When each group last pushed successfully.',
      unit: 'dateTimeFromNow',
      // dateTimeFromNow expects milliseconds.
      expr: (q) => `${lastPush(q)} * 1000`,
      legend: '{{job}} {{instance}}',
    },
    {
      id: 'lastPushFailed',
      title: 'Last push failed',
      description:
        'Whether each group’s most recent push attempt failed (1 = the failure is newer than the last success); its metrics are stale.',
      unit: 'bool_yes_no',
      variants: [
        {
          note: 'Pushgateway 1.x (push_failure_time_seconds; very old releases lack it)',
          expr: (q) => `${sel('push_failure_time_seconds', pushed(q))} > bool ${sel('push_time_seconds', pushed(q))}`,
        },
      ],
      legend: '{{job}} {{instance}}',
    },
    {
      id: 'lastFailureAge',
      title: 'Time since last failed push',
      description: 'Age of each group’s last failed push (a push the Pushgateway rejected as inconsistent).',
      unit: 'dtdurations',
      variants: [
        { note: 'Pushgateway 1.x', expr: (q) => `time() - (${sel('push_failure_time_seconds', pushed(q))} > 0)` },
      ],
      legend: '{{job}} {{instance}}',
      optional: 'only for groups that have had a failed push',
    },
    {
      id: 'httpRequests',
      title: 'API requests',
      description: 'Requests per second to the Pushgateway API, per handler and status code.',
      unit: 'reqps',
      expr: (q) => `sum by (${q.by}, handler, code) (rate(${sel('pushgateway_http_requests_total', q)}[${q.range}]))`,
      legend: '{{instance}} {{handler}} {{code}}',
    },
    {
      id: 'httpErrors',
      title: 'Rejected requests',
      description:
        'Requests per second answered with 4xx/5xx, per handler; on the push handler these are lost batch-job results.',
      unit: 'reqps',
      expr: (q) =>
        `sum by (${q.by}, handler) (rate(${sel('pushgateway_http_requests_total', q, 'code=~"4..|5.."')}[${q.range}])) or sum by (${q.by}, handler) (rate(${sel('pushgateway_http_requests_total', q)}[${q.range}])) * 0`,
      legend: '{{instance}} {{handler}}',
      threshold: 'httpErrors',
    },
    {
      id: 'pushDuration',
      title: 'Push duration (p90)',
      description: '90th percentile of the time the Pushgateway took to accept a push, per method.',
      unit: 's',
      expr: (q) => sel('pushgateway_http_push_duration_seconds', q, 'quantile="0.9"'),
      legend: '{{instance}} {{method}}',
      optional: 'only after the first push since the Pushgateway started',
    },
    {
      id: 'pushSize',
      title: 'Push size (p90)',
      description:
        '90th percentile of push body sizes, per method; growing pushes mean growing cardinality in a batch job.',
      unit: 'bytes',
      expr: (q) => sel('pushgateway_http_push_size_bytes', q, 'quantile="0.9"'),
      legend: '{{instance}} {{method}}',
      optional: 'only after the first push since the Pushgateway started',
    },
    {
      id: 'residentMemory',
      title: 'Memory used',
      description: 'Resident memory of the Pushgateway process; it holds every pushed group in memory.',
      unit: 'bytes',
      expr: (q) => `${sel('process_resident_memory_bytes', q)} and on (${q.by}) ${sel('pushgateway_build_info', q)}`,
    },
    {
      id: 'restarts',
      title: 'Restarts',
      description:
        'Process starts in the window. Without --persistence.file a restart empties the Pushgateway: every pushed group is gone until its job pushes again.',
      unit: 'none',
      expr: (q) =>
        `changes(${sel('process_start_time_seconds', q)}[${q.range}]) and on (${q.by}) ${sel('pushgateway_build_info', q)}`,
    },
  ],
  alerts: [
    {
      id: 'push-stale',
      name: 'PushgatewayPushStale',
      severity: 'warning',
      for: '5m',
      signal: 'lastPushAge',
      summary: 'Batch job {{ $labels.job }} has not pushed for too long.',
      description:
        'The last successful push of group job={{ $labels.job }} instance={{ $labels.instance }} is older than the warning threshold: the batch job no longer runs, fails before pushing, or pushes elsewhere. Check its scheduler (cron, systemd timer, CI) and its log. If the job was retired, delete its group from the Pushgateway.',
    },
    {
      id: 'push-stale-critical',
      name: 'PushgatewayPushVeryStale',
      severity: 'critical',
      for: '5m',
      signal: 'lastPushAge',
      summary: 'Batch job {{ $labels.job }} has not pushed for a very long time.',
      description:
        'The last successful push of group job={{ $labels.job }} instance={{ $labels.instance }} is older than the critical threshold: the job has missed several runs (backups, exports or cleanups are not happening). Fix the job now; delete the group if the job was retired.',
    },
    {
      id: 'push-failed',
      name: 'PushgatewayLastPushFailed',
      severity: 'warning',
      for: '1m',
      signal: 'lastPushFailed',
      comparison: '>',
      threshold: 0,
      summary: 'The last push of batch job {{ $labels.job }} was rejected.',
      description:
        'The Pushgateway rejected the most recent push of group job={{ $labels.job }} instance={{ $labels.instance }} (usually inconsistent metrics: a name pushed with another type or help, or clashing with another group). Its metrics still show the previous run. Read the Pushgateway log for the reason and fix the job’s metrics.',
    },
    {
      id: 'http-errors',
      name: 'PushgatewayRejectingRequests',
      severity: 'warning',
      for: '15m',
      signal: 'httpErrors',
      summary: 'Pushgateway {{ $labels.instance }} rejects requests on {{ $labels.handler }}.',
      description:
        'Pushgateway {{ $labels.instance }} keeps answering requests to handler {{ $labels.handler }} with 4xx/5xx codes. On the push handlers that means batch-job results are lost; check the Pushgateway log and the clients’ push requests.',
    },
    {
      id: 'restarting',
      name: 'PushgatewayRestarting',
      severity: 'warning',
      for: '1m',
      query: (q) =>
        `changes(${sel('process_start_time_seconds', q)}[15m]) and on (${q.by}) ${sel('pushgateway_build_info', q)}`,
      comparison: '>',
      // One restart is an upgrade or a reboot; three in 15 minutes is a crash loop.
      threshold: 2,
      summary: 'Pushgateway {{ $labels.instance }} keeps restarting.',
      description:
        'Pushgateway {{ $labels.instance }} started more than twice in 15 minutes: it is crash-looping (often out of memory: it keeps every pushed group in memory) or its service manager keeps killing it. Each start without --persistence.file drops every pushed group, so batch-job results vanish rather than going stale. Check first the service log (journalctl -u prometheus-pushgateway) and the memory panel; then whether --persistence.file is set and its file is writable.',
    },
  ],
  overview: ['up', 'lastPushAge', 'lastPushFailed', 'httpErrors'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['pushGroups'], kind: 'stat', width: 4 },
        { signals: ['lastPushFailed'], kind: 'stat', width: 8 },
        { signals: ['residentMemory'], kind: 'stat', width: 4 },
        { signals: ['httpErrors'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Batch jobs',
      panels: [
        { signals: ['lastPushAge'], kind: 'bargauge', width: 8 },
        { signals: ['lastPushTime'], kind: 'table', width: 8 },
        { signals: ['lastFailureAge'], kind: 'table', width: 8 },
      ],
    },
    {
      title: 'API',
      panels: [
        { signals: ['httpRequests'], width: 6 },
        { signals: ['httpErrors'], width: 6 },
        { signals: ['pushDuration'], width: 6 },
        { signals: ['pushSize'], width: 6 },
      ],
    },
    {
      title: 'Process',
      panels: [{ signals: ['restarts'], width: 8 }],
    },
  ],
});
