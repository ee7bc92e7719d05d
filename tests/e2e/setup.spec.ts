import { test, expect } from './fixtures';
import { ROUTES } from '../../src/constants';
import { FSM_FOLDER_UID } from '../../src/engine';

// tests/sandbox/journeys/setup.journey.ts against real Grafana and the compose stack
// (npm run build && npm run server, then npm run e2e): detect, choose, plan, apply, plan again.
// It starts from a Grafana without the plugin's folder: it deletes fsm-alerts and its rules first.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Exporters the compose stack runs (docker-compose.yaml); detection must find at least these. */
const STACK_EXPORTERS = ['node', 'postgres', 'rabbitmq', 'prometheus'];

test('Setup detects the exporters, plans, applies, then plans again with nothing to write', async ({
  gotoPage,
  page,
  request,
  grafanaAPICredentials,
}) => {
  const auth = {
    Authorization: `Basic ${Buffer.from(`${grafanaAPICredentials.user}:${grafanaAPICredentials.password}`).toString('base64')}`,
  };
  const removed = await request.delete(`/api/folders/${FSM_FOLDER_UID}?forceDeleteRules=true`, { headers: auth });
  expect([200, 404]).toContain(removed.status());

  // 1. Detect: runs on opening, and again with the button.
  await gotoPage(`/${ROUTES.Setup}`);
  await expect(page).toHaveURL(/\/setup\/detect$/);
  const detectedRows = page.getByTestId('setup-detected-exporter');
  await expect(page.getByTestId('setup-detected-list')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('setup-detect-button').click();
  await expect(page.getByTestId('setup-detected-list')).toBeVisible({ timeout: 30_000 });
  for (const id of STACK_EXPORTERS) {
    await expect(page.locator(`[data-testid="setup-detected-exporter"][data-exporter="${id}"]`)).toBeVisible();
  }
  const detected = await detectedRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-exporter') ?? ''));

  // 2. Choose: the detected packs are pre-selected.
  await page.getByRole('button', { name: 'Next: choose packs' }).click();
  await expect(page).toHaveURL(/\/setup\/choose$/);
  for (const id of detected) {
    await expect(page.getByTestId(`setup-pack-${id}`)).toBeChecked();
  }

  // 3. Plan: creates, nothing written yet.
  await page.getByTestId('setup-plan-button').click();
  await expect(page.getByTestId('setup-plan-nothing-written')).toBeVisible();
  await expect(page.getByTestId('plan-writes')).toHaveText(/^[1-9]\d* writes?$/, { timeout: 30_000 });
  await expect(page.getByTestId('plan-blocker')).toHaveCount(0);
  const creates = Number(await page.getByTestId('plan-count-create').getAttribute('data-count'));
  expect(creates).toBeGreaterThan(0);
  const planned = (await page.getByTestId('plan-writes').innerText()).replace(/ writes?$/, '');
  expect((await request.get(`/api/folders/${FSM_FOLDER_UID}`, { headers: auth })).status()).toBe(404);

  // 4. Apply: the summary, and Grafana holds the rule groups.
  await page.getByTestId('setup-apply-button').click();
  await expect(page.getByTestId('setup-apply-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('setup-apply-result')).toContainText(`Applied: ${planned} write`);
  await expect(page.getByTestId('setup-error')).toHaveCount(0);
  for (const id of STACK_EXPORTERS) {
    const response = await request.get(`/api/v1/provisioning/folder/${FSM_FOLDER_UID}/rule-groups/fsm-${id}`, {
      headers: auth,
    });
    expect(response.status(), `rule group fsm-${id}`).toBe(200);
    const group = (await response.json()) as { rules: Array<{ uid: string }> };
    expect(group.rules.length, `rules in fsm-${id}`).toBeGreaterThan(0);
    expect(group.rules.every((r) => r.uid.startsWith('fsm-'))).toBe(true);
  }

  // 5. Plan again: nothing to write.
  await page.getByTestId('setup-plan-again').click();
  await expect(page.getByTestId('plan-writes')).toHaveText('0 writes', { timeout: 30_000 });
  await expect(page.getByTestId('plan-count-create')).toHaveAttribute('data-count', '0');
  await expect(page.getByText('Grafana already holds exactly this')).toBeVisible();
  await expect(page.getByTestId('setup-apply-button')).toBeDisabled();
});
