import { apaReference } from './references';
import { jsonnetLibsMixin } from './shared';
import type { ExporterCoverage } from './types';

const NO_BOUND = 'no bound fits every application, and it is no failure by itself';

/**
 * The JMX exporter's JVM metrics (client_java's JVM instrumentation bundled with the agent) against
 * grafana/jsonnet-libs jvm-mixin (alerts and panels in jvm-observ-lib) and awesome-prometheus-alerts' JVM
 * (java-client) rules. Read 2026-12-07 at the versions below.
 */
export const jmxCoverage: ExporterCoverage = {
  exporter: 'jmx',
  references: [
    jsonnetLibsMixin(
      'jvm-mixin (grafana/jsonnet-libs; alerts and panels in jvm-observ-lib)',
      'jvm-observ-lib',
      'alerts.libsonnet, rows.libsonnet'
    ),
    apaReference('JVM (java-client)'),
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 12 JVM rules, we have 9 alerts: five of its rules have no bound that fits every application and report no failure by themselves (compilation time, thread count, BLOCKED threads, objects pending finalization, class loading rate), its non-heap and direct-buffer rules compare with limits the JVM does not report by default, and it alerts on old-generation GC frequency beside GC time where we alert on the time. Each row says which.',
  rows: [
    // jvm-observ-lib alerts (2).
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'JvmMemoryFillingUp',
      status: { covered: ['alert:heap-high', 'alert:heap-critical'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'JvmThreadsDeadlocked',
      status: { covered: ['alert:deadlocked-threads'] },
    },
    // awesome-prometheus-alerts (12).
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM compilation time spike',
      status: { notTaken: `${NO_BOUND}: JIT compilation peaks after every start and deployment` },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM memory filling up',
      status: { covered: ['alert:heap-high', 'alert:heap-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM non-heap memory filling up',
      status: {
        notTaken:
          'non-heap areas report max -1 (unbounded) unless -XX:MaxMetaspaceSize or a code cache size is set, so the ratio is empty on a default JVM; non-heap use is drawn in Non-heap used (nonHeapUsed) and pools with a maximum in Memory pool utilisation (poolUtilisation)',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM old gen GC frequency',
      status: {
        notTaken:
          'duplicates JVMGCTimeHigh (gc-time-high): frequent old-generation collections matter through the time they take, and its case-sensitive `old|major` pattern misses most collectors’ names (G1’s “G1 Old Generation”, Parallel’s “PS MarkSweep”, ZGC’s and Shenandoah’s cycles)',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM file descriptors exhaustion',
      status: { covered: ['alert:fds-high', 'alert:fds-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM threads deadlocked',
      status: { covered: ['alert:deadlocked-threads'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM GC time too high',
      status: { covered: ['alert:gc-time-high', 'alert:gc-time-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM thread count high (> 300)',
      status: { notTaken: `${NO_BOUND}; the count is drawn in Threads (threads)` },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM threads BLOCKED (> 50)',
      status: {
        notTaken: `${NO_BOUND}: lock contention shows as latency in the application; threads by state are drawn in Threads by state (threadsByState), and the deadlock it can end in is JVMDeadlockedThreads (deadlocked-threads)`,
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM direct buffer pool filling up',
      status: {
        notTaken:
          'compares use with the pool’s capacity, which is the size of the buffers allocated and nearly always equals their use; the real limit (-XX:MaxDirectMemorySize) is not exported',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM objects pending finalization',
      status: { notTaken: `${NO_BOUND}; finalization is deprecated since Java 18` },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'JVM class loading anomaly',
      status: { notTaken: `${NO_BOUND}; the count is drawn in Classes loaded (classesLoaded)` },
    },
    // jvm-observ-lib views.
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Heap used / heap used %',
      status: { covered: ['panel:heapUsed', 'panel:heapUtilisation'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Non-heap used / non-heap used %',
      status: { covered: ['panel:nonHeapUsed'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Eden / survivor / tenured used',
      status: { covered: ['panel:poolUsed', 'panel:poolUtilisation'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'GC count and duration',
      status: { covered: ['panel:gcCollections', 'panel:gcTime', 'panel:gcPause'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Threads overview / thread states',
      status: { covered: ['panel:threads', 'panel:threadsByState', 'panel:deadlockedThreads'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Classes loaded', status: { covered: ['panel:classesLoaded'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Direct and mapped buffers',
      status: {
        notTaken:
          'buffer use without the limit that matters (-XX:MaxDirectMemorySize, not exported) says little; what buffers cost shows in Resident memory (residentMemory)',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Promoted and allocated bytes',
      status: {
        notTaken:
          'tuning detail for the collector; allocation pressure an operator acts on shows as Time in GC (gcTime) and Average GC pause (gcPause)',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'HikariCP connection pool, logs',
      status: {
        notTaken:
          'HikariCP metrics come from the application’s own Micrometer registry and logs from Loki, neither from the JMX exporter',
      },
    },
  ],
};
