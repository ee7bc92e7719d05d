// The stack serves ilo_exporter 1.0.3's exposition (tests/fixtures/exporters/ilo-1.0.3.prom) with one server it
// cannot read, ilo-c: from 1.0.2 the exporter sends ilo_power_up 0 and an empty ilo_system_info for it, and no
// health series (pkg/system/collector.go). Its Overview must say the iLO is unreachable, and must not count it
// among the servers with no unhealthy component.
import { EXPORTERS } from '../../src/catalog';
import { findSignal } from '../../src/catalog/define';
import { signalQuery } from '../../src/catalog/promql';
import type { QueryContext } from '../../src/catalog/types';
import { eventually } from './harness';
import { createPrometheusClient } from './prometheus';

const prometheus = createPrometheusClient();
const ilo = EXPORTERS.find((e) => e.id === 'ilo')!;
const UNREAD = 'ilo-c.oob.example.com';

describe('an iLO the exporter answers for but cannot read (ilo_exporter ≥ 1.0.2)', () => {
  it('shows as unreachable, with no count of unhealthy components, while the servers read in full show theirs', async () => {
    const [target] = await eventually(
      'the ilo-1.0.3 fixture scraped',
      () => prometheus.instantQuery('up{job="ilo",fixture="ilo-1.0.3"} == 1'),
      (r) => r.length === 1
    );
    const q: QueryContext = {
      selector: `job="ilo",instance="${target.metric.instance}"`,
      fleetSelector: '',
      range: '5m',
      by: 'job, instance',
    };
    const byHost = async (signal: string) =>
      new Map(
        (await prometheus.instantQuery(signalQuery(findSignal(ilo, signal), q))).map((s) => [
          s.metric.host,
          Number(s.value[1]),
        ])
      );

    const readFailed = await byHost('systemReadFailed');
    expect(readFailed.get(UNREAD)).toBe(1);
    const readInFull = [...readFailed].filter(([, failed]) => failed === 0).map(([host]) => host);
    // The premise: the fixture has servers read in full beside the unread one.
    expect(readInFull.length).toBeGreaterThan(0);

    const unhealthy = await byHost('unhealthyComponents');
    expect(unhealthy.has(UNREAD)).toBe(false);
    expect([...unhealthy.keys()].sort()).toEqual(readInFull.sort());
  });
});
