import { apaReference } from './references';
import { jsonnetLibsMixin } from './shared';
import type { ExporterCoverage } from './types';

const NO_BOUND =
  'no bound fits every server, and reaching one is no failure by itself; what saturation costs shows in memory, query failures and rejected inserts, which we alert on';
const ERROR_CODE =
  'an error code counted for queries (a Distributed query or quorum insert that finds too few replicas); the cause is a replica that is down (PrometheusTargetDown) or lagging (ClickhouseReplicaDelay), and the counts are drawn in Errors by code (errorsByCode)';

/**
 * ClickHouse's built-in Prometheus endpoint against grafana/jsonnet-libs clickhouse-mixin and
 * awesome-prometheus-alerts' ClickHouse (embedded exporter) rules. Read 2026-12-07 at the versions below.
 */
export const clickhouseCoverage: ExporterCoverage = {
  exporter: 'clickhouse',
  references: [
    jsonnetLibsMixin(
      'clickhouse-mixin (grafana/jsonnet-libs)',
      'clickhouse-mixin',
      'prometheus_rules_out/prometheus_alerts.yaml, signals/'
    ),
    apaReference('ClickHouse (embedded exporter)'),
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 22 ClickHouse rules, we have 12 alerts: it alerts on fixed counts that fit no general server (interserver, TCP connections, network bytes), on error codes of queries whose cause we alert on directly, on client security events, and on ZooKeeper session counts that are 0 on every server without replicated tables; and it names each disk in its own rule where ours cover every disk. Each row says which.',
  rows: [
    // clickhouse-mixin alerts (4).
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'ClickHouseReplicationQueueBackingUp',
      status: {
        notTaken:
          'a long queue matters through the delay it causes, which ClickhouseReplicaDelay (replica-delay) alerts on; a queue of 100 is normal after a large insert or ALTER on a busy cluster. The queue is drawn in Replication queue (replicationQueue)',
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'ClickHouseRejectedInserts',
      status: { covered: ['alert:rejected-inserts'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'ClickHouseZookeeperSessions (more than one)',
      status: {
        notTaken:
          'more than one session is expected with auxiliary ZooKeepers configured (auxiliary_zookeepers); a lost session is what breaks replication, and it shows as read-only replicas (readonly-replica)',
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'ClickHouseReplicasInReadOnly',
      status: { covered: ['alert:readonly-replica'] },
    },
    // awesome-prometheus-alerts (22).
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse node down',
      status: {
        notTaken: 'a target that does not answer is PrometheusTargetDown of the prometheus exporter, for every job',
      },
    },
    { reference: 'apa', kind: 'alert', item: 'ClickHouse No Available Replicas', status: { notTaken: ERROR_CODE } },
    { reference: 'apa', kind: 'alert', item: 'ClickHouse No Live Replicas', status: { notTaken: ERROR_CODE } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Interserver Connection Issues',
      status: { notTaken: NO_BOUND },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse ZooKeeper Connection Issues',
      status: {
        notTaken:
          'ZooKeeperSession is 0 on every server without replicated tables, so `!= 1` fires there forever; on a replicated server the lost session shows as read-only replicas (readonly-replica)',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Memory Usage Critical',
      status: { covered: ['alert:memory-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Memory Usage Warning',
      status: { covered: ['alert:memory-high'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Disk Space Critical on Default',
      status: { covered: ['alert:disk-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Disk Space Low on Default',
      status: { covered: ['alert:disk-full'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse too many parts per partition',
      status: { covered: ['alert:too-many-parts', 'alert:parts-critical'] },
    },
    { reference: 'apa', kind: 'alert', item: 'ClickHouse high network usage', status: { notTaken: NO_BOUND } },
    { reference: 'apa', kind: 'alert', item: 'ClickHouse High TCP Connections', status: { notTaken: NO_BOUND } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Replica Errors (all replicas stale or lost)',
      status: { notTaken: ERROR_CODE },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse readonly replica',
      status: { covered: ['alert:readonly-replica'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse replicated data loss',
      status: { added: ['alert:data-loss'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse zookeeper hardware exception',
      status: {
        notTaken:
          'one exception is a reconnect that ClickHouse does itself; a session it cannot restore makes replicas read-only (readonly-replica). The exceptions are drawn in ZooKeeper/Keeper errors (zooKeeperExceptions)',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse distributed rejected inserts',
      status: {
        notTaken:
          'counts only where a Distributed table sets bytes_to_throw_insert (0, off, by default); the clients see the rejection as an INSERT error',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse replication lag',
      status: { covered: ['alert:replica-delay', 'alert:replica-delay-crit'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse rejected insert queries',
      status: { covered: ['alert:rejected-inserts'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse delayed insert queries',
      status: {
        notTaken:
          'delaying inserts is ClickHouse’s own back-pressure before it rejects them; the part count that triggers it is ClickhouseTooManyParts (too-many-parts), and the delays are drawn in Delayed inserts (delayedInserts)',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Disk Space Low on Backups',
      status: { covered: ['alert:disk-full', 'alert:disk-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'ClickHouse Authentication Failures / Access Denied Errors (info)',
      status: {
        notTaken:
          'client security events, not server health, and noisy wherever a client retries with an old password; the counts are drawn in Errors by code (errorsByCode)',
      },
    },
    // clickhouse-mixin views (its signals).
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Select / insert / async insert queries, failed queries',
      status: { covered: ['panel:queries', 'panel:failedQueries'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Rejected inserts', status: { covered: ['panel:rejectedInserts'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Memory usage / memory usage percentage',
      status: { covered: ['panel:memoryTracked', 'panel:memoryUsage'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'TCP, HTTP, MySQL, PostgreSQL connections',
      status: { covered: ['panel:connections'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Replica queue size, read-only replicas',
      status: { covered: ['panel:replicationQueue', 'panel:readonlyReplicas'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'ZooKeeper sessions, watches, requests, wait time',
      status: {
        notTaken:
          'Keeper internals for diagnosis; the failures they lead to are drawn in ZooKeeper/Keeper errors (zooKeeperExceptions) and Read-only replicas',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Replicated part fetches, merges, mutations, checks; interserver connections',
      status: {
        notTaken:
          'replication activity without a healthy bound; what goes wrong shows as replica delay and queue (replicaDelay, replicationQueue), and merges in Running merges (runningMerges)',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Disk read/write and network latency, network bytes',
      status: {
        notTaken:
          'host-level views the node exporter draws for every host; ClickHouse’s own disk use is in Disk used (diskUsage)',
      },
    },
  ],
};
