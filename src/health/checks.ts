/**
 * "Monitor the monitors": what the Health page and the bundled "Monitoring stack health" dashboard
 * check, as data. Each check is one instant PromQL query over the app's Prometheus, a unit, how to
 * judge each series it returns, a plain-words message for the verdict and a link to the detail.
 *
 * Queries reuse the core exporters' catalog signals where one fits, and judgements read the
 * catalog thresholds, so a Health problem, a dashboard's red line and an alert never disagree.
 * Every metric here exists in Prometheus 2.42, Alertmanager 0.25, Pushgateway 1.5 and current
 * Grafana (11/12, unified alerting); the test stack proves it (tests/integration/health.test.ts).
 */
import { alertmanagerExporter } from '../catalog/exporters/alertmanager';
import { grafanaExporter } from '../catalog/exporters/grafana';
import { prometheusExporter, serversWithRules } from '../catalog/exporters/prometheus';
import { pushgatewayExporter } from '../catalog/exporters/pushgateway';
import { findSignal } from '../catalog/define';
import { fleetContext, REPLICA_LABELS, sel, signalQuery } from '../catalog/promql';
import { resolveThreshold } from '../catalog/thresholds';
import type { ExporterDefinition, QueryContext, Unit } from '../catalog/types';

export type HealthSectionId = 'prometheus' | 'servers' | 'alertmanager' | 'pushgateway' | 'grafana' | 'capacity';

export interface HealthSection {
  id: HealthSectionId;
  title: string;
  description: string;
}

/** In page and dashboard order. The id doubles as the Health page anchor (`…/health#grafana`). */
export const HEALTH_SECTIONS: readonly HealthSection[] = [
  {
    id: 'prometheus',
    title: 'Prometheus',
    description:
      'Scraping, ingestion, storage, queries, rule evaluation, alert delivery and remote write of every Prometheus server.',
  },
  {
    id: 'servers',
    title: 'Prometheus servers and HA pairs',
    description:
      'On a global store (remote write, federation, Thanos, Mimir): each edge Prometheus by its external labels, its HA partner, and how far its remote write trails.',
  },
  {
    id: 'alertmanager',
    title: 'Alertmanager',
    description: 'Notifications sent and failed per integration, configuration reloads and clustering.',
  },
  {
    id: 'pushgateway',
    title: 'Pushgateway',
    description: 'Groups held, when each batch job last pushed, and pushes that were rejected.',
  },
  {
    id: 'grafana',
    title: 'Grafana',
    description:
      'Grafana’s own /metrics: alert rule evaluation and scheduling, notifications, API and data source requests, users.',
  },
  {
    id: 'capacity',
    title: 'Capacity',
    description: 'Active series, samples per second, bytes per sample, storage and memory of every Prometheus server.',
  },
];

/**
 * How a series' value is judged: `above` is bad when the value rises past a threshold, `below` when
 * it falls under one (strict comparisons, like the alert rules). NaN (e.g. a failure ratio with no
 * traffic at all) is never a problem: nothing happened that could fail.
 */
export interface HealthJudgement {
  direction: 'above' | 'below';
  warning?: number;
  critical?: number;
}

/** Where a problem's link leads: an exporter's dashboard (narrowed to the series' job/instance) or a page section. */
export type HealthDetail = { exporter: ExporterDefinition } | { section: HealthSectionId };

export type HealthPanelKind = 'timeseries' | 'stat' | 'table';

export interface HealthCheck {
  /** Unique, kebab-case, stable (tests and links name checks by id). */
  id: string;
  section: HealthSectionId;
  title: string;
  /** What the panel shows and why it matters; every panel needs one. */
  description: string;
  unit: Unit;
  /** Instant query. Aggregations keep the cluster label, the replica labels, job and instance (`healthContext`). */
  query: (q: QueryContext) => string;
  /** Legend of each series, in Grafana's `{{label}}` syntax, without the cluster/replica prefix (see `legendFor`). */
  legend: string;
  /** Absent: the check is shown but never makes the verdict (e.g. head series, active users). */
  judge?: HealthJudgement;
  /**
   * The verdict's sentence for a series past a threshold. `{{value}}` is the formatted value,
   * `{{threshold}}` the crossed threshold, `{{<label>}}` a label of the series.
   */
  problem?: string;
  /** Why the query may rightly return nothing on a healthy stack. Non-optional checks without data are "unknown". */
  optional?: string;
  /** What to do when a non-optional check returns nothing: what is probably not scraped. */
  noData: string;
  detail: HealthDetail;
  /**
   * `zero`: what a value of 0 means, shown instead of "0 B" or "0 seconds" where 0 is not an amount
   * (no size limit; the latest push worked).
   */
  panel: { kind: HealthPanelKind; width: number; min?: number; max?: number; zero?: string };
}

/**
 * Query context for health checks. Instant queries in the verdict use a fixed 5 m window; panels
 * pass `$__rate_interval`. Aggregations keep the cluster label and the replica labels (the app's, as
 * Setup's rules drop them: `replicaLabels`), so HA pairs and several Prometheus servers (federation,
 * several datacenters) come out side by side: a sum that dropped the label of a store's HA pair added
 * the two replicas' copies (twice the samples, series, notifications), an average merged their verdicts.
 */
export function healthContext({
  clusterLabel = 'cluster',
  replicaLabels = REPLICA_LABELS,
  range = '5m',
  clusterVariable = false,
}: {
  clusterLabel?: string;
  replicaLabels?: readonly string[];
  range?: string;
  clusterVariable?: boolean;
} = {}): QueryContext {
  const selector = clusterVariable ? `${clusterLabel}=~"$cluster"` : '';
  return {
    selector,
    fleetSelector: selector,
    range,
    by: [clusterLabel, ...replicaLabels, 'job', 'instance'].join(', '),
  };
}

/** `{{cluster}} {{replica}} {{prometheus_replica}} <legend>`: labels a series lacks render as nothing. */
export function legendFor(
  check: Pick<HealthCheck, 'legend'>,
  clusterLabel = 'cluster',
  replicaLabels: readonly string[] = REPLICA_LABELS
): string {
  return [clusterLabel, ...replicaLabels].map((l) => `{{${l}}} `).join('') + check.legend;
}

/** A catalog signal's query, for checks that aggregate or combine it rather than show it as is. */
function signal(exporter: ExporterDefinition, id: string) {
  const found = findSignal(exporter, id);
  return (q: QueryContext) => signalQuery(found, q);
}

/** A catalog threshold as a judgement, so the verdict agrees with the panels and alerts of that exporter. */
function threshold(exporter: ExporterDefinition, id: string): HealthJudgement {
  const { direction, warning, critical } = resolveThreshold(exporter, id);
  return { direction, warning, critical };
}

const byOf = (q: QueryContext) => q.by;

/** Prometheus' own series only (its process metrics share names with every Go exporter). */
const onPrometheus = (expr: string, q: QueryContext) =>
  `${expr} and on (${byOf(q)}) ${sel('prometheus_build_info', q)}`;

/** Adds a `host` label (the instance without its port), so series of one machine's exporters can be joined. */
export function withHostLabel(expr: string): string {
  return `label_replace(${expr}, "host", "$1", "instance", "(.+):[0-9]+")`;
}

/**
 * Filesystems of the host Prometheus runs on, as node_exporter on that host reports them: hosts are
 * matched by the instance's address without the port (and by cluster). Pseudo and boot filesystems
 * are left out. Empty when no node_exporter runs beside Prometheus.
 */
export function prometheusHostFilesystems(metric: string, q: QueryContext, clusterLabel: string): string {
  const fs = sel(
    metric,
    fleetContext(q),
    'fstype!~"tmpfs|ramfs|devtmpfs|overlay|squashfs|nsfs|autofs|fuse.*",mountpoint!~"/(boot|run|dev|sys|proc)($|/.*)"'
  );
  return `${withHostLabel(fs)} * on (${clusterLabel}, host) group_left () group by (${clusterLabel}, host) (${withHostLabel(sel('prometheus_build_info', q))})`;
}

// What to do when a component reports nothing: shared by every check of that component.
const NO_DATA_PROMETHEUS = 'No Prometheus scrapes itself: add a `prometheus` job for the server’s own /metrics.';
const NO_DATA_UP = 'Prometheus returns no `up` series at all: is this datasource a Prometheus that scrapes anything?';
const NO_DATA_ALERTMANAGER = 'No Alertmanager is scraped: add a job for each Alertmanager’s /metrics (port 9093).';
const NO_DATA_GRAFANA = 'Grafana is not scraped: add a job for Grafana’s /metrics (e.g. grafana:3000).';

/** What the checks of one section share, so each check states only what is its own. */
interface SectionDefaults {
  section: HealthSectionId;
  /** For the section's non-optional checks; an optional check has no advice, its emptiness is expected. */
  noData: string;
  detail: HealthDetail;
  legend?: string;
  optional?: string;
}

type SectionKey = 'section' | 'noData' | 'detail' | 'legend' | 'optional';
type OwnCheck = Omit<HealthCheck, SectionKey> & Partial<Pick<HealthCheck, SectionKey>>;
/**
 * The query is the signal's by definition, on all its series or on those `narrow` keeps; anything else
 * it gives may be worded for the Health page.
 */
type SignalCheck = Omit<OwnCheck, 'title' | 'description' | 'unit' | 'query'> &
  Partial<Pick<HealthCheck, 'title' | 'description' | 'unit'>> & {
    narrow?: (signalQuery: string, q: QueryContext) => string;
  };

/**
 * Builders for one section's checks. An optional check gets no "no data" advice: its emptiness is
 * expected and never reported, so the section's advice would be dead text.
 */
function sectionChecks(defaults: SectionDefaults) {
  const check = (own: OwnCheck): HealthCheck => {
    const legend = own.legend ?? defaults.legend;
    if (legend === undefined) {
      throw new Error(`Health check "${own.id}" has no legend and section "${defaults.section}" gives none`);
    }
    const optional = 'optional' in own ? own.optional : defaults.optional;
    return {
      ...defaults,
      ...(optional === undefined ? {} : { optional, noData: '' }),
      ...own,
      legend,
    };
  };

  /**
   * The check that is exactly `exporter`'s signal: its query (every variant, as dashboards combine
   * them), title, description, unit, legend, optional reason, display range and, when the signal is
   * coloured by a threshold, the judgement, so the Health page cannot drift from the dashboards.
   */
  const fromSignal = (exporter: ExporterDefinition, signalId: string, { narrow, ...own }: SignalCheck): HealthCheck => {
    const s = findSignal(exporter, signalId);
    const range = { ...(s.min === undefined ? {} : { min: s.min }), ...(s.max === undefined ? {} : { max: s.max }) };
    return check({
      title: s.title,
      description: s.description,
      unit: s.unit,
      query: (q) => (narrow ? narrow(signalQuery(s, q), q) : signalQuery(s, q)),
      ...(s.legend === undefined ? {} : { legend: s.legend }),
      ...(s.optional === undefined ? {} : { optional: s.optional }),
      ...(s.threshold === undefined ? {} : { judge: threshold(exporter, s.threshold) }),
      ...own,
      panel: { ...range, ...own.panel },
    });
  };

  return { check, fromSignal };
}

function prometheusChecks(clusterLabel: string, replicaLabels: readonly string[]): HealthCheck[] {
  const { check, fromSignal } = sectionChecks({
    section: 'prometheus',
    noData: NO_DATA_PROMETHEUS,
    detail: { exporter: prometheusExporter },
    legend: '{{instance}}',
  });
  const ha = [clusterLabel, ...replicaLabels].join(', ');
  return [
    // --- Scraping and ingestion
    check({
      id: 'prometheus-scrape-success',
      title: 'Scrape success by job',
      description:
        'Share of each job’s targets whose last scrape succeeded. A job at 0% is blind: every dashboard and alert built on it is silent.',
      unit: 'percentunit',
      query: (q) => `avg by (${ha}, job) (${sel('up', fleetContext(q))})`,
      legend: '{{job}}',
      judge: { direction: 'below', critical: 0.5 },
      problem: 'Only {{value}} of the targets of job {{job}} answered their last scrape.',
      noData: NO_DATA_UP,
      detail: { section: 'prometheus' },
      panel: { kind: 'timeseries', width: 12, min: 0, max: 1 },
    }),
    check({
      // The id predates the title: ids are kept, as the verdict links to them.
      id: 'prometheus-failing-targets',
      title: 'Scrape success by target',
      description:
        'Share of each target’s recent scrapes that succeeded, failing targets first; below 100% the target is down or flapping and its data has gaps.',
      unit: 'percentunit',
      query: (q) => `avg_over_time(${sel('up', fleetContext(q))}[${q.range}])`,
      legend: '{{job}} {{instance}}',
      judge: { direction: 'below', warning: 1, critical: 0.5 },
      problem: 'Target {{instance}} of job {{job}} is failing: only {{value}} of its recent scrapes succeeded.',
      noData: NO_DATA_UP,
      detail: { section: 'prometheus' },
      panel: { kind: 'table', width: 12, min: 0, max: 1 },
    }),
    fromSignal(prometheusExporter, 'configReloadSuccessful', {
      id: 'prometheus-config-reload',
      description:
        'Whether each Prometheus loaded its last configuration (1 = yes); after a failed reload it keeps running the previous one.',
      judge: { direction: 'below', critical: 1 },
      problem: 'Prometheus {{instance}} failed to reload its configuration and still runs the previous one.',
      panel: { kind: 'stat', width: 6 },
    }),
    check({
      id: 'prometheus-ingestion',
      title: 'Samples ingested',
      description: 'Samples appended to the head block per second; near 0 the server has stopped ingesting.',
      unit: 'ops',
      query: (q) => `sum by (${byOf(q)}) (${signal(prometheusExporter, 'ingestionRate')(q)})`,
      judge: { direction: 'below', critical: 1 },
      problem: 'Prometheus {{instance}} ingests only {{value}}: it has (nearly) stopped storing samples.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(prometheusExporter, 'headSeries', {
      id: 'prometheus-head-series',
      description: 'Active series in memory; sudden jumps point at a cardinality explosion (see Capacity).',
      panel: { kind: 'timeseries', width: 6 },
    }),
    // --- Storage
    fromSignal(prometheusExporter, 'storageSize', {
      id: 'prometheus-storage-used',
      description: 'Bytes used by persisted TSDB blocks (the WAL comes on top).',
      panel: { kind: 'timeseries', width: 6 },
    }),
    check({
      id: 'prometheus-storage-vs-retention',
      title: 'Storage used vs. retention size',
      description:
        'Block storage as a share of --storage.tsdb.retention.size; at 100% Prometheus deletes its oldest blocks, so history is shorter than the time retention promises.',
      unit: 'percentunit',
      query: (q) =>
        `${sel('prometheus_tsdb_storage_blocks_bytes', q)} / (${sel('prometheus_tsdb_retention_limit_bytes', q)} > 0)`,
      optional: 'only when a retention size limit (--storage.tsdb.retention.size) is set',
      panel: { kind: 'stat', width: 6, min: 0, max: 1 },
    }),
    check({
      id: 'prometheus-disk-free',
      title: 'Disk free on the Prometheus host',
      description:
        'Free space of each filesystem on the host Prometheus runs on (node_exporter on the same address); a full disk stops ingestion and can corrupt the WAL.',
      unit: 'percentunit',
      query: (q) =>
        `${prometheusHostFilesystems('node_filesystem_avail_bytes', q, clusterLabel)} / ${prometheusHostFilesystems('node_filesystem_size_bytes', q, clusterLabel)}`,
      legend: '{{host}} {{mountpoint}}',
      judge: { direction: 'below', warning: 0.15, critical: 0.05 },
      problem: 'Filesystem {{mountpoint}} on the Prometheus host {{host}} has only {{value}} free.',
      optional: 'only when node_exporter runs on the Prometheus host, at the same address',
      detail: { section: 'capacity' },
      panel: { kind: 'table', width: 8, min: 0, max: 1 },
    }),
    fromSignal(prometheusExporter, 'compactionsFailed', {
      id: 'prometheus-compactions-failed',
      description: 'TSDB compactions that failed recently; repeated failures fill the disk and slow queries.',
      judge: { direction: 'above', warning: 0 },
      problem: 'Prometheus {{instance}}: {{value}} TSDB compactions failed in the last minutes.',
      panel: { kind: 'timeseries', width: 8 },
    }),
    fromSignal(prometheusExporter, 'tsdbFailures', {
      id: 'prometheus-tsdb-failures',
      description:
        'Failed WAL writes, WAL corruptions, failed truncations, checkpoints and block reloads: data may be lost, or the disk is failing.',
      judge: { direction: 'above', critical: 0 },
      problem:
        'Prometheus {{instance}}: {{value}} WAL or TSDB operations failed in the last minutes; data may be lost.',
      panel: { kind: 'timeseries', width: 8 },
    }),
    // --- Queries and rules
    check({
      id: 'prometheus-query-latency',
      title: 'Query latency (p50 / p90 / p99)',
      description:
        'Quantiles of query evaluation time (inner_eval) per server; slow queries mean slow dashboards and late rule evaluations.',
      unit: 's',
      query: (q) => sel('prometheus_engine_query_duration_seconds', q, 'slice="inner_eval",quantile=~"0.5|0.9|0.99"'),
      legend: '{{instance}} p{{quantile}}',
      judge: { direction: 'above', warning: 10, critical: 60 },
      problem: 'Prometheus {{instance}}: the {{quantile}} quantile of query evaluation takes {{value}}.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(prometheusExporter, 'ruleGroupLoad', {
      id: 'prometheus-rule-group-load',
      title: 'Rule group evaluation time vs. interval',
      problem: 'Rule group {{rule_group}} on {{instance}} needs {{value}} of its interval to evaluate.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    check({
      id: 'prometheus-rule-failures',
      title: 'Rule evaluation failures',
      description:
        'Failed rule evaluations per rule group in the last minutes: an alert that fails to evaluate never fires.',
      unit: 'short',
      query: (q) => `increase(${sel('prometheus_rule_evaluation_failures_total', q)}[${q.range}])`,
      legend: '{{instance}} {{rule_group}}',
      judge: { direction: 'above', critical: 0 },
      problem: 'Rule group {{rule_group}} on {{instance}}: {{value}} rule evaluations failed in the last minutes.',
      optional: 'only when rule files are loaded',
      panel: { kind: 'timeseries', width: 6, min: 0 },
    }),
    fromSignal(prometheusExporter, 'ruleGroupsMissed', {
      id: 'prometheus-missed-evaluations',
      description: 'Rule group evaluations skipped because the previous one was still running.',
      judge: { direction: 'above', warning: 0 },
      problem: 'Rule group {{rule_group}} on {{instance}} skipped {{value}} evaluations in the last minutes.',
      panel: { kind: 'timeseries', width: 6, min: 0 },
    }),
    // --- Alert delivery
    fromSignal(prometheusExporter, 'alertmanagersDiscovered', {
      id: 'prometheus-alertmanagers',
      // As PrometheusNotConnectedToAlertmanagers: a server without rules (an edge of a global store) has
      // no alerts to send and rightly runs without Alertmanagers.
      narrow: serversWithRules,
      description:
        'Alertmanagers each Prometheus with rules sends alerts to; 0 means firing alerts reach nobody. Servers without rules are left out: they have no alerts to send.',
      judge: { direction: 'below', critical: 1 },
      problem: 'Prometheus {{instance}} sends its alerts to {{value}} Alertmanagers: firing alerts reach nobody.',
      panel: { kind: 'stat', width: 6 },
    }),
    fromSignal(prometheusExporter, 'notificationErrors', {
      id: 'prometheus-notification-errors',
      description: 'Share of alerts each Prometheus failed to send to each Alertmanager.',
      problem: 'Prometheus {{instance}} fails to deliver {{value}} of its alerts to {{alertmanager}}.',
      optional: 'only once an Alertmanager is configured',
      panel: { kind: 'timeseries', width: 6 },
    }),
    check({
      id: 'prometheus-notifications-dropped',
      title: 'Alerts dropped',
      description: 'Alerts dropped before delivery in the last minutes (queue full, or no Alertmanager).',
      unit: 'short',
      query: (q) => `increase(${sel('prometheus_notifications_dropped_total', q)}[${q.range}])`,
      judge: { direction: 'above', warning: 0 },
      problem: 'Prometheus {{instance}} dropped {{value}} alerts in the last minutes.',
      panel: { kind: 'timeseries', width: 6, min: 0 },
    }),
    fromSignal(prometheusExporter, 'notificationQueue', {
      id: 'prometheus-notification-queue',
      description: 'Alerts waiting to be sent as a share of the queue capacity; a full queue drops alerts.',
      problem: 'The alert queue of Prometheus {{instance}} is {{value}} full.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    // --- Remote write (optional: many setups have none)
    fromSignal(prometheusExporter, 'remoteWritePending', {
      id: 'prometheus-remote-write-pending',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(prometheusExporter, 'remoteWriteFailures', {
      id: 'prometheus-remote-write-failures',
      problem: 'Prometheus {{instance}} fails to deliver {{value}} of its samples to remote storage {{remote_name}}.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    check({
      id: 'prometheus-remote-write-shards',
      title: 'Remote write shards wanted vs. maximum',
      description:
        'Shards remote write wants as a share of the configured maximum; above 100% it cannot keep up and falls behind.',
      unit: 'percentunit',
      query: (q) =>
        `${sel('prometheus_remote_storage_shards_desired', q)} / ${sel('prometheus_remote_storage_shards_max', q)}`,
      legend: '{{instance}} {{remote_name}}',
      judge: { direction: 'above', warning: 1 },
      problem: 'Remote write {{remote_name}} on {{instance}} wants {{value}} of its maximum shards: it cannot keep up.',
      optional: 'only when remote_write is configured',
      panel: { kind: 'timeseries', width: 6, min: 0 },
    }),
    fromSignal(prometheusExporter, 'remoteWriteLag', {
      id: 'prometheus-remote-write-lag',
      title: 'Remote write behind',
      description: 'How far the newest sample sent to each remote endpoint trails the newest sample ingested.',
      problem: 'Remote write {{remote_name}} on {{instance}} is {{value}} behind.',
      panel: { kind: 'timeseries', width: 6, min: 0 },
    }),
  ];
}

/**
 * The edges a global store holds, told apart by the external labels remote write and /federate add to
 * every series (cluster label, replica labels). Empty on one Prometheus without external labels: optional.
 */
function serverChecks(clusterLabel: string, replicaLabels: readonly string[]): HealthCheck[] {
  const { check } = sectionChecks({
    section: 'servers',
    noData: '',
    detail: { section: 'servers' },
    optional: `only where servers carry the external label ${clusterLabel} (a global store, federation)`,
  });
  const edge = [clusterLabel, ...replicaLabels].join(', ');
  const replicaSet = replicaLabels.map((l) => `${l}!=""`);
  // `up` of each edge's own scrapes: every edge scrapes something, and every series of it carries its labels.
  const upOf = (q: QueryContext, matcher = '') =>
    sel('up', fleetContext(q), [`${clusterLabel}!=""`, matcher].filter(Boolean).join(','));
  const replicated = (q: QueryContext, wrap: (up: string) => string) =>
    replicaSet.map((m) => wrap(upOf(q, m))).join(' or ');
  return [
    check({
      id: 'servers-edges',
      title: 'Edge servers',
      description: `Each Prometheus whose series reach this store, by its external labels (${edge}), with the number of targets it scrapes.`,
      unit: 'short',
      query: (q) => `count by (${edge}) (${upOf(q)})`,
      legend: 'targets',
      panel: { kind: 'table', width: 8 },
    }),
    check({
      id: 'servers-ha-partner-silent',
      title: 'HA replica silent',
      description:
        'A replica of an HA pair that sent series in the last hour but none now, while its partner still does: the pair runs on one leg, and a second failure leaves the cluster unmonitored.',
      unit: 'bool_yes_no',
      query: (q) =>
        `(${replicated(q, (up) => `group by (${edge}) (max_over_time(${up}[1h]))`)}) unless on (${edge}) (${replicated(q, (up) => `group by (${edge}) (${up})`)}) and on (${clusterLabel}) (${replicated(q, (up) => `group by (${clusterLabel}) (${up})`)})`,
      legend: 'silent',
      judge: { direction: 'above', warning: 0 },
      // the verdict adds which server: [cluster=dc1, replica=b]
      problem: 'This HA replica sends no series now (it did within the hour); its partner carries the pair alone.',
      panel: { kind: 'table', width: 8 },
    }),
    check({
      id: 'servers-ha-target-gap',
      title: 'HA partners scrape different targets',
      description:
        'Targets a replica scrapes minus the most any replica of its pair scrapes: 0 when both see the same targets; negative when this one misses some (another configuration, a failing service discovery).',
      unit: 'short',
      query: (q) =>
        `(${replicated(q, (up) => `count by (${edge}) (${up})`)}) - on (${clusterLabel}) group_left () max without (${replicaLabels.join(', ')}) (${replicated(q, (up) => `count by (${edge}) (${up})`)})`,
      legend: 'difference',
      judge: { direction: 'below', warning: 0 },
      problem: 'This HA replica scrapes {{value}} targets compared with its partner: the two are not configured alike.',
      panel: { kind: 'table', width: 8 },
    }),
    check({
      id: 'servers-remote-write-lag',
      unit: 's',
      judge: threshold(prometheusExporter, 'remoteWriteLag'),
      title: 'Remote write behind, per edge',
      description:
        'For each edge, how far the newest sample it sent to the store trails the newest it ingested (highest timestamp in − highest sent, as the Prometheus mixin’s PrometheusRemoteWriteBehind), the worst of its remote endpoints.',
      query: (q) => `max by (${edge}) (${signal(prometheusExporter, 'remoteWriteLag')(q)})`,
      legend: 'behind',
      problem: 'This edge sends to the store {{value}} behind.',
      panel: { kind: 'table', width: 8, min: 0 },
    }),
  ];
}

function alertmanagerChecks(): HealthCheck[] {
  const { fromSignal } = sectionChecks({
    section: 'alertmanager',
    noData: NO_DATA_ALERTMANAGER,
    detail: { exporter: alertmanagerExporter },
  });
  return [
    fromSignal(alertmanagerExporter, 'notificationsSent', {
      id: 'alertmanager-notifications',
      description: 'Notifications attempted per second, per integration (Slack, e-mail, PagerDuty, …).',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(alertmanagerExporter, 'notificationsFailed', {
      id: 'alertmanager-notifications-failed',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(alertmanagerExporter, 'notificationFailureRatio', {
      id: 'alertmanager-notification-failures',
      problem: 'Alertmanager {{instance}}: {{value}} of notifications to {{integration}} failed.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(alertmanagerExporter, 'configReloadSuccessful', {
      id: 'alertmanager-config-reload',
      description: 'Whether each Alertmanager loaded its last configuration (1 = yes).',
      judge: { direction: 'below', critical: 1 },
      problem: 'Alertmanager {{instance}} failed to reload its configuration and still routes with the previous one.',
      panel: { kind: 'stat', width: 6 },
    }),
    fromSignal(alertmanagerExporter, 'clusterMembers', {
      id: 'alertmanager-cluster-members',
      description:
        'Peers each Alertmanager sees in its cluster; every member of an HA pair should report the same number.',
      panel: { kind: 'stat', width: 6 },
    }),
    fromSignal(alertmanagerExporter, 'clusterFailedPeers', {
      id: 'alertmanager-cluster-failed-peers',
      judge: { direction: 'above', warning: 0 },
      problem: 'Alertmanager {{instance}} sees {{value}} failed cluster peers.',
      panel: { kind: 'stat', width: 6 },
    }),
  ];
}

/** Optional as a whole: not every setup runs a Pushgateway. */
function pushgatewayChecks(clusterLabel: string): HealthCheck[] {
  const { check, fromSignal } = sectionChecks({
    section: 'pushgateway',
    noData: '',
    // Pushed groups carry the batch job's job/instance, not the Pushgateway's: a dashboard link
    // narrowed to them would show nothing, so the link goes to the section.
    detail: { section: 'pushgateway' },
    legend: '{{job}} {{instance}}',
    optional: 'only when a Pushgateway is scraped and holds groups',
  });
  return [
    fromSignal(pushgatewayExporter, 'pushGroups', {
      id: 'pushgateway-groups',
      optional: 'only when a Pushgateway is scraped',
      // A count per cluster has no job/instance to narrow to, so the Pushgateway dashboard as a whole.
      detail: { exporter: pushgatewayExporter },
      panel: { kind: 'stat', width: 6 },
    }),
    fromSignal(pushgatewayExporter, 'lastPushAge', {
      id: 'pushgateway-last-push-age',
      description:
        'Age of each group’s last successful push, per job: a batch job that stopped running shows a growing age.',
      problem: 'Batch job {{job}} ({{instance}}) last pushed successfully {{value}} ago.',
      panel: { kind: 'table', width: 9 },
    }),
    check({
      id: 'pushgateway-failed-pushes',
      title: 'Rejected pushes',
      description:
        'For each group whose latest push was rejected, how long ago that was (0 = the latest push worked); its metrics are stale.',
      unit: 'dtdurations',
      query: (q) => {
        const f = fleetContext(q);
        return `(time() - ${sel('push_failure_time_seconds', f)}) * (${sel('push_failure_time_seconds', f)} > bool ${sel('push_time_seconds', f)})`;
      },
      judge: { direction: 'above', warning: 0 },
      problem: 'The latest push of batch job {{job}} ({{instance}}) was rejected {{value}} ago; its metrics are stale.',
      panel: { kind: 'table', width: 9, zero: 'latest push worked' },
    }),
  ];
}

/** Grafana's own /metrics. */
function grafanaChecks(): HealthCheck[] {
  const { fromSignal } = sectionChecks({
    section: 'grafana',
    noData: NO_DATA_GRAFANA,
    detail: { exporter: grafanaExporter },
  });
  return [
    fromSignal(grafanaExporter, 'ruleEvaluations', {
      id: 'grafana-rule-evaluations',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(grafanaExporter, 'ruleEvaluationFailures', {
      id: 'grafana-rule-failures',
      problem: 'Grafana {{instance}}: {{value}} of alert rule evaluations in org {{org}} fail.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(grafanaExporter, 'schedulerBehind', {
      id: 'grafana-scheduler-behind',
      description: 'How far Grafana’s alert rule scheduler runs behind its ticks; rules are evaluated late.',
      problem: 'Grafana {{instance}}: the alert scheduler is {{value}} behind.',
      panel: { kind: 'timeseries', width: 6, min: 0 },
    }),
    fromSignal(grafanaExporter, 'missedEvaluations', {
      id: 'grafana-missed-evaluations',
      description: 'Evaluations skipped because the previous one of the same rule was still running, per rule.',
      judge: { direction: 'above', warning: 0 },
      problem: 'Grafana {{instance}}: rule “{{name}}” (org {{org}}) skipped {{value}} evaluations in the last minutes.',
      panel: { kind: 'timeseries', width: 6, min: 0 },
    }),
    fromSignal(grafanaExporter, 'notificationsSent', {
      id: 'grafana-notifications',
      description: 'Notifications attempted per second by Grafana’s Alertmanager, per integration.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(grafanaExporter, 'notificationFailures', {
      id: 'grafana-notification-failures',
      problem: 'Grafana {{instance}}: {{value}} of notifications to {{integration}} failed.',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(grafanaExporter, 'httpLatency', {
      id: 'grafana-api-latency',
      title: 'API latency (p99)',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(grafanaExporter, 'dashboardLoadTime', {
      id: 'grafana-dashboard-load',
      panel: { kind: 'timeseries', width: 6 },
    }),
    fromSignal(grafanaExporter, 'httpServerErrors', {
      id: 'grafana-http-errors',
      title: 'API server errors',
      description:
        'Share of requests per handler that Grafana itself answered with 5xx (downstream failures left out).',
      problem: 'Grafana {{instance}} answers {{value}} of requests to {{handler}} with a server error.',
      panel: { kind: 'timeseries', width: 8 },
    }),
    fromSignal(grafanaExporter, 'datasourceErrors', {
      id: 'grafana-datasource-errors',
      description:
        'Share of requests to each data source that did not return 2xx: the data source is unreachable or failing.',
      problem: 'Grafana {{instance}}: {{value}} of requests to data source {{datasource}} fail.',
      panel: { kind: 'timeseries', width: 8 },
    }),
    fromSignal(grafanaExporter, 'datasourceLatency', {
      id: 'grafana-datasource-latency',
      panel: { kind: 'timeseries', width: 8 },
    }),
    fromSignal(grafanaExporter, 'activeUsers', {
      id: 'grafana-active-users',
      description: 'Users active in Grafana recently (Grafana’s usage statistics).',
      legend: '{{instance}}',
      panel: { kind: 'stat', width: 8 },
    }),
  ];
}

/** The inputs of capacity.ts, one series per Prometheus server. */
function capacityChecks(clusterLabel: string): HealthCheck[] {
  const { check, fromSignal } = sectionChecks({
    section: 'capacity',
    noData: NO_DATA_PROMETHEUS,
    detail: { section: 'capacity' },
    legend: '{{instance}}',
  });
  const stat = { kind: 'stat', width: 6 } as const;
  return [
    check({
      id: 'capacity-active-series',
      title: 'Active series',
      description: 'Series in the head block of each Prometheus: what memory use grows with.',
      unit: 'short',
      query: (q) => `sum by (${byOf(q)}) (${sel('prometheus_tsdb_head_series', q)})`,
      panel: stat,
    }),
    check({
      id: 'capacity-samples-rate',
      title: 'Samples per second',
      description: 'Samples ingested per second by each Prometheus: what disk use grows with.',
      unit: 'ops',
      query: (q) => `sum by (${byOf(q)}) (rate(${sel('prometheus_tsdb_head_samples_appended_total', q)}[${q.range}]))`,
      panel: stat,
    }),
    // A fixed 6 h window: head compaction runs every 2 h, so shorter windows often hold none
    // and divide 0 by 0.
    check({
      id: 'capacity-bytes-per-sample',
      title: 'Bytes per sample',
      description:
        'Average size of a sample on disk, measured over the chunks compacted in the last 6 hours (empty before the first compaction, about 3 hours after a start).',
      unit: 'bytes',
      query: (q) =>
        `sum by (${byOf(q)}) (rate(${sel('prometheus_tsdb_compaction_chunk_size_bytes_sum', q)}[6h])) / sum by (${byOf(q)}) (rate(${sel('prometheus_tsdb_compaction_chunk_samples_sum', q)}[6h]))`,
      panel: stat,
    }),
    check({
      id: 'capacity-storage-growth',
      title: 'Storage growth',
      description:
        'How fast block storage grows, per second, fitted over the last day (negative while retention deletes more than compaction adds).',
      unit: 'Bps',
      query: (q) => `deriv(${sel('prometheus_tsdb_storage_blocks_bytes', q)}[1d])`,
      panel: stat,
    }),
    fromSignal(prometheusExporter, 'storageSize', {
      id: 'capacity-storage-used',
      title: 'Storage used',
      description: 'Bytes used by persisted blocks of each Prometheus.',
      panel: stat,
    }),
    check({
      id: 'capacity-retention-size',
      title: 'Retention size limit',
      description: 'The configured --storage.tsdb.retention.size (0 = no size limit, only time retention).',
      unit: 'bytes',
      query: (q) => sel('prometheus_tsdb_retention_limit_bytes', q),
      panel: { ...stat, zero: 'no size limit' },
    }),
    check({
      id: 'capacity-retention-time',
      title: 'Retention time',
      description: 'The configured --storage.tsdb.retention.time, as newer Prometheus versions report it.',
      unit: 's',
      query: (q) => sel('prometheus_tsdb_retention_limit_seconds', q),
      optional: 'only newer Prometheus versions export their retention time (2.42 does not)',
      panel: stat,
    }),
    check({
      id: 'capacity-memory-used',
      title: 'Memory used',
      description: 'Resident memory of each Prometheus process, to compare with the estimate.',
      unit: 'bytes',
      query: (q) => onPrometheus(sel('process_resident_memory_bytes', q), q),
      panel: stat,
    }),
    check({
      id: 'capacity-disk-free',
      title: 'Disk free on the Prometheus host',
      description: 'Free bytes of each filesystem on the Prometheus host (node_exporter at the same address).',
      unit: 'bytes',
      query: (q) => prometheusHostFilesystems('node_filesystem_avail_bytes', q, clusterLabel),
      legend: '{{host}} {{mountpoint}}',
      optional: 'only when node_exporter runs on the Prometheus host, at the same address',
      panel: { kind: 'table', width: 6 },
    }),
  ];
}

/**
 * The checks, for a given cluster label and replica labels (the app settings; label names cannot be parameters of a
 * query). The replica labels must not be empty: they are what tells the servers of an HA pair apart.
 */
export function healthChecks(
  clusterLabel = 'cluster',
  replicaLabels: readonly string[] = REPLICA_LABELS
): HealthCheck[] {
  return [
    ...prometheusChecks(clusterLabel, replicaLabels),
    ...serverChecks(clusterLabel, replicaLabels),
    ...alertmanagerChecks(),
    ...pushgatewayChecks(clusterLabel),
    ...grafanaChecks(),
    ...capacityChecks(clusterLabel),
  ];
}

export function checksOfSection(checks: readonly HealthCheck[], section: HealthSectionId): HealthCheck[] {
  return checks.filter((c) => c.section === section);
}
