import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { apply } from '../../engine/apply';
import { buildDesiredState, type SetupChoices } from '../../engine/desired-state';
import { exportBundle } from '../../backup/export';
import { serialiseBundle } from '../../backup/format';
import { backupDouble, PLUGIN_ID, shippedDashboards } from '../../../tests/support/backup-double';
import { readFileText } from './download';
import { BackupView } from './BackupView';

const VERSION = '1.4.0';
const CHOICES: SetupChoices = {
  exporterIds: ['node'],
  datasourceUid: 'prom',
  editable: true,
  notifications: {
    contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack', values: { url: 'https://hooks.slack.com/x' } },
  },
};

async function filled() {
  const ctx = backupDouble({ via: 'direct', dashboards: shippedDashboards(true) });
  await apply(ctx.api, buildDesiredState(CHOICES));
  return ctx;
}

function chooseFile(text: string, name = 'backup.json') {
  const input = screen.getByLabelText('Choose a backup file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

describe('Backup page', () => {
  let createObjectURL: jest.Mock;
  let click: jest.SpyInstance;

  beforeEach(() => {
    createObjectURL = jest.fn(() => 'blob:fsm-backup');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });

  afterEach(() => click.mockRestore());

  it('export downloads one checksummed bundle and says that secrets are not in it', async () => {
    const { api } = await filled();
    render(<BackupView api={api} pluginId={PLUGIN_ID} pluginVersion={VERSION} />);
    expect(screen.getByText('Secrets are not exported')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Download backup/ }));

    const done = await screen.findByText(/^Downloaded fullstack-monitoring-backup-org1-.*\.json$/);
    expect(done).toBeInTheDocument();
    expect(screen.getByText(/alert rule\(s\) in 1 group\(s\), 1 contact point\(s\)/)).toBeInTheDocument();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toMatch(/^fullstack-monitoring-backup-org1-.*\.json$/);
    expect(link.href).toBe('blob:fsm-backup');
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(blob.type).toBe('application/json');
    const text = await readFileText(blob);
    expect(JSON.parse(text)).toMatchObject({ format: 'fullstack-monitoring-backup', plugin: { version: VERSION } });
    expect(text).not.toContain('hooks.slack.com/x');
  });

  it('shows why a file cannot be restored, and writes nothing', async () => {
    const { api, extras } = backupDouble({ via: 'direct' });
    render(<BackupView api={api} pluginId={PLUGIN_ID} pluginVersion={VERSION} />);

    chooseFile('{"title": "Node", "panels": []}', 'dashboard.json');

    expect(await screen.findByText('This file cannot be restored')).toBeInTheDocument();
    expect(screen.getByText(/This is a Grafana dashboard JSON.*Nothing was written\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Restore/ })).not.toBeInTheDocument();
    expect(extras.totalWrites()).toBe(0);
  });

  it('shows the plan for a good bundle, asks for the secret, then restores', async () => {
    const source = await filled();
    const bundle = await exportBundle(source.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    const target = backupDouble({ via: 'direct' });
    render(<BackupView api={target.api} pluginId={PLUGIN_ID} pluginVersion={VERSION} />);

    chooseFile(serialiseBundle(bundle));

    const count = bundle.content.ruleGroups[0].rules.length;
    expect(await screen.findByTestId('plan-count-create')).toHaveAttribute('data-count', String(count));
    expect(screen.getByTestId('plan-count-update')).toHaveAttribute('data-count', '0');
    expect(screen.getAllByText(/Restore is blocked/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Enter the Slack webhook URL/)).toBeInTheDocument();
    // A new contact point and a new route: where notifications go changes, and each change needs its tick.
    const destinations = within(screen.getByTestId('restore-destinations')).getAllByRole('checkbox');
    expect(destinations).toHaveLength(2);
    for (const tick of destinations) {
      fireEvent.click(tick);
    }
    expect(screen.getByRole('button', { name: /^Restore \(/ })).toBeDisabled();

    fireEvent.change(screen.getByLabelText(/^Slack webhook URL/), { target: { value: 'https://hooks.slack.com/new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use the entered secrets' }));
    const restore = await screen.findByRole('button', { name: /^Restore \(\d+ writes\)/ });
    await waitFor(() => expect(restore).toBeEnabled());
    expect(screen.queryByText(/Restore is blocked/)).not.toBeInTheDocument();
    expect(target.extras.totalWrites()).toBe(0);

    fireEvent.click(restore);

    expect(await screen.findByText('Restored')).toBeInTheDocument();
    expect(target.double.rules.size).toBe(count);
    expect(target.double.contactPoints.get('fsm-contact-point')!.settings.url).toBe('https://hooks.slack.com/new');
    expect(await screen.findByRole('button', { name: 'Nothing to restore' })).toBeDisabled();
  });
});
