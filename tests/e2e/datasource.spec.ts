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
