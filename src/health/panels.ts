/**
 * The panels of the Health page and of the bundled "Monitoring stack health" dashboard: one per
 * check, plus the capacity formulas written in PromQL, so the page and the dashboard show the same
 * content. No foundation-sdk here: the page ships in the bundle.
 */
import { REPLICA_LABELS, sel } from '../catalog/promql';
import type { QueryContext, Unit } from '../catalog/types';
import { ASSUMED_BYTES_PER_SAMPLE, MEMORY_BYTES_PER_SERIES, MEMORY_RULE_SOURCE } from './capacity';
import { PLACEHOLDER } from './verdict';
import {
  healthChecks,
  HEALTH_SECTIONS,
  legendFor,
  prometheusHostFilesystems,
  withHostLabel,
  type HealthJudgement,
  type HealthPanelKind,
  type HealthSectionId,
} from './checks';

export interface HealthPanel {
  id: string;
  section: HealthSectionId;
  title: string;
  description: string;
  unit: Unit;
  kind: HealthPanelKind;
  width: number;
  min?: number;
  max?: number;
  /** Shown instead of the value 0 (see HealthCheck's panel). */
  zero?: string;
  query: (q: QueryContext) => string;
  legend: string;
  /** The labels that name a row (`{{host}} {{mountpoint}}`), without the cluster and replica labels before them. */
  rowLegend: string;
  judge?: HealthJudgement;
  optional?: string;
  /** Needs a dashboard variable (e.g. `$retention_days`); the page shows the capacity table instead. */
  dashboardOnly?: boolean;
}

/** Grafana variable the dashboard uses for the retention in capacity formulas. */
export const RETENTION_DAYS_VARIABLE = 'retention_days';

function capacityFormulaPanels(clusterLabel: string): Array<Omit<HealthPanel, 'rowLegend'>> {
  const samples = (q: QueryContext) =>
    `sum by (${q.by}) (rate(${sel('prometheus_tsdb_head_samples_appended_total', q)}[1h]))`;
  const measuredBytesPerSample = (q: QueryContext) =>
    `sum by (${q.by}) (rate(${sel('prometheus_tsdb_compaction_chunk_size_bytes_sum', q)}[6h])) / sum by (${q.by}) (rate(${sel('prometheus_tsdb_compaction_chunk_samples_sum', q)}[6h]))`;
  return [
    {
      id: 'capacity-projected-disk',
      section: 'capacity',
      title: 'Projected disk for the retention',
      description: `Retention (each server's own where it exports prometheus_tsdb_retention_limit_seconds, newer Prometheus; else the “Retention (days)” variable: a dashboard cannot read flags, the app's Health page does) × samples per second × bytes per sample, as in the Prometheus documentation (Storage → Operational aspects). Bytes per sample are measured from compactions, or assumed to be ${ASSUMED_BYTES_PER_SAMPLE} before the first one.`,
      unit: 'bytes',
      kind: 'stat',
      width: 8,
      // `> 0` drops the NaN of 0/0 before the first compaction, so the assumption takes over.
      query: (q) =>
        `((max by (${q.by}) (${sel('prometheus_tsdb_retention_limit_seconds', q)}) > 0) or (${samples(q)} * 0 + $${RETENTION_DAYS_VARIABLE} * 86400)) * ${samples(q)} * ((${measuredBytesPerSample(q)} > 0) or (${samples(q)} * 0 + ${ASSUMED_BYTES_PER_SAMPLE}))`,
      legend: '{{instance}}',
      dashboardOnly: true,
    },
    {
      id: 'capacity-memory-estimate',
      section: 'capacity',
      title: 'Memory estimate',
      description: `Active series × ${MEMORY_BYTES_PER_SERIES} bytes: rule of thumb of ${MEMORY_RULE_SOURCE}.`,
      unit: 'bytes',
      kind: 'stat',
      width: 8,
      query: (q) => `sum by (${q.by}) (${sel('prometheus_tsdb_head_series', q)}) * ${MEMORY_BYTES_PER_SERIES}`,
      legend: '{{instance}}',
    },
    {
      id: 'capacity-days-until-full',
      section: 'capacity',
      title: 'Days until the disk fills',
      description:
        'Free space of the fullest filesystem on the Prometheus host ÷ storage growth per day (fitted over the last day). Empty while storage is not growing.',
      unit: 'short',
      kind: 'stat',
      width: 8,
      query: (q) =>
        `min by (${clusterLabel}, host) (${prometheusHostFilesystems('node_filesystem_avail_bytes', q, clusterLabel)}) / on (${clusterLabel}, host) (max by (${clusterLabel}, host) (${withHostLabel(`deriv(${sel('prometheus_tsdb_storage_blocks_bytes', q)}[1d])`)}) * 86400 > 0)`,
      legend: '{{host}}',
      judge: { direction: 'below', warning: 14, critical: 3 },
      optional: 'only while storage grows and node_exporter runs on the Prometheus host',
    },
  ];
}

/** Every panel, in section order, for the app's cluster and replica labels (see `healthChecks`). */
export function healthPanels(
  clusterLabel = 'cluster',
  replicaLabels: readonly string[] = REPLICA_LABELS
): HealthPanel[] {
  const fromChecks: HealthPanel[] = healthChecks(clusterLabel, replicaLabels).map((check) => ({
    id: check.id,
    section: check.section,
    title: check.title,
    description: check.description,
    unit: check.unit,
    kind: check.panel.kind,
    width: check.panel.width,
    min: check.panel.min,
    max: check.panel.max,
    zero: check.panel.zero,
    query: check.query,
    legend: legendFor(check, clusterLabel, replicaLabels),
    rowLegend: check.legend,
    judge: check.judge,
    optional: check.optional,
  }));
  const formulas = capacityFormulaPanels(clusterLabel).map((p) => ({
    ...p,
    legend: legendFor(p, clusterLabel, replicaLabels),
    rowLegend: p.legend,
  }));
  const all = [...fromChecks, ...formulas];
  return HEALTH_SECTIONS.flatMap((section) => all.filter((p) => p.section === section.id));
}

/** Threshold steps for a panel, matching how the verdict judges the same values. */
export function panelThresholdSteps(
  judge: HealthJudgement | undefined
): Array<{ value: number | null; color: string }> {
  if (!judge) {
    return [{ value: null, color: 'green' }];
  }
  if (judge.direction === 'above') {
    // Grafana colours a step from its value upwards (>=) while the verdict compares strictly (>):
    // a count judged "above 0" must show 0 in green, so a zero step starts just above it.
    const from = (limit: number) => (limit === 0 ? 1e-9 : limit);
    return [
      { value: null, color: 'green' },
      ...(judge.warning !== undefined ? [{ value: from(judge.warning), color: 'orange' }] : []),
      ...(judge.critical !== undefined ? [{ value: from(judge.critical), color: 'red' }] : []),
    ];
  }
  // "below": bad at the bottom of the scale; a step's colour applies from its value upwards.
  const steps: Array<{ value: number | null; color: string }> = [
    { value: null, color: judge.critical !== undefined ? 'red' : 'orange' },
  ];
  if (judge.critical !== undefined && judge.warning !== undefined) {
    steps.push({ value: judge.critical, color: 'orange' });
  }
  steps.push({ value: judge.warning ?? judge.critical ?? 0, color: 'green' });
  return steps;
}

/**
 * Grafana's "organize fields" transformation for a Health table: no Time column (instant queries), and
 * the labels that name a row, then the value, before every other label (cluster and replica labels, unless
 * they are what names the rows, as for the edge servers).
 * A `format: table` answer has one column per label in label order, so in a narrow panel the value sat
 * past the right edge. Fields left out of `indexByName` keep their order after those named (Grafana's
 * order.ts sorts them at MAX_SAFE_INTEGER with a stable sort).
 */
export function tableColumns(panel: Pick<HealthPanel, 'rowLegend' | 'legend'>) {
  const labelsOf = (legend: string) => [...legend.matchAll(PLACEHOLDER)].map((m) => m[1]);
  // A row legend without labels ("behind") means the servers' own labels name the rows.
  const own = labelsOf(panel.rowLegend);
  const labels = own.length > 0 ? own : labelsOf(panel.legend);
  return {
    id: 'organize',
    options: {
      excludeByName: { Time: true },
      indexByName: Object.fromEntries([...new Set(labels), 'Value'].map((name, index) => [name, index])),
    },
  };
}

/** Health tables list the worst first: their values are ratios or counts where lower is worse. */
export const TABLE_SORT = { displayName: 'Value', desc: false };
