import { test, expect } from './fixtures';
import { ROUTES } from '../../src/constants';

// An Editor, created through Grafana's API by plugin-e2e and signed in through the login form.
const EDITOR = { user: 'fsm-e2e-editor', password: 'fsm-e2e-editor-password', role: 'Editor' as const };

test.describe('an Editor', () => {
  test.use({ storageState: { cookies: [], origins: [] }, user: EDITOR });

  test.beforeEach(async ({ createUser, page, selectors }) => {
    await createUser();
    await page.goto('/login');
    await page.getByTestId(selectors.pages.Login.username).fill(EDITOR.user);
    await page.getByTestId(selectors.pages.Login.password).fill(EDITOR.password);
    await page.getByTestId(selectors.pages.Login.submit).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });

  test('opening Setup sees the permission message and no Setup card on Home', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Setup}`);
    await expect(page.getByText('Setup is for administrators')).toBeVisible();
    await expect(page.getByText('fullstack-monitoring-app.setup:write')).toBeVisible();

    await gotoPage(`/${ROUTES.Home}`);
    await expect(page.getByRole('link', { name: 'Open Inventory' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open Setup' })).toHaveCount(0);
  });
});
