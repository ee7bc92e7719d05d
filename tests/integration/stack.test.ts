// Journey: a developer starts the test stack and relies on it. Every job is scraped and up, every exporter
// (real or fixture) shows the metric the plugin's detector keys on, alerts have an Alertmanager to go to,
// and an exporter that dies mid-test looks dead to Prometheus until start.sh brings it back.
import { createServer } from 'node:net';
import { eventually, runStackScript } from './harness';
import { createPrometheusClient, PrometheusError } from './prometheus';

const prometheus = createPrometheusClient();

/** The job names other tests and the catalog rely on; the stack may grow, but these must stay. */
const REAL_JOBS = [
  'prometheus',
  'node',
  'blackbox',
  'blackbox_http',
  'blackbox_tcp',
  'blackbox_dns',
  'blackbox_icmp',
  'pushgateway',
  'alertmanager',
  'postgres',
  'haproxy',
  'haproxy_exporter',
  'rabbitmq',
  'netdata',
];
const FIXTURE_JOBS = [
  'windows',
  'mongodb',
  'clickhouse',
  'kafka',
  'telegraf',
  'keepalived',
  'fortigate',
  'vmware',
  'truenas',
  'ilo',
  'chrony',
  'jmx',
  'fixture_netdata',
  'grafana',
];

/** Which metric proves which exporter is behind a job (and, for jmx, which of its two targets). */
const DETECTION: Array<{ job: string; metric: string; fixture?: string }> = [
  { job: 'prometheus', metric: 'prometheus_build_info' },
  { job: 'node', metric: 'node_uname_info' },
  { job: 'blackbox', metric: 'blackbox_exporter_build_info' },
  { job: 'blackbox_http', metric: 'probe_success' },
  { job: 'blackbox_tcp', metric: 'probe_success' },
  { job: 'blackbox_dns', metric: 'probe_dns_query_succeeded' },
  { job: 'blackbox_icmp', metric: 'probe_success' },
  { job: 'pushgateway', metric: 'pushgateway_build_info' },
  { job: 'alertmanager', metric: 'alertmanager_build_info' },
  { job: 'postgres', metric: 'pg_up' },
  { job: 'haproxy', metric: 'haproxy_process_nbthread' },
  { job: 'haproxy_exporter', metric: 'haproxy_up' },
  { job: 'rabbitmq', metric: 'rabbitmq_identity_info' },
  { job: 'windows', metric: 'windows_os_info' },
  { job: 'mongodb', metric: 'mongodb_up' },
  { job: 'clickhouse', metric: 'ClickHouseMetrics_TCPConnection' },
  { job: 'kafka', metric: 'kafka_brokers' },
  { job: 'telegraf', metric: 'internal_agent_gather_errors' },
  { job: 'keepalived', metric: 'keepalived_up' },
  { job: 'fortigate', metric: 'fortigate_cpu_usage_ratio' },
  { job: 'vmware', metric: 'vmware_vm_power_state' },
  { job: 'truenas', metric: 'zfs_pool' },
  { job: 'ilo', metric: 'ilo_power_up' },
  { job: 'chrony', metric: 'chrony_tracking_stratum' },
  { job: 'jmx', metric: 'jvm_memory_bytes_used', fixture: 'jmx-0.17-0.20' },
  { job: 'jmx', metric: 'jvm_memory_used_bytes', fixture: 'jmx-1.0-1.6' },
  { job: 'netdata', metric: 'netdata_info' },
  { job: 'fixture_netdata', metric: 'netdata_info', fixture: 'netdata-2.x' },
  { job: 'grafana', metric: 'grafana_build_info' },
];

/** A port nothing listens on: bind an ephemeral one, then free it. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
      );
    });
  });
}

async function configuredJobs(): Promise<string[]> {
  const { yaml } = await prometheus.api<{ yaml: string }>('/status/config');
  return [...yaml.matchAll(/^\s*- job_name: (\S+)$/gm)].map((m) => m[1]);
}

describe('the integration test stack', () => {
  test('every job Prometheus is configured with has all its targets up', async () => {
    const jobs = await configuredJobs();
    expect(jobs).toEqual(expect.arrayContaining([...REAL_JOBS, ...FIXTURE_JOBS]));

    const { activeTargets } = await prometheus.targets();
    const jobsWithoutTargets = jobs.filter((job) => !activeTargets.some((t) => t.scrapePool === job));
    const notUp = activeTargets
      .filter((t) => t.health !== 'up')
      .map((t) => `${t.scrapePool} ${t.labels.instance}: ${t.health} ${t.lastError}`);
    expect(jobsWithoutTargets).toEqual([]);
    expect(notUp).toEqual([]);
    // jmx-0.17-0.20 and jmx-1.0-1.6 are two targets of one job, told apart by their fixture label
    expect(
      activeTargets
        .filter((t) => t.scrapePool === 'jmx')
        .map((t) => t.labels.fixture)
        .sort()
    ).toEqual(['jmx-0.17-0.20', 'jmx-1.0-1.6']);
    // the netdata job is the real agent; the 2.x family fixture has a job of its own, so it never joins it (the 1.37
    // capture is of the agent the stack runs, so it is not served: # fsm-stack: serve no)
    expect(activeTargets.filter((t) => t.scrapePool === 'netdata').map((t) => t.labels.fixture)).toEqual([undefined]);
    expect(
      activeTargets
        .filter((t) => t.scrapePool === 'fixture_netdata')
        .map((t) => t.labels.fixture)
        .sort()
    ).toEqual(['netdata-2.x']);
  });

  test('every exporter shows the metric that identifies it, under its own job', async () => {
    const missing: string[] = [];
    for (const { job, metric, fixture } of DETECTION) {
      const selector = fixture ? `${metric}{job="${job}",fixture="${fixture}"}` : `${metric}{job="${job}"}`;
      const found = await prometheus.instantQuery(`group(${selector})`);
      if (found.length === 0) {
        missing.push(selector);
      }
    }
    expect(missing).toEqual([]);
    // the two jmx targets really differ: the 1.x name is absent from the 0.x agent
    expect(await prometheus.instantQuery('jvm_memory_used_bytes{fixture="jmx-0.17-0.20"}')).toEqual([]);
  });

  test('real exporters report the services behind them as healthy', async () => {
    const values = async (expr: string) => (await prometheus.instantQuery(expr)).map((s) => s.value[1]);
    expect(await values('pg_up{job="postgres"}')).toEqual(['1']);
    expect(await values('haproxy_up{job="haproxy_exporter"}')).toEqual(['1']);
    // Debian's Netdata, scraped with the source the pack assumes (average): its own version, CPU busy + idle ≈ 100%
    expect(await values('count by (version) (netdata_info{job="netdata"})')).toEqual(['1']);
    expect((await prometheus.instantQuery('netdata_info{job="netdata"}'))[0].metric.version).toMatch(/^v1\.37\./);
    const cpuTotal = await values('sum(netdata_system_cpu_percentage_average{job="netdata"})');
    expect(Number(cpuTotal[0])).toBeGreaterThan(99);
    expect(Number(cpuTotal[0])).toBeLessThan(101);
    // Two DNS probes: an A record and the zone's SOA.
    expect(await values('probe_dns_query_succeeded{job="blackbox_dns"}')).toEqual(['1', '1']);
    const probes = await prometheus.instantQuery('probe_success{job=~"blackbox_.+"}');
    expect(probes.filter((p) => p.value[1] !== '1').map((p) => p.metric)).toEqual([]);
    expect(new Set(probes.map((p) => p.metric.job))).toEqual(
      new Set(['blackbox_http', 'blackbox_tcp', 'blackbox_dns', 'blackbox_icmp'])
    );
  });

  test('the Pushgateway holds a successful and a rejected push', async () => {
    // honor_labels: pushed groups keep their own job, not "pushgateway"
    const pushes = await prometheus.series(['push_time_seconds', 'push_failure_time_seconds'], {
      start: Date.now() / 1000 - 60,
    });
    const pushedJobs = pushes.map((labels) => `${labels.__name__} ${labels.job}`);
    expect(pushedJobs).toEqual(
      expect.arrayContaining(['push_time_seconds fsm_stack_seed', 'push_failure_time_seconds fsm_stack_failing_push'])
    );
    const [lastFailure] = await prometheus.instantQuery('push_failure_time_seconds{job="fsm_stack_failing_push"}');
    expect(Number(lastFailure.value[1])).toBeGreaterThan(0);
  });

  test('Prometheus sends its alerts to the stack Alertmanager', async () => {
    const [alertmanagerTarget] = await prometheus.instantQuery('up{job="alertmanager"}');
    const alertmanagerAddress = alertmanagerTarget.metric.instance;
    // right after a config reload the list is empty until Prometheus re-discovers its Alertmanagers
    const hosts = await eventually(
      'Prometheus to list the stack Alertmanager as active',
      async () => {
        const { activeAlertmanagers } = await prometheus.api<{ activeAlertmanagers: Array<{ url: string }> }>(
          '/alertmanagers'
        );
        return activeAlertmanagers.map((am) => new URL(am.url).host);
      },
      (found) => found.length > 0
    );
    expect(hosts).toEqual([alertmanagerAddress]);
  });

  test('a range query returns one sample per step for the scraped targets', async () => {
    const end = Date.now() / 1000;
    const [series] = await prometheus.rangeQuery('count(up == 1)', { start: end - 20, end, step: 5 });
    const { activeTargets } = await prometheus.targets();
    expect(series.values.length).toBeGreaterThanOrEqual(1);
    expect(series.values.length).toBeLessThanOrEqual(5);
    expect(Number(series.values[series.values.length - 1][1])).toBe(activeTargets.length);
  });

  test('a bad query fails with Prometheus’ own reason, naming the query', async () => {
    const failure = prometheus.instantQuery('sum(up');
    await expect(failure).rejects.toBeInstanceOf(PrometheusError);
    await expect(failure).rejects.toThrow(/bad_data.*parse error/);
    await expect(failure).rejects.toThrow('query=sum(up');
  });

  test('an unreachable Prometheus is reported with the way to start the stack', async () => {
    const nobody = createPrometheusClient(`http://127.0.0.1:${await unusedPort()}`, { timeoutMs: 2_000 });
    await expect(nobody.targets()).rejects.toThrow(/cannot reach Prometheus .*ECONNREFUSED.*scripts\/stack\/start\.sh/);
  });

  test('an exporter stopped mid-test goes down, and start.sh brings back only what is missing', async () => {
    const stopped = await runStackScript('stop-one.sh', ['node_exporter']);
    expect(stopped).toMatch(/node_exporter: stopped/);
    // one of the kafka family fixtures: the other one (kafka-zookeeper) stays up
    await runStackScript('stop-one.sh', ['kafka-default']);
    const nodeAndKafka = 'up{job="node"} or up{fixture="kafka-default"}';

    const down = await eventually(
      'the node and kafka-default targets to report up == 0',
      () => prometheus.instantQuery(`(${nodeAndKafka}) == 0`),
      (result) => result.length === 2
    );
    expect(down.map((s) => s.metric.job).sort()).toEqual(['kafka', 'node']);

    const restart = await runStackScript('start.sh');
    expect(restart).toMatch(/started 1 of \d+ components \(node_exporter\)/);
    const up = await prometheus.instantQuery(nodeAndKafka);
    expect(up.map((s) => `${s.metric.job}=${s.value[1]}`).sort()).toEqual(['kafka=1', 'node=1']);

    // and once everything runs, start.sh starts nothing
    expect(await runStackScript('start.sh')).toMatch(/started 0 of \d+ components;/);
  });
});
