import React from 'react';
import { of, throwError } from 'rxjs';
import { MemoryRouter } from 'react-router-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OrgRole, type DataSourceInstanceSettings } from '@grafana/data';
import {
  config,
  setBackendSrv,
  setDataSourceSrv,
  type BackendSrv,
  type BackendSrvRequest,
  type DataSourceSrv,
} from '@grafana/runtime';
import { DataSource } from '../../datasource/DataSource';
import type { InventoryDataSourceOptions } from '../../datasource/types';
import InventoryPage from './InventoryPage';

const fetchMock = jest.fn();
const SETTINGS = {
  uid: 'fsm-inventory',
  name: 'Full-Stack Inventory',
  type: 'fullstack-inventory-datasource',
  url: '/api/datasources/proxy/uid/fsm-inventory',
  jsonData: { prometheusUrl: 'http://prometheus:9090' },
} as DataSourceInstanceSettings<InventoryDataSourceOptions>;

function withDatasources(inventory: boolean) {
  const ds = new DataSource(SETTINGS);
  setDataSourceSrv({
    getInstanceSettings: (uid: string) =>
      uid === 'fsm-inventory' && inventory
        ? SETTINGS
        : uid === 'prom'
          ? ({ uid, name: 'Prometheus DC1' } as DataSourceInstanceSettings)
          : undefined,
    getList: () => [],
    get: async () => ds,
  } as unknown as DataSourceSrv);
}

const target = (job: string, instance: string, health: string, labels: Record<string, string> = {}) => ({
  labels: { job, instance, ...labels },
  health,
  lastError: health === 'down' ? 'dial tcp: connection refused' : '',
  lastScrape: new Date().toISOString(),
  lastScrapeDuration: 0.01,
  scrapePool: job,
  scrapeUrl: `http://${instance}/metrics`,
});

function prometheus(targets: unknown[], { failTargets = false } = {}) {
  fetchMock.mockImplementation((r: BackendSrvRequest) => {
    if (r.url.endsWith('/api/v1/targets')) {
      return failTargets
        ? throwError(() => ({
            status: 502,
            data: { message: 'dial tcp 10.0.0.9:9090: connect: connection refused' },
            statusText: 'Bad Gateway',
          }))
        : of({ status: 200, data: { status: 'success', data: { activeTargets: targets } } });
    }
    const detection = (targets as Array<{ labels: Record<string, string> }>)
      .filter((t) => t.labels.job === 'node')
      .map((t) => ({
        metric: { __name__: 'node_uname_info', job: t.labels.job, instance: t.labels.instance },
        value: [0, '1'],
      }));
    return of({
      status: 200,
      data: {
        status: 'success',
        data: { resultType: 'vector', result: r.params?.query?.startsWith('group by (job') ? detection : [] },
      },
    });
  });
}

// In a router, as the app renders its pages: links to dashboards are router links.
const renderPage = (jsonData = { prometheusDatasourceUid: 'prom' }) =>
  render(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <InventoryPage jsonData={jsonData} />
    </MemoryRouter>
  );

beforeAll(() => {
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
beforeEach(() => {
  fetchMock.mockReset();
  setBackendSrv({ fetch: fetchMock } as unknown as BackendSrv);
  config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Admin, permissions: {} };
});

describe('Inventory page', () => {
  it('lists targets unhealthy first with a per-layer summary, rendering hostile label values as text', async () => {
    const nasty = '<script>window.__pwned = true</script>"quoted"\nnext line';
    withDatasources(true);
    prometheus([
      target('node', 'web-1:9100', 'up'),
      target('node', 'web-2:9100', 'down', { note: nasty }),
      target('app', 'app:8080', 'up'),
    ]);

    renderPage();

    expect(await screen.findByText(/3 targets, 1 not up \(listed first\)/)).toBeInTheDocument();
    // Above the table, where the Last error column cannot be cut off: the target and why it is down.
    expect(screen.getByTestId('targets-not-up')).toHaveTextContent(
      /^Node exporter web-2:9100 \(node\) — down: dial tcp: connection refused$/
    );
    const infrastructure = screen.getAllByTestId('layer-summary')[0];
    expect(within(infrastructure).getByText('1 / 2 up')).toBeInTheDocument();
    const cells = screen.getAllByRole('cell').map((c) => c.textContent);
    expect(cells.findIndex((t) => t === 'web-2:9100')).toBeLessThan(cells.findIndex((t) => t === 'web-1:9100'));
    expect(document.querySelector('script')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(screen.getByText(/<script>window.__pwned = true<\/script>/)).toBeInTheDocument();
  });

  it('filters from a column header, as the line above the table says', async () => {
    withDatasources(true);
    prometheus([target('node', 'web-1:9100', 'up'), target('app', 'app:8080', 'up')]);
    renderPage();
    expect(await screen.findByText(/filter from a column's header/)).toBeInTheDocument();

    // Each header holds its sort button (named by the column) and, when filterable, an icon-only filter button.
    const job = screen.getAllByRole('columnheader').find((h) => within(h).queryByRole('button', { name: 'Job' }))!;
    const filter = within(job)
      .getAllByRole('button')
      .find((b) => b.textContent !== 'Job');
    expect(filter).toBeDefined();
    fireEvent.click(filter!);
    expect(await screen.findByText('Filter by values:')).toBeInTheDocument();
  });

  it('shows what failed and retries', async () => {
    withDatasources(true);
    prometheus([], { failTargets: true });
    renderPage();

    expect(await screen.findByText('Could not load the inventory')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Grafana could not reach Prometheus at http:\/\/prometheus:9090 \(dial tcp .*connection refused, HTTP 502\)/
      )
    ).toBeInTheDocument();

    prometheus([target('node', 'web-1:9100', 'up')]);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/^1 target, all up/)).toBeInTheDocument();
  });

  it('says so when Prometheus scrapes nothing', async () => {
    withDatasources(true);
    prometheus([]);
    renderPage();
    expect(await screen.findByText('Prometheus has no active targets')).toBeInTheDocument();
  });

  it('offers admins to create the missing inventory datasource, and tells others whom to ask', async () => {
    withDatasources(false);
    const { unmount } = renderPage();
    expect(screen.getByText('The inventory is not available yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create the inventory datasource' })).toBeEnabled();
    unmount();

    config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Viewer, permissions: {} };
    renderPage();
    expect(screen.queryByRole('button', { name: 'Create the inventory datasource' })).not.toBeInTheDocument();
    expect(screen.getByText(/Ask an organization Admin/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('handles 10,000 targets, rendering only the visible rows', async () => {
    withDatasources(true);
    prometheus(
      Array.from({ length: 10_000 }, (_, i) => target('node', `host-${i}:9100`, i % 100 === 0 ? 'down' : 'up'))
    );
    renderPage();
    expect(await screen.findByText(/10,000 targets, 100 not up/)).toBeInTheDocument();
    expect(within(screen.getByTestId('targets-not-up')).getAllByRole('link')).toHaveLength(20);
    expect(screen.getByTestId('targets-not-up')).toHaveTextContent(/and 80 more, first in the table below\.$/);
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(1));
    expect(screen.getAllByRole('row').length).toBeLessThan(100);
  }, 20_000);
});
