import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, SignalVariant } from '../types';

// The JVM metrics come from the Prometheus Java client bundled with the agent, whose names changed
// with client_java 1.x (jmx_exporter ≥ 1.0): jvm_memory_bytes_used → jvm_memory_used_bytes,
// jvm_memory_pool_bytes_used → jvm_memory_pool_used_bytes, jvm_info → jvm_runtime_info.
const V1 = 'jmx_exporter ≥ 1.0 (client_java 1.x)';
const V0 = 'jmx_exporter 0.x (simpleclient 0.x)';

const memory = (kind: 'used' | 'committed' | 'max', area: string): [SignalVariant, SignalVariant] => [
  { note: V1, expr: (q) => sel(`jvm_memory_${kind}_bytes`, q, `area="${area}"`) },
  { note: V0, expr: (q) => sel(`jvm_memory_bytes_${kind}`, q, `area="${area}"`) },
];

// G1 pools and non-heap areas report max = -1 (unbounded); `> 0` drops them instead of drawing
// negative or infinite percentages.
const usedOfMax = (used: string, max: string, q: QueryContext, extra: string) =>
  `100 * ${sel(used, q, extra)} / (${sel(max, q, extra)} > 0)`;

// Heap use right after collections: the lowest use in the window, so the saw-tooth of a healthy
// heap does not alert and only a heap that stays full does. Both client generations' names.
const heapFloor = (q: QueryContext) =>
  `(100 * min_over_time(${sel('jvm_memory_used_bytes', q, 'area="heap"')}[${q.range}]) / (${sel('jvm_memory_max_bytes', q, 'area="heap"')} > 0))` +
  ` or (100 * min_over_time(${sel('jvm_memory_bytes_used', q, 'area="heap"')}[${q.range}]) / (${sel('jvm_memory_bytes_max', q, 'area="heap"')} > 0))`;

export const jmxExporter = defineExporter({
  id: 'jmx',
  title: 'JVM (JMX exporter)',
  layer: 'specialized',
  defaultPort: 9404,
  docsUrl: 'https://github.com/prometheus/jmx_exporter',
  description:
    'Java applications through the JMX exporter agent: heap and pools, garbage collection, threads and deadlocks, file descriptors.',
  detection: { metrics: ['jvm_memory_used_bytes', 'jvm_memory_bytes_used', 'jmx_scrape_error'] },
  // jmx_scrape_error exists in every agent version; the JVM info metric was renamed.
  infoMetrics: ['jmx_scrape_error', 'jvm_runtime_info', 'jvm_info'],
  versionMetric: { metric: 'jmx_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'heapUtilisation',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
      description:
        'Heap in use as a share of the maximum heap (-Xmx); sustained high use ends in long GC pauses and OutOfMemoryError.',
    },
    {
      id: 'gcTime',
      direction: 'above',
      warning: 5,
      critical: 20,
      min: 0.1,
    },
    {
      id: 'deadlockedThreads',
      direction: 'above',
      critical: 0,
      min: 0,
      max: 1000,
      description: 'Threads stuck in a deadlock; any is a bug that only a restart clears.',
    },
    {
      id: 'fileDescriptors',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
    },
  ],
  signals: [
    {
      id: 'scrapeError',
      title: 'JMX scrape error',
      description:
        'Whether the agent failed to read the MBeans at the last scrape (0 = OK); application metrics are missing while it is 1.',
      unit: 'short',
      expr: (q) => sel('jmx_scrape_error', q),
      min: 0,
    },
    {
      id: 'uptime',
      title: 'JVM uptime',
      description: 'Time since the JVM started; frequent resets mean crashes or OOM kills.',
      unit: 'dtdurations',
      expr: (q) => `time() - ${sel('process_start_time_seconds', q)} and on (${q.by}) ${sel('jmx_scrape_error', q)}`,
    },
    {
      id: 'heapUtilisation',
      title: 'Heap utilisation',
      description: 'Heap in use as a share of the maximum heap.',
      unit: 'percent',
      variants: [
        { note: V1, expr: (q) => usedOfMax('jvm_memory_used_bytes', 'jvm_memory_max_bytes', q, 'area="heap"') },
        { note: V0, expr: (q) => usedOfMax('jvm_memory_bytes_used', 'jvm_memory_bytes_max', q, 'area="heap"') },
      ],
      threshold: 'heapUtilisation',
    },
    {
      id: 'heapUsed',
      title: 'Heap used',
      description: 'Bytes of heap in use; the saw-tooth is allocation followed by collection.',
      unit: 'bytes',
      variants: memory('used', 'heap'),
      legend: '{{instance}} used',
    },
    {
      id: 'heapCommitted',
      title: 'Heap committed',
      description: 'Heap memory the JVM has reserved from the OS.',
      unit: 'bytes',
      variants: memory('committed', 'heap'),
      legend: '{{instance}} committed',
    },
    {
      id: 'heapMax',
      title: 'Heap max',
      description: 'Maximum heap size (-Xmx).',
      unit: 'bytes',
      variants: memory('max', 'heap'),
      legend: '{{instance}} max',
    },
    {
      id: 'nonHeapUsed',
      title: 'Non-heap used',
      description:
        'Metaspace, code cache and other non-heap memory in use; steady growth points at a class-loader leak.',
      unit: 'bytes',
      variants: memory('used', 'nonheap'),
      legend: '{{instance}} non-heap',
    },
    {
      id: 'poolUtilisation',
      title: 'Memory pool utilisation',
      description:
        'Use of each memory pool that has a maximum (G1 Eden/Survivor and Metaspace usually do not and are left out).',
      unit: 'percent',
      variants: [
        { note: V1, expr: (q) => usedOfMax('jvm_memory_pool_used_bytes', 'jvm_memory_pool_max_bytes', q, '') },
        { note: V0, expr: (q) => usedOfMax('jvm_memory_pool_bytes_used', 'jvm_memory_pool_bytes_max', q, '') },
      ],
      legend: '{{instance}} {{pool}}',
    },
    {
      id: 'poolUsed',
      title: 'Memory pool used',
      description: 'Bytes in use per memory pool (Eden, Survivor, Old Gen, Metaspace, …).',
      unit: 'bytes',
      variants: [
        { note: V1, expr: (q) => sel('jvm_memory_pool_used_bytes', q) },
        { note: V0, expr: (q) => sel('jvm_memory_pool_bytes_used', q) },
      ],
      legend: '{{instance}} {{pool}}',
    },
    {
      id: 'gcTime',
      title: 'Time in GC',
      description:
        'Share of wall-clock time the application stood still for garbage collection, all collectors together (concurrent ZGC and Shenandoah cycles left out).',
      unit: 'percent',
      // ZGC and Shenandoah register a second collector per cycle ("ZGC Cycles", "ZGC Minor/Major
      // Cycles", "Shenandoah Cycles") whose time is the whole concurrent cycle, the application
      // running alongside, and which contains the pauses already counted by "… Pauses" (openjdk
      // xServiceability.cpp, shenandoahHeap.cpp): only the pause collectors stop the application.
      expr: (q) =>
        `100 * sum by (${q.by}) (rate(${sel('jvm_gc_collection_seconds_sum', q, 'gc!~".* Cycles"')}[${q.range}]))`,
      threshold: 'gcTime',
      axisFitsData: 'read near 0: a few percent in GC is already felt',
    },
    {
      id: 'gcCollections',
      title: 'GC collections',
      description: 'Collections per second per collector (young and old generation).',
      unit: 'ops',
      expr: (q) => `rate(${sel('jvm_gc_collection_seconds_count', q)}[${q.range}])`,
      legend: '{{instance}} {{gc}}',
    },
    {
      id: 'gcPause',
      title: 'Average GC pause',
      description:
        'Average duration of one collection per collector; long old-generation pauses freeze the application.',
      unit: 's',
      expr: (q) =>
        `rate(${sel('jvm_gc_collection_seconds_sum', q)}[${q.range}]) / rate(${sel('jvm_gc_collection_seconds_count', q)}[${q.range}])`,
      legend: '{{instance}} {{gc}}',
    },
    {
      id: 'threads',
      title: 'Threads',
      description: 'Live threads, daemon threads included.',
      unit: 'short',
      expr: (q) => sel('jvm_threads_current', q),
      legend: '{{instance}} live',
    },
    {
      id: 'threadsByState',
      title: 'Threads by state',
      description: 'Threads per state; many BLOCKED threads mean lock contention.',
      unit: 'short',
      expr: (q) => sel('jvm_threads_state', q),
      legend: '{{instance}} {{state}}',
    },
    {
      id: 'deadlockedThreads',
      title: 'Deadlocked threads',
      description: 'Threads in a deadlock on monitors or ownable synchronizers.',
      unit: 'short',
      expr: (q) => sel('jvm_threads_deadlocked', q),
      threshold: 'deadlockedThreads',
      min: 0,
    },
    {
      id: 'classesLoaded',
      title: 'Classes loaded',
      description: 'Classes currently loaded; steady growth points at a class-loader leak.',
      unit: 'short',
      expr: (q) => sel('jvm_classes_currently_loaded', q),
    },
    {
      id: 'processCpu',
      title: 'Process CPU',
      description: 'CPU cores the JVM process uses (user + system).',
      unit: 'short',
      expr: (q) =>
        `rate(${sel('process_cpu_seconds_total', q)}[${q.range}]) and on (${q.by}) ${sel('jmx_scrape_error', q)}`,
    },
    {
      id: 'residentMemory',
      title: 'Resident memory',
      description: 'Memory of the JVM process as the OS sees it: heap, non-heap, thread stacks and direct buffers.',
      unit: 'bytes',
      expr: (q) => `${sel('process_resident_memory_bytes', q)} and on (${q.by}) ${sel('jmx_scrape_error', q)}`,
      legend: '{{instance}} RSS',
    },
    {
      id: 'fileDescriptors',
      title: 'File descriptors in use',
      description: 'Open file descriptors as a share of the process limit; at 100% new sockets and files fail.',
      unit: 'percent',
      // process_* also come from non-JVM exporters: keep only targets the JMX agent serves.
      expr: (q) =>
        `100 * ${sel('process_open_fds', q)} / (${sel('process_max_fds', q)} > 0) and on (${q.by}) ${sel('jmx_scrape_error', q)}`,
      threshold: 'fileDescriptors',
    },
    {
      id: 'scrapeDuration',
      title: 'JMX scrape duration',
      description: 'Time the agent took to read the MBeans; near the scrape timeout, scrapes fail.',
      unit: 's',
      expr: (q) => sel('jmx_scrape_duration_seconds', q),
    },
  ],
  alerts: [
    {
      id: 'scrape-error',
      name: 'JMXScrapeError',
      severity: 'warning',
      for: '10m',
      // Every scrape in the window failed to read the MBeans, not one slow one.
      signal: 'scrapeError',
      overWindow: 'min',
      comparison: '>',
      threshold: 0,
      summary: 'The JMX exporter on {{ $labels.instance }} cannot read the MBeans.',
      description:
        'The JMX exporter agent on {{ $labels.instance }} fails to read MBeans at every scrape: application metrics are missing and their alerts blind. Check the agent’s log for the failing rule or MBean, and its configuration’s rules and whitelist.',
    },
    {
      id: 'heap-high',
      name: 'JVMHeapHigh',
      severity: 'warning',
      for: '15m',
      query: heapFloor,
      threshold: 'heapUtilisation',
      summary: 'JVM heap on {{ $labels.instance }} stays nearly full.',
      description:
        'Even right after garbage collection, the heap of the JVM on {{ $labels.instance }} stays above the warning threshold of its maximum: the live data set has grown or leaks. Expect longer GC pauses and eventually OutOfMemoryError; take a heap dump or raise -Xmx.',
    },
    {
      id: 'heap-critical',
      name: 'JVMHeapCritical',
      severity: 'critical',
      for: '5m',
      query: heapFloor,
      threshold: 'heapUtilisation',
      summary: 'JVM on {{ $labels.instance }} is running out of heap.',
      description:
        'Even right after garbage collection, the heap of the JVM on {{ $labels.instance }} stays above the critical threshold: the application spends its time collecting and OutOfMemoryError is near. Restart it in a controlled way after taking a heap dump, and raise -Xmx or fix the leak.',
    },
    {
      id: 'gc-time-high',
      name: 'JVMGCTimeHigh',
      severity: 'warning',
      for: '10m',
      signal: 'gcTime',
      summary: 'The JVM on {{ $labels.instance }} spends much time in garbage collection.',
      description:
        'The JVM on {{ $labels.instance }} has spent more wall-clock time collecting garbage than the threshold for 10 minutes: its throughput and latency suffer. Check heap use and allocation rate; tune the heap size or the collector.',
    },
    {
      id: 'gc-time-critical',
      name: 'JVMGCTimeCritical',
      severity: 'critical',
      for: '5m',
      signal: 'gcTime',
      summary: 'The JVM on {{ $labels.instance }} is thrashing in garbage collection.',
      description:
        'The JVM on {{ $labels.instance }} spends more time collecting garbage than the critical threshold: it barely does useful work (GC thrashing, usually a nearly full heap). Take a heap dump and restart it, then fix the heap size or the leak.',
    },
    {
      id: 'deadlocked-threads',
      name: 'JVMDeadlockedThreads',
      severity: 'critical',
      for: '2m',
      signal: 'deadlockedThreads',
      overWindow: 'max',
      threshold: 'deadlockedThreads',
      summary: 'Threads are deadlocked in the JVM on {{ $labels.instance }}.',
      description:
        'The JVM on {{ $labels.instance }} reports deadlocked threads: the requests they serve hang forever and only a restart frees them. Take a thread dump (`jstack`) first so the bug can be fixed, then restart the application.',
    },
    {
      id: 'fds-high',
      name: 'JVMFileDescriptorsHigh',
      severity: 'warning',
      for: '15m',
      signal: 'fileDescriptors',
      summary: 'The JVM on {{ $labels.instance }} uses most of its file descriptors.',
      description:
        'The JVM process on {{ $labels.instance }} has more file descriptors open than the warning share of its limit: new sockets and files will soon fail with "Too many open files". Look for leaked connections or streams, or raise LimitNOFILE.',
    },
    {
      id: 'fds-critical',
      name: 'JVMFileDescriptorsCritical',
      severity: 'critical',
      for: '5m',
      signal: 'fileDescriptors',
      summary: 'The JVM on {{ $labels.instance }} is running out of file descriptors.',
      description:
        'The JVM process on {{ $labels.instance }} has nearly all of its file descriptors open: connections and file opens are about to fail. Restart it if it leaks, and find the leak or raise LimitNOFILE.',
    },
    {
      id: 'restarted',
      name: 'JVMRestarted',
      severity: 'info',
      for: '0s',
      // The time since the JVM started, not changes() of its start time over 15m: the agent runs inside the JVM, so
      // while it is down nothing is scraped, and after an outage longer than that window only the new start time was
      // in it: changes() read 0 (as PostgresRestarted, postgres.ts). The start time is RuntimeMXBean.getStartTime(),
      // wall-clock milliseconds since the epoch, in seconds (prometheus/client_java parent-0.14.1, parent-0.16.0
      // simpleclient_hotspot StandardExports.java; v1.3.1, v1.7.0 prometheus-metrics-instrumentation-jvm
      // ProcessMetrics.java). 15 minutes: long enough to be seen after the JVM answers scrapes again.
      signal: 'uptime',
      comparison: '<',
      threshold: 900,
      summary: 'The JVM on {{ $labels.instance }} restarted.',
      description:
        'The JVM on {{ $labels.instance }} started within the last 15 minutes. Expected after a deployment; otherwise look for an OutOfMemoryError, a crash (hs_err_pid file) or an OOM kill in the system log.',
    },
  ],
  overview: ['heapUtilisation', 'gcTime', 'deadlockedThreads', 'fileDescriptors'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['scrapeError'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['heapUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['gcTime'], kind: 'stat', width: 4 },
        { signals: ['deadlockedThreads'], kind: 'stat', width: 4 },
        { signals: ['fileDescriptors'], kind: 'gauge', width: 4 },
      ],
    },
    {
      title: 'Memory',
      panels: [
        { signals: ['heapUtilisation'], width: 8 },
        {
          signals: ['heapUsed', 'heapCommitted', 'heapMax', 'nonHeapUsed'],
          title: 'Heap and non-heap',
          description: 'Heap used, committed and maximum, and non-heap used, in bytes.',
          width: 8,
        },
        { signals: ['residentMemory'], width: 8 },
      ],
    },
    {
      title: 'Memory pools',
      panels: [
        { signals: ['poolUtilisation'], width: 12 },
        { signals: ['poolUsed'], stack: true, width: 12 },
      ],
    },
    {
      title: 'Garbage collection',
      panels: [
        { signals: ['gcTime'], width: 8 },
        { signals: ['gcCollections'], width: 8 },
        { signals: ['gcPause'], width: 8 },
      ],
    },
    {
      title: 'Threads and classes',
      panels: [
        { signals: ['threads'], width: 6 },
        { signals: ['threadsByState'], stack: true, width: 6 },
        { signals: ['deadlockedThreads'], width: 6 },
        { signals: ['classesLoaded'], width: 6 },
      ],
    },
    {
      title: 'Process and agent',
      panels: [
        { signals: ['processCpu'], width: 8 },
        { signals: ['fileDescriptors'], width: 8 },
        { signals: ['scrapeDuration'], width: 8 },
      ],
    },
  ],
});
