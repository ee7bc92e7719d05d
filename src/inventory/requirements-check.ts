import { escapeRegexValue } from '../catalog/promql';
import type { RuntimeExporter, RuntimeRequirement } from '../catalog/runtime';
import { fetchErrorMessage } from '../utils/fetchError';
import { instantQuery, postDsQuery, samplesFromDsQuery, type DsQueryResponse } from '../utils/prometheusQuery';
import type { Detection } from './detect';

/** A scraped target that lacks series some of its dashboard's panels need, and what to switch on. */
export interface PartialTarget {
  exporter: RuntimeExporter;
  job: string;
  instance: string;
  missing: readonly RuntimeRequirement[];
}

/**
 * One query per exporter (not per signal or target): which of the metrics its off-by-default
 * switches produce each target of the detected jobs has, plus `up` to list the targets themselves.
 * Its answer has at most targets × (metrics + 1) series, whatever the number of series behind them.
 */
export function requirementsQuery(exporter: RuntimeExporter, jobs: readonly string[]): string | undefined {
  const metrics = [...new Set((exporter.requirements ?? []).flatMap((r) => r.metrics))].sort();
  const named = jobs.filter((j) => j !== '');
  if (metrics.length === 0 || named.length === 0) {
    return undefined;
  }
  const jobRegex = named.map(escapeRegexValue).join('|');
  return `group by (job, instance, metric) (label_replace({__name__=~"up|${metrics.join('|')}", job=~"${jobRegex}"}, "metric", "$1", "__name__", "(.+)"))`;
}

/** Targets of the detected exporters that miss a switch: none of the metrics of a requirement's panels. */
export async function findPartialTargets(
  datasourceUid: string,
  detections: readonly Detection[]
): Promise<PartialTarget[]> {
  const checks = detections.flatMap(({ exporter, jobs }) => {
    const expr = requirementsQuery(exporter, jobs);
    return expr ? [{ exporter, expr }] : [];
  });
  if (checks.length === 0) {
    return [];
  }
  let response: DsQueryResponse;
  try {
    response = await postDsQuery({
      queries: checks.map(({ exporter, expr }) => instantQuery(exporter.id, datasourceUid, expr)),
      from: 'now-5m',
      to: 'now',
    });
  } catch (error) {
    throw new Error(`Prometheus did not answer: ${fetchErrorMessage(error)}`);
  }
  return checks.flatMap(({ exporter }) => {
    const present = new Map<string, { job: string; instance: string; metrics: Set<string> }>();
    for (const { labels } of samplesFromDsQuery(response, exporter.id)) {
      const key = JSON.stringify([labels.job, labels.instance]);
      const target = present.get(key) ?? { job: labels.job ?? '', instance: labels.instance ?? '', metrics: new Set() };
      present.set(key, target);
      target.metrics.add(labels.metric);
    }
    return (
      [...present.values()]
        // `up` lists the scraped targets; a series without one (a Pushgateway relay) is not a target of this job.
        .filter((t) => t.metrics.has('up'))
        .map((t) => ({
          exporter,
          job: t.job,
          instance: t.instance,
          missing: (exporter.requirements ?? []).filter((r) => !r.metrics.some((m) => t.metrics.has(m))),
        }))
        .filter((t) => t.missing.length > 0)
        .sort((a, b) => a.job.localeCompare(b.job) || a.instance.localeCompare(b.instance))
    );
  });
}
