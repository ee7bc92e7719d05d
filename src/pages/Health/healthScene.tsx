import React from 'react';
import {
  EmbeddedScene,
  SceneControlsSpacer,
  SceneDataTransformer,
  SceneCSSGridItem,
  SceneCSSGridLayout,
  SceneQueryRunner,
  SceneReactObject,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { Stack, Text } from '@grafana/ui';
import { ThresholdsMode } from '@grafana/data';
import { healthContext, HEALTH_SECTIONS, type HealthSection } from '../../health/checks';
import { HIDE_TIME_COLUMN, healthPanels, TABLE_SORT, panelThresholdSteps, type HealthPanel } from '../../health/panels';

// The grid: 24 columns like a dashboard, 40 px rows. Panels span whole rows of it: stats 3 rows,
// graphs and tables 6, section headings 2.
const ROW_SPAN = { heading: 2, stat: 3, timeseries: 6, table: 6 } as const;

function SectionHeading({ section }: { section: HealthSection }) {
  return (
    <Stack direction="column" gap={0}>
      <h2 id={section.id} style={{ margin: 0 }}>
        {section.title}
      </h2>
      <Text color="secondary">{section.description}</Text>
    </Stack>
  );
}

function vizPanel(panel: HealthPanel, datasourceUid: string, q: ReturnType<typeof healthContext>): VizPanel {
  const description = panel.optional ? `${panel.description} Empty ${panel.optional}.` : panel.description;
  return new VizPanel({
    pluginId: panel.kind,
    title: panel.title,
    description,
    $data: withTableLayout(
      panel.kind,
      new SceneQueryRunner({
        datasource: { type: 'prometheus', uid: datasourceUid },
        queries: [
          {
            refId: 'A',
            expr: panel.query(q),
            legendFormat: panel.legend,
            instant: panel.kind !== 'timeseries',
            range: panel.kind === 'timeseries',
            // Without it Grafana answers one frame per series and a table panel shows only the first.
            ...(panel.kind === 'table' ? { format: 'table' } : {}),
          },
        ],
      })
    ),
    options:
      panel.kind === 'stat'
        ? { graphMode: 'none', reduceOptions: { calcs: ['lastNotNull'], values: false } }
        : panel.kind === 'table'
          ? { sortBy: [TABLE_SORT] }
          : {},
    fieldConfig: {
      defaults: {
        unit: panel.unit,
        min: panel.min,
        max: panel.max,
        thresholds: {
          mode: ThresholdsMode.Absolute,
          steps: panelThresholdSteps(panel.judge).map((s) => ({ ...s, value: s.value ?? -Infinity })),
        },
        custom: panel.kind === 'timeseries' && panel.judge ? { thresholdsStyle: { mode: 'dashed' } } : {},
      },
      overrides: [],
    },
  });
}

/**
 * The Health page's panels: one section per component, the same panels as the bundled dashboard
 * (minus those that need a dashboard variable), over the app's Prometheus datasource.
 */
export function buildHealthScene(datasourceUid: string, clusterLabel = 'cluster'): EmbeddedScene {
  const q = healthContext({ clusterLabel, range: '$__rate_interval' });
  const panels = healthPanels(clusterLabel).filter((p) => !p.dashboardOnly);
  const children = HEALTH_SECTIONS.flatMap((section) => [
    new SceneCSSGridItem({
      gridColumn: '1 / -1',
      gridRow: `span ${ROW_SPAN.heading}`,
      body: new SceneReactObject({ component: SectionHeading, props: { section } }),
    }),
    ...panels
      .filter((p) => p.section === section.id)
      .map(
        (panel) =>
          new SceneCSSGridItem({
            gridColumn: `span ${panel.width}`,
            gridRow: `span ${ROW_SPAN[panel.kind]}`,
            body: vizPanel(panel, datasourceUid, q),
          })
      ),
  ]);
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-1h', to: 'now' }),
    controls: [new SceneControlsSpacer(), new SceneTimePicker({}), new SceneRefreshPicker({ intervals: ['1m', '5m'] })],
    body: new SceneCSSGridLayout({
      templateColumns: 'repeat(24, minmax(0, 1fr))',
      autoRows: '40px',
      rowGap: 1,
      columnGap: 1,
      children,
    }),
  });
}

/** Table panels list series, not points in time: the instant query's Time column is noise. */
function withTableLayout(kind: string, runner: SceneQueryRunner) {
  return kind === 'table' ? new SceneDataTransformer({ $data: runner, transformations: [HIDE_TIME_COLUMN] }) : runner;
}
