import { INVENTORY_UID } from '../grafanaApi';
import { requireStackEnv } from '../stack';
import { check, visible } from './assert';
import type { Journey } from './journey';

const EDIT_PATH = `/connections/datasources/edit/${INVENTORY_UID}`;
const ALERT = '[data-testid="data-testid Data source settings page Alert"]';

const journeys: Journey[] = [
  {
    name: 'inventory datasource: Save & test reaches the stack Prometheus through the proxy route',
    async run(ctx) {
      const { page, goto, sandbox } = ctx;
      await goto(EDIT_PATH);
      await visible(page.getByLabel(/Prometheus URL/), 'the Prometheus URL field of the config editor');
      await page.getByTestId('data-testid Data source settings page Save and Test button').click();
      await visible(page.locator(ALERT), 'the test result');
      const result = await page.locator(ALERT).innerText();
      check(/Prometheus 2\.\d+/.test(result), `Save & test did not report the Prometheus version: "${result}"`);
      const proxied = sandbox.calls.filter((c) => c.path.startsWith(`/api/datasources/proxy/uid/${INVENTORY_UID}/`));
      check(proxied.length > 0 && proxied.every((c) => c.status === 200), `proxy calls: ${JSON.stringify(proxied)}`);
      const saved = sandbox.calls.find((c) => c.method === 'PUT' && c.path === `/api/datasources/uid/${INVENTORY_UID}`);
      check(saved?.status === 200, 'Save & test did not save the datasource first');
    },
  },
  {
    name: 'inventory datasource: Save & test with an unreachable URL fails with a message naming it',
    expectedConsoleErrors: [/status of 502/],
    async run(ctx) {
      const { page, goto } = ctx;
      await goto(EDIT_PATH);
      const url = page.getByLabel(/Prometheus URL/);
      await url.fill('http://127.0.0.1:9');
      await page.getByTestId('data-testid Data source settings page Save and Test button').click();
      await visible(page.locator(ALERT), 'the test result');
      const result = await page.locator(ALERT).innerText();
      check(result.includes('127.0.0.1:9'), `the failure does not name the URL: "${result}"`);
      check(!/Connected/.test(result), `an unreachable URL tested as working: "${result}"`);
    },
  },
  {
    name: 'inventory datasource: behind basic auth, Save & test says what is wrong without credentials and with a wrong password, and connects with the right one',
    expectedConsoleErrors: [/status of 400/],
    async run(ctx) {
      const { page, goto, sandbox, grafana } = ctx;
      const url = requireStackEnv('FSM_PROM_AUTH_URL');
      const user = requireStackEnv('FSM_PROM_AUTH_USER');
      const password = requireStackEnv('FSM_PROM_AUTH_PASSWORD');
      const wrongPassword = `${password}-wrong`;
      const button = page.getByTestId('data-testid Data source settings page Save and Test button');
      /** Clicks Save & test and returns the new result (not the previous one still on screen) and the calls it made. */
      const saveAndTest = async () => {
        const before = sandbox.calls.length;
        await button.click();
        const deadline = Date.now() + 20_000;
        // Done when this click's save went out and the button is enabled again (it is disabled while testing).
        while (!(sandbox.calls.slice(before).some((c) => c.method === 'PUT') && (await button.isEnabled()))) {
          check(Date.now() < deadline, 'Save & test did not finish within 20 s');
          await page.waitForTimeout(100);
        }
        await visible(page.locator(ALERT), 'the test result');
        return { result: await page.locator(ALERT).innerText(), calls: sandbox.calls.slice(before) };
      };

      await goto(EDIT_PATH);
      await page.getByLabel(/Prometheus URL/).fill(url);

      // 1. No credentials: Prometheus' proxy answers 401, Grafana turns it into 400, the message says what to choose.
      const anonymous = await saveAndTest();
      check(
        anonymous.result.includes(`Prometheus at ${url} requires authentication`) &&
          /Choose Basic or Bearer token/.test(anonymous.result),
        `without credentials: "${anonymous.result}"`
      );

      // 2. Basic auth with a wrong password: the message says the credentials were rejected and what to re-enter.
      await page.getByRole('radio', { name: 'Basic auth' }).check();
      await page.getByLabel('User', { exact: true }).fill(user);
      await page.getByLabel(/^Password/).fill(wrongPassword);
      const wrong = await saveAndTest();
      check(
        wrong.result.includes(`Prometheus at ${url} rejected the credentials`) &&
          /Re-enter the user and password/.test(wrong.result),
        `with a wrong password: "${wrong.result}"`
      );
      check(!/Connected/.test(wrong.result), `a wrong password tested as working: "${wrong.result}"`);
      const basicRoute = `/api/datasources/proxy/uid/${INVENTORY_UID}/prometheus-basic/`;
      const proxied = wrong.calls.filter((c) => c.path.startsWith(basicRoute));
      check(
        proxied.length > 0 && proxied.every((c) => c.status === 400),
        `the test did not go through the basic-auth route, refused: ${JSON.stringify(wrong.calls.map((c) => [c.method, c.path.slice(0, 90), c.status]))}`
      );
      // The secret travels only in secureJsonData, encoded, never in jsonData (which every user can read).
      const put = wrong.calls.find((c) => c.method === 'PUT') as { body?: any } | undefined;
      check(
        put?.body?.secureJsonData?.basicAuthEncoded === Buffer.from(`${user}:${wrongPassword}`).toString('base64'),
        'the save did not send the encoded credentials as secureJsonData.basicAuthEncoded'
      );
      const stored = JSON.stringify(grafana.double.datasources.get(INVENTORY_UID));
      check(
        !stored.includes(wrongPassword) && !stored.includes(put.body.secureJsonData.basicAuthEncoded),
        `the password or its encoding is stored in plain settings: ${stored}`
      );
      check(
        JSON.stringify(put.body.jsonData).includes(user) && !JSON.stringify(put.body.jsonData).includes(wrongPassword),
        `jsonData should hold the user and not the password: ${JSON.stringify(put.body.jsonData)}`
      );

      // 3. The stored password shows as configured; reset it, enter the right one: connected.
      await visible(page.getByRole('button', { name: 'Reset' }), 'the Reset button of the stored password');
      await page.getByRole('button', { name: 'Reset' }).click();
      await page.getByLabel(/^Password/).fill(password);
      const right = await saveAndTest();
      check(
        /^Connected to Prometheus 2\.\d+\.\d+\S* at /.test(right.result) &&
          right.result.includes(` at ${url}: `) &&
          /: \d+ active targets, \d+ up\.$/.test(right.result),
        `with the right password: "${right.result}"`
      );
      check(
        right.calls.some((c) => c.path.startsWith(basicRoute)) &&
          right.calls.filter((c) => c.path.startsWith(basicRoute)).every((c) => c.status === 200),
        `a proxied request failed with the right password: ${JSON.stringify(right.calls.map((c) => [c.path.slice(0, 90), c.status]))}`
      );
    },
  },
];

export default journeys;
