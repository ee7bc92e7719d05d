import { createGrafanaApi, type GrafanaApi } from '../../alerting/grafana-api';
import { detectExporters, detectionQuery, layerCoverage, type LayerCoverage } from '../../inventory/detect';
import { fetchErrorMessage } from '../../utils/fetchError';
import { queryPrometheusInstant } from '../../utils/prometheusQuery';

/**
 * The Grafana API client over getBackendSrv (the user's session). The transport module is loaded
 * on first use: only Setup needs it.
 */
export async function loadGrafanaApi(): Promise<GrafanaApi> {
  const { backendSrvTransport } = await import('../../alerting/grafana-api/backend-srv-transport');
  return createGrafanaApi(backendSrvTransport());
}

export interface DetectionResult {
  datasourceUid: string;
  coverage: LayerCoverage[];
}

/** Which catalog exporters the datasource's Prometheus scrapes, by layer; throws a message fit for the page. */
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
