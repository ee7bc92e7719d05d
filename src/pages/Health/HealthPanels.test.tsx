import React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { of } from 'rxjs';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import HealthPanels from './HealthPanels';
import { healthPanels } from '../../health/panels';
import { DEFAULT_REPLICA_LABELS } from '../../constants';

// Every panel asks the datasource once per range; the answers do not matter here.
const query = jest.fn(() => of({ data: [] }));

beforeEach(() => {
  query.mockClear();
  setDataSourceSrv({ get: () => Promise.resolve({ query }) } as unknown as DataSourceSrv);
  // jsdom lays nothing out: the panels query only once they have a width.
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 400 } as DOMRect);
  // PanelChrome's title watches its own size; jsdom has no ResizeObserver.
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

afterEach(() => jest.restoreAllMocks());

describe('Health panels', () => {
  it('has a refresh button a screen reader can name, which runs every panel again', async () => {
    render(<HealthPanels datasourceUid="prom" clusterLabel="cluster" replicaLabels={DEFAULT_REPLICA_LABELS} />);
    const panels = healthPanels('cluster').filter((p) => !p.dashboardOnly).length;
    await waitFor(() => expect(query).toHaveBeenCalledTimes(panels));

    fireEvent.click(screen.getByRole('button', { name: 'Refresh the panels' }));

    await waitFor(() => expect(query).toHaveBeenCalledTimes(2 * panels));
  });
});
