import { EXPORTERS, type RuntimeExporter } from '../catalog/runtime';
import { targetKey } from './classify';
import type { VectorSample } from './prometheus-api';

/**
 * Exporter versions from each catalog entry's `versionMetric` (usually `*_build_info`), read with
 * one query for all exporters.
 */

export function versionQuery(exporters: readonly RuntimeExporter[] = EXPORTERS): string | undefined {
  const withVersion = exporters.filter((e) => e.versionMetric);
  if (withVersion.length === 0) {
    return undefined;
  }
  const metrics = [...new Set(withVersion.map((e) => e.versionMetric!.metric))].sort();
  const labels = [...new Set(withVersion.map((e) => e.versionMetric!.label))].sort();
  return `group by (__name__, job, instance, ${labels.join(', ')}) ({__name__=~"${metrics.join('|')}"})`;
}

/** Version strings by target and by job, per version metric. */
export interface VersionIndex {
  byTarget: Map<string, Map<string, Set<string>>>;
  byJob: Map<string, Map<string, Set<string>>>;
}

export function indexVersions(
  samples: readonly VectorSample[],
  exporters: readonly RuntimeExporter[] = EXPORTERS
): VersionIndex {
  const labelsByMetric = new Map<string, Set<string>>();
  for (const e of exporters) {
    if (e.versionMetric) {
      const set = labelsByMetric.get(e.versionMetric.metric) ?? new Set<string>();
      set.add(e.versionMetric.label);
      labelsByMetric.set(e.versionMetric.metric, set);
    }
  }
  const index: VersionIndex = { byTarget: new Map(), byJob: new Map() };
  for (const { metric } of samples) {
    const labels = labelsByMetric.get(metric.__name__ ?? '');
    if (!labels) {
      continue;
    }
    for (const label of labels) {
      const version = metric[label];
      if (version) {
        add(index.byTarget, targetKey(metric.job ?? '', metric.instance ?? ''), metric.__name__, version);
        add(index.byJob, metric.job ?? '', metric.__name__, version);
      }
    }
  }
  return index;
}

function add(map: Map<string, Map<string, Set<string>>>, key: string, metric: string, version: string) {
  let perMetric = map.get(key);
  if (!perMetric) {
    perMetric = new Map();
    map.set(key, perMetric);
  }
  let versions = perMetric.get(metric);
  if (!versions) {
    versions = new Set();
    perMetric.set(metric, versions);
  }
  versions.add(version);
}

/**
 * The version of `exporter` on a target: its own series first; else its job's, when the whole job
 * runs one version (probes and relayed series carry no build info of their own). Empty when unknown.
 */
export function versionOf(
  exporter: RuntimeExporter | undefined,
  job: string,
  instance: string,
  index: VersionIndex
): string {
  const metric = exporter?.versionMetric?.metric;
  if (!metric) {
    return '';
  }
  const own = index.byTarget.get(targetKey(job, instance))?.get(metric);
  if (own && own.size > 0) {
    return [...own].sort().join(', ');
  }
  const jobVersions = index.byJob.get(job)?.get(metric);
  return jobVersions && jobVersions.size === 1 ? [...jobVersions][0] : '';
}
