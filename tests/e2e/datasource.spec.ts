import { test, expect } from './fixtures';

// The inventory datasource provisioned by provisioning/datasources/fullstack-inventory.yaml.
const INVENTORY_UID = 'fsm-inventory';
// A frontend datasource: its test goes through the datasource proxy route, not /health.
const TEST_PATH = `/api/datasources/proxy/uid/${INVENTORY_UID}`;

test('Save & test reaches Prometheus through the proxy route', async ({ gotoDataSourceConfigPage }) => {
  const configPage = await gotoDataSourceConfigPage(INVENTORY_UID);
  await configPage.saveAndTest({ path: TEST_PATH });
  await expect(configPage).toHaveAlert('success', { hasText: /Prometheus \d+\.\d+/ });
});

test('Save & test with an unreachable URL fails with a message naming it', async ({
  gotoDataSourceConfigPage,
  page,
}) => {
  const configPage = await gotoDataSourceConfigPage(INVENTORY_UID);
  await page.getByLabel(/Prometheus URL/).fill('http://prometheus:1');
  await configPage.saveAndTest({ path: TEST_PATH });
  await expect(configPage).toHaveAlert('error', { hasText: 'prometheus:1' });
});

// The compose stack's Prometheus has no authentication. Point these at a Prometheus behind basic auth
// (e.g. the test stack's scripts/stack front on :19095, reachable from the Grafana container) to run it.
const AUTH = {
  url: process.env.FSM_E2E_PROM_AUTH_URL,
  user: process.env.FSM_E2E_PROM_AUTH_USER,
  password: process.env.FSM_E2E_PROM_AUTH_PASSWORD,
};

test('behind basic auth: a wrong password fails Save & test with a clear message, the right one connects', async ({
  gotoDataSourceConfigPage,
  page,
}) => {
  test.skip(!AUTH.url || !AUTH.user || !AUTH.password, 'set FSM_E2E_PROM_AUTH_URL, _USER and _PASSWORD');
  const configPage = await gotoDataSourceConfigPage(INVENTORY_UID);
  await page.getByLabel(/Prometheus URL/).fill(AUTH.url!);
  await page.getByRole('radio', { name: 'Basic auth' }).check();
  await page.getByLabel('User', { exact: true }).fill(AUTH.user!);
  const reset = page.getByRole('button', { name: 'Reset' });
  if (await reset.isVisible()) {
    await reset.click();
  }
  await page.getByLabel(/^Password/).fill(`${AUTH.password}-wrong`);
  await configPage.saveAndTest({ path: TEST_PATH });
  await expect(configPage).toHaveAlert('error', {
    hasText: `Prometheus at ${AUTH.url} rejected the credentials`,
  });

  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByLabel(/^Password/).fill(AUTH.password!);
  await configPage.saveAndTest({ path: TEST_PATH });
  await expect(configPage).toHaveAlert('success', { hasText: /Connected to Prometheus/ });
});
