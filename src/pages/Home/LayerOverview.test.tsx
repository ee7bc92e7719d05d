import React from 'react';
import { of, throwError } from 'rxjs';
import { MemoryRouter } from 'react-router-dom';
import { render as renderUnrouted, screen, within } from '@testing-library/react';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { LayerOverview } from './LayerOverview';

// Grafana renders app pages inside its router; TextLink needs one.
const render = (ui: React.ReactElement) => renderUnrouted(<MemoryRouter>{ui}</MemoryRouter>);

/** A Grafana that answers /api/ds/query with one frame per (job, metric) pair. */
function grafanaAnswering(pairs: Array<[job: string, metric: string]>, requests: BackendSrvRequest[] = []) {
  setBackendSrv({
    fetch: (request: BackendSrvRequest) => {
      requests.push(request);
      return of({
        data: {
          results: {
            A: {
              status: 200,
              frames: pairs.map(([job, metric]) => ({
                schema: {
                  fields: [
                    { name: 'Time', type: 'time' },
                    { name: 'Value', type: 'number', labels: { job, metric } },
                  ],
                },
                data: { values: [[0], [1]] },
              })),
            },
          },
        },
      });
    },
  } as unknown as BackendSrv);
}

describe('the home page layer overview', () => {
  it('asks the chosen Prometheus which exporters it scrapes, and shows them by layer with links', async () => {
    const requests: BackendSrvRequest[] = [];
    grafanaAnswering(
      [
        ['node', 'node_uname_info'],
        ['db', 'pg_up'],
      ],
      requests
    );
    render(<LayerOverview datasourceUid="prom-dc1" />);

    const infrastructure = await screen.findByTestId('layer-infrastructure');
    expect(within(infrastructure).getByText('1 detected')).toBeInTheDocument();
    expect(within(infrastructure).getByRole('link', { name: 'Node exporter (node)' })).toHaveAttribute(
      'href',
      '/d/fsm-infrastructure-node'
    );
    expect(
      within(screen.getByTestId('layer-data')).getByRole('link', { name: /PostgreSQL|postgres/i })
    ).toBeInTheDocument();
    expect(within(screen.getByTestId('layer-message')).getByText('not monitored')).toBeInTheDocument();

    expect(requests[0].url).toBe('/api/ds/query');
    expect(requests[0].data.queries[0].datasource).toEqual({ uid: 'prom-dc1', type: 'prometheus' });
  });

  it('says so when Prometheus answers but no known exporter is scraped', async () => {
    grafanaAnswering([]);
    render(<LayerOverview datasourceUid="prom-dc1" />);
    expect(await screen.findByText('No known exporter found')).toBeInTheDocument();
  });

  it('explains a failed query and what to check', async () => {
    setBackendSrv({
      fetch: () => throwError(() => new Error('datasource not found')),
    } as unknown as BackendSrv);
    render(<LayerOverview datasourceUid="gone" />);
    expect(await screen.findByText('Could not ask Prometheus which exporters it scrapes')).toBeInTheDocument();
    expect(screen.getByText(/datasource not found/)).toBeInTheDocument();
  });
});
