import { test, expect } from './fixtures';
import { ROUTES } from '../src/constants';

// Runs against a real Grafana (npm run server + npm run e2e) as the admin user.
test.describe('navigating the app', () => {
  for (const route of [ROUTES.Home, ROUTES.Inventory, ROUTES.Health, ROUTES.Setup]) {
    test(`${route} renders`, async ({ gotoPage, page }) => {
      await gotoPage(`/${route}`);
      await expect(
        page.getByText(/Choose a Prometheus datasource first|not available yet|Setup will bring/).first()
      ).toBeVisible();
    });
  }

  test('an unknown path lands on Home', async ({ gotoPage, page }) => {
    await gotoPage('/no-such-page');
    await expect(page).toHaveURL(new RegExp(`/${ROUTES.Home}$`));
  });
});
