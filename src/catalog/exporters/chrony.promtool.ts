/**
 * promtool cases for the chrony alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

// Every series comes from the one family's fixture (tests/fixtures/exporters/chrony-0.10-0.13.prom).
const host = familyFixture('chrony', 'chrony_exporter 0.10 – 0.13').at({ job: 'chrony', instance: 'host-1:9123' });
const TARGET = { job: 'chrony', instance: 'host-1:9123' };
const SOURCE = { source_address: '192.0.2.10', source_name: 'ntp-a' };

// The tracking report's error terms, with the last offset the exporter sends beside them (the bound must not
// read it); stratum 2 is a synchronised clock (chronyd reports 0 when it is not).
const clockError = (systemTime: string, dispersion: string, delay: string, stratum = '2x30', lastOffset = '0x30') => [
  { series: host.series('chrony_tracking_system_time_seconds'), values: systemTime },
  { series: host.series('chrony_tracking_last_offset_seconds'), values: lastOffset },
  { series: host.series('chrony_tracking_root_dispersion_seconds'), values: dispersion },
  { series: host.series('chrony_tracking_root_delay_seconds'), values: delay },
  { series: host.series('chrony_tracking_stratum'), values: stratum },
];
const state = (sourceState: string) =>
  host.series('chrony_sources_state_info', { ...SOURCE, source_mode: 'client', source_state: sourceState });

export const chronyPromtoolCases: PromtoolCases = {
  down: {
    fires: {
      series: [{ series: host.series('chrony_up'), values: '1x5 0x20' }],
      evalTime: '20m',
      labels: TARGET,
    },
    // Two failed scrapes, evaluated at the second (minute 10): the 5-minute maximum bridges it.
    quiet: {
      series: [{ series: host.series('chrony_up'), values: '1x5 0 1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1' }],
      evalTime: '10m',
    },
  },
  // chronyd reports stratum 0 (not 16) while it has no reference (chrony reference.c).
  unsynchronised: {
    fires: {
      series: [{ series: host.series('chrony_tracking_stratum'), values: '2x5 0x25' }],
      evalTime: '25m',
      labels: TARGET,
    },
    // A short loss of the reference inside the window is not "unsynchronised".
    quiet: {
      series: [{ series: host.series('chrony_tracking_stratum'), values: '3x20 0x2 3x8' }],
      evalTime: '25m',
    },
  },
  'clock-error': {
    fires: { series: clockError('-0.15x30', '0.01x30', '0.02x30'), evalTime: '20m', labels: TARGET },
    // An unsynchronised chronyd (stratum 0) with the root delay and dispersion of 1 s it then reports as
    // placeholders (reference.c REF_GetReferenceParams; Debian's chronyd 4.3 without a reachable source):
    // ChronyUnsynchronised speaks for it, a 1.5 s "error bound" would measure nothing.
    quiet: { series: clockError('0x30', '1x30', '1x30', '0x30'), evalTime: '20m' },
  },
  'clock-error-critical': {
    fires: { series: clockError('1.5x30', '0.01x30', '0.02x30'), evalTime: '20m', labels: TARGET },
    // The last update measured a 1.5 s offset that chronyd has since slewed away: the system time offset is
    // 20 µs, and the bound chronyc documents reads the system time offset, not the last offset.
    quiet: { series: clockError('0.00002x30', '0.001x30', '0.005x30', '2x30', '1.5x30'), evalTime: '20m' },
  },
  // The local reference is told by its reference ID; chronyd sends no reference IP then, so the
  // address and name labels hold no real address ("::" with older facebook/time, whose ToNetIP
  // returns the 16 zero bytes; the values are free labels and the alert does not read them).
  'local-reference': {
    fires: {
      series: [
        {
          series: host.series('chrony_tracking_info', {
            tracking_address: '::',
            tracking_name: '::',
            tracking_refid: '7F7F0101',
          }),
          values: '1x30',
        },
      ],
      evalTime: '25m',
      labels: TARGET,
    },
    quiet: {
      series: [
        {
          series: host.series('chrony_tracking_info', {
            tracking_address: '192.0.2.10',
            tracking_name: 'ntp-a.example.net',
            tracking_refid: 'C000020A',
          }),
          values: '1x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'source-unreachable': {
    fires: {
      series: [{ series: host.series('chrony_sources_reachability_ratio', SOURCE), values: '0.25x30' }],
      evalTime: '25m',
      labels: { ...TARGET, ...SOURCE },
    },
    quiet: {
      series: [{ series: host.series('chrony_sources_reachability_ratio', SOURCE), values: '1x30' }],
      evalTime: '25m',
    },
  },
  falseticker: {
    fires: {
      series: [{ series: state('falseticker'), values: '1x30' }],
      evalTime: '25m',
      labels: { ...TARGET, ...SOURCE, source_mode: 'client', source_state: 'falseticker' },
    },
    quiet: {
      series: [{ series: state('sync'), values: '1x30' }],
      evalTime: '25m',
    },
  },
};
