/** @jest-environment node */
// The double behind MSW (msw/node), as jest tests of page code use it: the plugin's fetch client
// against `http://grafana.test`, including a timeout that MSW passes on as an abort.
import { setupServer } from 'msw/node';
import { createGrafanaApi, fetchTransport, GrafanaApiError } from '../../src/grafana-api';
import { apply, buildDesiredState, plan } from '../../src/engine';
import { GrafanaDouble } from './core';
import { grafanaDoubleHandlers } from './msw';

const double = new GrafanaDouble();
double.addDatasource({ uid: 'prom', name: 'Prometheus' });
const server = setupServer(...grafanaDoubleHandlers(double, 'http://grafana.test'));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  double.releaseHangs();
  server.close();
});

const api = createGrafanaApi(fetchTransport('http://grafana.test'));

it('serves the engine through MSW: apply, then a re-plan with zero writes', async () => {
  const desired = buildDesiredState({ exporterIds: ['node'], datasourceUid: 'prom', editable: true });
  const result = await apply(api, desired);
  expect(result.writes).toBe(2);
  expect(double.groupRules('fsm-alerts', 'fsm-node').length).toBeGreaterThan(0);
  expect((await plan(api, desired)).writes).toBe(0);
});

it('turns a hung write into a timeout error', async () => {
  double.injectFault({ onWrite: double.writeLog.length + 1, kind: 'timeout' });
  // A short client timeout for this request only: the apply above must not race it on a busy machine.
  const error = await createGrafanaApi(fetchTransport('http://grafana.test', { timeoutMs: 100 }))
    .createFolder({ uid: 'x', title: 'X' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GrafanaApiError);
  expect((error as GrafanaApiError).kind).toBe('timeout');
});
