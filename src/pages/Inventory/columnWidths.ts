import { FieldType, formattedValueToString, type DataFrame, type GrafanaTheme2 } from '@grafana/data';

// Chrome around a cell's text in @grafana/ui 11.6's Table (components/Table/styles.ts, HeaderRow.tsx,
// Filter.tsx): 6 px padding each side, links in medium weight with 12 px after them; headers in medium
// weight with the filter icon (16 px) and, once sorted, the sort arrow (18 px and 4 px margin), kept free
// so sorting does not cut the title.
const CELL_PADDING = 12;
const LINK_PADDING = 12;
const FILTER_ICON = 16;
const SORT_ICON = 22;
/** Sub-pixel text widths and rounding: a column exactly as wide as its text still ellipsises it. */
const SLACK = 4;
/** The widest a column grows for its content, as Grafana's content-aware table caps it (TableNG MAX_AUTO_WIDTH). */
export const MAX_COLUMN_WIDTH = 400;

/** The width in pixels of a text in the table's font; `medium` for headers and links. */
export type TextWidth = (text: string, medium: boolean) => number;

/**
 * The frame with each shown column's `custom.minWidth` set to its widest value or its header, at most
 * MAX_COLUMN_WIDTH; `custom.width` stays unset, so the Table still shares out the space left over.
 * Grafana's Table (11.x) gives a column without a width its `columnMinWidth` of 150 px as soon as the
 * columns' equal share falls below that: at 1280 px the ten Inventory columns were all 150 px, and
 * "Blackbox exporter" showed as "Blackbox expor…" while "Health" had room to spare. The newer TableNG
 * (grafana/grafana main, utils/colWidths.ts) sizes columns to their content the same way; both tables
 * read `custom.minWidth` as a floor. The frame must have been through applyFieldOverrides: widths are
 * measured on the values as displayed.
 */
export function fitColumns(frame: DataFrame, textWidth: TextWidth): DataFrame {
  return {
    ...frame,
    fields: frame.fields.map((field) => {
      if (field.config.custom?.hidden) {
        return field;
      }
      const link = (field.config.links?.length ?? 0) > 0;
      // A JSON cell (the labels) is drawn however long it is: sized by its header, it takes the space
      // left, and the cell inspector shows the whole of it.
      const widest =
        field.type === FieldType.other
          ? 0
          : field.values.reduce<number>((max, value) => {
              const text = field.display ? formattedValueToString(field.display(value)) : String(value ?? '');
              return Math.max(max, textWidth(text, link));
            }, 0);
      const header =
        textWidth(field.config.displayName ?? field.name, true) +
        (field.config.custom?.filterable ? FILTER_ICON : 0) +
        SORT_ICON;
      const width = Math.ceil(Math.max(widest + (link ? LINK_PADDING : 0), header) + CELL_PADDING + SLACK);
      return {
        ...field,
        config: { ...field.config, custom: { ...field.config.custom, minWidth: Math.min(width, MAX_COLUMN_WIDTH) } },
      };
    }),
  };
}

/**
 * Measures text as the browser draws the table's cells: the theme's font family (with its fallbacks,
 * as the page uses them), body size and the body's letter spacing, which the canvas leaves out (0.15 px
 * a character: 5 px on an instance URL, enough to cut it). Where there is no canvas (jsdom), an
 * estimate by characters.
 */
export function canvasTextWidth(theme: GrafanaTheme2): TextWidth {
  const context = document.createElement('canvas').getContext('2d');
  const { fontFamily, fontSize, fontWeightMedium, fontWeightRegular, body } = theme.typography;
  const spacing = (parseFloat(String(body.letterSpacing ?? '')) || 0) * fontSize;
  return (text, medium) => {
    if (!context) {
      return text.length * fontSize * 0.6;
    }
    context.font = `${medium ? fontWeightMedium : fontWeightRegular} ${fontSize}px ${fontFamily}`;
    return context.measureText(text).width + text.length * spacing;
  };
}
