/** @jest-environment node */
// The double behind a real socket on 127.0.0.1 (for a browser sandbox), driven by the plugin's fetch client.
import { createGrafanaApi, fetchTransport, GrafanaApiError } from '../../../src/grafana-api';
import { GrafanaDouble, startGrafanaDoubleServer, type RunningDoubleServer } from '../../grafana-double';

let server: RunningDoubleServer;
const double = new GrafanaDouble({ grafanaVersion: 'main' });

beforeAll(async () => {
  server = await startGrafanaDoubleServer(double);
});
afterAll(() => server.close());

it('listens on 127.0.0.1 and answers like Grafana', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const api = createGrafanaApi(fetchTransport(server.url));
  expect(await api.getFolder('fsm-alerts')).toBeUndefined();
  await api.createFolder({ uid: 'fsm-alerts', title: 'FSM' });
  const conflict = await api.createFolder({ uid: 'fsm-alerts', title: 'FSM' }).catch((e: unknown) => e);
  expect(conflict).toBeInstanceOf(GrafanaApiError);
  expect((conflict as GrafanaApiError).status).toBe(409);
  expect(double.folders.has('fsm-alerts')).toBe(true);
});

it('lets a client time out on a hung write', async () => {
  double.injectFault({ onWrite: double.writeLog.length + 1, kind: 'timeout' });
  const api = createGrafanaApi(fetchTransport(server.url, { timeoutMs: 50 }));
  const error = await api.createFolder({ uid: 'other', title: 'Other' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GrafanaApiError);
  expect((error as GrafanaApiError).kind).toBe('timeout');
  expect((error as GrafanaApiError).userMessage).toContain('Run apply again to finish');
});
