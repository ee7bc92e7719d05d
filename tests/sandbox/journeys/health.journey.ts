import type { Page } from 'playwright-core';
import { healthPanels } from '../../../src/health/panels';
import { gridDefects, type GridBox } from '../../support/grid';
import { PROMETHEUS_UID } from '../grafanaApi';
import { withComponentStopped } from '../stack';
import { check, pageText, visible } from './assert';
import { APP_PATH, type Journey } from './journey';

const HEALTH = `${APP_PATH}/health`;
/** The sandbox's panel chrome, one per drawn panel. */
const PANEL_HEADERS = '[data-testid^="data-testid Panel header "]';

/**
 * The component this journey stops, and its job. Not the one the Inventory journey stops: the
 * "Scrape success by target" check looks back 5 minutes, so a target stopped by another journey just before
 * is still (rightly) a warning here.
 */
const STOPPED_COMPONENT = 'haproxy_exporter';
const STOPPED_JOB = 'haproxy_exporter';

const HEADLINE = /^(Monitoring is healthy|Monitoring cannot be fully trusted: .+|No problems found, but .+)$/;

interface VerdictOnPage {
  headline: string;
  problems: string[];
}

/** Opens Health and reads the verdict at its top: the headline and each problem's sentence, worst first. */
async function readVerdict(page: Page, goto: (path: string) => Promise<void>): Promise<VerdictOnPage> {
  await goto(HEALTH);
  const verdict = page.getByRole('alert').filter({ hasText: /checks ran at/ });
  try {
    await visible(verdict, 'the verdict', 30_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the page says: ${await pageText(page)}`);
  }
  // The Alert's title is its first line (@grafana/ui renders it without a heading role).
  const headline = (await verdict.first().innerText()).trim().split('\n')[0].trim();
  const items = verdict.getByRole('list', { name: 'Problems, worst first' }).getByRole('listitem');
  const problems = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  return { headline, problems };
}

const journey: Journey = {
  name: 'Health shows the verdict with its problems, and stopping an exporter adds a problem naming its job and instance',
  timeoutMs: 120_000,
  async run({ page, goto, sandbox, screenshot }) {
    const before = await readVerdict(page, goto);
    check(HEADLINE.test(before.headline), `unexpected verdict headline: "${before.headline}"`);
    // The stack pushes a rejected batch on purpose (scripts/stack/README.md): "healthy" is not attainable,
    // and the verdict must say so with the job's name.
    check(
      before.problems.some((p) => p.includes('fsm_stack_failing_push')),
      `the deliberate rejected push (fsm_stack_failing_push) is not among the problems: ${JSON.stringify(before.problems)}`
    );
    check(
      before.problems.every((p) => !p.includes(`job ${STOPPED_JOB} answered`)),
      `before the stop, a problem already says job ${STOPPED_JOB} is not scraped: ${JSON.stringify(before.problems)}`
    );
    const queries = sandbox.calls.filter((c) => c.path === '/api/ds/query');
    check(queries.length > 0, 'Health made no /api/ds/query request');
    const body = queries[0].body as { queries: Array<{ datasource: { uid: string } }> };
    check(body.queries[0].datasource.uid === PROMETHEUS_UID, 'Health queried another datasource than the app’s');

    await withComponentStopped(STOPPED_COMPONENT, STOPPED_JOB, async ([down]) => {
      const after = await readVerdict(page, goto);
      const added = after.problems.filter((p) => !before.problems.includes(p));
      const scrape = added.find((p) => p.includes(`Only 0% of the targets of job ${STOPPED_JOB} answered`));
      check(scrape, `no new problem says job ${STOPPED_JOB} is not scraped; new problems: ${JSON.stringify(added)}`);
      check(scrape.startsWith('Critical'), `the unscraped job is not critical: "${scrape}"`);
      const failing = after.problems.find((p) =>
        p.includes(`Target ${down.instance} of job ${STOPPED_JOB} is failing`)
      );
      check(failing, `no problem names the target ${down.instance}: ${JSON.stringify(after.problems)}`);
      check(
        after.problems.indexOf(scrape) === 0,
        `the critical problem is not listed first: ${JSON.stringify(after.problems)}`
      );
      check(
        /^Monitoring cannot be fully trusted: .*critical/.test(after.headline),
        `the headline does not say something is critical: "${after.headline}"`
      );
      // The problem links to the Prometheus section of the page, where the failing targets are listed.
      const link = page.getByRole('listitem').filter({ hasText: scrape.slice(scrape.indexOf('Only'), 60) });
      const href = await link.getByRole('link').first().getAttribute('href');
      check(href?.includes('/health#prometheus'), `the problem's link is "${href}"`);
      await screenshot('health', { fullPage: false });
    });

    // start.sh brought it back: its last scrape succeeded again, so the critical problem is gone
    // (the 5-minute "Scrape success by target" warning rightly stays a while).
    const recovered = await readVerdict(page, goto);
    check(
      recovered.problems.every((p) => !p.includes(`job ${STOPPED_JOB} answered`)),
      `after start.sh the verdict still says job ${STOPPED_JOB} is not scraped: ${JSON.stringify(recovered.problems)}`
    );
  },
};

/**
 * The panels below the verdict show the units of their checks, as Grafana's panels do with the field config
 * the page hands them: the resident memory of the stack's Prometheus in bytes, whether it loaded its config as
 * Yes/No, and its retention size limit of 0 as none. (The sandbox once dropped every panel's field config, and
 * showed 113422336 for 108 MiB.)
 */
const units: Journey = {
  name: 'Health panels show their units (bytes, yes/no, no size limit) on the stack’s Prometheus',
  async run({ page, goto }) {
    await goto(HEALTH);
    const statValues = async (title: string) => {
      const values = page.getByTestId(`data-testid Panel header ${title}`).getByTestId('sandbox-stat-value');
      await visible(values, `a value in the "${title}" panel`, 30_000);
      return values.allInnerTexts();
    };
    const memory = await statValues('Memory used');
    check(
      memory.length > 0 && memory.every((v) => /^\d+(\.\d+)? (KiB|MiB|GiB)$/.test(v)),
      `"Memory used" does not show bytes: ${JSON.stringify(memory)}`
    );
    const reloaded = await statValues('Config reload successful');
    check(
      reloaded.length > 0 && reloaded.every((v) => v === 'Yes'),
      `"Config reload successful" does not say Yes for the stack's Prometheus: ${JSON.stringify(reloaded)}`
    );
    // start.sh sets --storage.tsdb.retention.time only: the size limit Prometheus reports is 0, which means none.
    const sizeLimit = await statValues('Retention size limit');
    check(
      sizeLimit.length > 0 && sizeLimit.every((v) => v === 'no size limit'),
      `"Retention size limit" does not say there is none: ${JSON.stringify(sizeLimit)}`
    );
  },
};

/**
 * The panels below the verdict tile each section's grid as laid out in the browser: no cell left empty
 * beside or above a panel (CSS auto-placement once left one under every 3-row stat beside a 6-row graph).
 * Read from where the panels are drawn, in grid columns and rows, not from the styles the page sets.
 */
const layout: Journey = {
  name: 'Health panels fill each section of the grid without holes at 1280 px',
  async run({ page, goto }) {
    await goto(HEALTH);
    const wanted = healthPanels().filter((p) => !p.dashboardOnly).length;
    try {
      await page.waitForFunction(
        ([selector, n]) => document.querySelectorAll(selector).length === n,
        [PANEL_HEADERS, wanted] as const,
        { timeout: 30_000 }
      );
    } catch {
      throw new Error(`the page draws ${await page.locator(PANEL_HEADERS).count()} panels, not ${wanted}`);
    }
    const items = await page.evaluate((panelHeaders) => {
      const grid = document.querySelector('[data-testid="health-grid"]');
      if (!grid) {
        return [];
      }
      const style = getComputedStyle(grid);
      const columns = style.gridTemplateColumns.split(' ').length;
      const columnGap = parseFloat(style.columnGap);
      const rowGap = parseFloat(style.rowGap);
      const box = grid.getBoundingClientRect();
      const columnPitch = (box.width + columnGap) / columns;
      const rowPitch = parseFloat(style.gridAutoRows) + rowGap;
      return Array.from(grid.children).map((child) => {
        const r = child.getBoundingClientRect();
        const header = child.querySelector(panelHeaders);
        return {
          // Section headings are the grid's only items without a panel.
          heading: header ? null : (child.querySelector('h2')?.textContent ?? '?'),
          name: header?.getAttribute('data-testid')?.replace('data-testid Panel header ', '') ?? '?',
          columns,
          x: Math.round((r.left - box.left) / columnPitch),
          y: Math.round((r.top - box.top) / rowPitch),
          w: Math.round((r.width + columnGap) / columnPitch),
          h: Math.round((r.height + rowGap) / rowPitch),
        };
      });
    }, PANEL_HEADERS);
    check(items.length > 0, 'no grid around the Health panels');
    const headings = items.filter((i) => i.heading !== null).sort((a, b) => a.y - b.y);
    const panels = items.filter((i) => i.heading === null);
    check(panels.length === wanted, `the grid holds ${panels.length} panels, not ${wanted}`);
    headings.forEach((heading, i) => {
      const top = heading.y + heading.h;
      const next = headings[i + 1]?.y ?? Infinity;
      const section = panels.filter((p) => p.y >= top && p.y < next);
      const boxes: GridBox[] = section.map((p) => ({ name: p.name, x: p.x, y: p.y - top, w: p.w, h: p.h }));
      const defects = [
        ...gridDefects(boxes, heading.columns),
        ...section.filter((p) => p.y + p.h > next).map((p) => `${p.name} runs into the next heading`),
      ];
      check(defects.length === 0, `section "${heading.heading}": ${defects.slice(0, 8).join('; ')}`);
    });
  },
};

export default [journey, units, layout];
