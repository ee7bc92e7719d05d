import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FSM_FOLDER_UID } from '../../../src/engine';
import { nodeExporter } from '../../../src/catalog/exporters/node';
import { PROMETHEUS_UID } from '../grafanaApi';
import { ROOT } from '../server';
import { check, notPresent, pageText, visible } from './assert';
import { APP_PATH, type Journey } from './journey';

/*
 * Issue 7, Setup: an Admin detects the test stack's exporters, plans, applies, and plans again with
 * nothing left to do — and the Grafana API double, not only the page, holds the rules afterwards.
 * The Editor's permission message is permissions.journey.ts' job.
 */

/** Exporters the test stack always runs (scripts/stack/README.md); detection must find at least these. */
const STACK_EXPORTERS = ['node', 'postgres', 'rabbitmq', 'prometheus'];

type JourneyContext = Parameters<Journey['run']>[0];

/** Opens Setup, goes on to Choose and ticks the node pack alone. */
async function chooseNodePackOnly(page: JourneyContext['page'], goto: JourneyContext['goto']) {
  await goto(`${APP_PATH}/setup`);
  await visible(page.getByTestId('setup-detected-list'), 'the detected exporters');
  await page.getByRole('button', { name: 'Next: choose packs' }).click();
  await visible(page.getByTestId('setup-plan-button'), 'the Plan button on the Choose step');
  for (const box of await page.locator('[data-testid^="setup-pack-"]').all()) {
    const id = (await box.getAttribute('data-testid'))!.replace('setup-pack-', '');
    // The input sits under its label (Grafana's Checkbox): the label takes the pointer.
    await box.setChecked(id === 'node', { force: true });
  }
}

const journeys: Journey[] = [
  {
    name: 'Setup detects the stack exporters, plans, applies, then plans again with nothing to write',
    // Detection, a 24-pack plan and its apply make more round trips than the other journeys.
    timeoutMs: 120_000,
    // Planning asks for the plugin's folder before it exists; Grafana answers 404 and Chromium logs it.
    // The journey checks below that those are the only failed requests.
    expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/],
    async run({ page, goto, settle, sandbox, grafana, screenshot }) {
      const { double } = grafana;
      const dsQueries = () => sandbox.calls.filter((c) => c.path.startsWith('/api/ds/query'));

      // 1. Detect (runs on opening; the button runs it again).
      await goto(`${APP_PATH}/setup`);
      check(page.url().endsWith('/setup/detect'), `Setup did not open on its Detect step: ${page.url()}`);
      await visible(page.getByTestId('setup-tab-detect'), 'the Detect tab');
      try {
        await visible(page.getByTestId('setup-detected-list'), 'the detected exporters');
      } catch (error) {
        throw new Error(`${(error as Error).message}; the page says: ${await pageText(page)}`);
      }
      const queriesBefore = dsQueries().length;
      await page.getByRole('button', { name: 'Detect exporters' }).click();
      await settle();
      await visible(page.getByTestId('setup-detected-list'), 'the detected exporters after Detect again');
      const detectCalls = dsQueries().slice(queriesBefore);
      check(detectCalls.length > 0, '"Detect exporters" made no /api/ds/query request');
      check(
        detectCalls.every((c) => c.status === 200),
        `a detection query failed: ${JSON.stringify(detectCalls.map((c) => c.status))}`
      );
      const queried = detectCalls[0].body as { queries: Array<{ datasource: { uid: string } }> };
      check(
        queried.queries[0].datasource.uid === PROMETHEUS_UID,
        `detection queried "${queried.queries[0].datasource.uid}", not the app's datasource ${PROMETHEUS_UID}`
      );
      const detected = await page
        .getByTestId('setup-detected-exporter')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-exporter') ?? ''));
      for (const id of STACK_EXPORTERS) {
        check(detected.includes(id), `detection missed the stack's ${id} exporter; it found: ${detected.join(', ')}`);
      }
      await notPresent(page.getByTestId('setup-detect-error'), 'detection error');

      // 2. Choose: the detected packs are ticked for the admin.
      await page.getByRole('button', { name: 'Next: choose packs' }).click();
      await visible(page.getByTestId('setup-plan-button'), 'the Plan button on the Choose step');
      check(page.url().endsWith('/setup/choose'), `Next did not go to the Choose step: ${page.url()}`);
      for (const id of detected) {
        check(
          await page.getByTestId(`setup-pack-${id}`).isChecked(),
          `the detected ${id} pack is not pre-selected on the Choose step`
        );
      }
      await notPresent(page.getByTestId('setup-choose-problems'), 'problems blocking the plan');

      // 3. Plan: creates only, nothing written.
      await page.getByTestId('setup-plan-button').click();
      await visible(page.getByTestId('setup-plan-nothing-written'), '"Nothing has been written yet"');
      await visible(page.getByTestId('plan-writes'), 'the plan summary');
      await settle();
      await notPresent(page.getByTestId('plan-blocker'), 'plan blocker');
      await notPresent(page.getByTestId('setup-error'), 'planning error');
      const creates = Number(await page.getByTestId('plan-count-create').getAttribute('data-count'));
      check(creates > 0, `a first plan should create the folder and rule groups, it creates ${creates}`);
      const plannedWrites = Number(/^(\d+) writes?$/.exec(await page.getByTestId('plan-writes').innerText())?.[1]);
      check(plannedWrites > 0, `the plan shows ${plannedWrites} writes`);
      const groups = await page
        .getByTestId('plan-group')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-group'), e.getAttribute('data-action')]));
      check(
        groups.length === detected.length && groups.every(([, action]) => action === 'create'),
        `expected one new rule group per detected pack (${detected.length}), the plan shows ${JSON.stringify(groups)}`
      );
      check(double.writeLog.length === 0, `planning wrote to Grafana: ${JSON.stringify(double.writeLog)}`);
      check(
        await page.getByTestId('setup-apply-button').isEnabled(),
        'Apply is disabled on a plan with writes and no blockers'
      );
      await page.mouse.move(0, 0);
      const shot = await screenshot('setup-plan');
      const png = readFileSync(path.join(ROOT, shot));
      check(png.readUInt32BE(16) === 1280, `${shot} is ${png.readUInt32BE(16)} px wide, not 1280`);

      // 3b. Backtest on request: one range query per rule over 7 days of the stack's Prometheus, each rule's line
      // under its reason; Apply stays open whatever it finds.
      const rangeBefore = dsQueries().length;
      await page.getByRole('button', { name: /^Backtest the \d+ rules to write$/ }).click();
      await page.locator('[data-testid="setup-backtest"][data-status="done"]').waitFor({ timeout: 90_000 });
      const rangeCalls = dsQueries().slice(rangeBefore);
      check(
        rangeCalls.length > 0 && rangeCalls.length <= creates,
        `the backtest made ${rangeCalls.length} queries for ${creates} rules to create (at most one per rule)`
      );
      await page.getByRole('button', { name: /\(fsm-node\)$/ }).click();
      const lines = await page
        .getByTestId('plan-rule-backtest')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.textContent ?? '']));
      check(
        lines.length > 0 &&
          lines.every(([status, text]) => status === 'done' && /^Would (not )?have fired/.test(text ?? '')),
        `the node rules' backtest lines: ${JSON.stringify(lines)}`
      );
      check(await page.getByTestId('setup-apply-button').isEnabled(), 'Apply is disabled after the backtest');
      await page.mouse.move(0, 0);
      await screenshot('setup-backtest');

      // 4. Apply: the summary, and the double holds the folder and every pack's rules.
      await page.getByTestId('setup-apply-button').click();
      try {
        await visible(page.getByTestId('setup-apply-result'), 'the apply result', 60_000);
      } catch (error) {
        throw new Error(`${(error as Error).message}; the page says: ${await pageText(page)}`);
      }
      await notPresent(page.getByTestId('setup-error'), 'apply error');
      const resultTitle = await page.getByTestId('setup-apply-result').innerText();
      check(
        resultTitle.includes(`Applied: ${plannedWrites} write`),
        `the result should report the ${plannedWrites} planned writes, it says: ${resultTitle.slice(0, 300)}`
      );
      const failedWrites = double.writeLog.filter((w) => typeof w.status !== 'number' || w.status >= 300);
      check(failedWrites.length === 0, `writes Grafana refused or left hanging: ${JSON.stringify(failedWrites)}`);
      check(
        double.writeLog.length === plannedWrites,
        `the plan announced ${plannedWrites} writes, the double received ${double.writeLog.length}`
      );
      check(
        double.writeLog.every((w) => w.user === 'admin'),
        'a write was not made as the signed-in Admin'
      );

      // Read back over HTTP, the way Grafana would answer anyone.
      const asAdmin = { headers: { 'X-Grafana-Double-User': 'admin' } };
      const folder = await fetch(`${grafana.url}/api/folders/${FSM_FOLDER_UID}`, asAdmin);
      check(folder.status === 200, `GET /api/folders/${FSM_FOLDER_UID} answered ${folder.status} after Apply`);
      for (const id of STACK_EXPORTERS) {
        const url = `${grafana.url}/api/v1/provisioning/folder/${FSM_FOLDER_UID}/rule-groups/fsm-${id}`;
        const response = await fetch(url, asAdmin);
        check(response.status === 200, `rule group fsm-${id} is not in Grafana after Apply (${response.status})`);
        const group = (await response.json()) as {
          rules: Array<{ uid: string; data: Array<{ datasourceUid: string }> }>;
        };
        check(group.rules.length > 0, `rule group fsm-${id} holds no rules after Apply`);
        check(
          group.rules.every((r) => r.uid.startsWith('fsm-')),
          `rule group fsm-${id} holds rules without the plugin's uid prefix`
        );
        check(
          group.rules.every((r) => r.data.some((q) => q.datasourceUid === PROMETHEUS_UID)),
          `rules of fsm-${id} do not query the app's datasource ${PROMETHEUS_UID}`
        );
      }
      // The form's default keeps rules editable in Grafana's UI: stored without provenance.
      const readOnly = [...double.rules.values()].filter((r) => r.provenance !== '');
      check(
        readOnly.length === 0,
        `${readOnly.length} rules were stored read-only (provenance "${readOnly[0]?.provenance}") though the plan said editable`
      );
      const groupsInDouble = new Set([...double.rules.values()].map((r) => r.ruleGroup));
      check(
        groupsInDouble.size === detected.length,
        `the double holds ${groupsInDouble.size} rule groups, the plan had ${detected.length}`
      );

      const failedCalls = sandbox.calls
        .filter((c) => c.status >= 400)
        .map((c) => `${c.method} ${c.path} ${c.status}`)
        .filter((c) => c !== `GET /api/folders/${FSM_FOLDER_UID} 404`)
        // Apply reads each group right before writing it (is it still what the plan saw?): a new one is absent.
        .filter((c) => !/^GET \/api\/v1\/provisioning\/folder\/[^/]+\/rule-groups\/fsm-[a-z-]+ 404$/.test(c));
      check(
        failedCalls.length === 0,
        `requests failed other than the absent folder and groups: ${failedCalls.join(', ')}`
      );

      // 5. Plan again: Grafana already holds exactly this.
      const writesAfterApply = double.writeLog.length;
      await page.getByTestId('setup-plan-again').click();
      await visible(page.getByTestId('setup-plan-nothing-written'), 'the second plan');
      await settle();
      await visible(page.getByTestId('plan-writes'), 'the second plan summary');
      const replanned = await page.getByTestId('plan-writes').innerText();
      if (replanned !== '0 writes') {
        const changes = await page
          .locator('[data-testid="plan-rule"][data-action]:not([data-action="unchanged"])')
          .evaluateAll((rows) => rows.slice(0, 5).map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')));
        throw new Error(
          `the plan after Apply should have 0 writes, it shows "${replanned}": ${await page
            .getByTestId('plan-summary')
            .innerText()}; ${await pageText(page)}; rules: ${changes.join(' | ')}`
        );
      }
      try {
        await visible(page.getByText('Grafana already holds exactly this'), 'the nothing-to-apply message');
      } catch (error) {
        throw new Error(`${(error as Error).message}; the page says: ${await pageText(page)}`);
      }
      const createsAgain = await page.getByTestId('plan-count-create').getAttribute('data-count');
      check(createsAgain === '0', `the plan after Apply still creates ${createsAgain}`);
      check(!(await page.getByTestId('setup-apply-button').isEnabled()), 'Apply is enabled with nothing to write');
      check(
        double.writeLog.length === writesAfterApply,
        `planning again wrote to Grafana: ${JSON.stringify(double.writeLog.slice(writesAfterApply))}`
      );
    },
  },
  {
    name: 'Setup per-target thresholds: an override by label matcher is checked, planned, applied, and re-applies with 0 writes',
    timeoutMs: 120_000,
    expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/],
    async run({ page, goto, settle, grafana, screenshot }) {
      const { double } = grafana;
      const fs = `${nodeExporter.title} Filesystem free space`;
      // The node pack only: the override is the subject, not the other packs.
      await chooseNodePackOnly(page, goto);
      await page.getByRole('button', { name: new RegExp(`^${nodeExporter.title} thresholds`) }).click();
      await page.getByRole('button', { name: `Other levels for some targets: ${fs}`, exact: true }).click();
      const first = page.getByTestId('setup-target-override-node.filesystemFree-0');

      // A lookahead: JavaScript's RegExp takes it, Prometheus' RE2 (loaded for this check) refuses it.
      await page.getByLabel(`${fs} override 1 value 1`).fill('db-(?=1).*');
      await page.getByLabel(`${fs} override 1 warning`).fill('10');
      await visible(first.getByText(/not a regular expression Prometheus accepts/), 'the RE2 refusal at the override');
      check(!(await page.getByTestId('setup-plan-button').isEnabled()), 'Plan is enabled with a refused regex');
      await page.getByLabel(`${fs} override 1 value 1`).fill('db-.*');
      // A second, overlapping override: it applies only where the first does not match.
      await page.getByRole('button', { name: `Other levels for some targets: ${fs}`, exact: true }).click();
      await page.getByLabel(`${fs} override 2 label 1`).fill('mountpoint');
      await page
        .getByTestId('setup-target-override-node.filesystemFree-1')
        .getByRole('radio', { name: '=', exact: true })
        .check({ force: true });
      await page.getByLabel(`${fs} override 2 value 1`).fill('/boot');
      await page.getByLabel(`${fs} override 2 critical`).fill('1');
      await settle();
      await notPresent(page.getByTestId('setup-choose-problems'), 'problems blocking the plan');
      // The threshold and its two overrides in the viewport: the form is too long to read as one image.
      await page.getByTestId('setup-threshold-node.filesystemFree').evaluate((el) => {
        el.scrollIntoView();
        window.scrollBy(0, -120);
      });
      await page.mouse.move(0, 0);
      await screenshot('setup-overrides', { fullPage: false });

      await page.getByTestId('setup-plan-button').click();
      await visible(page.getByTestId('plan-target-overrides'), 'the per-target thresholds in the plan');
      await settle();
      const shown = await page.getByTestId('plan-target-override').allInnerTexts();
      check(
        shown.length === 2 &&
          shown[0].includes('instance=~"db-.*": warning 10 % (default 5)') &&
          shown[1].includes('mountpoint="/boot": critical 1 % (default 3)'),
        `the plan should list both overrides in order, it shows: ${JSON.stringify(shown)}`
      );
      await page.getByTestId('plan-target-overrides').evaluate((el) => {
        el.scrollIntoView();
        window.scrollBy(0, -200);
      });
      await page.mouse.move(0, 0);
      await screenshot('setup-overrides-plan', { fullPage: false });
      const plannedWrites = Number(/^(\d+) writes?$/.exec(await page.getByTestId('plan-writes').innerText())?.[1]);
      await page.getByTestId('setup-apply-button').click();
      await visible(page.getByTestId('setup-apply-result'), 'the apply result', 60_000);
      check(
        double.writeLog.length === plannedWrites,
        `the plan announced ${plannedWrites} writes, the double received ${double.writeLog.length}`
      );
      // The stored rule as JSON text: its query holds the matchers, escaped.
      const expr = (uid: string) => JSON.stringify(double.rules.get(uid) ?? null);
      check(
        expr('fsm-node-fs-almost-full').includes('instance=~\\"db-.*\\"'),
        'the warning rule lacks the db override'
      );
      check(expr('fsm-node-fs-full').includes('mountpoint=\\"/boot\\"'), 'the critical rule lacks the /boot override');

      const writesAfterApply = double.writeLog.length;
      await page.getByTestId('setup-plan-again').click();
      await visible(page.getByTestId('plan-writes'), 'the second plan summary');
      await settle();
      const replanned = await page.getByTestId('plan-writes').innerText();
      check(replanned === '0 writes', `the plan after Apply should have 0 writes, it shows "${replanned}"`);
      check(double.writeLog.length === writesAfterApply, 'planning again wrote to Grafana');
    },
  },
  {
    // Grafana's contact point list names each integration: its default receiver grafana-default-email
    // lists as "email receiver", a name no route may send to (src/engine/receivers.ts).
    name: "Setup offers a new Grafana's default contact point by the name routes use, and routes the alerts to it",
    timeoutMs: 120_000,
    expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/],
    async run({ page, goto, settle, grafana }) {
      const { double } = grafana;
      await chooseNodePackOnly(page, goto);
      await page.getByLabel(/Send these alerts to a contact point/).setChecked(true, { force: true });
      await page.getByLabel('Existing contact point').click();
      const offered = await page.getByRole('option').allInnerTexts();
      check(
        JSON.stringify(offered) === JSON.stringify(['grafana-default-email']),
        `the existing contact points offered are ${JSON.stringify(offered)}, not the default receiver alone`
      );
      await page.getByRole('option', { name: 'grafana-default-email' }).click();

      await page.getByTestId('setup-plan-button').click();
      await visible(page.getByTestId('plan-writes'), 'the plan summary');
      await settle();
      await notPresent(page.getByTestId('plan-blocker'), 'a plan blocker');
      await page.getByTestId('setup-apply-button').click();
      await visible(page.getByTestId('setup-result-notifications'), 'the notification result');
      const routes = (double.policyTree.routes ?? []) as Array<{ receiver?: string }>;
      check(
        routes.some((r) => r.receiver === 'grafana-default-email'),
        `no route sends to grafana-default-email: ${JSON.stringify(routes)}`
      );
    },
  },
];

export default journeys;
