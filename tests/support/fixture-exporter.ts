import { sel } from '../../src/catalog/promql';
import type { PromtoolCases } from '../../src/catalog/promtool-cases';
import type { AlertDefinition, ExporterDefinition } from '../../src/catalog/types';

/**
 * A small exporter for generator tests: one alert whose query has a top-level `unless`, so the
 * tests can show that parenthesising keeps the comparison on the whole query. Only for tests.
 */
export function fixtureExporter(alerts: Array<Partial<AlertDefinition>> = [{}]): ExporterDefinition {
  return {
    id: 'widget',
    title: 'Widget exporter',
    layer: 'data',
    defaultPort: 9999,
    docsUrl: 'https://example.invalid/widget',
    description: 'A test exporter.',
    detection: { metrics: ['widget_up'] },
    infoMetrics: ['widget_up'],
    signals: [],
    thresholds: [
      {
        id: 'queueDepth',
        title: 'Queue depth',
        unit: 'short',
        direction: 'above',
        warning: 100,
        critical: 500,
        min: 1,
        max: 10000,
        description: 'Items waiting.',
      },
    ],
    alerts: alerts.map((overrides, index) => ({ ...fixtureAlert(index), ...overrides })),
    dashboard: [],
  };
}

function fixtureAlert(index: number): AlertDefinition {
  return {
    id: index === 0 ? 'queue-deep' : `queue-deep-${index}`,
    name: index === 0 ? 'WidgetQueueDeep' : `WidgetQueueDeep${index}`,
    severity: 'warning',
    for: '10m',
    query: (q) => `${sel('widget_queue_depth', q)} unless ${sel('widget_maintenance', q)} == 1`,
    filters: [(q) => `${sel('widget_up', q)} == 1`],
    comparison: '>',
    threshold: { threshold: 'queueDepth', level: 'warning' },
    summary: 'Queue on {{ $labels.instance }} is deep.',
    description: 'The queue of {{ $labels.queue }} on {{ $labels.instance }} keeps growing.',
  };
}

/** The same firing and quiet case for every alert of a fixture exporter. */
export function widgetPromtoolCases(exporter: ExporterDefinition): PromtoolCases {
  const cases = {
    fires: {
      series: [{ series: 'widget_queue_depth{instance="w:1"}', values: '900x20' }],
      evalTime: '15m',
      labels: { instance: 'w:1' },
    },
    quiet: { series: [{ series: 'widget_queue_depth{instance="w:1"}', values: '1x20' }], evalTime: '15m' },
  };
  return Object.fromEntries(exporter.alerts.map((alert) => [alert.id, cases]));
}
