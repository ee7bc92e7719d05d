import React, { useEffect, useMemo, useState } from 'react';
import {
  applyFieldOverrides,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  EventBusSrv,
  type DataFrame,
  type Field,
  type FieldConfigPropertyItem,
  FieldType,
  formattedValueToString,
  getDisplayProcessor,
  getFieldDisplayName,
  identityOverrideProcessor,
  numberOverrideProcessor,
  PanelPlugin,
  type PanelPluginMeta,
  type PanelProps,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';
import type { PanelRendererProps } from '@grafana/runtime';
import { useTheme2 } from '@grafana/ui';
import { panelMeta, PANEL_IDS } from '../shared/panelIds';

/**
 * Grafana's panel plugins (timeseries, stat, table…) live in Grafana's own code, not in any npm
 * package, so the sandbox registers simple stand-ins under the same ids. They render the data a
 * Scenes VizPanel hands them with Grafana's own display processors (units, decimals, threshold
 * colours from the field config), so journeys can check values, units and colours — not Grafana's
 * real visualisations (no uPlot graphs, no tooltips, no legends' interactions).
 */

/**
 * The field options every panel has (unit, min, max, decimals, thresholds…), for
 * `standardFieldConfigEditorRegistry`. Grafana registers them at start-up (`getAllStandardFieldConfigs`,
 * public/app/core/components/OptionsUI/registry.tsx); the npm packages leave the registry empty, and then
 * `applyFieldOverrides` drops a panel's whole field config: stats showed 113422336 for 108 MiB. Same ids,
 * paths, processors and fields they apply to; no editors (the sandbox has no panel editor).
 */
export function standardFieldConfigs(): FieldConfigPropertyItem[] {
  const numbers = (field: Field) => field.type === FieldType.number;
  const item = (
    id: string,
    process: FieldConfigPropertyItem['process'],
    shouldApply: FieldConfigPropertyItem['shouldApply'] = () => true
  ): FieldConfigPropertyItem => ({
    id,
    path: id,
    name: id,
    editor: () => null,
    override: () => null,
    process,
    shouldApply,
  });
  return [
    item('unit', stringOverrideProcessor),
    item('min', numberOverrideProcessor, numbers),
    item('max', numberOverrideProcessor, numbers),
    item('decimals', numberOverrideProcessor, numbers),
    item('displayName', displayNameOverrideProcessor),
    item('color', identityOverrideProcessor),
    item('noValue', stringOverrideProcessor),
    item('links', dataLinksOverrideProcessor),
    item('mappings', valueMappingsOverrideProcessor, (field) => field.type !== FieldType.time),
    item('thresholds', thresholdsOverrideProcessor),
  ];
}

function displayOf(field: Field, theme: ReturnType<typeof useTheme2>) {
  return field.display ?? getDisplayProcessor({ field, theme });
}

function numberFields(series: DataFrame[]): Array<{ frame: DataFrame; field: Field }> {
  return series.flatMap((frame) =>
    frame.fields.filter((f) => f.type === FieldType.number).map((field) => ({ frame, field }))
  );
}

function lastValue(field: Field): unknown {
  for (let i = field.values.length - 1; i >= 0; i--) {
    if (field.values[i] !== null && field.values[i] !== undefined) {
      return field.values[i];
    }
  }
  return null;
}

function NoData() {
  return <div data-testid="sandbox-panel-no-data">No data</div>;
}

function StatPanel({ data }: PanelProps) {
  const theme = useTheme2();
  const fields = numberFields(data.series);
  if (fields.length === 0) {
    return <NoData />;
  }
  return (
    <div data-testid="sandbox-panel-stat" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, height: '100%' }}>
      {fields.map(({ frame, field }, i) => {
        const shown = displayOf(field, theme)(lastValue(field));
        return (
          <div key={i} style={{ flex: 1, minWidth: 80, textAlign: 'center' }}>
            <div style={{ fontSize: 28, fontWeight: 500, color: shown.color }} data-testid="sandbox-stat-value">
              {formattedValueToString(shown)}
            </div>
            <div style={{ fontSize: 12, color: theme.colors.text.secondary }}>
              {getFieldDisplayName(field, frame, data.series)}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function TimeSeriesPanel({ data, width, height }: PanelProps) {
  const theme = useTheme2();
  const series = data.series
    .map((frame) => ({
      frame,
      time: frame.fields.find((f) => f.type === FieldType.time),
      value: frame.fields.find((f) => f.type === FieldType.number),
    }))
    .filter((s) => s.time && s.value);
  if (series.length === 0) {
    return <NoData />;
  }
  const all = series.flatMap((s) => s.value!.values.filter((v): v is number => typeof v === 'number'));
  const times = series.flatMap((s) => s.time!.values as number[]);
  const [minV, maxV] = [Math.min(0, ...all), Math.max(...all, 1e-9)];
  const [minT, maxT] = [Math.min(...times), Math.max(...times)];
  const plotHeight = Math.max(height - 24 * Math.min(series.length, 3), 40);
  const x = (t: number) => ((t - minT) / Math.max(maxT - minT, 1)) * (width - 4) + 2;
  const y = (v: number) => plotHeight - 2 - ((v - minV) / Math.max(maxV - minV, 1e-9)) * (plotHeight - 4);
  const palette = theme.visualization.palette;
  return (
    <div data-testid="sandbox-panel-timeseries">
      <svg width={width} height={plotHeight} role="img" aria-label="time series">
        {series.map((s, i) => (
          <polyline
            key={i}
            fill="none"
            strokeWidth={1.5}
            stroke={theme.visualization.getColorByName(palette[i % palette.length])}
            points={(s.time!.values as number[])
              .map((t, j) => [t, s.value!.values[j]] as const)
              .filter(([, v]) => typeof v === 'number')
              .map(([t, v]) => `${x(t)},${y(v as number)}`)
              .join(' ')}
          />
        ))}
      </svg>
      {series.slice(0, 3).map((s, i) => (
        <div key={i} style={{ fontSize: 12, color: theme.colors.text.secondary }}>
          {getFieldDisplayName(s.value!, s.frame, data.series)}:{' '}
          {formattedValueToString(displayOf(s.value!, theme)(lastValue(s.value!)))}
        </div>
      ))}
    </div>
  );
}

function TablePanel({ data, width, height }: PanelProps) {
  const theme = useTheme2();
  const frame = data.series[0];
  if (!frame || frame.length === 0) {
    return <NoData />;
  }
  // Grafana's table scrolls inside its panel; without this, long tables spill over the panels below.
  return (
    <div style={{ width, height, overflow: 'auto' }}>
      <table data-testid="sandbox-panel-table" style={{ width: '100%', fontSize: 12 }}>
        <thead>
          <tr>
            {frame.fields.map((f) => (
              <th key={f.name} style={{ textAlign: 'left' }}>
                {getFieldDisplayName(f, frame, data.series)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.min(frame.length, 200) }, (_, row) => (
            <tr key={row}>
              {frame.fields.map((f) => {
                const shown = displayOf(f, theme)(f.values[row]);
                return (
                  <td key={f.name} style={{ color: f.type === FieldType.number ? shown.color : undefined }}>
                    {formattedValueToString(shown)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TextPanel({ options }: PanelProps<{ content?: string }>) {
  return <div data-testid="sandbox-panel-text">{options.content ?? ''}</div>;
}

// One component per id in PANEL_IDS.
const COMPONENTS: Record<string, React.ComponentType<PanelProps<any>>> = {
  timeseries: TimeSeriesPanel,
  stat: StatPanel,
  gauge: StatPanel,
  bargauge: StatPanel,
  piechart: StatPanel,
  'state-timeline': TablePanel,
  table: TablePanel,
  text: TextPanel,
};

const cache = new Map<string, PanelPlugin>();

export function getPanelPluginFromCache(id: string): PanelPlugin | undefined {
  return cache.get(id);
}

export async function importPanelPlugin(id: string): Promise<PanelPlugin> {
  let plugin = cache.get(id);
  if (!plugin) {
    const component = COMPONENTS[id];
    if (!component) {
      throw new Error(`Panel plugin "${id}" has no sandbox stand-in (known: ${PANEL_IDS.join(', ')}).`);
    }
    plugin = new PanelPlugin(component);
    if (id !== 'text') {
      plugin.useFieldConfig();
    }
    plugin.meta = panelMeta(id) as PanelPluginMeta;
    cache.set(id, plugin);
  }
  return plugin;
}

const panelEvents = new EventBusSrv();

/**
 * Grafana's PanelRenderer (what @grafana/runtime's placeholder becomes at start-up): loads the panel
 * plugin by id, applies the field config to the data as Grafana does (units, thresholds, colours
 * end up on each field's display processor) and renders the panel.
 */
export function SandboxPanelRenderer({
  pluginId,
  title,
  data,
  options,
  fieldConfig,
  width,
  height,
}: PanelRendererProps) {
  const theme = useTheme2();
  const [plugin, setPlugin] = useState<PanelPlugin>();
  useEffect(() => {
    let cancelled = false;
    importPanelPlugin(pluginId).then((p) => !cancelled && setPlugin(p));
    return () => {
      cancelled = true;
    };
  }, [pluginId]);
  const config = useMemo(
    () => ({ defaults: fieldConfig?.defaults ?? {}, overrides: fieldConfig?.overrides ?? [] }),
    [fieldConfig]
  );
  const series = useMemo(
    () =>
      plugin && data
        ? applyFieldOverrides({
            data: data.series,
            fieldConfig: config,
            fieldConfigRegistry: plugin.fieldConfigRegistry,
            replaceVariables: (value: string) => value,
            theme,
            timeZone: 'browser',
          })
        : [],
    [plugin, data, config, theme]
  );
  if (!plugin?.panel || !data) {
    return null;
  }
  const Panel = plugin.panel;
  return (
    <Panel
      id={0}
      title={title}
      data={{ ...data, series }}
      timeRange={data.timeRange}
      timeZone="browser"
      options={options ?? {}}
      fieldConfig={config}
      transparent={false}
      width={width}
      height={height}
      renderCounter={0}
      replaceVariables={(value: string) => value}
      onOptionsChange={() => undefined}
      onFieldConfigChange={() => undefined}
      onChangeTimeRange={() => undefined}
      eventBus={panelEvents}
    />
  );
}
