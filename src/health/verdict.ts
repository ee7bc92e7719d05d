/**
 * The verdict at the top of the Health page: from the checks' query results to "Monitoring is
 * healthy" or a list of problems, worst first, each with the number behind it, the series it is
 * about and a link. Pure: no fetching, no React.
 */
import { exporterDashboardUid } from '../catalog/links';
import { REPLICA_LABELS } from '../catalog/promql';
import { PLUGIN_BASE_URL, ROUTES } from '../constants';
import {
  HEALTH_SECTIONS,
  type HealthCheck,
  type HealthDetail,
  type HealthJudgement,
  type HealthSectionId,
} from './checks';
import { formatValue } from './format';

export type Labels = Record<string, string>;

export interface SeriesValue {
  labels: Labels;
  value: number;
}

/** What one check's instant query returned: its series, or the error that stopped it. */
export interface CheckResult {
  checkId: string;
  series: SeriesValue[];
  error?: string;
}

export type ProblemSeverity = 'critical' | 'warning' | 'unknown';

export interface Problem {
  checkId: string;
  section: HealthSectionId;
  severity: ProblemSeverity;
  /** The check's title, e.g. "Scrape success by target". */
  title: string;
  /** The plain-words sentence, with the number in it. */
  message: string;
  /** The number behind the problem (absent for unknown checks). */
  value?: number;
  formattedValue?: string;
  /** The series the problem is about, e.g. `{job: "node", instance: "10.0.0.1:9100"}`. */
  labels: Labels;
  /** Relative link to the detail: an exporter dashboard or a Health section. */
  link: string;
  /** How far past its threshold the value is, relative to the threshold; orders problems of one severity. */
  magnitude: number;
}

export type VerdictStatus = 'healthy' | 'warning' | 'critical' | 'unknown';

export interface Verdict {
  status: VerdictStatus;
  headline: string;
  /** Worst first: critical, then warning, then unknown; by magnitude within a severity. */
  problems: Problem[];
  /** Checks that could be judged (had data or were optional) out of all checks. */
  checksRun: number;
}

export const HEALTHY_HEADLINE = 'Monitoring is healthy';

export function healthSectionUrl(section: HealthSectionId): string {
  return `${PLUGIN_BASE_URL}/${ROUTES.Health}#${section}`;
}

/** The link for a problem: dashboards are narrowed to the series' job and instance when it has them. */
export function detailUrl(detail: HealthDetail, labels: Labels): string {
  if ('section' in detail) {
    return healthSectionUrl(detail.section);
  }
  const params = (['job', 'instance'] as const)
    .filter((name) => labels[name])
    .map((name) => `var-${name}=${encodeURIComponent(labels[name])}`);
  return `/d/${exporterDashboardUid(detail.exporter)}${params.length ? `?${params.join('&')}` : ''}`;
}

/** The severity a value earns, or undefined when it is fine (NaN never is a problem: nothing happened). */
export function judgeValue(judge: HealthJudgement, value: number): 'critical' | 'warning' | undefined {
  if (Number.isNaN(value)) {
    return undefined;
  }
  const past = (limit: number | undefined) =>
    limit !== undefined && (judge.direction === 'above' ? value > limit : value < limit);
  if (past(judge.critical)) {
    return 'critical';
  }
  if (past(judge.warning)) {
    return 'warning';
  }
  return undefined;
}

function magnitude(judge: HealthJudgement, severity: 'critical' | 'warning', value: number): number {
  const limit = (severity === 'critical' ? judge.critical : judge.warning) ?? 0;
  const distance = judge.direction === 'above' ? value - limit : limit - value;
  return Number.isFinite(distance) ? distance / (Math.abs(limit) || 1) : Number.MAX_VALUE;
}

/** `{{name}}` in a problem text or a legend: a label (or `value`, `threshold`) filled in per series. */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

/** Fills `{{value}}`, `{{threshold}}` and `{{<label>}}`; a label the series lacks reads "(none)". */
export function renderMessage(template: string, values: Labels): string {
  return template.replace(PLACEHOLDER, (_all, name: string) =>
    values[name] !== undefined && values[name] !== '' ? values[name] : '(none)'
  );
}

/** `cluster=dc1, replica=a`: which of several Prometheus servers or HA replicas a series comes from. */
function whereFrom(labels: Labels, clusterLabel: string, replicaLabels: readonly string[]): string {
  const parts = [clusterLabel, ...replicaLabels]
    .filter((name) => labels[name])
    .map((name) => `${name}=${labels[name]}`);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

const SEVERITY_ORDER: Record<ProblemSeverity, number> = { critical: 0, warning: 1, unknown: 2 };
const SECTION_ORDER = new Map(HEALTH_SECTIONS.map((s, index) => [s.id, index]));

export function compareProblems(a: Problem, b: Problem): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    b.magnitude - a.magnitude ||
    (SECTION_ORDER.get(a.section) ?? 0) - (SECTION_ORDER.get(b.section) ?? 0) ||
    a.message.localeCompare(b.message)
  );
}

/** The problems one check's result shows; a check without a result counts as one without data. */
export function checkProblems(
  check: HealthCheck,
  result: CheckResult | undefined,
  clusterLabel = 'cluster',
  replicaLabels: readonly string[] = REPLICA_LABELS
): Problem[] {
  const base = { checkId: check.id, section: check.section, title: check.title };
  if (result?.error) {
    return [
      {
        ...base,
        severity: 'unknown',
        message: `${check.title}: the query failed (${result.error}).`,
        labels: {},
        link: healthSectionUrl(check.section),
        magnitude: 0,
      },
    ];
  }
  const series = result?.series ?? [];
  if (series.length === 0) {
    if (check.optional) {
      return [];
    }
    return [
      {
        ...base,
        severity: 'unknown',
        message: `${check.title}: no data. ${check.noData}`,
        labels: {},
        link: healthSectionUrl(check.section),
        magnitude: 0,
      },
    ];
  }
  const { judge, problem } = check;
  if (!judge || !problem) {
    return [];
  }
  return series.flatMap(({ labels, value }) => {
    const severity = judgeValue(judge, value);
    if (!severity) {
      return [];
    }
    const formattedValue = formatValue(value, check.unit);
    const limit = severity === 'critical' ? judge.critical : judge.warning;
    const message =
      renderMessage(problem, {
        ...labels,
        value: formattedValue,
        threshold: limit === undefined ? '' : formatValue(limit, check.unit),
      }) + whereFrom(labels, clusterLabel, replicaLabels);
    return [
      {
        ...base,
        severity,
        message,
        value,
        formattedValue,
        labels,
        link: detailUrl(check.detail, labels),
        magnitude: magnitude(judge, severity, value),
      },
    ];
  });
}

/** The verdict over every check; results are matched to checks by id. */
export function computeVerdict(
  checks: readonly HealthCheck[],
  results: readonly CheckResult[],
  {
    clusterLabel = 'cluster',
    replicaLabels = REPLICA_LABELS,
    extraProblems = [],
  }: { clusterLabel?: string; replicaLabels?: readonly string[]; extraProblems?: Problem[] } = {}
): Verdict {
  const byId = new Map(results.map((r) => [r.checkId, r]));
  const problems = [
    ...checks.flatMap((check) => checkProblems(check, byId.get(check.id), clusterLabel, replicaLabels)),
    ...extraProblems,
  ].sort(compareProblems);
  const unknownChecks = new Set(problems.filter((p) => p.severity === 'unknown').map((p) => p.checkId));
  const count = (severity: ProblemSeverity) => problems.filter((p) => p.severity === severity).length;
  const critical = count('critical');
  const warning = count('warning');
  const checksRun = checks.length - unknownChecks.size;

  if (critical + warning === 0) {
    if (unknownChecks.size === 0) {
      return { status: 'healthy', headline: HEALTHY_HEADLINE, problems, checksRun };
    }
    return {
      status: 'unknown',
      headline: `No problems found, but ${plural(unknownChecks.size, 'check')} could not run: monitoring is not fully watched`,
      problems,
      checksRun,
    };
  }
  const parts = [critical ? `${critical} critical` : '', warning ? plural(warning, 'warning') : ''].filter(Boolean);
  return {
    status: critical ? 'critical' : 'warning',
    headline: `Monitoring cannot be fully trusted: ${parts.join(', ')}`,
    problems,
    checksRun,
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
