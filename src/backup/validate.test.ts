/** @jest-environment node */
import { bundleChecksum, compareVersions, type BackupBundle } from './format';
import { validateBundle } from './validate';

const TARGET = { pluginId: 'fullstack-monitoring-app', pluginVersion: '1.4.0', org: { id: 1, name: 'Main Org.' } };

/** A minimal valid bundle, signed after `change`. */
function bundle(change: (b: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const b: Record<string, any> = {
    format: 'fullstack-monitoring-backup',
    formatVersion: 1,
    plugin: { id: 'fullstack-monitoring-app', version: '1.4.0' },
    org: { id: 1, name: 'Main Org.' },
    createdAt: '2025-03-01T10:00:00.000Z',
    notes: [],
    content: {
      folder: null,
      provenance: 'absent',
      ruleGroups: [],
      contactPoints: [],
      policy: null,
      muteTimings: [],
      dashboards: [],
      appSettings: { jsonData: {} },
    },
  };
  change(b);
  return { ...b, checksum: bundleChecksum(b) };
}

/** A rule group Grafana accepts; each refused case below changes one field of it. */
function wellFormedGroup(): Record<string, any> {
  return {
    title: 'fsm-node',
    folderUid: 'fsm-alerts',
    interval: 60,
    rules: [
      {
        uid: 'fsm-node-x',
        title: 'X',
        condition: 'A',
        noDataState: 'OK',
        execErrState: 'Error',
        for: '5m',
        labels: {},
        data: [{ refId: 'A', datasourceUid: 'prom', relativeTimeRange: { from: 600, to: 0 }, model: {} }],
      },
    ],
  };
}

function problems(input: unknown) {
  const result = validateBundle(input, TARGET);
  return result.ok ? [] : result.problems.map((p) => p.code);
}

describe('validateBundle', () => {
  it('accepts a bundle from this org and version without warnings, whatever its key order or formatting', () => {
    const b = bundle();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(b).reverse()), null, 4);
    expect(validateBundle(reordered, TARGET)).toMatchObject({ ok: true, warnings: [] });
  });

  it.each([
    ['a format version that is not a positive integer', bundle((b) => (b.formatVersion = 0)), 'unknown-format-version'],
    ['a bundle of another plugin', bundle((b) => (b.plugin.id = 'other-app')), 'other-plugin'],
    ['no checksum', { ...bundle(), checksum: undefined }, 'checksum-missing'],
    ['content that is not lists', bundle((b) => (b.content.ruleGroups = {})), 'malformed'],
    [
      'a rule outside the plugin uid space',
      bundle((b) =>
        b.content.ruleGroups.push({
          title: 'fsm-node',
          folderUid: 'fsm-alerts',
          interval: 60,
          rules: [{ uid: 'team-rule', title: 'Team', data: [] }],
        })
      ),
      'out-of-scope',
    ],
    ["a route that is not the plugin's", bundle((b) => (b.content.policy = { receiver: 'x' })), 'out-of-scope'],
    [
      'a dashboard path outside dashboards/',
      bundle((b) => b.content.dashboards.push({ uid: 'x', path: '../etc/x.json' })),
      'out-of-scope',
    ],
    [
      // Health would read it into PromQL: `cluster"} or vector(1) or {x="` makes every check pass.
      'a cluster label that is not a label name',
      bundle((b) => (b.content.appSettings.jsonData = { clusterLabel: 'cluster"} or vector(1) or {x="' })),
      'malformed',
    ],
    [
      'a datasource uid that is not a Grafana uid',
      bundle((b) => (b.content.appSettings.jsonData = { prometheusDatasourceUid: '../../api/admin' })),
      'malformed',
    ],
    [
      'saved Setup choices the form would refuse',
      bundle((b) => (b.content.appSettings.jsonData = { setup: { format: 1, form: { severities: ['everything'] } } })),
      'malformed',
    ],
    ...(
      [
        ['an interval off the 10 s grid', (g: any) => (g.interval = 45)],
        ['a rule that is null', (g: any) => (g.rules = [null])],
        ['a query without a time range', (g: any) => delete g.rules[0].data[0].relativeTimeRange],
        ['a condition that is not a query', (g: any) => (g.rules[0].condition = 'Z')],
        ['a no-data state Grafana does not know', (g: any) => (g.rules[0].noDataState = 'Ignore')],
        ['a "for" that is not a duration', (g: any) => (g.rules[0].for = 'five minutes')],
        ['a label that is not text', (g: any) => (g.rules[0].labels = { severity: 1 })],
      ] as const
    ).map(([what, change]) => [
      `${what} (Grafana would answer 400 half-way)`,
      bundle((b) => {
        const group = wellFormedGroup();
        change(group);
        b.content.ruleGroups.push(group);
      }),
      'malformed',
    ]),
  ])('refuses %s', (_what, input, code) => {
    expect(problems(input)).toContain(code);
  });

  it('accepts a well-formed rule (the cases above differ from it in one field each)', () => {
    const good = bundle((b) => b.content.ruleGroups.push(wellFormedGroup()));
    expect(problems(good)).toEqual([]);
  });

  it('checks the checksum before the structure, so a hand-edited file is called tampered', () => {
    const b = bundle() as unknown as BackupBundle;
    expect(problems({ ...b, content: { ...b.content, ruleGroups: 'x' } })).toEqual(['checksum-mismatch']);
  });

  it.each([
    ['1.3.9', 'older-plugin', /older plugin version \(1\.3\.9; installed: 1\.4\.0\)/],
    ['1.10.0', 'newer-plugin', /newer plugin version \(1\.10\.0; installed: 1\.4\.0\)/],
    ['%VERSION%', 'unknown-plugin-version', /cannot be compared/],
  ])('explains a bundle made by plugin %s', (version, code, message) => {
    const result = validateBundle(
      bundle((b) => (b.plugin.version = version)),
      TARGET
    );
    expect(result).toMatchObject({ ok: true, warnings: [{ code, message: expect.stringMatching(message) }] });
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.2.3', '1.2.3', 0],
    ['1.2.3', '1.10.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['1.2.3-beta.2', '1.2.3', -1],
    ['1.2.3-beta.10', '1.2.3-beta.2', 1],
    ['v1.0.0', '1.0.0', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b)!)).toBe(sign);
  });

  it('gives up on non-versions', () => {
    expect(compareVersions('%VERSION%', '1.0.0')).toBeUndefined();
  });
});
