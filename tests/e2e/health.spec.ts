import { test, expect } from './fixtures';
import { withServiceStopped } from './compose';
import { ROUTES } from '../../src/constants';

// tests/sandbox/journeys/health.journey.ts against real Grafana and the compose stack
// (npm run build && npm run server, then npm run e2e). Stops redis-exporter and starts it again.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const JOB = 'redis';

test('Health shows its verdict, and stopping an exporter adds a problem naming its job and instance', async ({
  gotoPage,
  page,
}) => {
  const verdict = page.getByRole('alert').filter({ hasText: /checks ran at/ });
  const problems = verdict.getByRole('list', { name: 'Problems, worst first' }).getByRole('listitem');

  await gotoPage(`/${ROUTES.Health}`);
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await expect(verdict).toContainText(/Monitoring is healthy|Monitoring cannot be fully trusted|No problems found/);
  await expect(problems.filter({ hasText: `job ${JOB} answered` })).toHaveCount(0);

  await withServiceStopped('redis-exporter', JOB, async ([instance]) => {
    await page.reload();
    await expect(verdict).toBeVisible({ timeout: 30_000 });
    await expect(verdict).toContainText(/Monitoring cannot be fully trusted: .*critical/);
    await expect(problems.first()).toContainText(`Only 0% of the targets of job ${JOB} answered their last scrape.`);
    await expect(problems.filter({ hasText: `Target ${instance} of job ${JOB} is failing` })).toHaveCount(1);
  });

  await page.reload();
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await expect(problems.filter({ hasText: `job ${JOB} answered` })).toHaveCount(0);
});
