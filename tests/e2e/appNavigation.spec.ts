import { test, expect, collectConsoleErrors } from './fixtures';
import { ROUTES } from '../../src/constants';

// The same journeys as tests/sandbox/journeys/*.journey.ts, against a real Grafana:
//   npm run build && npm run server   # docker compose: Grafana + Prometheus + exporters (provisioning/)
//   npm run e2e
// The app is provisioned configured (provisioning/plugins/apps.yaml), so every page has data.

test.describe('navigating the app as an Admin', () => {
  for (const route of [ROUTES.Home, ROUTES.Inventory, ROUTES.Health, ROUTES.Setup]) {
    test(`${route} loads without console errors`, async ({ gotoPage, page }) => {
      const errors = collectConsoleErrors(page);
      await gotoPage(`/${route}`);
      await expect(page.getByRole('heading', { name: new RegExp(route, 'i') }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.getByText(/An unexpected error happened|Something went wrong/)).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }

  test('Home shows the exporters Prometheus scrapes, by layer', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Home}`);
    // The compose stack always runs Prometheus itself, so the monitoring layer is never empty.
    await expect(page.getByTestId('layer-core').getByText(/Prometheus/)).toBeVisible();
    await expect(page.locator('[data-testid^="layer-"]')).not.toHaveCount(0);
  });

  test('an unknown path lands on Home', async ({ gotoPage, page }) => {
    await gotoPage('/no-such-page');
    await expect(page).toHaveURL(new RegExp(`/${ROUTES.Home}$`));
  });
});
