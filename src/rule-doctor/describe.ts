/**
 * Findings in plain words, for the Health page and the datasource's table alike. Types only from
 * the engine: importing this does not bring the PromQL grammar along.
 */
import type { BlindSpot, Finding, RuleUnderCheck } from './diagnose';

export type FindingKind = Finding['kind'];

/** Headings in the order the page shows them: what stops alerts first. */
export const FINDING_HEADINGS: Record<FindingKind, string> = {
  error: 'Rules in error',
  rejected: 'Queries Prometheus refuses',
  'never-evaluated': 'Rules not evaluated yet',
  slow: 'Rules slower than their interval',
  'empty-selector': 'Selectors that match no series',
  'dead-join': 'Joins that can never match',
};

export const SOURCE_NAMES: Record<RuleUnderCheck['source'], string> = {
  grafana: 'Grafana',
  prometheus: 'Prometheus',
  ruler: 'Ruler',
};

const seconds = (s: number) => (s >= 10 ? `${Math.round(s)} s` : `${Number(s.toPrecision(2))} s`);

/** What is wrong, in one or two sentences. */
export function findingText(finding: Finding, historyDays = 7): string {
  switch (finding.kind) {
    case 'error':
      return `Its evaluation fails: ${finding.message}`;
    case 'rejected':
      return `Prometheus refuses its query: ${finding.message}`;
    case 'never-evaluated': {
      // Grafana and Prometheus evaluate a new or changed rule only within its group's interval: right after
      // Setup's apply (or a Prometheus reload), every rule it wrote reads as never evaluated, which is no fault.
      const interval = finding.rule.intervalSeconds;
      return `It has not been evaluated yet, so it cannot fire. Just created or changed? Its first evaluation comes within its group's interval${interval === undefined ? '' : ` (${seconds(interval)})`}: check again then. If it stays so, nothing is evaluating it.`;
    }
    case 'slow':
      return `One evaluation takes ${seconds(finding.evaluationSeconds)}, longer than its group's ${seconds(finding.intervalSeconds)} interval: evaluations are skipped.`;
    case 'empty-selector': {
      const history =
        finding.lastSeen === undefined
          ? `none in the last ${historyDays} days`
          : `it vanished: last seen ${new Date(finding.lastSeen * 1000).toISOString().replace('.000Z', 'Z')}`;
      switch (finding.cause) {
        case 'metric-absent':
          return `${finding.selector} matches no series: Prometheus has no such metric (${history}). Renamed, collector off, or exporter gone?`;
        case 'no-match':
          return `${finding.selector} matches no series: ${finding.emptyMatchers.join(', ')} matches none of the metric's series (${history}). A typo, or a target that no longer exists?`;
        default:
          return `${finding.selector} matches nothing now: no series has ${finding.emptyMatchers.join(', ')} (${history}). Right if that state has not happened; wrong if the value is misspelt.`;
      }
    }
    case 'dead-join':
      return `The join ${finding.join} can never match: ${finding.reason}.`;
  }
}

/** Unix seconds the finding dates from, when it has one (the last time an empty selector matched). */
export function findingSince(finding: Finding): number | undefined {
  return finding.kind === 'empty-selector' ? finding.lastSeen : undefined;
}

export function blindSpotText(spot: BlindSpot): string {
  return spot.kind === 'exporter-unwatched'
    ? `${spot.title} is scraped, but no rule reads any of its metrics: nothing alerts on it.`
    : `No rule watches up of ${spot.instance} (job ${spot.job}): if it goes down, nobody is paged.`;
}

/** "Covered by the Prometheus pack's PrometheusTargetDown alert": what would close a blind spot. */
export function coverText(pack: { title: string; alert?: string }): string {
  return `Covered by the ${pack.title} pack${pack.alert ? `'s ${pack.alert} alert` : ''}`;
}
