import { test, expect } from './fixtures';

// Runs against a real Grafana that has at least one Prometheus datasource (see provisioning/).
test('an admin can save the app configuration', async ({ appConfigPage, page }) => {
  const clusterLabel = page.getByLabel(/^Cluster label/);
  await clusterLabel.fill(`dc_${Date.now()}`);

  const saveButton = page.getByRole('button', { name: /Save settings/i });
  if (await saveButton.isDisabled()) {
    // Fresh install: a datasource must be chosen before the form can be saved.
    await page.getByLabel(/^Prometheus datasource/).click();
    await page.getByRole('option').first().click();
  }

  const saveResponse = appConfigPage.waitForSettingsResponse();
  await saveButton.click();
  await expect(saveResponse).toBeOK();
});

test('an invalid cluster label blocks saving', async ({ appConfigPage, page }) => {
  void appConfigPage;
  await page.getByLabel(/^Cluster label/).fill('1-bad');
  await expect(page.getByText(/starts with a letter or "_"/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Save settings/i })).toBeDisabled();
});
