import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { fireEvent, render as rtlRender, screen, waitFor, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { of, throwError } from 'rxjs';
import { config, setBackendSrv, setDataSourceSrv, type BackendSrv, type DataSourceSrv } from '@grafana/runtime';
import HealthPage from './HealthPage';
import { fetchCheckResults } from '../../health/query';
import { healthChecks } from '../../health/checks';
import type { CheckResult } from '../../health/verdict';
import { memoryEstimateBytes } from '../../health/capacity';
import { formatValue } from '../../health/format';

// The query layer is mocked: these tests are about what the page says, given what Prometheus answered.
jest.mock('../../health/query', () => ({ fetchCheckResults: jest.fn() }));
// The panels need Grafana's panel plugins; the verdict does not depend on them.
jest.mock('./HealthPanels', () => ({
  __esModule: true,
  default: ({ datasourceUid }: { datasourceUid: string }) => (
    <div data-testid="health-scene">panels of {datasourceUid}</div>
  ),
}));

// Grafana's links are router links: the app renders pages inside its router.
const render = (ui: React.ReactElement) =>
  rtlRender(<MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>{ui}</MemoryRouter>);

const fetchMock = fetchCheckResults as jest.MockedFunction<typeof fetchCheckResults>;

/** Every non-optional check answers with a good value (see verdict.test.ts for the same idea). */
function healthyResults(): CheckResult[] {
  return healthChecks()
    .filter((c) => !c.optional)
    .map((c) => ({
      checkId: c.id,
      series: [
        {
          labels: { job: 'prometheus', instance: 'prom-1:9090' },
          value: c.judge?.direction === 'below' ? (c.unit === 'percentunit' || c.unit === 'bool_yes_no' ? 1 : 1e6) : 0,
        },
      ],
    }));
}

function replace(results: CheckResult[], result: CheckResult): CheckResult[] {
  return [...results.filter((r) => r.checkId !== result.checkId), result];
}

// Grafana's resource route of each Prometheus datasource, answering /api/v1/status/flags and /config.
const FLAGS: Record<string, Record<string, string> | number> = {
  'prom-dc1': {
    'storage.tsdb.retention.time': '2d',
    'storage.tsdb.retention': '0s',
    'storage.tsdb.retention.size': '0B',
  },
  mimir: 404,
};
const EXTERNAL_LABELS: Record<string, string> = { 'prom-dc1': 'global:\n  external_labels:\n    cluster: dc1\n' };
const resourceFetch = jest.fn((request: { url: string }) => {
  const [, uid, what] = /^\/api\/datasources\/uid\/([^/]+)\/resources\/api\/v1\/status\/(flags|config)$/.exec(
    request.url
  )!;
  const flags = FLAGS[uid];
  if (typeof flags === 'number') {
    return throwError(() => ({ status: flags, data: '404 page not found\n' }));
  }
  return of({
    status: 200,
    data: { status: 'success', data: what === 'flags' ? flags : { yaml: EXTERNAL_LABELS[uid] } },
  });
});

beforeEach(() => {
  fetchMock.mockReset();
  resourceFetch.mockClear();
  setBackendSrv({ fetch: resourceFetch } as unknown as BackendSrv);
  const datasources = [
    { uid: 'prom-dc1', name: 'Prometheus DC1', type: 'prometheus' },
    { uid: 'mimir', name: 'Mimir', type: 'prometheus' },
  ];
  setDataSourceSrv({
    getList: () => datasources,
    getInstanceSettings: (uid: string) => datasources.find((d) => d.uid === uid),
  } as unknown as DataSourceSrv);
  config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Admin };
});

describe('Health page', () => {
  it('says "Monitoring is healthy" when every check passes, and shows the panels of the chosen datasource', async () => {
    fetchMock.mockResolvedValue(healthyResults());
    render(<HealthPage jsonData={{ prometheusDatasourceUid: 'prom-dc1' }} />);

    expect(screen.getByText('Checking your monitoring stack…')).toBeInTheDocument();
    expect(await screen.findByText('Monitoring is healthy')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Problems, worst first' })).not.toBeInTheDocument();
    expect(await screen.findByTestId('health-scene')).toHaveTextContent('panels of prom-dc1');
    expect(fetchMock).toHaveBeenCalledWith(expect.any(Array), 'prom-dc1', expect.any(Function));
    expect(screen.getByText('Capacity plan')).toBeInTheDocument();
  });

  it('lists what is wrong, worst first, with the numbers and links to the detail', async () => {
    let results = replace(healthyResults(), {
      checkId: 'prometheus-failing-targets',
      series: [{ labels: { job: 'haproxy_exporter', instance: '10.0.0.2:9101' }, value: 0.8 }],
    });
    results = replace(results, {
      checkId: 'grafana-notification-failures',
      series: [{ labels: { job: 'grafana', instance: 'grafana:3000', integration: 'slack' }, value: 25 }],
    });
    results = results.filter((r) => r.checkId !== 'alertmanager-config-reload');
    fetchMock.mockResolvedValue(results);
    render(<HealthPage jsonData={{ prometheusDatasourceUid: 'prom-dc1' }} />);

    expect(await screen.findByText('Monitoring cannot be fully trusted: 1 critical, 1 warning')).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Problems, worst first' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'CriticalGrafana grafana:3000: 25% of notifications to slack failed.Notification failures',
      'WarningTarget 10.0.0.2:9101 of job haproxy_exporter is failing: only 80% of its recent scrapes succeeded.Scrape success by target',
      expect.stringMatching(/^No dataConfig reload successful: no data\. No Alertmanager is scraped/),
    ]);
    expect(within(items[0]).getByRole('link', { name: 'Notification failures' })).toHaveAttribute(
      'href',
      '/d/fsm-core-grafana?var-job=grafana&var-instance=grafana%3A3000'
    );
    expect(within(items[1]).getByRole('link', { name: 'Scrape success by target' })).toHaveAttribute(
      'href',
      '/a/fullstack-monitoring-app/health#prometheus'
    );
  });

  it('explains a failed query and checks again on request', async () => {
    fetchMock.mockRejectedValueOnce(
      new Error('Could not query the Prometheus datasource: data source not found (HTTP 404)')
    );
    fetchMock.mockResolvedValueOnce(healthyResults());
    render(<HealthPage jsonData={{ prometheusDatasourceUid: 'gone' }} />);

    expect(await screen.findByText('Could not check the monitoring stack')).toBeInTheDocument();
    expect(screen.getByText(/data source not found \(HTTP 404\)/)).toBeInTheDocument();
    expect(screen.getByText(/still exists and that you may query it/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Try again/ }));
    await waitFor(() => expect(screen.getByText('Monitoring is healthy')).toBeInTheDocument());
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('reads each server’s retention from its flags and says where every figure came from', async () => {
    const capacity = (labels: Record<string, string>) =>
      ['capacity-active-series', 'capacity-samples-rate'].map((checkId) => ({
        checkId,
        series: [{ labels: { job: 'prometheus', ...labels }, value: 1000 }],
      }));
    let results = healthyResults().filter((r) => !r.checkId.startsWith('capacity-'));
    results = [
      ...results,
      ...capacity({ instance: 'mimir:8080' }),
      ...capacity({ cluster: 'dc1', instance: 'edge:9090' }),
    ];
    results = [...results, ...capacity({ cluster: 'dc2', instance: 'edge:9090' })];
    results = [
      ...results.filter((r) => !r.checkId.startsWith('capacity-')),
      ...['capacity-active-series', 'capacity-samples-rate'].map((checkId) => ({
        checkId,
        series: results.filter((r) => r.checkId === checkId).flatMap((r) => r.series),
      })),
    ];
    // Only Mimir's server reports its resident memory (108 MiB).
    results = [
      ...results,
      {
        checkId: 'capacity-memory-used',
        series: [{ labels: { job: 'prometheus', instance: 'mimir:8080' }, value: 108 * 2 ** 20 }],
      },
    ];
    fetchMock.mockResolvedValue(results);
    render(<HealthPage jsonData={{ prometheusDatasourceUid: 'mimir' }} />);

    const table = await screen.findByRole('table');
    await waitFor(() => expect(table).toHaveTextContent('from --storage.tsdb.retention.time on “Prometheus DC1”'));
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows.find((r) => r?.includes('dc1 · edge:9090'))).toMatch(
      /^dc1 · edge:9090.*2 d \(from --storage\.tsdb\.retention\.time on “Prometheus DC1”\)/
    );
    expect(rows.find((r) => r?.includes('mimir:8080'))).toContain(
      'assumed 15 days: flags not readable through “Mimir”: this server has no flags API (Mimir and Cortex have none)'
    );
    // The estimate for 1,000 active series, beside what the server uses where it says, alone where it does not
    // (not beside "uses –").
    const estimate = formatValue(memoryEstimateBytes(1000), 'bytes');
    expect(rows.find((r) => r?.includes('mimir:8080'))).toContain(`${estimate} (uses 108 MiB)`);
    expect(rows.find((r) => r?.includes('dc1 · edge:9090'))).toContain(estimate);
    expect(rows.filter((r) => r?.includes('(uses'))).toHaveLength(1);
    expect(rows.find((r) => r?.includes('dc2'))).toContain(
      'assumed 15 days: no Prometheus datasource in this Grafana has the external labels cluster=dc2'
    );

    // The field is found by its label (screen readers announce it), and what is typed there wins over the flags.
    fireEvent.change(screen.getByLabelText(/^Retention \(days\)/), { target: { value: '30' } });
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .find((row) => row.textContent?.includes('dc1 · edge:9090'))
      ).toHaveTextContent('30 d (entered)')
    );
  });

  it('tells the servers of an HA pair apart by the app’s replica labels', async () => {
    const edge = (replica: string) => ({
      cluster: 'dc1',
      ha_member: replica,
      job: 'prometheus',
      instance: 'edge:9090',
    });
    let results = healthyResults().filter((r) => !r.checkId.startsWith('capacity-'));
    results = replace(results, {
      checkId: 'prometheus-failing-targets',
      series: [{ labels: { ...edge('b'), job: 'node', instance: 'node-1:9100' }, value: 0.8 }],
    });
    results = [
      ...results,
      ...['capacity-active-series', 'capacity-samples-rate'].map((checkId) => ({
        checkId,
        series: [
          { labels: edge('a'), value: 1000 },
          { labels: edge('b'), value: checkId === 'capacity-samples-rate' ? 20 : 1000 },
        ],
      })),
    ];
    fetchMock.mockResolvedValue(results);
    render(<HealthPage jsonData={{ prometheusDatasourceUid: 'prom-dc1', replicaLabels: ['ha_member'] }} />);

    expect(
      await screen.findByText(/only 80% of its recent scrapes succeeded\. \[cluster=dc1, ha_member=b\]$/)
    ).toBeInTheDocument();
    const [checks, , queryOf] = fetchMock.mock.calls[0];
    const scrapeSuccess = checks.find((c) => c.id === 'prometheus-scrape-success')!;
    expect(queryOf(scrapeSuccess)).toBe('avg by (cluster, ha_member, job) (up)');
    const rows = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows.filter((r) => r?.startsWith('dc1 · '))).toEqual([
      expect.stringMatching(/^dc1 · a · edge:9090/),
      expect.stringMatching(/^dc1 · b · edge:9090.*20\/s/),
    ]);
  });

  it('asks for a datasource before anything else', async () => {
    render(<HealthPage jsonData={{}} />);
    expect(await screen.findByText('Choose a Prometheus datasource first')).toBeInTheDocument();
    expect(screen.getByText(/the health of your monitoring stack/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
