/** @jest-environment node */
/*
 * Values an admin types, or a bundle carries, that no escaping can make safe: refused with a message
 * at the field they came from, before any query or request is built from them.
 */
import { validateSetupChoices } from '../../src/engine';
import { createGrafanaApi } from '../../src/grafana-api/client';
import type { GrafanaRequest } from '../../src/grafana-api/transport';
import { pathSegment, pathSegmentError } from '../../src/utils/urlPath';

const base = { exporterIds: ['node'], datasourceUid: 'prom', editable: true };

describe('label filter values Setup refuses', () => {
  it.each([
    ['a Grafana macro', 'web$__interval', /contains "\$__", which Grafana replaces/],
    ['U+FFFD', 'web\uFFFD', /contains a broken character/],
    ['half an emoji', 'web\uD83D', /contains a broken character/],
  ])(
    '%s: a problem at the values field, not a rule Grafana would change or Prometheus refuse',
    (_what, value, message) => {
      const problems = validateSetupChoices({ ...base, labelFilters: [{ label: 'job', values: ['ok', value] }] });
      expect(problems).toEqual([{ field: 'labelFilters.0.values', message: expect.stringMatching(message) }]);
    }
  );

  it('accepts a value escaping handles', () => {
    expect(
      validateSetupChoices({ ...base, labelFilters: [{ label: 'job', values: ['"} or vector(1) or {"'] }] })
    ).toEqual([]);
  });
});

describe('names and uids that are URL path segments', () => {
  it.each(['.', '..', ''])('refuses %p instead of encoding it (encodeURIComponent leaves dots alone)', (value) => {
    expect(encodeURIComponent(value)).toBe(value);
    expect(pathSegmentError(value)).toBeDefined();
    expect(() => pathSegment(value)).toThrow(/^The name or uid ".*" is/);
  });

  it('encodes everything else, dots inside a name included', () => {
    expect(pathSegment('a/../b')).toBe('a%2F..%2Fb');
    expect(pathSegment('...')).toBe('...');
    expect(pathSegment('.hidden')).toBe('.hidden');
  });

  it('the Grafana client sends no request for a mute timing named ".." (it would address /api/v1/provisioning)', async () => {
    const sent: GrafanaRequest[] = [];
    const api = createGrafanaApi(async (request) => {
      sent.push(request);
      return { status: 200, data: {} };
    });
    await expect((async () => api.updateMuteTiming('..', { name: '..', time_intervals: [] }))()).rejects.toThrow(
      'The name or uid ".." is ".."'
    );
    await expect((async () => api.deleteAlertRule('.'))()).rejects.toThrow('The name or uid "." is "."');
    expect(sent).toEqual([]);
  });

  it('Setup refuses a maintenance window named "..", at its name field', () => {
    const problems = validateSetupChoices({
      ...base,
      notifications: {
        contactPoint: { kind: 'existing', name: 'ops' },
        muteTimings: [{ name: '..', timeIntervals: [{ weekdays: ['saturday'] }] }],
      },
    });
    expect(problems).toContainEqual({
      field: expect.stringMatching(/muteTimings\.0\.name$/),
      message: expect.stringContaining('which a URL reads as "this folder" or "the folder above"'),
    });
  });
});
