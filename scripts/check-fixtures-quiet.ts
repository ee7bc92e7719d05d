/**
 * Healthy family fixtures keep every alert quiet, and their marked faults are what makes alerts fire.
 *
 *   npx tsx scripts/check-fixtures-quiet.ts      (scripts/check-rules.sh runs it; needs promtool on PATH)
 *
 * For every fixture in tests/fixtures/exporters that names a version family (`# family:`), and every
 * exporter it names: a promtool test of the exporter's rule file (provisioning/prometheus/rules/) on
 * the fixture with its `# fsm-healthy:` values must see no alert at all; the same fixture as written,
 * when it has such markers, must see at least one. A failure names the fixture, the family and the
 * alert, so the fix is either the fixture (a fault left unmarked) or the alert (it pages on a healthy
 * system of that version family).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promqlNames } from '../src/catalog/evidence/promql-names';
import { allFixtures, type ParsedFixture } from '../tests/support/fixture-families';
import { alertsOf, firedAlerts, fixturePromtoolTest } from '../tests/support/healthy-fixture';
import { promtoolTest, runPromtoolCheck } from '../tests/support/promtool';

const RULES_DIR = resolve(__dirname, '../provisioning/prometheus/rules');

/** One problem line per failure, or none. */
async function check(dir: string, fixture: ParsedFixture, exporter: string, families: string[]): Promise<string[]> {
  const where = `${fixture.name}.prom (${exporter} / ${families.join(', ')})`;
  const ruleFile = join(RULES_DIR, `fsm-${exporter}.rules.yml`);
  if (!existsSync(ruleFile)) {
    return [`${where}: no rule file ${ruleFile}`];
  }
  // An alert that reads no metric (a watchdog, `vector(1)`) fires on every system by design: it cannot be quiet.
  const alerts = alertsOf(readFileSync(ruleFile, 'utf8')).filter((a) => promqlNames(a.expr).metrics.length > 0);
  const target = { job: fixture.job ?? fixture.name.split('-')[0], instance: `${fixture.name}:9100` };
  const problems: string[] = [];

  const healthy = await promtoolTest(
    dir,
    `${fixture.name}-${exporter}-healthy`,
    fixturePromtoolTest(fixture, { mode: 'healthy', ruleFile, alerts, target })
  );
  if (!healthy.ok) {
    const fired = firedAlerts(healthy.output);
    problems.push(
      fired.length > 0
        ? `${where}: with its healthy values, ${fired.join(', ')} fired`
        : `${where}: promtool failed on the healthy fixture:\n${healthy.output.slice(0, 2000)}`
    );
  }

  if (fixture.samples.some((s) => s.healthy !== undefined)) {
    const asWritten = await promtoolTest(
      dir,
      `${fixture.name}-${exporter}-as-written`,
      fixturePromtoolTest(fixture, { mode: 'as-written', ruleFile, alerts, target })
    );
    if (asWritten.ok) {
      problems.push(
        `${where}: its marked faults fire no alert (the # fsm-healthy markers change nothing an alert reads)`
      );
    } else if (firedAlerts(asWritten.output).length === 0) {
      problems.push(`${where}: promtool failed on the fixture as written:\n${asWritten.output.slice(0, 2000)}`);
    }
  }
  return problems;
}

runPromtoolCheck(
  'check-fixtures-quiet',
  () =>
    allFixtures().flatMap((fixture) =>
      [...new Set(fixture.families.map((f) => f.exporter))].map((exporter) => ({
        fixture,
        exporter,
        families: fixture.families.filter((f) => f.exporter === exporter).map((f) => f.family),
      }))
    ),
  (dir, j) => check(dir, j.fixture, j.exporter, j.families),
  (jobs) => `${jobs.length} family fixture(s) keep every alert quiet when healthy, and their marked faults fire`
);
