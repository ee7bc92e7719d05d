import { joinLabels, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// Every component health gauge: 1 = OK, 0 = anything else (Warning, Critical, no health at all).
const HEALTH = [
  'ilo_power_supply_healthy',
  'ilo_memory_dimm_healthy',
  'ilo_processor_healthy',
  'ilo_storage_disk_healthy',
  'ilo_chassis_temperature_healthy',
];
// ilo_exporter skips absent PSUs and sensors, but of the fans only Offline/UnavailableOffline ones
// (pkg/chassis/thermal/metrics.go, 1.0.0 – 1.0.4): an empty fan bay (State "Absent", no Health) is
// exported as unhealthy. Only fans the iLO reports as Enabled count.
const fanUnhealthy = (q: QueryContext) =>
  `(${sel('ilo_chassis_fan_healthy', q)} == 0 and ${sel('ilo_chassis_fan_enabled', q)} == 1)`;

// When an iLO reports a disk only in MiB, the exporter emits CapacityMiB << 10, i.e. KiB, under a
// "_byte" name. Real disks span about 32 GiB to 32 TiB, so the two ranges do not overlap: a value
// below 2^35 can only be KiB (a disk under 32 TiB), one above it only bytes.
const KIB_CEILING = '34359738368';
const capacity = (q: QueryContext) => sel('ilo_storage_disk_capacity_byte', q);

// A failed read of the iLO's Systems/1 (connection refused, no route, 401, 5xx) is logged, and from 1.0.2 still
// sends ilo_system_info with every label empty beside ilo_power_up 0 (pkg/system/collector.go: the System struct
// stays empty, so PowerUpValue is 0). All six empty, not one: no single field is provably set on every server, but a
// real Systems/1 names at least the server's model, so only a failed read leaves all six empty. 1.0.0 – 1.0.1 send
// no ilo_system_info: there a failed read and a real power-off are the same series.
const READ_FAILED = ['uuid', 'serial', 'sku', 'model', 'host_name', 'bios_version'].map((l) => `${l}=""`).join(', ');

export const iloExporter = defineExporter({
  id: 'ilo',
  title: 'HPE iLO',
  layer: 'specialized',
  defaultPort: 9545,
  docsUrl: 'https://github.com/MauveSoftware/ilo_exporter',
  description:
    'HPE ProLiant servers through the iLO Redfish API: power, fans, temperatures, and the health of PSUs, DIMMs, CPUs and disks.',
  detection: { metrics: ['ilo_power_up', 'ilo_system_info'] },
  // The exporter has no build-info metric. One series per server (label host).
  infoMetrics: ['ilo_power_up'],
  thresholds: [
    {
      id: 'unhealthyComponents',
      direction: 'above',
      critical: 0,
      min: 0,
      max: 100,
    },
    {
      id: 'temperatureHeadroom',
      direction: 'below',
      warning: 10,
      critical: 5,
      min: 0,
      max: 50,
    },
    {
      id: 'powerCapacity',
      title: 'Power use of capacity',
      unit: 'percent',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
      description:
        'Power drawn as a share of the power supplies’ capacity; above 50% a redundant pair no longer survives losing one supply.',
    },
  ],
  signals: [
    {
      id: 'powerUp',
      title: 'Server powered on',
      description: 'Whether each server is powered on (1 = on).',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_power_up', q),
      legend: '{{host}}',
    },
    {
      id: 'systemReadFailed',
      title: 'iLO unreachable',
      description:
        'Whether the exporter answers but cannot read the server from its iLO (1 = the read failed: network path, credentials or the iLO itself); power and health then read 0 or nothing for that server.',
      unit: 'bool_yes_no',
      // 0 for every server read in full, so a stat shows "No" rather than nothing.
      expr: (q) =>
        `count by (${q.by}, host) (${sel('ilo_system_info', q, READ_FAILED)}) or sum by (${q.by}, host) (${sel('ilo_system_info', q)} * 0)`,
      legend: '{{host}}',
      optional: 'ilo_exporter 1.0.2 and later (pkg/system/collector.go): 1.0.0 – 1.0.1 send no ilo_system_info',
    },
    {
      id: 'unhealthyComponents',
      title: 'Unhealthy components',
      description:
        'Components per server whose health is not OK: power supplies, fans, temperature sensors, DIMMs, processors and disks.',
      unit: 'short',
      variants: [
        {
          // A comparison without bool keeps each metric's name, so a fan and a sensor sharing a name label
          // stay two series; the last `or` shows 0 for servers where everything is healthy, except a server
          // whose iLO the exporter cannot read (from 1.0.2, where the failed read is told apart, READ_FAILED):
          // it sends no health series but still ilo_power_up 0, and a 0 would claim it healthy. Only the 0
          // is withheld: a count of unhealthy components read despite a failed Systems/1 read stays.
          expr: (q) =>
            `count by (${q.by}, host) (${[...HEALTH.map((m) => `${sel(m, q)} == 0`), fanUnhealthy(q)].join(' or ')}) or (sum by (${q.by}, host) (${sel('ilo_power_up', q)} * 0) unless count by (${q.by}, host) (${sel('ilo_system_info', q, READ_FAILED)}))`,
        },
      ],
      legend: '{{host}}',
      threshold: 'unhealthyComponents',
      min: 0,
    },
    {
      id: 'powerCurrent',
      title: 'Power draw',
      description: 'Current power drawn by each server.',
      unit: 'watt',
      expr: (q) => `sum by (${q.by}, host) (${sel('ilo_power_current_watt', q)})`,
      legend: '{{host}} now',
    },
    {
      id: 'powerAverage',
      title: 'Average power draw',
      description: 'Average power drawn by each server over the iLO’s sampling window.',
      unit: 'watt',
      expr: (q) => `sum by (${q.by}, host) (${sel('ilo_power_average_watt', q)})`,
      legend: '{{host}} average',
    },
    {
      id: 'powerCapacityUsed',
      title: 'Power use of capacity',
      description: 'Power drawn as a share of the power-control domain’s capacity.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('ilo_power_current_watt', q)} / (${sel('ilo_power_capacity_watt', q)} > 0)`,
      legend: '{{host}}',
      threshold: 'powerCapacity',
    },
    {
      id: 'powerSupplyHealthy',
      title: 'Power supplies',
      description: 'Health of each power supply (1 = OK).',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_power_supply_healthy', q),
      legend: '{{host}} PSU {{serial}}',
    },
    {
      id: 'fanHealthy',
      title: 'Fans',
      description: 'Health of each fan (1 = OK).',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_chassis_fan_healthy', q),
      legend: '{{host}} {{name}}',
    },
    {
      id: 'fanSpeed',
      title: 'Fan speed',
      description:
        'Speed of each fan in percent of its maximum; all fans high means the server is hot or a fan failed.',
      unit: 'percent',
      expr: (q) => sel('ilo_chassis_fan_current_percent', q),
      legend: '{{host}} {{name}}',
    },
    {
      id: 'temperature',
      title: 'Temperatures',
      description: 'Reading of each temperature sensor.',
      unit: 'celsius',
      expr: (q) => sel('ilo_chassis_temperature_current', q),
      legend: '{{host}} {{name}}',
    },
    {
      id: 'temperatureHeadroom',
      title: 'Temperature headroom',
      description: 'Degrees left below each sensor’s critical threshold (sensors without a threshold are left out).',
      unit: 'celsius',
      expr: (q) => `(${sel('ilo_chassis_temperature_critical', q)} > 0) - ${sel('ilo_chassis_temperature_current', q)}`,
      legend: '{{host}} {{name}}',
      threshold: 'temperatureHeadroom',
    },
    {
      id: 'temperatureHealthy',
      title: 'Temperature sensors',
      description: 'Health of each temperature sensor (1 = OK).',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_chassis_temperature_healthy', q),
      legend: '{{host}} {{name}}',
    },
    {
      id: 'dimmHealthy',
      title: 'Memory DIMMs',
      description: 'Health of each DIMM (1 = OK); correctable-error storms show here before a DIMM fails.',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_memory_dimm_healthy', q),
      legend: '{{host}} {{name}}',
    },
    {
      id: 'memoryInstalled',
      title: 'Memory installed',
      description: 'Total size of the DIMMs the iLO reports per server; a drop means a DIMM was mapped out.',
      unit: 'bytes',
      expr: (q) => `sum by (${q.by}, host) (${sel('ilo_memory_dimm_byte', q)})`,
      legend: '{{host}}',
    },
    {
      id: 'processorHealthy',
      title: 'Processors',
      description: 'Health of each processor (1 = OK).',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_processor_healthy', q),
      legend: '{{host}} {{socket}}',
    },
    {
      id: 'diskHealthy',
      title: 'Disks',
      description: 'Health of each physical disk behind the Smart Array controller (1 = OK).',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_storage_disk_healthy', q),
      legend: '{{host}} {{location}} {{model}}',
    },
    {
      id: 'diskFailurePredicted',
      title: 'Disk failure predicted',
      description: 'Whether the controller predicts a disk will fail (1 = yes): replace it before it does.',
      unit: 'bool_yes_no',
      expr: (q) => sel('ilo_storage_disk_failure_predicted', q),
      legend: '{{host}} {{location}} {{model}}',
      optional: 'ilo_exporter 1.0.3 and later (pkg/system/storage/metrics.go)',
    },
    {
      id: 'diskCapacity',
      title: 'Disk capacity',
      description: 'Size of each physical disk, corrected where the exporter reports KiB under a byte name.',
      unit: 'bytes',
      variants: [
        { note: 'iLO reports the capacity in bytes', expr: (q) => `${capacity(q)} >= ${KIB_CEILING}` },
        {
          note: 'iLO reports only MiB: the exporter emits KiB (MiB << 10)',
          expr: (q) => `(${capacity(q)} < ${KIB_CEILING}) * 1024`,
        },
      ],
      legend: '{{host}} {{location}} {{model}}',
    },
    {
      id: 'scrapeDuration',
      title: 'iLO scrape duration',
      description:
        'Time each exporter module (system, chassis, manager) took to query the iLO; slow iLOs make scrapes time out.',
      unit: 's',
      expr: (q) => ['system', 'chassis', 'manager'].map((m) => sel(`ilo_${m}_scrape_duration_second`, q)).join(' or '),
      legend: '{{host}} {{__name__}}',
    },
  ],
  alerts: [
    {
      id: 'psu-unhealthy',
      name: 'ILOPowerSupplyUnhealthy',
      severity: 'warning',
      for: '5m',
      // Every sample in the window unhealthy: a missed scrape neither hides nor resets it.
      signal: 'powerSupplyHealthy',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Power supply {{ $labels.serial }} of {{ $labels.host }} is not healthy.',
      description:
        'The iLO of {{ $labels.host }} reports power supply {{ $labels.serial }} as not OK: the server runs without power redundancy and one more failure powers it off. Check the PSU’s LED and the feed it is plugged into, then replace it.',
    },
    {
      id: 'fan-unhealthy',
      name: 'ILOFanUnhealthy',
      severity: 'warning',
      for: '5m',
      signal: 'fanHealthy',
      overWindow: 'max',
      filters: [(q) => `${sel('ilo_chassis_fan_enabled', q)} == 1`],
      comparison: '<',
      threshold: 1,
      summary: 'Fan {{ $labels.name }} of {{ $labels.host }} is not healthy.',
      description:
        'The iLO of {{ $labels.host }} reports {{ $labels.name }} as not OK: cooling redundancy is lost and the other fans spin up. Replace the fan (hot-plug on most ProLiants) before temperatures rise.',
    },
    {
      id: 'temp-sensor-unhealthy',
      name: 'ILOTemperatureSensorUnhealthy',
      severity: 'critical',
      for: '5m',
      signal: 'temperatureHealthy',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Temperature sensor {{ $labels.name }} of {{ $labels.host }} reports a problem.',
      description:
        'The iLO of {{ $labels.host }} reports sensor {{ $labels.name }} as not OK: that zone is past its caution or critical temperature, and the server may throttle or shut down. Check fans, airflow, blanking panels and the inlet temperature.',
    },
    {
      id: 'dimm-unhealthy',
      name: 'ILOMemoryDIMMUnhealthy',
      severity: 'warning',
      for: '5m',
      signal: 'dimmHealthy',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Memory DIMM {{ $labels.name }} of {{ $labels.host }} is not healthy.',
      description:
        'The iLO of {{ $labels.host }} reports DIMM {{ $labels.name }} as not OK (correctable-error storm, failed or mapped out). Check the iLO’s Integrated Management Log and replace the DIMM in a maintenance window before it causes a crash.',
    },
    {
      id: 'cpu-unhealthy',
      name: 'ILOProcessorUnhealthy',
      severity: 'critical',
      for: '5m',
      signal: 'processorHealthy',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Processor {{ $labels.socket }} of {{ $labels.host }} is not healthy.',
      description:
        'The iLO of {{ $labels.host }} reports processor {{ $labels.socket }} as not OK: expect machine-check errors and crashes. Read the Integrated Management Log, move workloads away and call HPE support.',
    },
    {
      id: 'disk-unhealthy',
      name: 'ILODiskUnhealthy',
      severity: 'critical',
      for: '5m',
      signal: 'diskHealthy',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Disk {{ $labels.location }} of {{ $labels.host }} is not healthy.',
      description:
        'The storage controller of {{ $labels.host }} reports disk {{ $labels.location }} ({{ $labels.model }}) as not OK: its logical drive runs degraded or has failed. Replace the disk and watch the rebuild.',
    },
    {
      id: 'disk-failure-predicted',
      name: 'ILODiskFailurePredicted',
      severity: 'warning',
      for: '5m',
      signal: 'diskFailurePredicted',
      overWindow: 'max',
      comparison: '>',
      threshold: 0,
      summary: 'Disk {{ $labels.location }} of {{ $labels.host }} is predicted to fail.',
      optional: 'ilo_exporter 1.0.3 and later',
      description:
        'The Smart Array controller of {{ $labels.host }} predicts that disk {{ $labels.location }} (serial {{ $labels.serial_number }}) will fail (SMART trip). Replace it now, while the array is still redundant.',
    },
    {
      id: 'temp-headroom-low',
      name: 'ILOTemperatureNearCritical',
      severity: 'warning',
      for: '10m',
      query: (q) =>
        `(${sel('ilo_chassis_temperature_critical', q)} > 0) - max_over_time(${sel('ilo_chassis_temperature_current', q)}[${q.range}])`,
      threshold: 'temperatureHeadroom',
      summary: 'Sensor {{ $labels.name }} of {{ $labels.host }} is close to its critical temperature.',
      description:
        'Sensor {{ $labels.name }} of {{ $labels.host }} reads within the warning headroom of the critical temperature the iLO defines for it. Check fans, airflow and the inlet temperature before the server throttles or shuts down.',
    },
    {
      id: 'temp-headroom-critical',
      name: 'ILOTemperatureCritical',
      severity: 'critical',
      for: '5m',
      query: (q) =>
        `(${sel('ilo_chassis_temperature_critical', q)} > 0) - max_over_time(${sel('ilo_chassis_temperature_current', q)}[${q.range}])`,
      threshold: 'temperatureHeadroom',
      summary: 'Sensor {{ $labels.name }} of {{ $labels.host }} is at its critical temperature.',
      description:
        'Sensor {{ $labels.name }} of {{ $labels.host }} reads within the critical headroom of (or above) its critical temperature: the iLO will shut the server down to protect it. Fix cooling now or move workloads away.',
    },
    {
      id: 'power-capacity-high',
      name: 'ILOPowerNearCapacity',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `100 * avg_over_time(${sel('ilo_power_current_watt', q)}[${q.range}]) / (${sel('ilo_power_capacity_watt', q)} > 0)`,
      threshold: 'powerCapacity',
      summary: '{{ $labels.host }} draws close to its power supplies’ capacity.',
      description:
        '{{ $labels.host }} draws more of its power-control domain’s capacity than the threshold: a redundant PSU pair may no longer carry the load on one supply, and power capping may slow the server. Check power-capping settings and the PSU sizing.',
    },
    {
      id: 'powered-off',
      name: 'ILOServerPoweredOff',
      severity: 'warning',
      for: '5m',
      signal: 'powerUp',
      overWindow: 'max',
      // A failed read also sends ilo_power_up 0: from 1.0.2 its empty ilo_system_info turns it away (ILOUnreachable).
      filters: [
        (q) =>
          `${sel('ilo_power_up', q)} unless on (${joinLabels(q, 'host')}) ${sel('ilo_system_info', q, READ_FAILED)}`,
      ],
      comparison: '<',
      threshold: 1,
      summary: 'Server {{ $labels.host }} is powered off.',
      description:
        'The iLO {{ $labels.host }} reports its server as powered off. If nobody turned it off, check the Integrated Management Log for a thermal or power event, then power it on from the iLO. With ilo_exporter 1.0.0 – 1.0.1 an iLO the exporter cannot read also reads as powered off (those versions send ilo_power_up 0 and nothing to tell it apart): if the exporter’s log shows failed requests to this iLO, treat it as unreachable instead.',
    },
    {
      id: 'unreachable',
      name: 'ILOUnreachable',
      severity: 'warning',
      for: '10m',
      signal: 'systemReadFailed',
      comparison: '>',
      threshold: 0,
      summary: 'The exporter cannot read the iLO {{ $labels.host }}.',
      optional: 'ilo_exporter 1.0.2 and later',
      description:
        'ilo_exporter answers for {{ $labels.host }} but its requests to the iLO’s Redfish API fail, so power, health and temperatures of this server are unknown (they read 0 or are missing, and ILOServerPoweredOff stays quiet). The exporter’s log names the error. Check the network path from the exporter to the iLO on HTTPS (port 443), the exporter’s --api.username and --api.password (a wrong user name or password answers 401 Unauthorized), and whether the iLO web interface responds; reset a hung iLO (its Diagnostics page, or ipmitool mc reset cold), which leaves the server running. An iLO that never answers (packets dropped, or a connection it accepts but never replies on) shows as a failed scrape (up = 0) instead: the exporter sets no request timeout and waits on it past the scrape timeout.',
    },
  ],
  overview: ['unhealthyComponents', 'powerCapacityUsed', 'temperatureHeadroom', 'diskFailurePredicted'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['powerUp'], kind: 'stat', width: 4 },
        { signals: ['systemReadFailed'], kind: 'stat', width: 4 },
        { signals: ['unhealthyComponents'], kind: 'stat', width: 4 },
        { signals: ['powerCurrent'], kind: 'stat', width: 4 },
        { signals: ['powerCapacityUsed'], kind: 'gauge', width: 4 },
        { signals: ['diskFailurePredicted'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Power',
      panels: [
        {
          signals: ['powerCurrent', 'powerAverage'],
          title: 'Power draw',
          description: 'Current and average power drawn by each server.',
          width: 12,
        },
        { signals: ['powerCapacityUsed'], width: 6 },
        { signals: ['powerSupplyHealthy'], kind: 'table', width: 6 },
      ],
    },
    {
      title: 'Cooling',
      panels: [
        { signals: ['temperature'], width: 6 },
        { signals: ['temperatureHeadroom'], width: 6 },
        { signals: ['fanSpeed'], width: 6 },
        {
          signals: ['fanHealthy', 'temperatureHealthy'],
          title: 'Fan and sensor health',
          description: 'Health of each fan and temperature sensor (1 = OK).',
          kind: 'table',
          width: 6,
        },
      ],
    },
    {
      title: 'Compute and memory',
      panels: [
        { signals: ['processorHealthy'], kind: 'table', width: 8 },
        { signals: ['dimmHealthy'], kind: 'table', width: 8 },
        { signals: ['memoryInstalled'], kind: 'stat', width: 8 },
      ],
    },
    {
      title: 'Storage',
      panels: [
        { signals: ['diskHealthy'], kind: 'table', width: 8 },
        { signals: ['diskFailurePredicted'], kind: 'table', width: 8 },
        { signals: ['diskCapacity'], kind: 'table', width: 8 },
      ],
    },
    {
      title: 'Exporter',
      panels: [{ signals: ['scrapeDuration'], width: 24 }],
    },
  ],
});
