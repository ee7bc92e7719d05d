import { check, notPresent, pageText, visible } from './assert';
import { APP_PATH, type Journey } from './journey';

/**
 * Every page of the app loads from the built bundle (its lazy chunk included) and renders without
 * console errors, a crashed component or a sandbox load error, and fits the 1280 px window without
 * scrolling sideways. What each page shows is checked by its own journey file.
 */
const PAGES: Array<{ route: string; title: string; last?: string }> = [
  { route: 'home', title: 'Home' },
  { route: 'inventory', title: 'Inventory' },
  // The capacity plan comes last, once the checks have answered: its eight-column table is the widest thing there.
  { route: 'health', title: 'Health', last: 'Capacity plan' },
  { route: 'setup', title: 'Setup' },
];

const journeys: Journey[] = PAGES.map(({ route, title, last }) => ({
  name: `${title} page loads without console errors (Admin)`,
  async run({ page, goto, settle }) {
    await goto(`${APP_PATH}/${route}`);
    await visible(page.getByRole('heading', { name: title, exact: true }), `the ${title} title`);
    // Let lazy chunks and first queries settle, then look for anything that went wrong.
    await settle();
    await notPresent(page.getByTestId('sandbox-load-error'), 'sandbox load error');
    await notPresent(page.getByText(/An unexpected error happened|Something went wrong/), 'crashed component');
    const text = await page.locator('main').innerText();
    if (text.replace(title, '').trim().length < 40) {
      throw new Error(`the ${title} page is nearly empty: ${await pageText(page)}`);
    }
    if (last) {
      await visible(page.getByRole('heading', { name: last }), `the ${last} section`);
    }
    const { pageWidth, windowWidth } = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      windowWidth: window.innerWidth,
    }));
    check(pageWidth <= windowWidth, `the ${title} page is ${pageWidth} px wide in a ${windowWidth} px window`);
  },
}));

journeys.push({
  name: 'an unknown app path lands on Home',
  async run({ page, goto }) {
    await goto(`${APP_PATH}/no-such-page`);
    await page.waitForURL(`**${APP_PATH}/home`);
    await visible(page.getByRole('heading', { name: 'Home', exact: true }), 'the Home title');
  },
});

export default journeys;
