import { APP_ID } from '../shared/bootData';
import { PROMETHEUS_UID } from '../grafanaApi';
import { check, visible } from './assert';
import { APP_PATH, type Journey, type JourneyContext } from './journey';

const CONFIG_PATH = `/plugins/${APP_ID}`;
const SETTINGS_PATH = `/api/plugins/${APP_ID}/settings`;

function settingsWrites(ctx: JourneyContext) {
  return ctx.sandbox.calls.filter((c) => c.method === 'POST' && c.path === SETTINGS_PATH);
}

const journeys: Journey[] = [
  {
    name: 'config page saves the cluster label, keeps other settings, and shows the saved state after reload',
    seed: {
      appJsonData: { prometheusDatasourceUid: PROMETHEUS_UID, clusterLabel: 'cluster', keptByNewerVersion: 'yes' },
    },
    async run(ctx) {
      const { page, goto, grafana, settle } = ctx;
      await goto(CONFIG_PATH);
      const clusterLabel = page.locator('#fsm-config-cluster-label');
      await visible(clusterLabel, 'the Cluster label input');
      await visible(page.getByText('Prometheus (test stack)'), 'the saved datasource shown by its name');

      await clusterLabel.fill('datacenter');
      const reloaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await reloaded;
      await settle();

      const writes = settingsWrites(ctx);
      check(writes.length === 1, `expected one settings write, saw ${writes.length}`);
      check(writes[0].status === 200, `the settings write answered ${writes[0].status}`);
      const body = writes[0].body as { enabled: boolean; jsonData: Record<string, unknown> };
      check(body.enabled === true, 'saving the settings disabled the app');
      check(
        JSON.stringify(body.jsonData) ===
          JSON.stringify({
            prometheusDatasourceUid: PROMETHEUS_UID,
            clusterLabel: 'datacenter',
            keptByNewerVersion: 'yes',
            // the replica labels are saved with the other settings, here at their default
            replicaLabels: ['replica', 'prometheus_replica'],
          }),
        `jsonData was not merged: ${JSON.stringify(body.jsonData)}`
      );
      check(grafana.double.plugins.get(APP_ID)?.jsonData?.clusterLabel === 'datacenter', 'the double did not store it');
      await visible(page.locator('#fsm-config-cluster-label[value="datacenter"]'), 'the saved label after reload');
      check(
        (await page.getByRole('button', { name: 'Save settings' }).isDisabled()) === true,
        'Save stays enabled with nothing to save'
      );
    },
  },
  {
    name: 'config page refuses an invalid cluster label without writing',
    async run(ctx) {
      const { page, goto } = ctx;
      await goto(CONFIG_PATH);
      await page.locator('#fsm-config-cluster-label').fill('1-bad');
      await visible(page.getByText(/starts with a letter or "_"/), 'the label error');
      check(
        await page.getByRole('button', { name: 'Save settings' }).isDisabled(),
        'Save is enabled for an invalid label'
      );
      check(settingsWrites(ctx).length === 0, 'an invalid label was written');
    },
  },
  {
    name: 'fresh install: an Admin chooses the datasource, saves, and Home shows the exporters',
    seed: { appJsonData: null },
    async run(ctx) {
      const { page, goto, settle } = ctx;
      await goto(CONFIG_PATH);
      const save = page.getByRole('button', { name: 'Save settings' });
      check(await save.isDisabled(), 'Save is enabled before a datasource is chosen');
      await page.locator('#fsm-config-prometheus-datasource').click();
      await page.getByText('Prometheus (test stack)').last().click();
      const reloaded = page.waitForEvent('load');
      await save.click();
      await reloaded;
      await settle();
      const body = settingsWrites(ctx)[0]?.body as { jsonData?: Record<string, unknown> } | undefined;
      check(body?.jsonData?.prometheusDatasourceUid === PROMETHEUS_UID, `saved ${JSON.stringify(body)}`);

      await goto(`${APP_PATH}/home`);
      await visible(page.getByTestId('layer-infrastructure'), 'the Infrastructure layer on Home');
    },
  },
  {
    name: 'config page as an Editor: Grafana refuses the save (403) and the page says who can do it',
    role: 'Editor',
    // Chromium logs every non-2xx response as a console error; this one is the point of the journey.
    expectedConsoleErrors: [/status of 403/],
    async run(ctx) {
      const { page, goto } = ctx;
      await goto(CONFIG_PATH);
      await page.locator('#fsm-config-cluster-label').fill('datacenter');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await visible(page.getByText('Could not save the settings'), 'the save error');
      await visible(page.getByText(/Only organization Admins can change app settings/), 'who can change them');
      const writes = settingsWrites(ctx);
      check(
        writes.length === 1 && writes[0].status === 403,
        `expected one refused write, saw ${JSON.stringify(writes)}`
      );
      check(
        (await page.locator('#fsm-config-cluster-label').inputValue()) === 'datacenter',
        'the input was lost after the failed save'
      );
    },
  },
];

export default journeys;
