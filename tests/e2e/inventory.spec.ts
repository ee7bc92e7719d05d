import { test, expect } from './fixtures';
import { withServiceStopped } from './compose';
import { ROUTES } from '../../src/constants';

// tests/sandbox/journeys/inventory.journey.ts against real Grafana and the compose stack
// (npm run build && npm run server, then npm run e2e). Stops postgres-exporter and starts it again.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('Inventory lists the targets with exporter and layer, and a stopped exporter as down, listed first', async ({
  gotoPage,
  page,
}) => {
  await gotoPage(`/${ROUTES.Inventory}`);
  await expect(page.getByText(/^\d+ targets, /)).toBeVisible();
  const table = page.getByRole('table');
  for (const [job, exporter, layer] of [
    ['node', 'Node exporter', 'Infrastructure'],
    ['postgres', 'PostgreSQL (postgres_exporter)', 'Data & storage'],
    ['prometheus', 'Prometheus', 'Monitoring stack'],
  ]) {
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: job, exact: true }) });
    await expect(row.getByRole('cell', { name: exporter, exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: layer, exact: true })).toBeVisible();
    await expect(row.getByRole('cell').first()).toHaveText('up');
  }

  await withServiceStopped('postgres-exporter', 'postgres', async ([instance]) => {
    await page.reload();
    await expect(page.getByText(/, 1 not up \(listed first\)/)).toBeVisible();
    // Row 0 is the header: the first data row is the down target.
    const first = table.getByRole('row').nth(1);
    await expect(first.getByRole('cell').first()).toHaveText('down');
    await expect(first.getByRole('cell', { name: 'postgres', exact: true })).toBeVisible();
    await expect(first.getByRole('cell', { name: instance, exact: true })).toBeVisible();
  });

  await page.reload();
  const postgres = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'postgres', exact: true }) });
  await expect(postgres.getByRole('cell').first()).toHaveText('up');
});
