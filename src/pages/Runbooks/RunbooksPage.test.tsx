import React from 'react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { of, throwError } from 'rxjs';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { alertRunbookUrl, RUNBOOK_ASSET_PATH } from '../../catalog/links';
import { nodeExporter } from '../../catalog/exporters/node';
import RunbooksPage from './RunbooksPage';

const committed = (exporter: string) => readFileSync(join(__dirname, `../../../docs/runbooks/${exporter}.md`), 'utf8');

/** A Grafana serving the plugin's files as it serves public/plugins/<id>/… (404 for anything else). */
function grafanaServing(files: Record<string, string>, requests: BackendSrvRequest[] = []) {
  setBackendSrv({
    fetch: (request: BackendSrvRequest) => {
      requests.push(request);
      const body = files[request.url];
      return body === undefined
        ? throwError(() => ({ status: 404, statusText: 'Not Found', data: {} }))
        : of({ data: body, status: 200, ok: true });
    },
  } as unknown as BackendSrv);
}

/** Opens the page the way an alert's runbook_url does (the app's route prefix stripped, as Grafana does). */
function openLink(url: string) {
  const inApp = url.replace(/^\/a\/[^/]+\//, '/');
  return render(
    <MemoryRouter initialEntries={[inApp]}>
      <Routes>
        <Route path="/runbooks" element={<RunbooksPage />} />
        <Route path="/runbooks/:exporter" element={<RunbooksPage />} />
      </Routes>
    </MemoryRouter>
  );
}

describe('the Runbooks page', () => {
  const scrolled: Element[] = [];
  beforeAll(() => {
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
  });
  beforeEach(() => (scrolled.length = 0));

  it('opens an alert’s runbook link on that alert’s section, rendered from the shipped Markdown', async () => {
    const requests: BackendSrvRequest[] = [];
    grafanaServing({ [`${RUNBOOK_ASSET_PATH}/node.md`]: committed('node') }, requests);
    // The last alert, so the page has to scroll past every other section to reach it.
    const alert = nodeExporter.alerts[nodeExporter.alerts.length - 1];
    const { container } = openLink(alertRunbookUrl(nodeExporter, alert));

    const heading = await screen.findByRole('heading', { name: alert.name });
    const section = container.querySelector(`section#${alert.id}`);
    expect(section).toContainElement(heading);
    expect(scrolled).toContain(section);
    // The expression that fired is shown as code, not as HTML.
    expect(section?.querySelector('pre code')?.textContent).toMatch(/^.*node_/);
    expect(requests.map((r) => r.url)).toEqual([`${RUNBOOK_ASSET_PATH}/node.md`]);
  });

  it('drops script from the Markdown (Grafana’s sanitiser)', async () => {
    grafanaServing({
      [`${RUNBOOK_ASSET_PATH}/node.md`]:
        '# Node\n\n<script>window.pwned = 1</script><img src=x onerror="window.pwned=1">\n',
    });
    const { container } = openLink('/a/fullstack-monitoring-app/runbooks/node');
    await screen.findByRole('heading', { name: 'Node' });
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
  });

  it('fetches nothing for an id the catalog does not know, and says so', async () => {
    const requests: BackendSrvRequest[] = [];
    grafanaServing({}, requests);
    openLink('/a/fullstack-monitoring-app/runbooks/..%2F..%2Fapi');
    expect(await screen.findByText(/There is no runbook for/)).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('explains a runbook the plugin does not serve', async () => {
    grafanaServing({});
    openLink('/a/fullstack-monitoring-app/runbooks/postgres#down');
    expect(await screen.findByText(/Could not load the PostgreSQL/)).toBeInTheDocument();
    expect(screen.getByText(/HTTP 404/)).toBeInTheDocument();
  });

  it('lists every exporter’s runbook by layer', async () => {
    grafanaServing({});
    openLink('/a/fullstack-monitoring-app/runbooks');
    expect(await screen.findByRole('link', { name: 'Node exporter' })).toHaveAttribute(
      'href',
      '/a/fullstack-monitoring-app/runbooks/node'
    );
  });
});
