import { fetchErrorMessage } from '../utils/fetchError';
import { queryPrometheusInstant } from '../utils/prometheusQuery';
import { detectExporters, detectionQuery, layerCoverage, type LayerCoverage } from './detect';

export interface DetectionResult {
  datasourceUid: string;
  coverage: LayerCoverage[];
}

/**
 * Which catalog exporters the datasource's Prometheus scrapes, by layer, asked through Grafana's
 * query path. Throws a message fit for a page: what failed and what to check.
 */
export async function detectCoverage(datasourceUid: string): Promise<DetectionResult> {
  let samples;
  try {
    samples = await queryPrometheusInstant(datasourceUid, detectionQuery());
  } catch (error) {
    throw new Error(
      `Could not query the Prometheus datasource "${datasourceUid}": ${fetchErrorMessage(error)}. Check that it exists and that Prometheus is reachable (Connections → Data sources → Test), or choose another one.`
    );
  }
  const detections = detectExporters({
    status: 'success',
    data: { resultType: 'vector', result: samples.map((s) => ({ metric: s.labels })) },
  });
  return { datasourceUid, coverage: layerCoverage(detections) };
}
