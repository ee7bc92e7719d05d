// Journey: an operator points the pack at Debian 12's own Netdata (1.37, scraped as job "netdata" at
// /api/v1/allmetrics?format=prometheus&source=average). Every panel of the Netdata dashboard, limited to that
// agent, runs without error and shows data, but for the charts this host does not have; and per-filesystem and
// per-disk panels (space, inodes, busy time) keep one series per chart, although 1.37 sends no mount_point or
// device label.
import { generateDashboards } from '../../src/generate/dashboards';
import { createPrometheusClient } from './prometheus';
import { eventually, expandGrafanaVariables } from './harness';

const prometheus = createPrometheusClient();
const netdata = generateDashboards().find((d) => d.kind === 'exporter' && d.exporter === 'netdata')!;

/**
 * Signals whose Netdata chart 1.37 creates only when the host has the thing: no swap here, and net.errors /
 * net.drops appear only once an interface counts an error or a drop (proc_net_dev.c, CONFIG_BOOLEAN_AUTO).
 */
const HOST_HAS_NO_CHART = new Set(['swapUsed', 'networkErrors', 'packetsDropped']);

const onRealAgent = (expr: string) => expandGrafanaVariables(expr.replace(/\$job\b/g, 'netdata'));

async function seriesCount(expr: string, instant: boolean): Promise<number> {
  if (instant) {
    return (await prometheus.instantQuery(expr)).length;
  }
  const end = Date.now() / 1000;
  return (await prometheus.rangeQuery(expr, { start: end - 300, end, step: 15 })).length;
}

describe('the Netdata dashboard on Debian’s Netdata 1.37', () => {
  beforeAll(() => prometheus.ready());

  const cases = netdata.queries
    .filter((q) => q.signal !== undefined && !HOST_HAS_NO_CHART.has(q.signal))
    .map((q) => [`${q.panel} / ${q.refId}`, q] as const);

  it.each(cases)('%s runs and returns data from the real agent', async (_name, query) => {
    const expr = onRealAgent(query.expr);
    const count = await eventually(
      `data from the real netdata for ${expr}`,
      () => seriesCount(expr, query.instant),
      (n) => n > 0,
      { timeoutMs: 30_000, intervalMs: 2_000 }
    );
    expect(count).toBeGreaterThan(0);
  });

  it('runs the panels of the charts this host lacks without error', async () => {
    const absent = netdata.queries.filter((q) => q.signal !== undefined && HOST_HAS_NO_CHART.has(q.signal));
    expect(absent.length).toBeGreaterThan(0);
    for (const query of absent) {
      await expect(seriesCount(onRealAgent(query.expr), query.instant)).resolves.toBeGreaterThanOrEqual(0);
    }
  });

  it('shows each filesystem and each disk on its own, as the agent’s charts do', async () => {
    const charts = async (metric: string) =>
      new Set((await prometheus.instantQuery(`${metric}{job="netdata"}`)).map((s) => s.metric.chart)).size;
    // The detail panel's query, not the overview's worst-value stat of the same signal (one series by design).
    const panelSeries = async (signal: string) => {
      const query = netdata.queries.find((q) => q.signal === signal && !q.panel.endsWith('(worst)'))!;
      return (await prometheus.instantQuery(onRealAgent(query.expr))).length;
    };
    const filesystems = await charts('netdata_disk_space_GiB_average');
    const inodeTables = await charts('netdata_disk_inodes_inodes_average');
    const disks = await charts('netdata_disk_busy_milliseconds_average');
    expect(filesystems).toBeGreaterThan(0);
    expect(inodeTables).toBeGreaterThan(0);
    expect(disks).toBeGreaterThan(0);
    expect(await panelSeries('diskSpaceUsed')).toBe(filesystems);
    expect(await panelSeries('inodesUsed')).toBe(inodeTables);
    expect(await panelSeries('diskBusy')).toBe(disks);
  });
});
