import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// prometheus/jmx_exporter tags 0.x releases parent-0.x.y and 1.x releases plain. The JVM and process
// names are prometheus/client_java's; each tag's pom.xml pins the generation the agent bundles:
// simpleclient_hotspot 0.14.1 (jmx_exporter 0.17.0) and 0.16.0 (0.20.0), prometheus-metrics-
// instrumentation-jvm 1.3.1 (1.0.1) and 1.7.0 (1.6.0).
const V0_TAGS: [string, ...string[]] = ['parent-0.17.0', '0.20.0'];
const V1_TAGS: [string, ...string[]] = ['1.0.1', '1.6.0'];
const V0 = 'jmx_exporter 0.17 – 0.20 (client_java 0.x)';
const V1 = 'jmx_exporter 1.0 – 1.6 (client_java 1.x)';

const COLLECTOR: [SourceRef, ...SourceRef[]] = [
  {
    tags: [...V0_TAGS, ...V1_TAGS] as [string, ...string[]],
    file: 'collector/src/main/java/io/prometheus/jmx/JmxCollector.java',
  },
];
// The agent registers client_java's JVM and process metrics in JavaAgent.java: DefaultExports (0.x)
// or JvmMetrics (1.x). The standalone HTTP server never does (0.x WebServer.java, 1.x
// Standalone.java: build info and JmxCollector only), so these names exist only with the agent;
// from 1.4 the agent's `excludeJvmMetrics: true` turns them off as well.
const AGENT_V0: SourceRef[] = [
  { tags: ['parent-0.17.0'], file: 'jmx_prometheus_javaagent_common/src/main/java/io/prometheus/jmx/JavaAgent.java' },
  { tags: ['0.20.0'], file: 'jmx_prometheus_javaagent/src/main/java/io/prometheus/jmx/JavaAgent.java' },
  { tags: V0_TAGS, file: 'pom.xml' },
];
const AGENT_V1: SourceRef[] = [
  { tags: V1_TAGS, file: 'jmx_prometheus_javaagent/src/main/java/io/prometheus/jmx/JavaAgent.java' },
  { tags: V1_TAGS, file: 'pom.xml' },
];
const AGENT = 'javaagent only (the standalone server registers no JVM or process metrics)';
const hotspot = (file: string) => `prometheus/client_java parent-0.14.1, parent-0.16.0 simpleclient_hotspot ${file}`;
const jvm1 = (file: string) => `prometheus/client_java v1.3.1, v1.7.0 prometheus-metrics-instrumentation-jvm ${file}`;

const metric = (labels: string[], sources: SourceRef[], names: string, note = '', versions = ''): MetricEvidence => ({
  labels,
  sources: sources as [SourceRef, ...SourceRef[]],
  ...(versions ? { versions } : {}),
  note: `${AGENT}; named in ${names}${note ? `; ${note}` : ''}`,
});
const both = (labels: string[], v0File: string, v1File: string, note = '') =>
  metric(labels, [...AGENT_V0, ...AGENT_V1], `${hotspot(v0File)} and ${jvm1(v1File)}`, note);
const v0only = (labels: string[], file: string, note = '') => metric(labels, AGENT_V0, hotspot(file), note, '< 1.0');
const v1only = (labels: string[], file: string, note = '') => metric(labels, AGENT_V1, jvm1(file), note, '≥ 1.0');

const AREA = 'area: heap, nonheap';
const POOL = 'pool: the MemoryPoolMXBean name (G1 Eden Space, G1 Old Gen, Metaspace, …)';
const UNDEFINED_MAX = 'MemoryUsage.getMax(): -1 when undefined (non-heap, G1 Eden/Survivor, Metaspace without a limit)';
const PROCESS = 'StandardExports.java';

export const jmxEvidence: ExporterEvidence = {
  exporter: 'jmx',
  repository: 'prometheus/jmx_exporter',
  supported: { oldest: 'parent-0.17.0', current: '1.6.0' },
  families: [
    {
      name: V0,
      differs:
        'simpleclient_hotspot names: jvm_memory_bytes_{used,committed,max}, jvm_memory_pool_bytes_{used,max}, jvm_info',
    },
    {
      name: V1,
      differs:
        'client_java 1.x JvmMetrics names: jvm_memory_{used,committed,max}_bytes, jvm_memory_pool_{used,max}_bytes, jvm_runtime_info; the GC, thread, class and process names and labels are unchanged',
    },
  ],
  metrics: {
    jmx_scrape_error: {
      labels: [],
      sources: COLLECTOR,
      note: '1 when reading the MBeans threw, else 0; the agent and the standalone server both emit it',
    },
    jmx_scrape_duration_seconds: { labels: [], sources: COLLECTOR },
    jmx_exporter_build_info: {
      labels: ['name', 'version'],
      sources: [
        { tags: V0_TAGS, file: 'collector/src/main/java/io/prometheus/jmx/BuildInfoCollector.java' },
        { tags: V1_TAGS, file: 'collector/src/main/java/io/prometheus/jmx/BuildInfoMetrics.java' },
      ],
      note: 'name is the artifact, e.g. jmx_prometheus_javaagent',
    },
    jvm_info: v0only(['version', 'vendor', 'runtime'], 'VersionInfoExports.java'),
    jvm_runtime_info: v1only(['version', 'vendor', 'runtime'], 'JvmRuntimeInfoMetric.java'),
    jvm_memory_bytes_used: v0only(['area'], 'MemoryPoolsExports.java', AREA),
    jvm_memory_bytes_committed: v0only(['area'], 'MemoryPoolsExports.java', AREA),
    jvm_memory_bytes_max: v0only(['area'], 'MemoryPoolsExports.java', `${AREA}; ${UNDEFINED_MAX}`),
    jvm_memory_pool_bytes_used: v0only(['pool'], 'MemoryPoolsExports.java', POOL),
    jvm_memory_pool_bytes_max: v0only(['pool'], 'MemoryPoolsExports.java', UNDEFINED_MAX),
    jvm_memory_used_bytes: v1only(['area'], 'JvmMemoryMetrics.java', AREA),
    jvm_memory_committed_bytes: v1only(['area'], 'JvmMemoryMetrics.java', AREA),
    jvm_memory_max_bytes: v1only(['area'], 'JvmMemoryMetrics.java', `${AREA}; ${UNDEFINED_MAX}`),
    jvm_memory_pool_used_bytes: v1only(['pool'], 'JvmMemoryMetrics.java', POOL),
    jvm_memory_pool_max_bytes: v1only(['pool'], 'JvmMemoryMetrics.java', UNDEFINED_MAX),
    jvm_gc_collection_seconds_sum: both(
      ['gc'],
      'GarbageCollectorExports.java',
      'JvmGarbageCollectorMetrics.java',
      'a summary without quantiles in both; GarbageCollectorMXBean.getCollectionTime() in ms, turned into seconds; gc: the collector name'
    ),
    jvm_gc_collection_seconds_count: both(['gc'], 'GarbageCollectorExports.java', 'JvmGarbageCollectorMetrics.java'),
    jvm_threads_current: both([], 'ThreadExports.java', 'JvmThreadsMetrics.java'),
    jvm_threads_deadlocked: both([], 'ThreadExports.java', 'JvmThreadsMetrics.java'),
    jvm_threads_state: both(
      ['state'],
      'ThreadExports.java',
      'JvmThreadsMetrics.java',
      'state: the java.lang.Thread.State names (NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED), plus UNKNOWN from simpleclient 0.16 on'
    ),
    jvm_classes_currently_loaded: both([], 'ClassLoadingExports.java', 'JvmClassLoadingMetrics.java'),
    process_cpu_seconds_total: both([], PROCESS, 'ProcessMetrics.java'),
    process_start_time_seconds: both([], PROCESS, 'ProcessMetrics.java'),
    process_open_fds: both([], PROCESS, 'ProcessMetrics.java'),
    process_max_fds: both([], PROCESS, 'ProcessMetrics.java'),
    process_resident_memory_bytes: both([], PROCESS, 'ProcessMetrics.java'),
  },
};
