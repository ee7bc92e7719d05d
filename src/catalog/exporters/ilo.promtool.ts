/**
 * promtool cases for the ilo alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family fixture (tests/fixtures/exporters/ilo-*.prom), labelled as ilo_exporter labels
 * them behind a multi-target scrape.
 */
import { familyFixture, type Labels } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

const OLD = 'ilo_exporter 1.0.0 – 1.0.2';
const NEW = 'ilo_exporter 1.0.3 – 1.0.4';
const TARGET = { job: 'ilo', instance: 'ilo-exporter:9545' };
const HOST = 'ilo-b.oob.example.com';
const current = familyFixture('ilo', NEW).at(TARGET).series;
const old = familyFixture('ilo', OLD).at(TARGET).series;

/** A health gauge going from OK to not OK fires; staying OK does not. */
function healthCase(metric: string, labels: Labels): FireAndQuiet {
  const series = current(metric, labels);
  return {
    fires: {
      series: [{ series, values: '1x5 0x20' }],
      evalTime: '20m',
      labels: { ...TARGET, ...labels },
    },
    quiet: { series: [{ series, values: '1x25' }], evalTime: '20m' },
  };
}

const SENSOR = { host: HOST, name: '02-CPU 1' };
const OLD_DISK = { host: HOST, location: '1I:1:2', media_type: 'HDD', model: 'MB012000JWDFD' };
const DISK = { ...OLD_DISK, name: '12TB 6G SATA HDD', serial_number: 'ZL2ABCD2' };
const POWER = { host: HOST, id: '0' };
// ilo-c: a target the exporter answers for but cannot read (the fixtures' header cites the source).
const UNREAD = 'ilo-c.oob.example.com';
const EMPTY_INFO = { host: UNREAD, uuid: '', serial: '', sku: '', model: '', host_name: '', bios_version: '' };
const INFO_B = {
  host: HOST,
  uuid: '37393150-3636-5a43-4a31-323334414244',
  serial: 'CZJ1234ABD',
  sku: '868703-B21',
  model: 'ProLiant DL380 Gen10',
  host_name: 'esx02.example.com',
  bios_version: 'U30 v2.90 (04/11/2025)',
};

/** The server behind `host` read in full (its ilo_system_info) and powered off from minute 5 (1.0.2 and later). */
const poweredOff = (series: typeof current): FireAndQuiet['fires']['series'] => [
  { series: series('ilo_power_up', { host: HOST }), values: '1x5 0x20' },
  { series: series('ilo_system_info', INFO_B), values: '1x25' },
];
/** A failed read from minute 5: ilo_power_up 0 beside the empty ilo_system_info (1.0.2 and later). */
const unread = (series: typeof current): FireAndQuiet['fires']['series'] => [
  { series: series('ilo_power_up', { host: UNREAD }), values: '1x5 0x20' },
  { series: series('ilo_system_info', EMPTY_INFO), values: '_x5 1x20' },
];

const headroom = (current_: string): FireAndQuiet['fires']['series'] => [
  { series: current('ilo_chassis_temperature_current', SENSOR), values: `${current_}x30` },
  { series: current('ilo_chassis_temperature_critical', SENSOR), values: '70x30' },
];

export const iloPromtoolCases: PromtoolCases = {
  'psu-unhealthy': { family: NEW, ...healthCase('ilo_power_supply_healthy', { host: HOST, serial: '5XYKC0ACJ8A1C7' }) },
  // An empty fan bay is exported as healthy 0 but enabled 0 (pkg/chassis/thermal/metrics.go skips only offline
  // fans): it must not fire; an enabled fan that turns unhealthy must.
  'fan-unhealthy': {
    family: NEW,
    fires: {
      series: [
        { series: current('ilo_chassis_fan_healthy', { host: HOST, name: 'Fan 2' }), values: '1x5 0x20' },
        { series: current('ilo_chassis_fan_enabled', { host: HOST, name: 'Fan 2' }), values: '1x25' },
      ],
      evalTime: '20m',
      labels: { ...TARGET, host: HOST, name: 'Fan 2' },
    },
    quiet: {
      series: [
        { series: current('ilo_chassis_fan_healthy', { host: HOST, name: 'Fan 7' }), values: '0x25' },
        { series: current('ilo_chassis_fan_enabled', { host: HOST, name: 'Fan 7' }), values: '0x25' },
      ],
      evalTime: '20m',
    },
  },
  'temp-sensor-unhealthy': { family: NEW, ...healthCase('ilo_chassis_temperature_healthy', SENSOR) },
  'dimm-unhealthy': { family: NEW, ...healthCase('ilo_memory_dimm_healthy', { host: HOST, name: 'proc1dimm1' }) },
  'cpu-unhealthy': {
    family: NEW,
    ...healthCase('ilo_processor_healthy', {
      host: HOST,
      model: 'Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz',
      socket: 'Proc 1',
    }),
  },
  // Disk series have name and serial_number only from 1.0.3: the alert must work on both label sets.
  'disk-unhealthy': {
    family: NEW,
    ...healthCase('ilo_storage_disk_healthy', DISK),
    otherFamilies: [
      {
        family: OLD,
        fires: {
          series: [{ series: old('ilo_storage_disk_healthy', OLD_DISK), values: '1x5 0x20' }],
          evalTime: '20m',
          labels: { ...TARGET, ...OLD_DISK },
        },
        quiet: {
          series: [{ series: old('ilo_storage_disk_healthy', OLD_DISK), values: '1x25' }],
          evalTime: '20m',
        },
      },
    ],
  },
  // ilo_storage_disk_failure_predicted exists from 1.0.3 only.
  'disk-failure-predicted': {
    family: NEW,
    fires: {
      series: [{ series: current('ilo_storage_disk_failure_predicted', DISK), values: '0x5 1x20' }],
      evalTime: '20m',
      labels: { ...TARGET, ...DISK },
    },
    quiet: {
      series: [{ series: current('ilo_storage_disk_failure_predicted', DISK), values: '0x25' }],
      evalTime: '20m',
    },
  },
  'temp-headroom-low': {
    family: NEW,
    fires: { series: headroom('62'), evalTime: '20m', labels: { ...TARGET, ...SENSOR } },
    quiet: { series: headroom('48'), evalTime: '20m' },
  },
  'temp-headroom-critical': {
    family: NEW,
    fires: { series: headroom('68'), evalTime: '20m', labels: { ...TARGET, ...SENSOR } },
    quiet: { series: headroom('62'), evalTime: '20m' },
  },
  'power-capacity-high': {
    family: NEW,
    fires: {
      series: [
        { series: current('ilo_power_current_watt', POWER), values: '1400x30' },
        { series: current('ilo_power_capacity_watt', POWER), values: '1600x30' },
      ],
      evalTime: '25m',
      labels: { ...TARGET, ...POWER },
    },
    quiet: {
      series: [
        { series: current('ilo_power_current_watt', POWER), values: '350x30' },
        { series: current('ilo_power_capacity_watt', POWER), values: '1600x30' },
      ],
      evalTime: '25m',
    },
  },
  // A failed read sends ilo_power_up 0 too: from 1.0.2 the empty ilo_system_info keeps the alert quiet.
  'powered-off': {
    family: NEW,
    fires: { series: poweredOff(current), evalTime: '20m', labels: { ...TARGET, host: HOST } },
    quiet: { series: unread(current), evalTime: '20m' },
    otherFamilies: [
      {
        // 1.0.0 – 1.0.1 send no ilo_system_info: ilo_power_up 0 alone fires, whether the server is off or its iLO
        // cannot be read (the description says so); 1.0.2's failed read is told apart.
        family: OLD,
        fires: {
          series: [{ series: old('ilo_power_up', { host: HOST }), values: '1x5 0x20' }],
          evalTime: '20m',
          labels: { ...TARGET, host: HOST },
        },
        quiet: { series: unread(old), evalTime: '20m' },
      },
    ],
  },
  // Quiet on a server read in full that is powered off: ilo_power_up 0 alone is no unreadable iLO.
  unreachable: {
    family: NEW,
    fires: { series: unread(current), evalTime: '20m', labels: { ...TARGET, host: UNREAD } },
    quiet: { series: poweredOff(current), evalTime: '20m' },
  },
};
