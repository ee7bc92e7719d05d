import { PROMETHEUS_UID } from '../grafanaApi';
import { check, notPresent, pageText, visible } from './assert';
import { APP_PATH, type Journey } from './journey';

const journeys: Journey[] = [
  {
    name: 'Home shows the stack exporters by layer, without console errors',
    async run({ page, goto, sandbox, screenshot }) {
      await goto(`${APP_PATH}/home`);
      await visible(page.getByRole('heading', { name: 'Home' }), 'the Home title');
      try {
        await visible(page.locator('[data-testid^="layer-"]'), 'the layer cards');
      } catch (error) {
        throw new Error(`${(error as Error).message}; the page says: ${await pageText(page)}`);
      }
      const infrastructure = page.getByTestId('layer-infrastructure');
      await visible(
        // job node (the real node_exporter), beside the served family fixture's job fixture_node
        infrastructure.getByText(/Node exporter \((?:[^)]*, )?node(?:, [^)]*)?\)/),
        'node_exporter (job "node") under Infrastructure'
      );
      await visible(page.getByTestId('layer-data').getByText(/PostgreSQL/i), 'postgres_exporter under Data & storage');
      await visible(page.getByTestId('layer-core').getByText(/Prometheus/), 'Prometheus under the monitoring layer');
      await notPresent(page.getByTestId('sandbox-load-error'), 'sandbox load error');

      const queries = sandbox.calls.filter((c) => c.path.startsWith('/api/ds/query'));
      check(queries.length > 0, 'Home made no /api/ds/query request');
      check(
        queries.every((c) => c.status === 200),
        `a /api/ds/query failed: ${JSON.stringify(queries.map((c) => c.status))}`
      );
      const body = queries[0].body as { queries: Array<{ datasource: { uid: string } }> };
      check(
        body.queries[0].datasource.uid === PROMETHEUS_UID,
        'Home queried another datasource than the configured one'
      );
      await screenshot('home');
    },
  },
  {
    name: 'Home on a fresh install asks an Admin to choose a datasource',
    seed: { appJsonData: null },
    async run({ page, goto }) {
      await goto(`${APP_PATH}/home`);
      await visible(page.getByText('Choose a Prometheus datasource first'), 'the not-configured message');
      await visible(
        page.getByRole('link', { name: /Open the configuration page/ }),
        'the link to the configuration page'
      );
    },
  },
];

export default journeys;
