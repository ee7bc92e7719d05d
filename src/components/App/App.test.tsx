import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import { OrgRole, PluginType, type AppRootProps, type DataSourceInstanceSettings } from '@grafana/data';
import { config, setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import App from './App';
import { fetchCheckResults } from '../../health/query';
import { PLUGIN_BASE_URL, SETUP_WRITE_ACTION } from '../../constants';
import type { AppJsonData } from '../../types';

// The Health page's queries go to Prometheus through Grafana; here it answers with no series.
jest.mock('../../health/query', () => ({ fetchCheckResults: jest.fn().mockResolvedValue([]) }));
// The panels need Grafana's panel plugins (PanelRenderer); panelRequest.test covers what they query.
jest.mock('../../pages/Health/HealthPanels', () => ({ __esModule: true, default: () => null }));

const CONFIGURED: AppJsonData = { prometheusDatasourceUid: 'prom-dc1', clusterLabel: 'datacenter' };

function LocationDisplay() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

// Mounted the way Grafana mounts an app root: under /a/<plugin id>/*.
function renderApp(path: string, jsonData: AppJsonData) {
  const props = {
    basename: PLUGIN_BASE_URL,
    meta: {
      id: 'fullstack-monitoring-app',
      name: 'Full-Stack Monitoring',
      type: PluginType.app,
      enabled: true,
      jsonData,
    },
    query: {},
    path: '',
    onNavChanged: jest.fn(),
  } as unknown as AppRootProps<AppJsonData>;
  return render(
    <MemoryRouter
      initialEntries={[`${PLUGIN_BASE_URL}/${path}`]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<App {...props} />} />
      </Routes>
      <LocationDisplay />
    </MemoryRouter>
  );
}

function signInAs(orgRole: OrgRole, permissions: Record<string, boolean> = {}) {
  config.bootData.user = { ...config.bootData.user, orgRole, permissions };
}

beforeEach(() => {
  signInAs(OrgRole.Admin);
  setDataSourceSrv({
    getInstanceSettings: (uid: string) =>
      uid === 'prom-dc1' ? ({ uid, name: 'Prometheus DC1' } as DataSourceInstanceSettings) : undefined,
  } as unknown as DataSourceSrv);
});

describe('App routes', () => {
  it('Home introduces the app with the configured datasource and links to every section', async () => {
    renderApp('home', CONFIGURED);

    expect(await screen.findByText('Prometheus DC1')).toBeInTheDocument();
    expect(screen.getByText('datacenter')).toBeInTheDocument();
    for (const section of ['Inventory', 'Health', 'Setup']) {
      expect(screen.getByRole('link', { name: `Open ${section}` })).toHaveAttribute(
        'href',
        `${PLUGIN_BASE_URL}/${section.toLowerCase()}`
      );
    }
  });

  it('a crafted cluster label in the settings is refused with a warning, and Home uses "cluster" instead', async () => {
    renderApp('home', { ...CONFIGURED, clusterLabel: 'cluster"} or vector(1) or {x="' });
    expect(await screen.findByTestId('app-settings-problems')).toHaveTextContent(/not a Prometheus label name/);
    expect(await screen.findByText('Prometheus DC1')).toBeInTheDocument();
    expect(screen.getByText('cluster')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('vector(1)</');
  });

  it('Inventory explains what it will list', async () => {
    renderApp('inventory', CONFIGURED);
    expect(await screen.findByText('The inventory is not available yet')).toBeInTheDocument();
    expect(screen.getByText(/every scrape target of Prometheus DC1/)).toBeInTheDocument();
  });

  it('Health asks the configured Prometheus and gives its verdict', async () => {
    renderApp('health', CONFIGURED);
    expect(await screen.findByText(/No problems found, but/)).toBeInTheDocument();
    expect(fetchCheckResults).toHaveBeenCalledWith(expect.anything(), 'prom-dc1', expect.anything());
  });

  it('Setup opens for an admin, on its sub-routes too', async () => {
    const { unmount } = renderApp('setup', CONFIGURED);
    expect(await screen.findByText(/Setup will bring dashboards and alert rules/)).toBeInTheDocument();
    unmount();

    renderApp('setup/plan', CONFIGURED);
    expect(await screen.findByText(/Setup will bring dashboards and alert rules/)).toBeInTheDocument();
  });

  it('an unknown path lands on Home', async () => {
    renderApp('no-such-page', CONFIGURED);
    expect(await screen.findByRole('link', { name: 'Open Inventory' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`${PLUGIN_BASE_URL}/home`);
  });
});

describe('Setup access', () => {
  it.each(['setup', 'setup/plan'])('a Viewer at %s sees why access is denied, not the page', async (path) => {
    signInAs(OrgRole.Viewer);
    renderApp(path, CONFIGURED);

    expect(await screen.findByText('Setup is for administrators')).toBeInTheDocument();
    expect(screen.getByText(SETUP_WRITE_ACTION)).toBeInTheDocument();
    expect(screen.getByText(/Ask an organization Admin/)).toBeInTheDocument();
    expect(screen.queryByText(/Setup will bring/)).not.toBeInTheDocument();
  });

  it('an Editor granted the setup permission gets in', async () => {
    signInAs(OrgRole.Editor, { [SETUP_WRITE_ACTION]: true });
    renderApp('setup', CONFIGURED);
    expect(await screen.findByText(/Setup will bring dashboards and alert rules/)).toBeInTheDocument();
  });

  it('Home does not offer Setup to a Viewer', async () => {
    signInAs(OrgRole.Viewer);
    renderApp('home', CONFIGURED);
    expect(await screen.findByRole('link', { name: 'Open Inventory' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open Setup' })).not.toBeInTheDocument();
  });
});

describe('Backup & restore access', () => {
  it('opens for an admin, on its sub-routes too', async () => {
    const { unmount } = renderApp('backup', CONFIGURED);
    expect(await screen.findByRole('button', { name: /Download backup/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Choose a backup file')).toBeInTheDocument();
    unmount();

    renderApp('backup/restore', CONFIGURED);
    expect(await screen.findByRole('button', { name: /Download backup/ })).toBeInTheDocument();
  });

  it.each(['backup', 'backup/restore'])('an Editor at %s sees why access is denied, not the page', async (path) => {
    signInAs(OrgRole.Editor);
    renderApp(path, CONFIGURED);

    expect(await screen.findByText('Backup & restore is for administrators')).toBeInTheDocument();
    expect(screen.getByText(SETUP_WRITE_ACTION)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Download backup/ })).not.toBeInTheDocument();
  });
});

describe('Before the app is configured', () => {
  it.each([
    ['home', /your exporters/],
    ['inventory', /the exporter inventory/],
    ['health', /the health of your monitoring stack/],
    ['setup', /which exporters you run/],
  ])('%s asks an admin to choose a datasource and links to the configuration page', async (path, need) => {
    renderApp(path, {});

    expect(await screen.findByText('Choose a Prometheus datasource first')).toBeInTheDocument();
    expect(screen.getByText(need)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open the configuration page/ })).toHaveAttribute(
      'href',
      '/plugins/fullstack-monitoring-app'
    );
  });

  it('tells a Viewer whom to ask instead of linking to a page they cannot open', async () => {
    signInAs(OrgRole.Viewer);
    renderApp('inventory', { clusterLabel: 'dc' });

    expect(await screen.findByText('Choose a Prometheus datasource first')).toBeInTheDocument();
    expect(screen.getByText(/Ask an organization Admin to choose it/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Open the configuration page/ })).not.toBeInTheDocument();
  });
});
