import React from 'react';
import { of, throwError } from 'rxjs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PluginType, type DataSourceInstanceSettings } from '@grafana/data';
import { setBackendSrv, setDataSourceSrv, type BackendSrv, type DataSourceSrv } from '@grafana/runtime';
import AppConfig, { type AppConfigProps } from './AppConfig';
import { reloadPage } from '../../utils/reloadPage';
import type { AppJsonData } from '../../types';

jest.mock('../../utils/reloadPage', () => ({ reloadPage: jest.fn() }));

const PLUGIN_ID = 'fullstack-monitoring-app';

function prometheus(uid: string, name: string): DataSourceInstanceSettings {
  return {
    uid,
    name,
    type: 'prometheus',
    id: name.length,
    access: 'proxy',
    readOnly: false,
    jsonData: {},
    meta: { id: 'prometheus', name: 'Prometheus', info: { logos: { small: '', large: '' } } },
  } as unknown as DataSourceInstanceSettings;
}

const datasources = [prometheus('prom-dc1', 'Prometheus DC1'), prometheus('prom-dc2', 'Prometheus DC2')];
const loki = { ...prometheus('loki-1', 'Loki'), type: 'loki' } as DataSourceInstanceSettings;

// Behaves like Grafana's DatasourceSrv for what the real DataSourcePicker uses: lookup by uid or
// name, and listing filtered by type.
const dataSourceSrv = {
  getList: ({ type }: { type?: string } = {}) => [...datasources, loki].filter((ds) => !type || ds.type === type),
  getInstanceSettings: (ref: string | null | undefined) =>
    [...datasources, loki].find((ds) => ds.uid === ref || ds.name === ref),
} as unknown as DataSourceSrv;

const fetchMock = jest.fn();

function renderConfig(meta: { enabled?: boolean; pinned?: boolean; jsonData?: AppJsonData & Record<string, unknown> }) {
  const props = {
    plugin: {
      meta: {
        id: PLUGIN_ID,
        name: 'Full-Stack Monitoring',
        type: PluginType.app,
        enabled: true,
        pinned: true,
        ...meta,
      },
    },
    query: {},
  } as unknown as AppConfigProps;
  return render(<AppConfig {...props} />);
}

function chooseDatasource(name: string) {
  const input = screen.getByLabelText(/^Prometheus datasource/);
  fireEvent.focus(input);
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.click(screen.getByText(name));
}

const saveButton = () => screen.getByRole('button', { name: /save settings/i });
const clusterLabelInput = () => screen.getByLabelText<HTMLInputElement>(/^Cluster label/);
const replicaLabelsInput = () => screen.getByLabelText<HTMLInputElement>(/^Replica labels/);

// Grafana's Select menu observes its options; jsdom has no IntersectionObserver.
beforeAll(() => {
  window.IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
});

beforeEach(() => {
  fetchMock.mockReset();
  jest.mocked(reloadPage).mockReset();
  setBackendSrv({ fetch: fetchMock } as unknown as BackendSrv);
  setDataSourceSrv(dataSourceSrv);
});

describe('App config page', () => {
  it('lets an admin pick a Prometheus datasource, rename the cluster label and save, keeping the other settings', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: { message: 'Plugin settings updated' } }));
    renderConfig({
      enabled: true,
      pinned: false,
      jsonData: { prometheusDatasourceUid: 'prom-dc1', clusterLabel: 'cluster', thresholdOverrides: { cpu: 85 } },
    });

    // The current selection is shown, and only Prometheus datasources are offered.
    expect(screen.getByText('Prometheus DC1')).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
    const input = screen.getByLabelText(/^Prometheus datasource/);
    fireEvent.focus(input);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.queryByText('Loki')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('Prometheus DC2'));

    fireEvent.change(clusterLabelInput(), { target: { value: 'datacenter' } });
    expect(saveButton()).toBeEnabled();
    fireEvent.click(saveButton());

    await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0][0];
    expect(request.url).toBe(`/api/plugins/${PLUGIN_ID}/settings`);
    expect(request.method).toBe('POST');
    expect(request.data).toEqual({
      enabled: true,
      pinned: false,
      jsonData: {
        prometheusDatasourceUid: 'prom-dc2',
        clusterLabel: 'datacenter',
        replicaLabels: ['replica', 'prometheus_replica'],
        thresholdOverrides: { cpu: 85 },
      },
    });
  });

  it('saves the replica labels as a list, validated like the cluster label and never the cluster label itself', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: {} }));
    renderConfig({ jsonData: { prometheusDatasourceUid: 'prom-dc1', clusterLabel: 'dc' } });
    expect(replicaLabelsInput().value).toBe('replica, prometheus_replica');
    expect(saveButton()).toBeDisabled();

    for (const [typed, message] of [
      ['', /at least one label name/],
      ['replica, 2nd', /"2nd": A Prometheus label name starts with a letter/],
      ['replica, __replica', /reserved for Prometheus/],
      ['replica, replica', /"replica" is listed twice/],
      ['replica, dc', /"dc" is the cluster label/],
    ] as const) {
      fireEvent.change(replicaLabelsInput(), { target: { value: typed } });
      expect({ typed, shown: screen.getByText(message) }).toBeTruthy();
      expect(saveButton()).toBeDisabled();
    }

    fireEvent.change(replicaLabelsInput(), { target: { value: ' replica ,ha_member, ' } });
    expect(screen.queryByText(/label name/)).not.toBeInTheDocument();
    fireEvent.click(saveButton());
    await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls[0][0].data.jsonData).toEqual({
      prometheusDatasourceUid: 'prom-dc1',
      clusterLabel: 'dc',
      replicaLabels: ['replica', 'ha_member'],
    });
  });

  it('configures a fresh install: defaults the cluster label and requires a datasource before saving', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: {} }));
    renderConfig({ jsonData: {} });

    expect(clusterLabelInput().value).toBe('cluster');
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText('Choose a Prometheus datasource to save.')).toBeInTheDocument();

    chooseDatasource('Prometheus DC1');
    fireEvent.click(saveButton());

    await waitFor(() => expect(reloadPage).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0].data).toEqual({
      enabled: true,
      pinned: true,
      jsonData: {
        prometheusDatasourceUid: 'prom-dc1',
        clusterLabel: 'cluster',
        replicaLabels: ['replica', 'prometheus_replica'],
      },
    });
  });

  it('shows why saving failed and keeps what the user typed', async () => {
    fetchMock.mockReturnValue(
      throwError(() => ({ status: 500, statusText: 'Internal Server Error', data: { message: 'database is locked' } }))
    );
    renderConfig({ jsonData: { prometheusDatasourceUid: 'prom-dc1' } });

    fireEvent.change(clusterLabelInput(), { target: { value: 'dc' } });
    fireEvent.click(saveButton());

    const alert = await screen.findByRole('alert', { name: 'Could not save the settings' });
    expect(within(alert).getByText(/database is locked \(HTTP 500\)/)).toBeInTheDocument();
    expect(within(alert).getByText(/try again/)).toBeInTheDocument();
    expect(reloadPage).not.toHaveBeenCalled();
    expect(clusterLabelInput().value).toBe('dc');
    expect(screen.getByText('Prometheus DC1')).toBeInTheDocument();
    // The user can retry straight away.
    expect(saveButton()).toBeEnabled();
  });

  it('tells a non-admin whom to ask when Grafana refuses the save', async () => {
    fetchMock.mockReturnValue(throwError(() => ({ status: 403, data: { message: 'Permission denied' } })));
    renderConfig({ jsonData: { prometheusDatasourceUid: 'prom-dc1' } });

    fireEvent.change(clusterLabelInput(), { target: { value: 'dc' } });
    fireEvent.click(saveButton());

    const alert = await screen.findByRole('alert', { name: 'Could not save the settings' });
    expect(alert).toHaveTextContent('Permission denied (HTTP 403)');
    expect(alert).toHaveTextContent('ask one of them');
  });

  it('rejects a cluster label that is not a Prometheus label name', () => {
    renderConfig({ jsonData: { prometheusDatasourceUid: 'prom-dc1' } });

    fireEvent.change(clusterLabelInput(), { target: { value: '1-datacenter' } });
    expect(screen.getByText(/starts with a letter or "_"/)).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();

    fireEvent.change(clusterLabelInput(), { target: { value: '__cluster' } });
    expect(screen.getByText(/reserved for Prometheus/)).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();

    fireEvent.change(clusterLabelInput(), { target: { value: 'data_center_2' } });
    expect(screen.queryByText(/starts with a letter or "_"/)).not.toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
  });

  it('warns when the saved datasource no longer exists', () => {
    renderConfig({ jsonData: { prometheusDatasourceUid: 'deleted-uid' } });

    expect(screen.getByText(/The saved datasource \(uid "deleted-uid"\) no longer exists/)).toBeInTheDocument();
    chooseDatasource('Prometheus DC2');
    expect(screen.queryByText(/no longer exists/)).not.toBeInTheDocument();
  });

  it('enables a disabled app without losing its settings', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: {} }));
    renderConfig({ enabled: false, pinned: false, jsonData: { clusterLabel: 'dc', custom: 'kept' } });

    expect(screen.queryByRole('button', { name: 'Disable' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Enable' }));

    await waitFor(() => expect(reloadPage).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0].data).toEqual({
      enabled: true,
      pinned: true,
      jsonData: { clusterLabel: 'dc', custom: 'kept' },
    });
  });

  it('disables an enabled app', async () => {
    fetchMock.mockReturnValue(of({ status: 200, data: {} }));
    renderConfig({ enabled: true, pinned: true, jsonData: { prometheusDatasourceUid: 'prom-dc1' } });

    fireEvent.click(screen.getByRole('button', { name: 'Disable' }));

    await waitFor(() => expect(reloadPage).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0].data).toEqual({
      enabled: false,
      pinned: false,
      jsonData: { prometheusDatasourceUid: 'prom-dc1' },
    });
  });

  it('creates the inventory datasource from the saved Prometheus datasource, and reports what is still needed', async () => {
    fetchMock.mockImplementation((request: { url: string; method: string }) => {
      if (request.url === '/api/datasources/uid/prom-dc1') {
        return of({
          status: 200,
          data: {
            uid: 'prom-dc1',
            name: 'Prometheus DC1',
            type: 'prometheus',
            url: 'http://prom:9090',
            basicAuth: true,
            basicAuthUser: 'viewer',
          },
        });
      }
      if (request.url === '/api/datasources/uid/fsm-inventory') {
        return throwError(() => ({ status: 404, data: { message: 'Data source not found' } }));
      }
      return of({ status: 200, data: { message: 'Datasource added' } });
    });
    renderConfig({ enabled: true, jsonData: { prometheusDatasourceUid: 'prom-dc1' } });

    fireEvent.click(screen.getByRole('button', { name: 'Create the inventory datasource' }));

    const alert = await screen.findByRole('alert', { name: /Created the inventory datasource/ });
    expect(within(alert).getByText(/the password of "viewer"/)).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Open its settings' })).toHaveAttribute(
      'href',
      '/connections/datasources/edit/fsm-inventory'
    );
    const post = fetchMock.mock.calls.map(([r]) => r).find((r) => r.method === 'POST');
    expect(post.data).toMatchObject({
      uid: 'fsm-inventory',
      jsonData: { prometheusUrl: 'http://prom:9090', authMode: 'basic', basicAuthUser: 'viewer' },
    });
    // The app settings themselves were not touched.
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('offers the inventory datasource only once a Prometheus datasource is saved', () => {
    renderConfig({ enabled: true, jsonData: {} });
    expect(screen.getByRole('button', { name: 'Create the inventory datasource' })).toBeDisabled();
  });
});
