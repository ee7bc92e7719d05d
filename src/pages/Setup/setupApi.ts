import { createGrafanaApi, type GrafanaApi } from '../../grafana-api';

/**
 * The Grafana API client over getBackendSrv (the user's session). The transport module is loaded
 * on first use: only Setup needs it.
 */
export async function loadGrafanaApi(): Promise<GrafanaApi> {
  const { backendSrvTransport } = await import('../../grafana-api/backend-srv-transport');
  return createGrafanaApi(backendSrvTransport());
}

export { detectCoverage, type DetectionResult } from '../../inventory/detect-coverage';
