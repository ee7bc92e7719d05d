/** @jest-environment node */
import { HEALTH_SECTIONS, type HealthPanelKind } from './checks';
import { packSection, type GridPlace } from './layout';
import { healthPanels } from './panels';
import { gridDefects } from '../../tests/support/grid';

interface Wanted {
  id: string;
  kind: HealthPanelKind;
  width: number;
}

/** The places as named boxes for gridDefects. */
const boxes = (places: Array<GridPlace & { panel: { id: string } }>) => places.map((p) => ({ name: p.panel.id, ...p }));

function expectPacked(panels: Wanted[], statRows: number) {
  const { places, height } = packSection(panels, statRows);
  expect(Math.max(0, ...places.map((p) => p.y + p.h))).toBe(height);
  expect(places.map((p) => p.panel)).toEqual(expect.arrayContaining(panels));
  expect(places).toHaveLength(panels.length);
  expect(places.filter((p) => p.w < p.panel.width)).toEqual([]);
  expect(gridDefects(boxes(places))).toEqual([]);
  return places;
}

describe('Health layout', () => {
  // The page leaves out the panels that need a dashboard variable; the dashboard has them all.
  const sets = {
    page: healthPanels().filter((p) => !p.dashboardOnly),
    dashboard: healthPanels(),
  };
  it.each(
    Object.entries(sets).flatMap(([where, panels]) =>
      HEALTH_SECTIONS.map((s) => [where, s.id, panels.filter((p) => p.section === s.id)] as const)
    )
  )(
    'packs the %s section %s without holes and as wide as declared, on the page grid and the dashboard grid',
    (_where, _id, panels) => {
      expectPacked(panels, 3);
      // The declared widths tile each line: a widened line came out uneven (10/7/7 on Prometheus' alerting line).
      expect(
        expectPacked(panels, 4)
          .filter((p) => p.w !== p.panel.width)
          .map((p) => p.panel.id)
      ).toEqual([]);
    }
  );

  it('packs every sequence of up to four panels of the widths and kinds in use without holes', () => {
    const choices = [...new Set(healthPanels().map((p) => `${p.kind} ${p.width}`))].map((key) => {
      const [kind, width] = key.split(' ');
      return { kind: kind as HealthPanelKind, width: Number(width) };
    });
    let sequences: Wanted[][] = [[]];
    for (let length = 1; length <= 4; length++) {
      sequences = sequences.flatMap((seq) => choices.map((c) => [...seq, { ...c, id: `${seq.length}` }]));
      for (const seq of sequences) {
        const found = gridDefects(boxes(packSection(seq, 3).places));
        if (found.length > 0) {
          throw new Error(`${seq.map((p) => `${p.kind} ${p.width}`).join(', ')}: ${found.join('; ')}`);
        }
      }
    }
  });

  it('stacks two stats beside graphs, and stretches a lone stat to the height of its neighbours', () => {
    const stat = (id: string) => ({ id, kind: 'stat' as const, width: 6 });
    const graph = (id: string) => ({ id, kind: 'timeseries' as const, width: 6 });
    const place = (p: GridPlace) => [p.x, p.y, p.w, p.h];
    expect(expectPacked([stat('a'), graph('b'), graph('c'), graph('d'), stat('e')], 3).map(place)).toEqual([
      [0, 0, 6, 3],
      [6, 0, 6, 6],
      [12, 0, 6, 6],
      [18, 0, 6, 6],
      [0, 3, 6, 3],
    ]);
    expect(expectPacked([stat('a'), { id: 'b', kind: 'table', width: 9 }, graph('c')], 4).map(place)).toEqual([
      [0, 0, 6, 8],
      [6, 0, 9, 8],
      [15, 0, 6, 8],
    ]);
  });

  it('widens a row that does not fill the grid when another follows, and leaves the last one as wide as asked', () => {
    const graph = (id: string, width: number) => ({ id, kind: 'timeseries' as const, width });
    const { places } = packSection([graph('a', 6), graph('b', 6), graph('c', 6), graph('d', 8), graph('e', 8)], 3);
    expect(places.map((p) => [p.panel.id, p.x, p.y, p.w])).toEqual([
      ['a', 0, 0, 8],
      ['b', 8, 0, 8],
      ['c', 16, 0, 8],
      ['d', 0, 6, 8],
      ['e', 8, 6, 8],
    ]);
  });
});
