import type { Locator } from 'playwright-core';

/**
 * One row of a Grafana Table, by column header: the cell's text, when the cell is a link its href, and
 * the columns whose text the cell cuts (drawn wider than its box, shown with an ellipsis).
 */
export interface TableRow {
  cells: Record<string, string>;
  links: Record<string, string>;
  cut: string[];
}

/**
 * Every row of a @grafana/ui Table, in display order. The table virtualises its rows (only those in
 * view are in the DOM), so this scrolls its body from top to bottom and keys rows by their offset.
 */
export async function readTable(table: Locator): Promise<TableRow[]> {
  await table.locator('[role="row"] [role="cell"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  return table.evaluate(async (root) => {
    const headers = Array.from(root.querySelectorAll('[role="columnheader"]')).map((h) =>
      (h as HTMLElement).innerText.trim()
    );
    // The rows' own scroll container (the table has another .scrollbar-view around it, for horizontal scrolling).
    const body = root.querySelector('[role="row"] [role="cell"]')?.closest('.scrollbar-view') as HTMLElement | null;
    const rows = new Map<number, { cells: Record<string, string>; links: Record<string, string>; cut: string[] }>();
    // Inline elements (a link's <a>) have no box of their own to overflow: their block ancestor clips them.
    const cuts = (cell: HTMLElement) =>
      [cell, ...Array.from(cell.querySelectorAll<HTMLElement>('*'))].some(
        (el) => getComputedStyle(el).display !== 'inline' && el.scrollWidth > el.clientWidth
      );
    const collect = () => {
      for (const row of Array.from(root.querySelectorAll('[role="row"]'))) {
        const cells = Array.from(row.querySelectorAll('[role="cell"]')) as HTMLElement[];
        if (cells.length === 0) {
          continue;
        }
        const top = parseFloat((row as HTMLElement).style.top || '0');
        const entry = { cells: {} as Record<string, string>, links: {} as Record<string, string>, cut: [] as string[] };
        cells.forEach((cell, i) => {
          const name = headers[i] ?? String(i);
          entry.cells[name] = cell.innerText.trim();
          if (cuts(cell)) {
            entry.cut.push(name);
          }
          const link = cell.querySelector('a');
          if (link) {
            entry.links[name] = link.getAttribute('href') ?? '';
          }
        });
        rows.set(top, entry);
      }
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    if (body) {
      body.scrollTop = 0;
      await frame();
    }
    collect();
    while (body && body.scrollTop + body.clientHeight < body.scrollHeight - 1) {
      body.scrollTop += Math.max(body.clientHeight - 40, 40);
      await frame();
      collect();
    }
    if (body) {
      body.scrollTop = 0;
      await frame();
    }
    return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  });
}

/** Rows as short text for failure messages. */
export function describeRows(rows: TableRow[], columns: string[]): string {
  return rows.map((r) => columns.map((c) => r.cells[c] ?? '').join(' | ')).join('; ');
}
