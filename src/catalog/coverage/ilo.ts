import { rowsOf } from './rows';
import type { ExporterCoverage } from './types';

const TAG = 'v1.0.4';
const REPO = 'https://github.com/MauveSoftware/ilo_exporter/blob';

// ilo_exporter ships its own example Grafana dashboard and Grafana-managed alert rules (added 2023-12-26, unchanged
// since, the same at v1.0.4); there is no mixin, and awesome-prometheus-alerts (a853318) has no iLO rules.
const alert = rowsOf('alerts', 'alert');
const view = rowsOf('dashboard', 'view');

/** ilo against the exporter’s own example alert rules and dashboard. */
export const iloCoverage: ExporterCoverage = {
  exporter: 'ilo',
  references: [
    {
      id: 'alerts',
      title: 'ilo_exporter example Grafana alert rules',
      kind: 'alert collection',
      url: `${REPO}/${TAG}/ilo-grafana-alerts.yaml`,
      version: `${TAG} (no mixin; awesome-prometheus-alerts a853318 has no iLO rules)`,
    },
    {
      id: 'dashboard',
      title: 'ilo_exporter example Grafana dashboard',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/iLO-grafana-dashboard.json`,
      version: TAG,
    },
  ],
  rows: [
    alert('Chassis Fan Healthy', { covered: ['alert:fan-unhealthy'] }),
    alert('Chassis Fan Enabled', {
      notTaken:
        'a fan the iLO does not report as Enabled is a spare or unused bay on many models, not a failure; ILOFanUnhealthy counts enabled fans only, for that reason',
    }),
    alert('Chassis Temperature Healthy', { covered: ['alert:temp-sensor-unhealthy'] }),
    alert('Temperature Critical (a sensor above its critical threshold)', {
      covered: ['alert:temp-headroom-low', 'alert:temp-headroom-critical'],
    }),
    alert('Temperature Fatal (a sensor above its fatal threshold)', {
      notTaken:
        'the fatal threshold lies above the critical one: ILOTemperatureCritical already pages, 5 degrees before the critical threshold; a second critical rule would page twice for one failure',
    }),
    alert('DIMM Healthy', { covered: ['alert:dimm-unhealthy'] }),
    alert('Processor Unhealthy', { covered: ['alert:cpu-unhealthy'] }),
    alert('Disk Unhealthy', { covered: ['alert:disk-unhealthy'] }),
    alert('Power Supply Unhealthy', { covered: ['alert:psu-unhealthy'] }),
    alert('Power Supply Enabled', {
      notTaken:
        'absent bays are skipped by the exporter (pkg/chassis/power/metrics.go), so a supply not Enabled is present but held off, as HPE’s power-efficiency modes can do on purpose; a failed supply reports unhealthy (ILOPowerSupplyUnhealthy)',
    }),
    {
      ...alert('Power Up (server powered off)', { covered: ['alert:powered-off', 'alert:unreachable'] }),
      note: 'theirs also fires when the exporter cannot read the iLO (it then sends ilo_power_up 0); from ilo_exporter 1.0.2 ours tells that apart and raises ILOUnreachable instead',
    },
    alert('High Max Power Consumption (peak draw against capacity)', { covered: ['alert:power-capacity-high'] }),
    // dashboard
    view('Power Status', { covered: ['panel:powerUp'] }),
    view('Power (current watts)', { covered: ['panel:powerCurrent'] }),
    view('Power usage 30d', {
      notTaken:
        'the current draw multiplied by 720 hours is a projection, not measured energy; the Power panel shows current and average watts',
    }),
    view('Unhealthy DIMMs / PSUs / Processors / Disks (counts)', {
      covered: [
        'panel:unhealthyComponents',
        'panel:dimmHealthy',
        'panel:powerSupplyHealthy',
        'panel:processorHealthy',
        'panel:diskHealthy',
      ],
    }),
    view('Disabled PSUs (count)', {
      notTaken: 'see the Power Supply Enabled alert row: a supply held off is not a fault',
    }),
    view('Temperatures (gauge and time series)', { covered: ['panel:temperature', 'panel:temperatureHeadroom'] }),
    view('Fans Speed (%)', { covered: ['panel:fanSpeed'] }),
    view('Power (W): current and average', { covered: ['panel:powerCurrent', 'panel:powerAverage'] }),
    view('Alerts (alert list)', {
      notTaken:
        'a list of whatever Grafana rules exist, not of this server; each of our rules links back to this dashboard instead',
    }),
  ],
};
