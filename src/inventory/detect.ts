import { EXPORTERS, LAYERS, type RuntimeExporter } from '../catalog/runtime';
import type { Layer } from '../catalog/types';

/**
 * Which catalog exporters a Prometheus scrapes, and by which jobs. Job names are not trusted:
 * the metric names a job exposes decide (a job called "node" that exposes `pg_up` is postgres).
 */

export interface Detection {
  exporter: RuntimeExporter;
  /** Jobs whose targets expose one of the exporter's detection metrics, sorted. */
  jobs: string[];
}

/** Shape of a Prometheus `/api/v1/query` answer, as far as detection reads it. */
export interface PrometheusVectorResponse {
  status: 'success' | 'error';
  error?: string;
  errorType?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string> }> };
}

/**
 * One instant query that returns a (job, metric) pair for every detection metric present. The
 * name is copied into a plain `metric` label because Grafana's query path does not promise to keep
 * `__name__` on the frames it returns.
 */
export function detectionQuery(exporters: readonly RuntimeExporter[] = EXPORTERS): string {
  return `group by (job, metric) (label_replace({__name__=~"${detectionMetricNames(exporters).join('|')}"}, "metric", "$1", "__name__", "(.+)"))`;
}

/**
 * Every metric name some detection rule looks for, sorted and deduplicated. Metric names are
 * `[a-zA-Z_:][a-zA-Z0-9_:]*`, so they need no regex escaping in a `__name__=~` matcher.
 */
export function detectionMetricNames(exporters: readonly RuntimeExporter[] = EXPORTERS): string[] {
  return [...new Set(exporters.flatMap((e) => e.detection.metrics))].sort();
}

/**
 * Turns the answer to `detectionQuery()` into detections. Throws with a clear message when the
 * answer is not a successful vector (an error from Prometheus, or something that is not Prometheus).
 */
export function detectExporters(
  response: PrometheusVectorResponse,
  exporters: readonly RuntimeExporter[] = EXPORTERS
): Detection[] {
  if (!response || typeof response !== 'object' || !('status' in response)) {
    throw new Error('The answer is not a Prometheus API response. Check that the datasource URL points at Prometheus.');
  }
  if (response.status !== 'success') {
    throw new Error(
      `Prometheus refused the detection query: ${response.error ?? response.errorType ?? 'unknown error'}`
    );
  }
  if (response.data?.resultType !== 'vector' || !Array.isArray(response.data.result)) {
    throw new Error(`Expected an instant vector from Prometheus, got "${response.data?.resultType ?? 'nothing'}".`);
  }

  const metricsByJob = new Map<string, Set<string>>();
  for (const { metric } of response.data.result) {
    const job = metric.job ?? '';
    const name = metric.metric ?? metric.__name__;
    if (!name) {
      continue;
    }
    if (!metricsByJob.has(job)) {
      metricsByJob.set(job, new Set());
    }
    metricsByJob.get(job)!.add(name);
  }

  const jobsByExporter = new Map<string, Set<string>>();
  for (const [job, names] of metricsByJob) {
    for (const exporter of exportersForJob(names, exporters)) {
      if (!jobsByExporter.has(exporter.id)) {
        jobsByExporter.set(exporter.id, new Set());
      }
      jobsByExporter.get(exporter.id)!.add(job);
    }
  }

  return exporters
    .filter((e) => jobsByExporter.has(e.id))
    .map((exporter) => ({ exporter, jobs: [...jobsByExporter.get(exporter.id)!].sort() }));
}

/**
 * Exporters whose detection metrics a job exposes, minus those a more specific match supersedes.
 * A job may legitimately hold several (e.g. Pushgateway relays metrics pushed by other exporters).
 */
export function exportersForJob(
  metricNames: ReadonlySet<string>,
  exporters: readonly RuntimeExporter[] = EXPORTERS
): RuntimeExporter[] {
  const matched = exporters.filter((e) => e.detection.metrics.some((m) => metricNames.has(m)));
  const superseded = new Set(matched.flatMap((e) => e.detection.supersedes ?? []));
  return matched.filter((e) => !superseded.has(e.id));
}

export interface LayerCoverage {
  layer: Layer;
  detected: Detection[];
  /** Catalog exporters of this layer that no job exposes. */
  missing: RuntimeExporter[];
}

/** Detections arranged by layer, in layer order, with what each layer could monitor but does not. */
export function layerCoverage(
  detections: readonly Detection[],
  exporters: readonly RuntimeExporter[] = EXPORTERS,
  layers: readonly Layer[] = LAYERS
): LayerCoverage[] {
  const detectedIds = new Set(detections.map((d) => d.exporter.id));
  return [...layers]
    .sort((a, b) => a.order - b.order)
    .map((layer) => ({
      layer,
      detected: detections.filter((d) => d.exporter.layer === layer.id),
      missing: exporters.filter((e) => e.layer === layer.id && !detectedIds.has(e.id)),
    }));
}
