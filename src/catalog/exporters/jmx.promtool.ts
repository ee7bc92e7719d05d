/**
 * promtool cases for the jmx alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 *
 * Every series comes from a family fixture (tests/fixtures/exporters/jmx-*.prom). The two families
 * differ only in the heap names (client_java 0.x jvm_memory_bytes_*, 1.x jvm_memory_*_bytes), so the
 * heap alerts are proven on both; the GC, thread, process and scrape names are the same in both
 * (src/catalog/evidence/jmx.ts) and are proven on the current family.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

const V0 = 'jmx_exporter 0.17 – 0.20 (client_java 0.x)' as const;
const V1 = 'jmx_exporter 1.0 – 1.6 (client_java 1.x)' as const;
type Family = typeof V0 | typeof V1;
const TARGET = { job: 'jmx', instance: 'app-1:9404' };
const FAMILIES = { [V0]: familyFixture('jmx', V0).at(TARGET), [V1]: familyFixture('jmx', V1).at(TARGET) };
const app = FAMILIES[V1];

const HEAP = { area: 'heap' };
const HEAP_NAMES = {
  [V0]: { used: 'jvm_memory_bytes_used', max: 'jvm_memory_bytes_max' },
  [V1]: { used: 'jvm_memory_used_bytes', max: 'jvm_memory_max_bytes' },
};
/** Heap used and max of one family, 1000 bytes of maximum heap. */
const heap = (family: Family, used: string, max: string) => [
  { series: FAMILIES[family].series(HEAP_NAMES[family].used, HEAP), values: used },
  { series: FAMILIES[family].series(HEAP_NAMES[family].max, HEAP), values: max },
];
/** The same fire/quiet pair on each family's heap names. */
const heapCases = (build: (family: Family) => FireAndQuiet) => ({
  family: V1,
  ...build(V1),
  otherFamilies: [{ family: V0, ...build(V0) }],
});

const gcSeconds = (gc: string, values: string) => [
  { series: app.series('jvm_gc_collection_seconds_sum', { gc }), values },
];
const fds = (open: string) => [
  { series: app.series('process_open_fds'), values: open },
  { series: app.series('process_max_fds'), values: '1000x30' },
  { series: app.series('jmx_scrape_error'), values: '0x30' },
];
// The saw-tooth of a healthy heap: high before each collection, low after it.
const SAW_TOOTH = Array.from({ length: 35 }, (_, i) => (i % 2 === 0 ? '900' : '300')).join(' ');

export const jmxPromtoolCases: PromtoolCases = {
  'scrape-error': {
    family: V1,
    fires: {
      series: [{ series: app.series('jmx_scrape_error'), values: '0x5 1x25' }],
      evalTime: '25m',
      labels: TARGET,
    },
    quiet: {
      series: [
        { series: app.series('jmx_scrape_error'), values: '0x5 1 0 0 0 1 0 0 0 1 0 0 0 1 0 0 0 1 0 0 0 1 0 0 0 1' },
      ],
      evalTime: '25m',
    },
  },
  'heap-high': heapCases((family) => ({
    fires: {
      series: heap(family, '850 900 870 880 860 890x30', '1000x35'),
      evalTime: '30m',
      labels: { ...TARGET, ...HEAP },
    },
    quiet: { series: heap(family, SAW_TOOTH, '1000x35'), evalTime: '30m' },
  })),
  'heap-critical': heapCases((family) => ({
    fires: { series: heap(family, '950x30', '1000x30'), evalTime: '20m', labels: { ...TARGET, ...HEAP } },
    quiet: { series: heap(family, '850x30', '1000x30'), evalTime: '20m' },
  })),
  'gc-time-high': {
    family: V1,
    fires: { series: gcSeconds('G1 Young Generation', '0+6x30'), evalTime: '25m', labels: TARGET },
    // ZGC: a concurrent cycle running half of the time is not time the application stood still;
    // only its pauses count (openjdk xServiceability.cpp: "ZGC Cycles" times the whole cycle).
    quiet: {
      series: [...gcSeconds('ZGC Cycles', '0+30x30'), ...gcSeconds('ZGC Pauses', '0+0.6x30')],
      evalTime: '25m',
    },
  },
  'gc-time-critical': {
    family: V1,
    fires: { series: gcSeconds('G1 Old Generation', '0+18x30'), evalTime: '25m', labels: TARGET },
    quiet: { series: gcSeconds('G1 Old Generation', '0+6x30'), evalTime: '25m' },
  },
  'deadlocked-threads': {
    family: V1,
    fires: {
      series: [{ series: app.series('jvm_threads_deadlocked'), values: '0x5 2x20' }],
      evalTime: '20m',
      labels: TARGET,
    },
    quiet: { series: [{ series: app.series('jvm_threads_deadlocked'), values: '0x25' }], evalTime: '20m' },
  },
  'fds-high': {
    family: V1,
    fires: { series: fds('850x30'), evalTime: '25m', labels: TARGET },
    quiet: { series: fds('400x30'), evalTime: '25m' },
  },
  'fds-critical': {
    family: V1,
    fires: { series: fds('950x30'), evalTime: '25m', labels: TARGET },
    quiet: { series: fds('850x30'), evalTime: '25m' },
  },
  restarted: {
    family: V1,
    // Started at minute 1 and scraped to minute 10; then down 20 minutes (the agent goes with the JVM), started again
    // at minute 30.5 (1830 s) and scraped from minute 31. At minute 35 the last 15 minutes hold only the new start
    // time: changes() read 0 there.
    fires: {
      series: [
        { series: app.series('process_start_time_seconds'), values: '60x10 _x20 1830x10' },
        { series: app.series('jmx_scrape_error'), values: '0x10 _x20 0x10' },
      ],
      evalTime: '35m',
      labels: TARGET,
    },
    // Restarted at minute 10 (600 s), 20 minutes before the evaluation.
    quiet: {
      series: [
        { series: app.series('process_start_time_seconds'), values: '60x10 600x30' },
        { series: app.series('jmx_scrape_error'), values: '0x40' },
      ],
      evalTime: '30m',
      afterFault: 'the alert is about a start in the last 15 minutes: one 20 minutes ago must have left it',
    },
  },
};
