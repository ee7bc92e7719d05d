import { check, notPresent, visible } from './assert';
import { APP_PATH, type Journey } from './journey';

const journeys: Journey[] = [
  {
    name: 'an Editor opening Setup sees the permission message, and Setup is not offered on Home',
    role: 'Editor',
    async run({ page, goto, sandbox }) {
      await goto(`${APP_PATH}/setup`);
      await visible(page.getByText('Setup is for administrators'), 'the permission message');
      await visible(page.getByText('fullstack-monitoring-app.setup:write'), 'the permission the Editor lacks');
      const writes = sandbox.calls.filter((c) => c.method !== 'GET' && c.path !== '/api/ds/query');
      check(writes.length === 0, `an Editor's visit to Setup wrote to Grafana: ${JSON.stringify(writes)}`);

      await goto(`${APP_PATH}/home`);
      await visible(page.getByRole('heading', { name: 'Home', exact: true }), 'the Home title');
      await visible(page.getByRole('link', { name: 'Open Inventory' }), 'the Inventory card');
      await notPresent(page.getByRole('link', { name: 'Open Setup' }), 'Setup card for an Editor');
    },
  },
  {
    name: 'an Admin opening Setup does not see the permission message',
    async run({ page, goto }) {
      await goto(`${APP_PATH}/setup`);
      await visible(page.getByRole('heading', { name: 'Setup', exact: true }), 'the Setup title');
      await notPresent(page.getByText('Setup is for administrators'), 'permission message for an Admin');
    },
  },
];

export default journeys;
