import { test, expect } from './fixtures';

// Runs against a real Grafana that has at least one Prometheus datasource (see provisioning/).
test('an admin can save the app configuration, and it is shown after the reload', async ({ appConfigPage, page }) => {
  const label = `dc_${Date.now()}`;
  const clusterLabel = page.getByLabel(/^Cluster label/);
  await clusterLabel.fill(label);

  const saveButton = page.getByRole('button', { name: /Save settings/i });
  if (await saveButton.isDisabled()) {
    // Fresh install: a datasource must be chosen before the form can be saved.
    await page.getByLabel(/^Prometheus datasource/).click();
    await page.getByRole('option').first().click();
  }

  const saveResponse = appConfigPage.waitForSettingsResponse();
  await saveButton.click();
  await expect(saveResponse).toBeOK();
  await page.waitForLoadState('load');
  await expect(page.getByLabel(/^Cluster label/)).toHaveValue(label);
});

test('an invalid cluster label blocks saving', async ({ appConfigPage, page }) => {
  void appConfigPage;
  await page.getByLabel(/^Cluster label/).fill('1-bad');
  await expect(page.getByText(/starts with a letter or "_"/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Save settings/i })).toBeDisabled();
});
