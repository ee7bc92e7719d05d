import {
  DataSourceApi,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';
import { fetchOnce } from '../utils/fetchOnce';
import { fetchErrorMessage, fetchErrorStatus } from '../utils/fetchError';
import {
  DEFAULT_QUERY,
  PROMETHEUS_ROUTE,
  type InventoryDataSourceOptions,
  type InventoryQuery,
  type PrometheusBuildInfoResponse,
} from './types';

export class DataSource extends DataSourceApi<InventoryQuery, InventoryDataSourceOptions> {
  /** Grafana's proxy endpoint for this datasource: /api/datasources/proxy/uid/<uid>. */
  private readonly proxyUrl?: string;
  private readonly prometheusUrl?: string;

  constructor(instanceSettings: DataSourceInstanceSettings<InventoryDataSourceOptions>) {
    super(instanceSettings);
    this.proxyUrl = instanceSettings.url;
    this.prometheusUrl = instanceSettings.jsonData.prometheusUrl;
  }

  getDefaultQuery(): Partial<InventoryQuery> {
    return DEFAULT_QUERY;
  }

  // Inventory queries arrive with the inventory feature; until then every query answers with no frames.
  async query(_request: DataQueryRequest<InventoryQuery>): Promise<DataQueryResponse> {
    return { data: [] };
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    if (!this.prometheusUrl) {
      return {
        status: 'error',
        message:
          'The Prometheus URL is empty. Enter the URL Grafana uses to reach Prometheus, e.g. http://prometheus:9090, then save and test again.',
      };
    }
    if (!this.proxyUrl) {
      return {
        status: 'error',
        message:
          'Grafana gave this datasource no proxy URL, so it cannot reach Prometheus. Save the datasource and test again.',
      };
    }

    try {
      const response = await fetchOnce<PrometheusBuildInfoResponse>({
        url: `${this.proxyUrl}/${PROMETHEUS_ROUTE}/api/v1/status/buildinfo`,
        method: 'GET',
        showErrorAlert: false,
        showSuccessAlert: false,
      });
      const version = response.data?.status === 'success' ? response.data.data?.version : undefined;
      if (!version) {
        return {
          status: 'error',
          message: `${this.prometheusUrl} answered, but not like Prometheus' HTTP API. Check that the URL points at Prometheus itself (its base URL, without /api/v1 or /graph).`,
        };
      }
      return { status: 'success', message: `Connected to Prometheus ${version} at ${this.prometheusUrl}.` };
    } catch (error) {
      return { status: 'error', message: describeTestFailure(error, this.prometheusUrl) };
    }
  }
}

function describeTestFailure(error: unknown, prometheusUrl: string): string {
  const status = fetchErrorStatus(error);
  const reason = fetchErrorMessage(error);
  if (status === 404) {
    return `${prometheusUrl} has no /api/v1/status/buildinfo (${reason}). Check that the URL is Prometheus' base URL, e.g. http://prometheus:9090, and that Prometheus is 2.14 or newer.`;
  }
  if (status === 502 || status === 503 || status === 504) {
    return `Grafana could not reach Prometheus at ${prometheusUrl} (${reason}). Check the URL, and that Grafana's server (not only your browser) can connect to it.`;
  }
  if (status === 400 || status === 401 || status === 403) {
    return `Prometheus at ${prometheusUrl} refused the request (${reason}). Check whether it requires authentication or sits behind a proxy that does.`;
  }
  return `Testing Prometheus at ${prometheusUrl} failed: ${reason}. Check the URL; Grafana's server log has details.`;
}
