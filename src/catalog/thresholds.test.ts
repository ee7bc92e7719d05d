import { getExporter } from './index';
import { loadRegexEngine } from '../utils/re2';
import {
  alertTargetBounds,
  resolveThreshold,
  resolveThresholdValue,
  validateOverrides,
  validateTargetOverrides,
  type TargetOverride,
} from './thresholds';

const node = getExporter('node');

describe('thresholds', () => {
  it('resolves the default, then the org override, for panels and alerts alike', () => {
    expect(resolveThresholdValue(node, { threshold: 'cpuUtilisation', level: 'warning' })).toBe(90);
    const overrides = { 'node.cpuUtilisation': { warning: 75 } };
    expect(resolveThresholdValue(node, { threshold: 'cpuUtilisation', level: 'warning' }, overrides)).toBe(75);
    expect(resolveThreshold(node, 'cpuUtilisation', overrides)).toMatchObject({ warning: 75, critical: 98 });
    expect(resolveThresholdValue(node, 0.5)).toBe(0.5);
  });

  it('accepts sensible overrides and says what is wrong with bad ones, once per problem', () => {
    expect(validateOverrides([node], { 'node.cpuUtilisation': { warning: 80, critical: 95 } })).toEqual([]);
    expect(validateOverrides([node], { 'node.cpuUtilisation': { warning: 150 } })).toEqual([
      { key: 'node.cpuUtilisation', message: 'CPU utilisation: the warning level 150 is outside 1–100 (percent).' },
    ]);
    expect(validateOverrides([node], { 'node.cpuUtilisation': { warning: 99, critical: 95 } })).toEqual([
      {
        key: 'node.cpuUtilisation',
        message: 'CPU utilisation: the warning level must be at or below the critical level.',
      },
    ]);
    // "Below" thresholds run the other way: free space warns before it is critical.
    expect(validateOverrides([node], { 'node.filesystemFree': { warning: 2, critical: 3 } })).toHaveLength(1);
    // Not a number: one message, not a second one about the order.
    expect(validateOverrides([node], { 'node.cpuUtilisation': { warning: Number.NaN } })).toEqual([
      { key: 'node.cpuUtilisation', message: 'CPU utilisation: the warning level must be a number.' },
    ]);
    expect(validateOverrides([node], { 'node.nope': { warning: 1 } })).toEqual([
      { key: 'node.nope', message: 'Unknown threshold "node.nope".' },
    ]);
  });

  it('refuses a notification latency level the Alertmanager histogram can never reach', () => {
    // Its classic buckets end at 20 s, so histogram_quantile answers at most 20: a 30 s level is a dead alert.
    const alertmanager = getExporter('alertmanager');
    expect(validateOverrides([alertmanager], { 'alertmanager.notificationLatency': { warning: 15 } })).toEqual([]);
    expect(validateOverrides([alertmanager], { 'alertmanager.notificationLatency': { warning: 30 } })).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/warning level 30 is outside 0\.1–19/) }),
    ]);
  });
});

describe('per-target thresholds', () => {
  beforeAll(() => loadRegexEngine());
  const fsWarning = node.alerts.find((a) => a.id === 'fs-almost-full')!;
  const fsCritical = node.alerts.find((a) => a.id === 'fs-full')!;
  const db = (value: string, levels: Partial<TargetOverride>): TargetOverride => ({
    threshold: 'node.filesystemFree',
    matchers: [{ label: 'instance', op: '=~', value }],
    ...levels,
  });

  it('give each alert its bounds in order, with quotes and backslashes escaped, left-out levels at the default', () => {
    const overrides = [db('db-"1"\\d', { warning: 10 }), db('web-.*', { critical: 1 })];
    expect(alertTargetBounds(node, fsWarning, {}, overrides)).toEqual([
      { selector: 'instance=~"db-\\"1\\"\\\\d"', value: 10 },
    ]);
    // The org-wide override is the default the override leaves in place.
    expect(alertTargetBounds(node, fsCritical, { 'node.filesystemFree': { critical: 2 } }, overrides)).toEqual([
      { selector: 'instance=~"db-\\"1\\"\\\\d"', value: 2 },
      { selector: 'instance=~"web-.*"', value: 1 },
    ]);
    // Nothing differs from the default for this alert: it keeps its plain rule.
    expect(alertTargetBounds(node, fsCritical, {}, [db('db-.*', { warning: 10 })])).toEqual([]);
  });

  it('refuse what Prometheus would refuse or could never apply, naming the override', () => {
    const problems = (o: TargetOverride[]) =>
      validateTargetOverrides([node], {}, o).map((p) => `${p.key}: ${p.message}`);
    expect(problems([db('db-.*', { warning: 10 })])).toEqual([]);
    expect(problems([db('(a', { warning: 10 })])).toEqual([
      expect.stringMatching(/^targetOverrides\.0: .*not a regular expression.*RE2/),
    ]);
    expect(problems([db('x(?!y)', { warning: 10 })])).toEqual([expect.stringMatching(/RE2/)]);
    expect(problems([db('$__interval', { warning: 10 })])).toEqual([expect.stringMatching(/Grafana replaces/)]);
    expect(problems([{ ...db('x', { warning: 10 }), matchers: [{ label: 'replica', op: '=', value: 'a' }] }])).toEqual([
      expect.stringMatching(/HA replicas/),
    ]);
    expect(problems([db('x', {})])).toEqual([expect.stringMatching(/enter a warning or a critical level/)]);
    expect(problems([db('x', { warning: 2 })])).toEqual([expect.stringMatching(/at or above the critical level/)]);
    expect(problems([db('x', { warning: 120 })])).toEqual([expect.stringMatching(/outside 0–100/)]);
    expect(problems([db('x', { warning: 10 }), db('x', { warning: 8 })])).toEqual([
      expect.stringMatching(/^targetOverrides\.1: .*override 1 has the same matchers/),
    ]);
    expect(problems([{ threshold: 'node.nope', matchers: [], warning: 1 }])).toEqual([
      'targetOverrides.0: Unknown threshold "node.nope".',
    ]);
  });
});
