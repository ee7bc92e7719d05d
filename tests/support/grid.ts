/** A rectangle on a grid of 24 columns: a dashboard panel's gridPos, or a page panel in grid rows. */
export interface GridBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * What is wrong with a layout: a box past the grid's edge or over another, or a cell left empty with a
 * box right of it in its row or below it in its column (a hole; only the end of the last row may stay
 * empty).
 */
export function gridDefects(boxes: readonly GridBox[], columns = 24): string[] {
  const height = Math.max(0, ...boxes.map((b) => b.y + b.h));
  const owner: Array<Array<string | undefined>> = Array.from({ length: height }, () => Array(columns).fill(undefined));
  const found: string[] = [];
  for (const b of boxes) {
    if (b.x < 0 || b.y < 0 || b.x + b.w > columns) {
      found.push(`${b.name} spans columns ${b.x}–${b.x + b.w}`);
      continue;
    }
    for (let row = b.y; row < b.y + b.h; row++) {
      for (let col = b.x; col < b.x + b.w; col++) {
        if (owner[row][col] !== undefined) {
          found.push(`${b.name} over ${owner[row][col]} at row ${row} column ${col}`);
        }
        owner[row][col] = b.name;
      }
    }
  }
  const lastIndex = <T>(items: T[], taken: (item: T) => boolean) =>
    items.reduce((last, item, i) => (taken(item) ? i : last), -1);
  const lastInRow = owner.map((cells) => lastIndex(cells, (cell) => cell !== undefined));
  const lastInColumn = Array.from({ length: columns }, (_, col) =>
    lastIndex(owner, (cells) => cells[col] !== undefined)
  );
  owner.forEach((cells, row) =>
    cells.forEach((cell, col) => {
      if (cell === undefined && (col < lastInRow[row] || row < lastInColumn[col])) {
        found.push(`hole at row ${row} column ${col}`);
      }
    })
  );
  return found;
}
