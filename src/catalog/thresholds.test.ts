import { getExporter } from './index';
import { resolveThreshold, resolveThresholdValue, validateOverrides } from './thresholds';

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
});
