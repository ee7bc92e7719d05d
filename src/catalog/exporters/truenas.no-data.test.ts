/** @jest-environment node */
// TrueNASNoData's query judged by promtool, Prometheus' own evaluator, as an alert `… > 0` with no `for`: where no
// series carries a cluster label (a Prometheus server evaluating its own rule file) it fires at the very minutes the
// rule it replaced, absent_over_time(uptime[15m]), fired; on a store holding several clusters it fires for the cluster
// whose TrueNAS went silent, with its label, for a day.
import { alertContext } from '../promql';
import { truenasExporter } from './truenas';
import { firingMinutes, hasPromtool } from '../../../tests/support/promtool';

const noData = truenasExporter.alerts.find((a) => a.id === 'no-data');
const query = noData!.query(alertContext());
const uptime = (labels: string) => `uptime{${labels}instance="truenas01",job="truenas"}`;

(hasPromtool ? describe : describe.skip)('TrueNASNoData (promtool)', () => {
  it('without a cluster label, fires as absent_over_time(uptime[15m]) did: no data yet, silent a day', async () => {
    // Nothing for half an hour, reports from minute 30 to 90, then silent for longer than a day.
    const series = [{ series: uptime(''), values: '_x30 100+60x60 _x1600' }];
    const at = [0, 29, 31, 60, 95, 105, 106, 200, 1529, 1530, 1531, 1532, 1690];
    const before = await firingMinutes('absent_over_time(uptime[15m])', series, at, {});
    expect(before).toEqual([0, 29, 106, 200, 1529, 1530, 1531, 1532, 1690]);
    expect(await firingMinutes(query, series, at, {})).toEqual(before);
  });

  it('on a store holding several clusters, fires for the silent one only, with its cluster, for a day', async () => {
    // prod's TrueNAS reports for 10 minutes, then is silent; staging's reports throughout; dev has no TrueNAS.
    const series = [
      { series: uptime('cluster="prod",'), values: '100+60x10 _x1600' },
      { series: uptime('cluster="staging",'), values: '100+60x1610' },
      { series: 'up{cluster="dev",job="graphite",instance="graphite:9108"}', values: '1x1610' },
    ];
    const at = [5, 20, 25, 26, 40, 1400, 1450, 1451, 1500];
    // Each minute listed fired prod's alert and no other (promtool compares the whole list of firing alerts). After a
    // day of silence the cluster is no longer remembered (as TrueNASHostSilent's hosts), while staging still reports.
    expect(await firingMinutes(query, series, at, { cluster: 'prod' })).toEqual([26, 40, 1400, 1450]);
  });
});
