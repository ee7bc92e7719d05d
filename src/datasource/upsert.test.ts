import { of, throwError } from 'rxjs';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { inventoryJsonDataFor, upsertInventoryDatasource, type DatasourceDto } from './upsert';

const fetchMock = jest.fn();
const PROMETHEUS: DatasourceDto = {
  uid: 'prom',
  name: 'Prometheus',
  type: 'prometheus',
  url: 'http://prometheus:9090',
  jsonData: {},
};
const notFound = () => throwError(() => ({ status: 404, data: { message: 'Data source not found' } }));

/** A Grafana holding `datasources`, recording writes. */
function grafana(datasources: Record<string, DatasourceDto>, writeAnswer?: () => unknown) {
  fetchMock.mockImplementation((r: BackendSrvRequest) => {
    if (r.method === 'GET') {
      const uid = decodeURIComponent(r.url.split('/').pop()!);
      return datasources[uid] ? of({ status: 200, data: datasources[uid] }) : notFound();
    }
    if (writeAnswer) {
      return writeAnswer();
    }
    // Grafana keeps what was written, so a second run reads it back.
    const written = r.data as DatasourceDto;
    datasources[written.uid] = { ...written, secureJsonFields: {} };
    return of({ status: 200, data: { message: 'ok' } });
  });
}
const writes = () => fetchMock.mock.calls.map(([r]) => r).filter((r: BackendSrvRequest) => r.method !== 'GET');

beforeEach(() => {
  fetchMock.mockReset();
  setBackendSrv({ fetch: fetchMock } as unknown as BackendSrv);
});

describe('creating the inventory datasource from the app’s Prometheus', () => {
  it('creates it with the fixed uid, then finds nothing to change on the second run', async () => {
    grafana({ prom: PROMETHEUS });
    expect(await upsertInventoryDatasource('prom')).toEqual({
      action: 'created',
      editUrl: '/connections/datasources/edit/fsm-inventory',
    });
    expect(writes()).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/datasources',
        data: {
          uid: 'fsm-inventory',
          name: 'Full-Stack Inventory',
          type: 'fullstack-inventory-datasource',
          access: 'proxy',
          jsonData: { prometheusUrl: 'http://prometheus:9090', authMode: 'none' },
        },
      }),
    ]);

    fetchMock.mockClear();
    expect((await upsertInventoryDatasource('prom')).action).toBe('unchanged');
    expect(writes()).toEqual([]);
  });

  it('updates by PUT, keeping other settings and the stored secrets while the host stays the same', async () => {
    const existing: DatasourceDto = {
      uid: 'fsm-inventory',
      name: 'My inventory',
      type: 'fullstack-inventory-datasource',
      version: 3,
      jsonData: { prometheusUrl: 'http://old:9090', authMode: 'bearer', pushgatewayUrl: 'http://pgw:9091' },
      secureJsonFields: { bearerToken: true },
    };
    grafana({
      prom: { ...PROMETHEUS, url: 'http://old:9090/prometheus/', jsonData: { httpHeaderName1: 'Authorization' } },
      'fsm-inventory': existing,
    });
    const result = await upsertInventoryDatasource('prom');
    expect(result).toMatchObject({ action: 'updated', credentialsNeeded: undefined, credentialsDropped: undefined });
    const [put] = writes();
    expect(put).toMatchObject({ method: 'PUT', url: '/api/datasources/uid/fsm-inventory' });
    expect(put.data).toEqual({
      uid: 'fsm-inventory',
      name: 'My inventory',
      type: 'fullstack-inventory-datasource',
      version: 3,
      access: 'proxy',
      jsonData: { prometheusUrl: 'http://old:9090/prometheus', authMode: 'bearer', pushgatewayUrl: 'http://pgw:9091' },
    });
    expect(put.data).not.toHaveProperty('secureJsonData');
  });

  it.each([
    ['another host', 'http://new:9090'],
    ['another port', 'http://old:9091'],
    ['another scheme', 'https://old:9090'],
  ])('deletes stored secrets instead of sending them to %s, and says why', async (_what, url) => {
    const existing: DatasourceDto = {
      uid: 'fsm-inventory',
      name: 'My inventory',
      type: 'fullstack-inventory-datasource',
      jsonData: { prometheusUrl: 'http://old:9090', authMode: 'basic', basicAuthUser: 'reader' },
      secureJsonFields: { basicAuthEncoded: true, bearerToken: true },
    };
    grafana({
      prom: { ...PROMETHEUS, url, basicAuth: true, basicAuthUser: 'reader' },
      'fsm-inventory': existing,
    });
    const result = await upsertInventoryDatasource('prom');
    const [put] = writes();
    expect(put.data.secureJsonData).toEqual({ basicAuthEncoded: '', bearerToken: '' });
    expect(put.data.jsonData.prometheusUrl).toBe(url);
    expect(result.credentialsNeeded).toContain('the password of "reader"');
    expect(result.credentialsDropped).toBe(
      `The stored credentials were deleted rather than sent to ${new URL(url).origin}: they were entered for http://old:9090, and credentials never follow a change of host.`
    );
  });

  it('copies basic auth mode and user, and asks for the password it cannot copy', async () => {
    grafana({
      prom: { ...PROMETHEUS, basicAuth: true, basicAuthUser: 'reader', secureJsonFields: { basicAuthPassword: true } },
    });
    const result = await upsertInventoryDatasource('prom');
    expect(result.credentialsNeeded).toContain('the password of "reader"');
    expect(writes()[0].data.jsonData).toEqual({
      prometheusUrl: 'http://prometheus:9090',
      authMode: 'basic',
      basicAuthUser: 'reader',
    });
    expect(inventoryJsonDataFor({ ...PROMETHEUS, jsonData: { httpHeaderName1: 'Authorization' } }).authMode).toBe(
      'bearer'
    );
  });

  it.each([
    [403, { message: 'Permission denied' }, /needs an organization Admin/],
    [
      409,
      { message: 'data source with the same name already exists' },
      /Another datasource is already named "Full-Stack Inventory"/,
    ],
    [500, { message: 'database locked' }, /database locked \(HTTP 500\)\. Try again/],
  ])('explains a %s from Grafana', async (status, data, message) => {
    grafana({ prom: PROMETHEUS }, () => throwError(() => ({ status, data })));
    await expect(upsertInventoryDatasource('prom')).rejects.toThrow(message);
  });

  it('refuses to touch a provisioned or foreign datasource on the uid', async () => {
    grafana({
      prom: PROMETHEUS,
      'fsm-inventory': {
        uid: 'fsm-inventory',
        name: 'X',
        type: 'fullstack-inventory-datasource',
        readOnly: true,
        jsonData: {},
      },
    });
    await expect(upsertInventoryDatasource('prom')).rejects.toThrow(/provisioned from a file/);
    grafana({ prom: PROMETHEUS, 'fsm-inventory': { uid: 'fsm-inventory', name: 'Loki', type: 'loki' } });
    await expect(upsertInventoryDatasource('prom')).rejects.toThrow(/belongs to the loki datasource "Loki"/);
    expect(writes()).toEqual([]);
  });

  it('says when the app’s Prometheus datasource is gone', async () => {
    grafana({});
    await expect(upsertInventoryDatasource('prom')).rejects.toThrow(/no longer exists/);
  });
});
