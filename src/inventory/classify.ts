import { EXPORTERS, type RuntimeExporter } from '../catalog/runtime';
import { detectionMetricNames, exportersForJob } from './detect';
import type { VectorSample } from './prometheus-api';

/**
 * Target → exporter, by the catalog's detection rules (the same `exportersForJob` that Setup's
 * detection uses): the metric names a target exposes decide, never its job name. A target whose
 * metrics match no rule is an honest "unknown exporter".
 */

/** The value rows carry when no detection rule matches. */
export const UNKNOWN_EXPORTER_ID = 'unknown';

// Re-exported: the classifier and Setup's detection must look for the same names.
export { detectionMetricNames };

/**
 * One instant query listing, per target, which detection metrics it exposed within the last hour.
 * The look-back matters: a target that is down has no current samples, and without its recent
 * past a stopped exporter would turn into "unknown exporter" just when it needs naming.
 * (`last_over_time` keeps the metric name.)
 */
export function classificationQuery(exporters: readonly RuntimeExporter[] = EXPORTERS): string {
  return `group by (job, instance, __name__) (last_over_time({__name__=~"${detectionMetricNames(exporters).join('|')}"}[${CLASSIFICATION_LOOKBACK}]))`;
}

export const CLASSIFICATION_LOOKBACK = '1h';

/**
 * Which detection metrics each target (job → instance → names) and each job as a whole exposes.
 * Nested maps and arrays rather than "job|instance" keys and sets: at 50k targets the allocations
 * are what costs.
 */
export interface MetricIndex {
  byTarget: Map<string, Map<string, string[]>>;
  byJob: Map<string, string[]>;
}

export function targetKey(job: string, instance: string): string {
  return `${job}\u0000${instance}`;
}

export function indexDetectionSeries(samples: readonly VectorSample[]): MetricIndex {
  const byTarget = new Map<string, Map<string, string[]>>();
  const byJob = new Map<string, string[]>();
  for (let i = 0; i < samples.length; i++) {
    const metric = samples[i].metric;
    const name = metric.__name__;
    if (!name) {
      continue;
    }
    const job = metric.job ?? '';
    const instance = metric.instance ?? '';
    let instances = byTarget.get(job);
    if (!instances) {
      instances = new Map();
      byTarget.set(job, instances);
    }
    const names = instances.get(instance);
    if (names) {
      if (!names.includes(name)) {
        names.push(name);
      }
    } else {
      instances.set(instance, [name]);
    }
    const jobNames = byJob.get(job);
    if (!jobNames) {
      byJob.set(job, [name]);
    } else if (!jobNames.includes(name)) {
      jobNames.push(name);
    }
  }
  return { byTarget, byJob };
}

/**
 * How a target was classified:
 * - `target`: its own series carry a detection metric;
 * - `job`: it has none under its own job/instance (it is down, or honor_labels gave its series
 *   other instance labels, as graphite_exporter relays do), so the metrics of the rest of its job
 *   decide — only when they point at exactly one exporter;
 * - `none`: nothing matched: unknown exporter.
 */
export type ClassificationBasis = 'target' | 'job' | 'none';

export interface Classification {
  exporter?: RuntimeExporter;
  /** Further exporters the same series match (e.g. a Pushgateway relaying another exporter's metrics). */
  alsoMatches: RuntimeExporter[];
  basis: ClassificationBasis;
}

const UNKNOWN: Classification = { alsoMatches: [], basis: 'none' };

/**
 * Classifies targets by (job, instance). Memoised per distinct set of metric names: thousands of
 * targets share a handful of signatures, and exportersForJob scans the whole catalog.
 */
export function createClassifier(index: MetricIndex, exporters: readonly RuntimeExporter[] = EXPORTERS) {
  // One answer per (signature, basis), shared by every target with that signature.
  const memo = new Map<string, Classification>();
  const classifyNames = (names: string[], basis: 'target' | 'job'): Classification => {
    const signature = `${basis}:${names.length === 1 ? names[0] : [...names].sort().join('|')}`;
    let answer = memo.get(signature);
    if (!answer) {
      const matches = exportersForJob(new Set(names), exporters);
      if (matches.length === 0 || (basis === 'job' && matches.length > 1)) {
        answer = UNKNOWN;
      } else {
        answer = { exporter: matches[0], alsoMatches: matches.slice(1), basis };
      }
      memo.set(signature, answer);
    }
    return answer;
  };

  return (job: string, instance: string): Classification => {
    const own = index.byTarget.get(job)?.get(instance);
    const byOwn = own ? classifyNames(own, 'target') : UNKNOWN;
    if (byOwn !== UNKNOWN) {
      return byOwn;
    }
    const jobNames = index.byJob.get(job);
    return jobNames ? classifyNames(jobNames, 'job') : UNKNOWN;
  };
}
