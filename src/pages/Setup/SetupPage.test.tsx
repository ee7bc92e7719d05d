/*
 * Setup journeys in the browser DOM, on the Grafana API double: the page's real client, transport
 * and engine run against it through a mocked getBackendSrv().fetch.
 */
import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OrgRole, type DataSourceInstanceSettings } from '@grafana/data';
import { config, setBackendSrv, setDataSourceSrv, type BackendSrv, type DataSourceSrv } from '@grafana/runtime';
import { apply, buildDesiredState } from '../../engine';
import { nodeExporter } from '../../catalog/exporters/node';
import { postgresExporter } from '../../catalog/exporters/postgres';
import { PLUGIN_BASE_URL, PLUGIN_ID, SETUP_WRITE_ACTION } from '../../constants';
import { basicUser, GrafanaDouble } from '../../../tests/grafana-double';
import SetupPage from './SetupPage';
import type { AppJsonData } from '../../types';
import { INTEGRATIONS, isHttpUrl, type Integration } from '../../alerting/contact-points';
import { exportBundle, planRestore, serialiseBundle } from '../../backup';
import {
  doubleApi,
  doubleBackendFetch,
  pointsIn,
  PrometheusErrorAnswer,
  type DoubleBackendOptions,
  type RangeQueryDouble,
  type ScrapedMetric,
} from '../../../tests/support/double-backend-srv';

const NODE_AND_POSTGRES: ScrapedMetric[] = [
  { job: 'node', metric: 'node_uname_info' },
  { job: 'db', metric: 'pg_up' },
];

function promSettings(uid: string, name: string): DataSourceInstanceSettings {
  return {
    uid,
    name,
    type: 'prometheus',
    id: 1,
    access: 'proxy',
    jsonData: {},
    readOnly: false,
    meta: { id: 'prometheus', name: 'Prometheus', info: { logos: { small: '', large: '' } } },
  } as unknown as DataSourceInstanceSettings;
}

function grafana({
  user = 'admin',
  scraped = NODE_AND_POSTGRES,
  range,
}: { user?: string; scraped?: ScrapedMetric[]; range?: DoubleBackendOptions['range'] } = {}) {
  const double = new GrafanaDouble({
    currentUser: user,
    users: { 'ds-editor': basicUser('ds-editor', 'Editor', ['datasources:read']) },
  });
  double.addDatasource({ uid: 'prom', name: 'Prometheus' });
  // Grafana answers an installed app's settings whether or not they were ever saved (GetPluginSettingByID).
  double.addPlugin(PLUGIN_ID, { enabled: true });
  const fetch = jest.fn(doubleBackendFetch(double, { scraped, range }));
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return { double, fetch };
}

function renderSetup(
  datasourceUid = 'prom',
  step = 'detect',
  labels: Pick<AppJsonData, 'replicaLabels' | 'clusterLabel'> = {}
) {
  return render(
    <MemoryRouter
      initialEntries={[`${PLUGIN_BASE_URL}/setup/${step}`]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <Routes>
        <Route
          path={`${PLUGIN_BASE_URL}/setup/*`}
          element={<SetupPage jsonData={{ prometheusDatasourceUid: datasourceUid, ...labels }} />}
        />
      </Routes>
    </MemoryRouter>
  );
}

const packCheckbox = (id: string) => screen.getByTestId<HTMLInputElement>(`setup-pack-${id}`);
const planButton = () => screen.getByTestId('setup-plan-button');
const applyButton = () => screen.getByTestId('setup-apply-button');
const writes = () => screen.getByTestId('plan-writes');

/** Detect, then go to Choose and wait until packs are pre-selected and Grafana's state is read. */
async function toChoose(expectedPacks: string[] = ['node', 'postgres']) {
  const next = await screen.findByRole('button', { name: /Next: choose packs/ });
  await waitFor(() => expect(next).toBeEnabled());
  fireEvent.click(next);
  await waitFor(() => expect(packCheckbox('node')).toBeInTheDocument());
  for (const id of expectedPacks) {
    await waitFor(() => expect(packCheckbox(id)).toBeChecked());
  }
  await waitFor(() => expect(screen.queryByText(/Reading how the rules were written before/)).not.toBeInTheDocument());
}

async function toPlan(expectedWrites: RegExp) {
  await waitFor(() => expect(planButton()).toBeEnabled());
  fireEvent.click(planButton());
  await waitFor(() => expect(writes()).toHaveTextContent(expectedWrites));
}

beforeAll(() => {
  // Grafana's Combobox measures its options' text on a canvas; jsdom has none.
  HTMLCanvasElement.prototype.getContext = (() => ({
    measureText: (text: string) => ({ width: text.length * 7 }),
  })) as unknown as typeof HTMLCanvasElement.prototype.getContext;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

beforeEach(() => {
  config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Admin, permissions: {} };
  const list = [promSettings('prom', 'Prometheus')];
  setDataSourceSrv({
    getInstanceSettings: (ref: string | null | undefined) => list.find((ds) => ds.uid === ref || ds.name === ref),
    getList: ({ type }: { type?: string } = {}) => list.filter((ds) => !type || ds.type === type),
  } as unknown as DataSourceSrv);
});

describe('Setup: detect', () => {
  it('shows the scraped exporters by job and the layers that are not covered', async () => {
    const { double } = grafana();
    renderSetup();

    const list = await screen.findByTestId('setup-detected-list');
    const found = within(list).getAllByTestId('setup-detected-exporter');
    expect(found.map((el) => el.getAttribute('data-exporter'))).toEqual(['node', 'postgres']);
    expect(found[0]).toHaveTextContent(nodeExporter.title);
    expect(found[0]).toHaveTextContent('job: node');
    expect(found[1]).toHaveTextContent('job: db');
    expect(screen.getByTestId('setup-detect-summary')).toHaveTextContent('2 exporters found, covering 2 of 6 layers');
    expect(screen.getByTestId('setup-uncovered-layers')).toHaveTextContent('Messages & events');
    expect(double.writeLog).toHaveLength(0);
  });

  it('says so when Prometheus scrapes no known exporter (opening /setup lands on Detect)', async () => {
    grafana({ scraped: [] });
    renderSetup('prom', '');
    expect(await screen.findByText('No known exporter found')).toBeInTheDocument();
  });
});

describe('Setup: choose', () => {
  it('shows a bad threshold at its field and blocks Plan until it is fixed', async () => {
    grafana();
    renderSetup();
    await toChoose();
    expect(planButton()).toBeEnabled();
    fireEvent.click(
      screen.getByRole('button', { name: (name) => name.startsWith(`${nodeExporter.title} thresholds`) })
    );
    const cpuWarning = screen.getByLabelText(`${nodeExporter.title} CPU utilisation warning`);
    const field = () => screen.getByTestId('setup-threshold-node.cpuUtilisation');

    fireEvent.change(cpuWarning, { target: { value: 'ninety' } });
    expect(field()).toHaveTextContent('CPU utilisation: the warning level must be a number.');
    expect(planButton()).toBeDisabled();

    fireEvent.change(cpuWarning, { target: { value: '99' } });
    expect(field()).toHaveTextContent('the warning level must be at or below the critical level');
    expect(planButton()).toBeDisabled();

    fireEvent.change(cpuWarning, { target: { value: '150' } });
    expect(field()).toHaveTextContent('the warning level 150 is outside 1–100 (percent)');

    fireEvent.change(cpuWarning, { target: { value: '85' } });
    expect(field()).not.toHaveTextContent('warning level');
    expect(planButton()).toBeEnabled();
  });
});

describe('Setup: plan and apply', () => {
  it('plans creates on an empty Grafana, applies them, and a re-plan shows zero writes', async () => {
    const { double } = grafana();
    renderSetup();
    await toChoose();
    const rules = nodeExporter.alerts.length + postgresExporter.alerts.length;

    // The folder, two groups, and the save of these choices in the app's settings.
    await toPlan(/^4 writes$/);
    expect(screen.getByTestId('setup-plan-nothing-written')).toBeInTheDocument();
    expect(screen.getByTestId('plan-count-create')).toHaveAttribute('data-count', String(rules));
    expect(screen.getByTestId('plan-count-unchanged')).toHaveAttribute('data-count', '0');
    expect(screen.getByTestId('plan-folder')).toHaveTextContent('create');
    expect(screen.getAllByTestId('plan-group').map((g) => [g.dataset.group, g.dataset.action])).toEqual([
      ['fsm-node', 'create'],
      ['fsm-postgres', 'create'],
    ]);
    expect(double.writeLog).toHaveLength(0);

    fireEvent.click(applyButton());
    const result = await screen.findByTestId('setup-apply-result');
    expect(result).toHaveTextContent('Applied: 4 writes');
    expect(screen.getByTestId('setup-result-folder')).toHaveTextContent('Folder: created');
    expect(screen.getByTestId('setup-result-groups')).toHaveTextContent(
      'Rule groups written: 2 (fsm-node, fsm-postgres)'
    );
    expect(screen.getByTestId('setup-result-rules')).toHaveTextContent(`Rules: ${rules} created, 0 updated, 0 deleted`);
    expect(screen.getByRole('progressbar', { name: 'Apply progress' })).toHaveAttribute('value', '4');
    expect(double.writeLog.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      'POST /api/folders 200',
      'PUT /api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-node 200',
      'PUT /api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-postgres 200',
      `POST /api/plugins/${PLUGIN_ID}/settings 200`,
    ]);
    expect(double.rules.size).toBe(rules);

    fireEvent.click(screen.getByTestId('setup-plan-again'));
    await waitFor(() => expect(writes()).toHaveTextContent(/^0 writes$/));
    expect(screen.getByTestId('plan-count-unchanged')).toHaveAttribute('data-count', String(rules));
    expect(applyButton()).toBeDisabled();
    expect(screen.getByText(/nothing to apply/)).toBeInTheDocument();
    expect(double.writeLog).toHaveLength(4);
  });

  it('after a failure at write 2 says what was written and finishes on the next run', async () => {
    const { double } = grafana();
    double.injectFault({ onWrite: 2, kind: 'error', status: 502 });
    renderSetup();
    await toChoose();
    await toPlan(/^4 writes$/);

    fireEvent.click(applyButton());
    expect(await screen.findByTestId('setup-error')).toHaveTextContent(/step 2 of 4 \(write rule group fsm-node\)/);
    expect(screen.getByTestId('setup-apply-partial')).toHaveTextContent(
      /Written before the failure \(1 of 4\):.*create folder/
    );
    expect(screen.getByTestId('setup-apply-partial')).toHaveTextContent('Run Apply again to finish');

    fireEvent.click(screen.getByRole('button', { name: 'Plan again' }));
    await waitFor(() => expect(writes()).toHaveTextContent(/^3 writes$/));
    fireEvent.click(applyButton());
    expect(await screen.findByTestId('setup-apply-result')).toHaveTextContent('Applied: 3 writes');
    expect(screen.getByTestId('setup-result-folder')).toHaveTextContent('already there');
  });

  it('shows a rule changed by a user, keeps it unless ticked, and overwrites it when ticked', async () => {
    const { double } = grafana();
    // The plugin installed the node pack earlier; then an admin raised the CPU threshold in Grafana's UI.
    await apply(
      doubleApi(double),
      buildDesiredState({ exporterIds: ['node', 'postgres'], datasourceUid: 'prom', editable: true })
    );
    const user = doubleApi(double, 'admin', true);
    const group = (await user.getRuleGroup('fsm-alerts', 'fsm-node'))!;
    const edited = group.rules.map(({ id, updated, provenance, ...r }) => {
      if (r.uid !== 'fsm-node-cpu-high') {
        return r;
      }
      const data = JSON.parse(JSON.stringify(r.data)) as typeof r.data;
      (data[2].model as { conditions: Array<{ evaluator: { params: number[] } }> }).conditions[0].evaluator.params = [
        95,
      ];
      return { ...r, data };
    });
    await user.putRuleGroup({ ...group, rules: edited as never });
    const writesBefore = double.writeLog.length;
    const cpuThreshold = () =>
      (
        double.rules.get('fsm-node-cpu-high')!.data as Array<{
          model: { conditions?: Array<{ evaluator: { params: number[] } }> };
        }>
      )[2].model.conditions![0].evaluator.params[0];

    renderSetup();
    await toChoose();
    // The only write: saving these choices, which the earlier apply (made without Setup) did not.
    await toPlan(/^1 write$/);
    expect(screen.getByTestId('plan-app-settings')).toHaveAttribute('data-action', 'update');
    const row = screen.getAllByTestId('plan-rule').find((r) => r.dataset.uid === 'fsm-node-cpu-high')!;
    expect(row).toHaveAttribute('data-action', 'user-changed');
    expect(row).toHaveTextContent('changed by a user');
    expect(row).toHaveTextContent('threshold: 95 → 90');
    expect(screen.getByTestId('plan-count-user-changed')).toHaveAttribute('data-count', '1');
    const tick = within(row).getByRole('checkbox', { name: /Overwrite/ });
    expect(tick).not.toBeChecked();
    // Unticked, applying keeps the user's edit: the group is not written.
    expect(screen.getAllByTestId('plan-group').find((g) => g.dataset.group === 'fsm-node')).toHaveAttribute(
      'data-action',
      'unchanged'
    );

    fireEvent.click(tick);
    await waitFor(() => expect(writes()).toHaveTextContent(/^2 writes$/));
    fireEvent.click(applyButton());
    expect(await screen.findByTestId('setup-result-user-changed')).toHaveTextContent(
      'Rules changed by a user: 0 kept (none), 1 overwritten (fsm-node-cpu-high)'
    );
    expect(double.writeLog.slice(writesBefore).map((w) => w.path)).toEqual([
      '/api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-node',
      `/api/plugins/${PLUGIN_ID}/settings`,
    ]);
    expect(cpuThreshold()).toBe(90);
  });
});

describe('Setup: notifications', () => {
  it('creates a Slack contact point, a maintenance window and a route; the secret is entered once and never shown', async () => {
    const secret = 'https://hooks.slack.com/services/T0/B0/very-secret';
    const { double } = grafana();
    renderSetup();
    await toChoose();

    fireEvent.click(screen.getByLabelText(/Send these alerts to a contact point/));
    fireEvent.click(screen.getByRole('radio', { name: 'Slack' }));
    const secretInput = screen.getByLabelText<HTMLInputElement>(/^Slack webhook URL/);
    expect(secretInput).toHaveAttribute('type', 'password');
    fireEvent.change(secretInput, { target: { value: secret } });
    fireEvent.click(screen.getByRole('button', { name: /Add maintenance window/ }));
    fireEvent.change(screen.getByLabelText(/^Name$/), { target: { value: 'Sunday patching' } });

    await toPlan(/^7 writes$/);
    expect(screen.getAllByTestId('plan-notification').map((n) => [n.dataset.kind, n.dataset.action])).toEqual([
      ['contact-point', 'create'],
      ['mute-timing', 'create'],
      ['policy', 'create'],
    ]);
    fireEvent.click(applyButton());
    expect(await screen.findByTestId('setup-result-notifications')).toHaveTextContent(
      /Notification objects written: 3 .*create contact point "Full-Stack Monitoring"/
    );
    expect(double.contactPoints.get('fsm-contact-point')?.settings.url).toBe(secret);
    expect(double.muteTimings.has('Sunday patching')).toBe(true);
    // The choices are remembered in the app's settings, the secret is not.
    expect(JSON.stringify(double.plugins.get(PLUGIN_ID)!.jsonData)).toContain('Sunday patching');
    expect(JSON.stringify(double.plugins.get(PLUGIN_ID)!.jsonData)).not.toContain('very-secret');

    // Re-run: the stored secret is kept without typing it again, and nothing needs writing.
    fireEvent.click(screen.getByTestId('setup-plan-again'));
    await waitFor(() => expect(writes()).toHaveTextContent(/^0 writes$/));
    fireEvent.click(screen.getByRole('button', { name: 'Back to Choose' }));
    expect(screen.getByLabelText<HTMLInputElement>(/^Slack webhook URL/).value).toBe('');
    expect(document.body.innerHTML).not.toContain('very-secret');
  });
});

describe('Setup: an integration that is only a registry entry', () => {
  /*
   * Grafana's discord integration: its webhook `url` is its only secure setting
   * (GetSecretKeysForContactPointType, as the double's SECURE_SETTINGS cites it) and is required
   * ("could not find webhook url property in settings"). Nothing but this entry tells the form,
   * the engine and restore about it.
   */
  const DISCORD: Integration = {
    type: 'discord',
    label: 'Discord',
    settings: [
      {
        key: 'url',
        label: 'Discord webhook URL',
        noun: 'Discord webhook URL',
        secret: true,
        required: true,
        check: (v) => (isHttpUrl(v) ? undefined : 'The Discord webhook URL must start with https://.'),
      },
    ],
  };
  const registry = INTEGRATIONS as Integration[];
  beforeAll(() => registry.push(DISCORD));
  afterAll(() => registry.splice(registry.indexOf(DISCORD), 1));

  it('is offered, validated, written with its secret kept out of the settings, and its secret is known to restore', async () => {
    const secret = 'https://discord.com/api/webhooks/1/very-secret';
    const { double } = grafana();
    renderSetup();
    await toChoose();

    fireEvent.click(screen.getByLabelText(/Send these alerts to a contact point/));
    fireEvent.click(screen.getByRole('radio', { name: 'Discord' }));
    const input = screen.getByLabelText<HTMLInputElement>(/^Discord webhook URL/);
    expect(input).toHaveAttribute('type', 'password');
    fireEvent.change(input, { target: { value: 'discord.com/api/webhooks/1/x' } });
    expect(screen.getByTestId('setup-choose-problems')).toHaveTextContent(
      'The Discord webhook URL must start with https://.'
    );
    expect(planButton()).toBeDisabled();
    fireEvent.change(input, { target: { value: secret } });

    await toPlan(/^6 writes$/);
    fireEvent.click(applyButton());
    await screen.findByTestId('setup-result-notifications');
    expect(double.contactPoints.get('fsm-contact-point')).toMatchObject({ type: 'discord', settings: { url: secret } });
    expect(JSON.stringify(double.plugins.get(PLUGIN_ID)!.jsonData)).not.toContain('very-secret');

    // Re-run: Grafana reads it back as [REDACTED]; kept without typing it again.
    fireEvent.click(screen.getByTestId('setup-plan-again'));
    await waitFor(() => expect(writes()).toHaveTextContent(/^0 writes$/));
    fireEvent.click(screen.getByRole('button', { name: 'Back to Choose' }));
    expect(screen.getByLabelText<HTMLInputElement>(/^Discord webhook URL/).value).toBe('');
    expect(document.body.innerHTML).not.toContain('very-secret');

    // Restore names the secret from the registry and asks for it.
    const bundle = await exportBundle(doubleApi(double), { pluginId: PLUGIN_ID, pluginVersion: '1.0.0' });
    expect(bundle.content.contactPoints[0]).toMatchObject({ type: 'discord', secretKeys: ['url'] });
    expect(serialiseBundle(bundle)).not.toContain('very-secret');
    const elsewhere = new GrafanaDouble();
    elsewhere.addPlugin(PLUGIN_ID, { enabled: true });
    const restore = await planRestore(doubleApi(elsewhere), bundle, { pluginId: PLUGIN_ID, pluginVersion: '1.0.0' });
    expect(restore.contactPoints[0].secrets).toEqual([{ key: 'url', label: 'Discord webhook URL', state: 'missing' }]);
  });
});

const cpuWarning = () => screen.getByLabelText<HTMLInputElement>(`${nodeExporter.title} CPU utilisation warning`);
const openNodeThresholds = () =>
  fireEvent.click(screen.getByRole('button', { name: (name) => name.startsWith(`${nodeExporter.title} thresholds`) }));

/** A new session of Setup, on to Choose, where it says Grafana holds what the saved choices would write. */
async function reopenInSync() {
  renderSetup();
  const next = await screen.findByRole('button', { name: /Next: choose packs/ });
  await waitFor(() => expect(next).toBeEnabled());
  fireEvent.click(next);
  expect(await screen.findByTestId('setup-saved-in-sync')).toBeInTheDocument();
}

describe('Setup remembers', () => {
  it('a second admin opening Setup starts from the choices the last apply saved, and the plan writes nothing', async () => {
    grafana();
    renderSetup();
    await toChoose();
    // Only the node pack (detection also found postgres), with a CPU warning of 70.
    fireEvent.click(packCheckbox('postgres'));
    openNodeThresholds();
    fireEvent.change(cpuWarning(), { target: { value: '70' } });
    await toPlan(/^3 writes$/);
    fireEvent.click(applyButton());
    await screen.findByTestId('setup-apply-result');
    cleanup();

    // Another admin, another session: nothing in memory, only what Grafana holds.
    await reopenInSync();
    expect(packCheckbox('node')).toBeChecked();
    expect(packCheckbox('postgres')).not.toBeChecked();
    openNodeThresholds();
    expect(cpuWarning().value).toBe('70');
    await toPlan(/^0 writes$/);
  });

  it('says when Grafana no longer matches the saved choices (a rule edited there)', async () => {
    const { double } = grafana();
    renderSetup();
    await toChoose();
    await toPlan(/^4 writes$/);
    fireEvent.click(applyButton());
    await screen.findByTestId('setup-apply-result');
    cleanup();
    const user = doubleApi(double, 'admin', true);
    const group = (await user.getRuleGroup('fsm-alerts', 'fsm-node'))!;
    await user.putRuleGroup({
      ...group,
      rules: group.rules.map(({ id, updated, provenance, ...r }) =>
        r.uid === 'fsm-node-cpu-high' ? { ...r, for: '30m' } : r
      ) as never,
    });

    renderSetup('prom', 'choose');
    const drift = await screen.findByTestId('setup-saved-drift');
    expect(drift).toHaveTextContent('1 rule was edited or moved');
  });
});

describe('Setup: per-target thresholds', () => {
  const fsOverride = `${nodeExporter.title} Filesystem free space override 1`;

  it('an override by label matcher is checked as typed, shown in the plan, applied, remembered, and re-applies with 0 writes', async () => {
    const { double } = grafana();
    renderSetup();
    await toChoose();
    openNodeThresholds();
    fireEvent.click(
      screen.getByRole('button', {
        name: `Other levels for some targets: ${nodeExporter.title} Filesystem free space`,
      })
    );
    const field = () => screen.getByTestId('setup-target-override-node.filesystemFree-0');

    // A lookahead: JavaScript would take it, Prometheus' RE2 refuses it.
    fireEvent.change(screen.getByLabelText(`${fsOverride} value 1`), { target: { value: 'db-(?=1).*' } });
    fireEvent.change(screen.getByLabelText(`${fsOverride} warning`), { target: { value: '10' } });
    await waitFor(() => expect(field()).toHaveTextContent(/not a regular expression Prometheus accepts/));
    expect(planButton()).toBeDisabled();

    fireEvent.change(screen.getByLabelText(`${fsOverride} value 1`), { target: { value: 'db-.*' } });
    await waitFor(() => expect(field()).not.toHaveTextContent(/regular expression/));

    // The folder, two groups, the saved choices.
    await toPlan(/^4 writes$/);
    const shown = screen.getByTestId('plan-target-override');
    expect(shown).toHaveTextContent('Filesystem free space for instance=~"db-.*": warning 10 % (default 5)');
    expect(screen.getByTestId('plan-target-overrides')).toHaveTextContent(/first override whose matchers hold/);

    fireEvent.click(applyButton());
    await screen.findByTestId('setup-apply-result');
    const rule = double.rules.get('fsm-node-fs-almost-full')!;
    expect(JSON.stringify(rule.data)).toContain('instance=~\\"db-.*\\"');
    const applied = double.writeLog.length;

    fireEvent.click(screen.getByTestId('setup-plan-again'));
    await waitFor(() => expect(writes()).toHaveTextContent(/^0 writes$/));
    cleanup();

    // Another session starts from the saved override, and Grafana already holds its rules.
    await reopenInSync();
    openNodeThresholds();
    expect(screen.getByLabelText<HTMLInputElement>(`${fsOverride} value 1`).value).toBe('db-.*');
    await toPlan(/^0 writes$/);
    expect(double.writeLog).toHaveLength(applied);
  });
});

describe('Setup: the plan as a Prometheus rule file', () => {
  it("downloads the planned rules with the app's replica and cluster labels, as the Grafana rules it writes have them", async () => {
    const { double } = grafana();
    const files: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      files.push(blob);
      return 'blob:rules';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      renderSetup('prom', 'detect', { replicaLabels: ['dc_replica'], clusterLabel: 'k8s_cluster' });
      await toChoose();
      await toPlan(/^4 writes$/);
      fireEvent.click(screen.getByTestId('setup-download-prometheus-rules'));
      expect(files).toHaveLength(1);
      // jsdom's Blob has no text(): read it as a browser would before Blob.text().
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(files[0]);
      });
      // The node pack's rules aggregate the replica away and keep the cluster, like the Grafana rules the plan
      // would write; the default cluster label `cluster` appears nowhere.
      expect(text).toMatch(/without \(dc_replica\)/);
      expect(text).toMatch(/by \(k8s_cluster, job, instance, dc_replica\)/);
      expect(text).not.toMatch(/prometheus_replica/);
      const downloaded = (JSON.parse(text) as { groups: Array<{ rules: Array<{ expr: string }> }> }).groups.flatMap(
        (g) => g.rules.map((r) => r.expr)
      );
      expect(downloaded.filter((e) => /\bcluster\b/.test(e))).toEqual([]);
      fireEvent.click(applyButton());
      await screen.findByTestId('setup-apply-result');
      const written = JSON.stringify([...double.rules.values()].map((r) => r.data));
      expect(written).toMatch(/without \(dc_replica\)/);
      expect(written).toMatch(/by \(k8s_cluster, job, instance, dc_replica\)/);
      const writtenExprs = [...double.rules.values()].map((r) =>
        String((r.data as Array<{ model: { expr?: string } }>)[0].model.expr)
      );
      expect(writtenExprs.filter((e) => /\bcluster\b/.test(e))).toEqual([]);
    } finally {
      click.mockRestore();
    }
  });
});

describe('Setup: permissions and prerequisites', () => {
  it('an Editor granted the Setup permission applies the rules, and is told the choices are not remembered', async () => {
    config.bootData.user = {
      ...config.bootData.user,
      orgRole: OrgRole.Editor,
      permissions: { [SETUP_WRITE_ACTION]: true },
    };
    // An Editor who may also read datasources (an admin granted it): Grafana lets Editors write rules (11.6+).
    const { double } = grafana({ user: 'ds-editor' });
    renderSetup();
    await toChoose();
    await toPlan(/^3 writes$/);
    expect(screen.getByTestId('setup-plan-not-remembered')).toBeInTheDocument();
    fireEvent.click(applyButton());
    expect(await screen.findByTestId('setup-apply-result')).toHaveTextContent('Applied: 3 writes');
    expect(double.writeLog.map((w) => w.path)).not.toContain(`/api/plugins/${PLUGIN_ID}/settings`);
  });

  it('a Viewer (Grafana answers 403) sees the permission message and nothing is written', async () => {
    const { double } = grafana({ user: 'viewer' });
    renderSetup();
    await toChoose();

    await waitFor(() => expect(planButton()).toBeEnabled());
    fireEvent.click(planButton());
    const message = await screen.findByTestId('setup-permission-error');
    expect(message).toHaveTextContent('You do not have permission to change alerting in Grafana');
    expect(message).toHaveTextContent(/datasources:read/);
    expect(message).toHaveTextContent('Nothing was written.');
    expect(screen.queryByTestId('setup-apply-button')).not.toBeInTheDocument();
    expect(double.writeLog).toHaveLength(0);
  });

  it('a missing datasource: detection says so, and the plan is blocked with a clear message', async () => {
    const { double } = grafana();
    renderSetup('gone');

    expect(await screen.findByTestId('setup-detect-error')).toHaveTextContent(
      'Could not query the Prometheus datasource "gone": Data source not found (HTTP 404)'
    );
    await toChoose([]);
    fireEvent.click(packCheckbox('node'));
    await toPlan(/writes?$/);

    const blocker = screen.getByTestId('plan-blocker');
    expect(blocker).toHaveAttribute('data-kind', 'datasource-missing');
    expect(blocker).toHaveTextContent('The Prometheus datasource "gone" does not exist in this Grafana');
    expect(applyButton()).toBeDisabled();
    expect(double.writeLog).toHaveLength(0);
  });
});

describe('Setup: backtest before enabling', () => {
  const DAY = 86_400;
  const ruleRow = (uid: string) => screen.getAllByTestId('plan-rule').find((r) => r.dataset.uid === uid)!;
  const openGroup = (title: RegExp) => fireEvent.click(screen.getByRole('button', { name: title }));

  it('says per rule to write how often it would have fired over 7 days, one query per rule; a failing query shows its error and Apply stays open', async () => {
    const loadHighSince = Math.floor(Date.now() / 1000) - 2 * DAY;
    const queries: RangeQueryDouble[] = [];
    grafana({
      range: async (q) => {
        queries.push(q);
        if (q.expr.includes('node_boot_time_seconds')) {
          // Prometheus' answer (promql.ErrTooManySamples → errorType "execution", HTTP 422).
          throw new PrometheusErrorAnswer(
            'execution',
            'query processing would load too many samples into memory in query execution',
            422
          );
        }
        if (q.expr.includes('node_load1')) {
          return [{ labels: { instance: 'host-1:9100' }, times: pointsIn(q, loadHighSince, loadHighSince + 3600) }];
        }
        return [];
      },
    });
    renderSetup();
    await toChoose();
    await toPlan(/^4 writes$/);
    const rules = nodeExporter.alerts.length + postgresExporter.alerts.length;
    expect(queries).toHaveLength(0); // lazy: nothing is asked until the admin wants it

    fireEvent.click(screen.getByRole('button', { name: `Backtest the ${rules} rules to write` }));
    await waitFor(() => expect(screen.getByTestId('setup-backtest')).toHaveAttribute('data-status', 'done'));
    expect(screen.getByTestId('setup-backtest-progress')).toHaveTextContent(
      `Backtested over the last 7 days: ${rules} rules.`
    );
    // One range query per rule, at the group's interval (60 s), within Prometheus' 11,000 points.
    expect(queries).toHaveLength(rules);
    for (const q of queries) {
      expect(q.stepSeconds).toBe(60);
      expect((q.to - q.from) / q.stepSeconds).toBeLessThanOrEqual(11_000);
    }

    openGroup(/Node exporter \(fsm-node\)/);
    // An hour over the threshold, `for: 15m`: 45 minutes firing.
    expect(within(ruleRow('fsm-node-load-high')).getByTestId('plan-rule-backtest')).toHaveTextContent(
      'Would have fired 1 time over the last 7 days on 1 series, firing for 45m in total, longest 45m.'
    );
    const failed = within(ruleRow('fsm-node-rebooted')).getByTestId('plan-rule-backtest');
    expect(failed).toHaveAttribute('data-status', 'error');
    expect(failed).toHaveTextContent(
      'Backtest failed: Prometheus could not run the query: query processing would load too many samples'
    );
    expect(screen.getAllByText('Would not have fired over the last 7 days.')).toHaveLength(
      nodeExporter.alerts.length - 2
    );
    expect(applyButton()).toBeEnabled();
  });

  it('cancels between rules with progress shown, and resumes with the rules not yet asked', async () => {
    const queries: string[] = [];
    let release: () => void = () => undefined;
    grafana({
      range: (q) => {
        queries.push(q.expr);
        return new Promise((resolve) => (release = () => resolve([])));
      },
    });
    renderSetup();
    await toChoose();
    await toPlan(/^4 writes$/);
    const rules = nodeExporter.alerts.length + postgresExporter.alerts.length;

    fireEvent.click(screen.getByRole('button', { name: `Backtest the ${rules} rules to write` }));
    await waitFor(() => expect(queries).toHaveLength(1));
    expect(screen.getByTestId('setup-backtest-progress')).toHaveTextContent(`Backtesting: 0 of ${rules} rules…`);
    release();
    await waitFor(() => expect(queries).toHaveLength(2));
    expect(screen.getByTestId('setup-backtest-progress')).toHaveTextContent(`Backtesting: 1 of ${rules} rules…`);
    expect(screen.getByRole('progressbar', { name: 'Backtest progress' })).toHaveAttribute('value', '1');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('setup-backtest')).toHaveAttribute('data-status', 'cancelled');
    expect(screen.getByTestId('setup-backtest-progress')).toHaveTextContent(`Cancelled after 1 of ${rules} rules.`);
    release(); // the request in flight when cancelled was aborted: its late answer is ignored, nothing further is asked
    await new Promise((r) => setTimeout(r, 20));
    expect(queries).toHaveLength(2);
    expect(applyButton()).toBeEnabled();

    fireEvent.click(screen.getByRole('button', { name: 'Resume the backtest' }));
    await waitFor(() => expect(queries.length).toBeGreaterThan(2));
    while (screen.getByTestId('setup-backtest').dataset.status === 'running') {
      release();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(screen.getByTestId('setup-backtest')).toHaveAttribute('data-status', 'done');
    // Every answered rule asked once; only the one whose request the cancel aborted is asked again.
    expect(queries.filter((q, i) => queries.indexOf(q) !== i)).toEqual([queries[1]]);
    expect(queries).toHaveLength(rules + 1);
  });
});
