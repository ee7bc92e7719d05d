import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allFixtures, familyFixture, growthOf, parseFixture, seriesMismatch } from './fixture-families';

const KAFKA_LIKE = `# Fixture: a two-family exporter
# family: widget / widget 1.x
# derived from: example/widget_exporter v1.0.0 collector.go
# free labels: topic
# fsm-stack: grows widget_state{state="running",topic="pay\\"ments"} 0.5
# fsm-stack: grows widget_requests_total 2
# HELP widget_state State of the widget.
# TYPE widget_state gauge
widget_state{state="running",topic="orders"} 1
# fsm-healthy: 1
widget_state{state="running",topic="pay\\"ments"} 0
# fsm-healthy: absent
widget_broken{reason="disk"} 1
widget_requests_total 10
`;

const madeDirs: string[] = [];
afterAll(() => madeDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fsm-fixtures-'));
  madeDirs.push(dir);
  Object.entries(files).forEach(([name, text]) => writeFileSync(join(dir, name), text));
  return dir;
}

describe('family fixtures', () => {
  it('reads the header, the healthy markers and escaped label values of a fixture', () => {
    const fixture = parseFixture(KAFKA_LIKE, '/x/widget-1.prom');
    expect(fixture.families).toEqual([{ exporter: 'widget', family: 'widget 1.x' }]);
    expect(fixture.provenance).toEqual(['derived from: example/widget_exporter v1.0.0 collector.go']);
    expect([...fixture.freeLabels]).toEqual(['topic']);
    // the first matching directive: only the labelled sample grows by the labelled rate
    expect(fixture.samples.map((s) => growthOf(fixture, s))).toEqual([undefined, 0.5, undefined, 2]);
    expect(fixture.samples.map((s) => [s.metric, s.labels, s.value, s.healthy])).toEqual([
      ['widget_state', { state: 'running', topic: 'orders' }, 1, undefined],
      ['widget_state', { state: 'running', topic: 'pay"ments' }, 0, 1],
      ['widget_broken', { reason: 'disk' }, 1, 'absent'],
      ['widget_requests_total', {}, 10, undefined],
    ]);
  });

  it('reads the stack directives: job, serve no, timestamp, clock and now; refuses a misspelt one', () => {
    const fixture = parseFixture(
      '# fsm-stack: job fixture_widget\n# fsm-stack: serve no\n# fsm-stack: timestamp widget_boot_time_seconds\n' +
        '# fsm-stack: clock widget_optime ms\n# fsm-stack: now 1700000000\nwidget_boot_time_seconds 1699990000\n',
      '/x/widget-2.prom'
    );
    expect([fixture.job, fixture.served, [...fixture.timestamps], fixture.now]).toEqual([
      'fixture_widget',
      false,
      [
        ['widget_boot_time_seconds', { clock: false, perSecond: 1 }],
        ['widget_optime', { clock: true, perSecond: 1000 }],
      ],
      1700000000,
    ]);
    expect(() => parseFixture('# fsm-stack: timestamp widget_optime us\n', 'a.prom')).toThrow(/unknown directive/);
    expect(parseFixture(KAFKA_LIKE, '/x/widget-1.prom').served).toBe(true);
    expect(() => parseFixture('# fsm-stack: grow widget_requests_total 2\n', 'a.prom')).toThrow(
      /a\.prom:1: unknown directive # fsm-stack: grow widget_requests_total 2/
    );
  });

  it('matches an exposition that carries job and instance itself (honor_labels) against target labels', () => {
    const fixture = parseFixture(
      '# free labels: pool\nzfs_pool{job="truenas",instance="nas",pool="tank"} 1\n',
      '/x/t.prom'
    );
    const target = new Set(['job', 'instance']);
    expect(seriesMismatch(fixture, 'zfs_pool', { pool: 'other', job: 'x' }, target)).toBeUndefined();
    expect(seriesMismatch(fixture, 'zfs_pool', { pool: 'other' })).toMatch(/has label names \{instance,job,pool\}/);
  });

  it('refuses a healthy marker with no sample after it, and a line that is no sample', () => {
    expect(() => parseFixture('# fsm-healthy: 1\n', 'a.prom')).toThrow(/has no sample after it/);
    expect(() => parseFixture('widget{state=running} 1\n', 'a.prom')).toThrow(/cannot read the label set/);
  });

  it('builds a promtool series only from a metric, label names and vocabulary values the family emits', () => {
    const dir = dirWith({ 'widget-1.prom': KAFKA_LIKE });
    const widget = familyFixture('widget', 'widget 1.x', allFixtures(dir)).at({ job: 'widget', instance: 'w:1' });

    // a free label takes any value; a vocabulary label only values the fixture has
    expect(widget.series('widget_state', { topic: 'anything', state: 'running' })).toBe(
      'widget_state{job="widget",instance="w:1",state="running",topic="anything"}'
    );
    expect(() => widget.series('widget_state', { topic: 'orders', state: 'stopped' })).toThrow(
      /widget_state\{state="stopped"\} never occurs in the fixture \(values: "running"\)/
    );
    expect(() => widget.series('widget_state', { state: 'running' })).toThrow(
      /has label names \{state,topic\} in the fixture, not \{state\}/
    );
    expect(() => widget.series('widget_renamed', {})).toThrow(/the fixture has no widget_renamed/);
    expect(() => widget.series('widget_broken', { reason: 'disk', job: 'x' })).toThrow(
      /both an exporter label and a target label/
    );
  });

  it('names the known families when asked for one no fixture claims', () => {
    const dir = dirWith({ 'widget-1.prom': KAFKA_LIKE });
    expect(() => familyFixture('widget', 'widget 2.x', allFixtures(dir))).toThrow(
      'no fixture says "# family: widget / widget 2.x"; known families of widget: "widget 1.x" (widget-1.prom)'
    );
  });

  it('parses every fixture the stack serves', () => {
    expect(allFixtures().length).toBeGreaterThan(10);
  });
});
