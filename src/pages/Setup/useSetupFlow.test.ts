import { doubleApi } from '../../../tests/support/double-backend-srv';
import { GrafanaDouble, type DoubleUser } from '../../../tests/grafana-double';
import { PLUGIN_ID } from '../../constants';
import { readExisting } from './useSetupFlow';

/*
 * Setup's first read (what Choose offers) for roles narrower than the basic ones. On Grafana main
 * (authorization.go id 51836714264) the contact points and the receiver list take
 * alert.notifications.receivers:read, the policy tree does not (…routes:read or alert.notifications:read).
 */
const CP_READER: DoubleUser = {
  login: 'cp-reader',
  role: 'Viewer',
  permissions: [
    'folders:read',
    'datasources:query',
    'alert.rules:read',
    'plugins.app:access',
    'alert.notifications.receivers:read',
  ],
};

function mainGrafana() {
  const double = new GrafanaDouble({ grafanaVersion: 'main', users: { 'cp-reader': CP_READER } });
  double.addPlugin(PLUGIN_ID, { enabled: true });
  return { double, api: doubleApi(double, 'cp-reader') };
}

describe("Setup's first read with a custom role on Grafana main", () => {
  it('reads contact points and receivers without the policy tree, and offers every receiver', async () => {
    const { double, api } = mainGrafana();
    double.receiversWithoutIntegrations.add('blackhole');
    await expect(api.getPolicyTree()).rejects.toMatchObject({ status: 403 });

    const existing = await readExisting(api);

    expect(existing).toMatchObject({ status: 'done', contactPointNames: ['blackhole', 'grafana-default-email'] });
  });

  it('where the receiver list is unavailable too, says which permission reads the policy tree', async () => {
    const { double, api } = mainGrafana();
    double.alertmanager = 'not-ready';

    await expect(readExisting(api)).rejects.toMatchObject({
      status: 403,
      call: { method: 'GET', path: '/api/v1/provisioning/policies' },
      hint: expect.stringContaining('alert.notifications.routes:read'),
    });
  });
});
