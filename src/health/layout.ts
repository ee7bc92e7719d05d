/**
 * Where the Health panels sit: one layout for the Health page's CSS grid and for the gridPos of the
 * generated "Monitoring stack health" dashboard, so both pack the same way. No foundation-sdk here:
 * the page ships in the bundle.
 */
import { HEALTH_SECTIONS, type HealthPanelKind, type HealthSection, type HealthSectionId } from './checks';

/** Columns of a Grafana dashboard grid; the page's grid has as many. */
export const GRID_COLUMNS = 24;

/** Heights in stat heights: a graph or table is two stats tall, so two stats stack beside it. */
const STATS_TALL: Record<HealthPanelKind, number> = { stat: 1, timeseries: 2, table: 2 };

/** A panel's place: grid columns, and rows of the caller's grid. */
export interface GridPlace {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Slot<T> {
  w: number;
  /** One panel, or short panels of the slot's width stacked. */
  panels: Array<{ panel: T; h: number }>;
}

const slotHeight = (slot: Slot<unknown>) => slot.panels.reduce((sum, p) => sum + p.h, 0);
const shelfWidth = (slots: Array<Slot<unknown>>) => slots.reduce((sum, slot) => sum + slot.w, 0);

/**
 * Packs one section's panels, in order, into shelves across the grid (`statRows`: rows of the
 * caller's grid a stat spans). A panel goes under the panels of a slot of its width when it fits
 * within the shelf's height (two stats beside a graph), else right of the last slot, else on a new
 * shelf. A shelf closes without holes: the last panel of a slot shorter than the shelf is stretched to
 * its foot, and a shelf with another below is widened to the full grid, the spare columns shared out
 * from the left. Only the last shelf may end short of the right edge, with nothing under the gap.
 *
 * Placing each panel where the previous one ended (the dashboard builder's cursor, the CSS grid's
 * auto-placement) left a hole under every stat beside a graph, and empty columns above the next row
 * where a row's widths did not add up to 24.
 */
export function packSection<T extends { kind: HealthPanelKind; width: number }>(
  panels: readonly T[],
  statRows: number
): { places: Array<GridPlace & { panel: T }>; height: number } {
  const shelves: Array<{ height: number; slots: Array<Slot<T>> }> = [];
  for (const panel of panels) {
    const w = panel.width;
    const h = STATS_TALL[panel.kind] * statRows;
    const shelf = shelves.at(-1);
    const under = shelf?.slots.find((slot) => slot.w === w && slotHeight(slot) + h <= shelf.height);
    if (under) {
      under.panels.push({ panel, h });
    } else if (shelf && shelfWidth(shelf.slots) + w <= GRID_COLUMNS) {
      shelf.slots.push({ w, panels: [{ panel, h }] });
      shelf.height = Math.max(shelf.height, h);
    } else {
      shelves.push({ height: h, slots: [{ w, panels: [{ panel, h }] }] });
    }
  }

  const places: Array<GridPlace & { panel: T }> = [];
  let y = 0;
  shelves.forEach(({ height, slots }, index) => {
    const spare = index < shelves.length - 1 ? GRID_COLUMNS - shelfWidth(slots) : 0;
    let x = 0;
    slots.forEach((slot, i) => {
      const w = slot.w + Math.floor(spare / slots.length) + (i < spare % slots.length ? 1 : 0);
      let top = y;
      slot.panels.forEach(({ panel, h }, j) => {
        const last = j === slot.panels.length - 1;
        places.push({ panel, x, y: top, w, h: last ? y + height - top : h });
        top += h;
      });
      x += w;
    });
    y += height;
  });
  // In the panels' order, not the shelves': the page and the dashboard list them as the catalog does.
  return { places: panels.map((panel) => places.find((p) => p.panel === panel)!), height: y };
}

/**
 * Every section, in order, as a heading `headingRows` tall (the page's title and description, the
 * dashboard's row) with its panels packed below it: the heading's first row and the panels' places on
 * the whole grid.
 */
export function packSections<T extends { section: HealthSectionId; kind: HealthPanelKind; width: number }>(
  panels: readonly T[],
  statRows: number,
  headingRows: number
): Array<{ section: HealthSection; top: number; places: Array<GridPlace & { panel: T }> }> {
  let top = 0;
  return HEALTH_SECTIONS.map((section) => {
    const { places, height } = packSection(
      panels.filter((p) => p.section === section.id),
      statRows
    );
    const heading = top;
    top += headingRows + height;
    return { section, top: heading, places: places.map((p) => ({ ...p, y: heading + headingRows + p.y })) };
  });
}
