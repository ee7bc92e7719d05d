import { of, throwError } from 'rxjs';
import type { DataQueryRequest, DataSourceInstanceSettings } from '@grafana/data';
import { setBackendSrv, type BackendSrv } from '@grafana/runtime';
import { DataSource } from './DataSource';
import type { InventoryDataSourceOptions, InventoryQuery } from './types';

const PROXY_URL = '/api/datasources/proxy/uid/inventory-1';
const fetchMock = jest.fn();

function datasource(jsonData: InventoryDataSourceOptions = { prometheusUrl: 'http://prometheus:9090' }) {
  return new DataSource({
    uid: 'inventory-1',
    name: 'Full-Stack Inventory',
    type: 'fullstack-inventory-datasource',
    url: PROXY_URL,
    jsonData,
  } as DataSourceInstanceSettings<InventoryDataSourceOptions>);
}

beforeEach(() => {
  fetchMock.mockReset();
  setBackendSrv({ fetch: fetchMock } as unknown as BackendSrv);
});

describe('Testing the inventory datasource', () => {
  it('asks Prometheus for its build info through the proxy route and reports the version', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: { status: 'success', data: { version: '2.53.1' } } }));

    const result = await datasource().testDatasource();

    expect(fetchMock).toHaveBeenCalledWith(
      expect.objectContaining({ url: `${PROXY_URL}/prometheus/api/v1/status/buildinfo`, method: 'GET' })
    );
    expect(result).toEqual({
      status: 'success',
      message: 'Connected to Prometheus 2.53.1 at http://prometheus:9090.',
    });
  });

  it('says Grafana could not reach Prometheus when the proxy answers 502', async () => {
    fetchMock.mockReturnValue(
      throwError(() => ({ status: 502, statusText: 'Bad Gateway', data: { message: 'Bad Gateway' } }))
    );

    const result = await datasource().testDatasource();

    expect(result.status).toBe('error');
    expect(result.message).toContain('Grafana could not reach Prometheus at http://prometheus:9090');
    expect(result.message).toContain('Bad Gateway (HTTP 502)');
  });

  it('points at the URL when the build info endpoint is missing', async () => {
    fetchMock.mockReturnValue(throwError(() => ({ status: 404, data: {}, statusText: 'Not Found' })));

    const result = await datasource({ prometheusUrl: 'http://prometheus:9090/prom' }).testDatasource();

    expect(result.status).toBe('error');
    expect(result.message).toContain('http://prometheus:9090/prom has no /api/v1/status/buildinfo');
    expect(result.message).toContain("Prometheus' base URL");
  });

  it('passes on what Grafana says when Prometheus refuses the request', async () => {
    fetchMock.mockReturnValue(
      throwError(() => ({ status: 400, data: { message: 'Authentication to data source failed' } }))
    );

    const result = await datasource().testDatasource();

    expect(result.status).toBe('error');
    expect(result.message).toContain('Authentication to data source failed (HTTP 400)');
  });

  it('rejects an answer that is not Prometheus', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: '<html>Grafana login</html>' }));

    const result = await datasource().testDatasource();

    expect(result.status).toBe('error');
    expect(result.message).toContain("not like Prometheus' HTTP API");
  });

  it('does not call anything while the Prometheus URL is empty', async () => {
    const result = await datasource({}).testDatasource();

    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.status).toBe('error');
    expect(result.message).toContain('The Prometheus URL is empty');
  });
});

describe('Querying the inventory datasource', () => {
  it('answers with no frames until inventory queries exist', async () => {
    const request = { targets: [{ refId: 'A', kind: 'targets' }] } as DataQueryRequest<InventoryQuery>;
    await expect(datasource().query(request)).resolves.toEqual({ data: [] });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
