import {
  applyFieldOverrides,
  createDataFrame,
  createTheme,
  FieldType,
  formattedValueToString,
  type DataFrame,
} from '@grafana/data';
import { fitColumns, MAX_COLUMN_WIDTH, type TextWidth } from './columnWidths';

// A font of 7 px a character, 8 in medium weight (headers, links): enough to tell what was measured.
const textWidth: TextWidth = (text, medium) => text.length * (medium ? 8 : 7);

/** Through applyFieldOverrides (display processors) with filter buttons on every column, as the page does. */
function displayed(frame: DataFrame): DataFrame {
  const filterable = frame.fields.map((f) => ({
    ...f,
    config: { ...f.config, custom: { filterable: true, ...f.config.custom } },
  }));
  return applyFieldOverrides({
    data: [{ ...frame, fields: filterable }],
    fieldConfig: { defaults: {}, overrides: [] },
    replaceVariables: (v) => v,
    theme: createTheme(),
  })[0];
}

const frame = displayed(
  createDataFrame({
    fields: [
      { name: 'health', type: FieldType.string, values: ['up', 'down'], config: { displayName: 'Health' } },
      {
        name: 'exporterTitle',
        type: FieldType.string,
        values: ['Netdata', 'PostgreSQL (postgres_exporter)'],
        config: { displayName: 'Exporter', links: [{ title: 'Dashboard', url: '/d/x' }] },
      },
      {
        name: 'scrapeDuration',
        type: FieldType.number,
        values: [0.0123, 12.5],
        // A header narrower than the values, so the values decide.
        config: { displayName: 'D', unit: 's', decimals: 3 },
      },
      { name: 'lastError', type: FieldType.string, values: ['', 'x'.repeat(200)], config: { displayName: 'Error' } },
      {
        name: 'labels',
        type: FieldType.other,
        values: [{ job: 'node', instance: 'a-long-host-name:9100' }, {}],
        config: { displayName: 'Labels' },
      },
      { name: 'layer', type: FieldType.string, values: ['core', 'data'], config: { custom: { hidden: true } } },
    ],
  })
);

const fitted = fitColumns(frame, textWidth);
const minWidth = (name: string) => fitted.fields.find((f) => f.name === name)?.config.custom?.minWidth;

describe('Inventory column widths', () => {
  it('fit the widest value as the table draws it, a link in medium weight with the room after it', () => {
    expect(minWidth('exporterTitle')).toBeGreaterThanOrEqual(
      textWidth('PostgreSQL (postgres_exporter)', true) + 12 + 12
    );
    // With the field's unit and decimals, as displayed: "12.500 s", not "12.5".
    const duration = frame.fields.find((f) => f.name === 'scrapeDuration')!;
    const shown = formattedValueToString(duration.display!(12.5));
    expect(shown).toBe('12.500 s');
    expect(minWidth('scrapeDuration')).toBeGreaterThanOrEqual(textWidth(shown, false) + 12);
  });

  it('keep room for the header with its filter and sort icons where the values are short', () => {
    expect(minWidth('health')).toBeGreaterThanOrEqual(textWidth('Health', true) + 16 + 22 + 12);
    expect(minWidth('health')).toBeLessThan(minWidth('exporterTitle'));
  });

  it('stop at the widest a column grows for its content', () => {
    expect(minWidth('lastError')).toBe(MAX_COLUMN_WIDTH);
  });

  it('size a JSON column by its header, whatever its values', () => {
    expect(minWidth('labels')).toBe(minWidth('health')! + (textWidth('Labels', true) - textWidth('Health', true)));
  });

  it('leave hidden columns alone and the width unset, so the table shares out the space left', () => {
    expect(minWidth('layer')).toBeUndefined();
    expect(fitted.fields.map((f) => f.config.custom?.width)).toEqual(fitted.fields.map(() => undefined));
    expect(fitted.fields.map((f) => f.values)).toEqual(frame.fields.map((f) => f.values));
  });
});
