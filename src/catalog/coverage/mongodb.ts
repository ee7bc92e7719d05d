import { apaReference } from './references';
import { jsonnetLibsMixin } from './shared';
import type { ExporterCoverage } from './types';

const HEADROOM =
  'the oplog window comes from mongodb_mongod_replset_oplog_head/tail_timestamp, which only --compatible-mode emits (exporter/v1_compatibility.go, 0.53), while the lag it is compared with needs the default names: no single mode has both. A secondary nearing the end of the oplog is first behind by minutes, which MongodbReplicationLagCritical (replication-lag-crit) reports';
const CURSORS =
  'clients that leave cursors open or idle are an application bug, and no count fits every workload; a server starved by them shows in connections and WiredTiger tickets, which we alert on';
const QUEUEING =
  'a queue growing over one minute happens at every burst; the saturation that makes it last is MongodbWiredTigerTicketsLow / Exhausted (tickets-low, tickets-exhausted), and the queue is drawn in Operations waiting for locks (queuedOperations)';

/**
 * percona/mongodb_exporter against grafana/jsonnet-libs mongodb-mixin (written for --compatible-mode names) and
 * awesome-prometheus-alerts' percona/mongodb_exporter rules. Read 2026-12-07 at the versions below.
 */
export const mongodbCoverage: ExporterCoverage = {
  exporter: 'mongodb',
  references: [
    jsonnetLibsMixin(
      'mongodb-mixin (grafana/jsonnet-libs)',
      'mongodb-mixin',
      'prometheus_rules_out/prometheus_alerts.yaml, dashboards_out/'
    ),
    apaReference('MongoDB (percona/mongodb_exporter)'),
  ],
  rows: [
    // mongodb-mixin alerts (10).
    { reference: 'mixin', kind: 'alert', item: 'MongodbDown', status: { covered: ['alert:down'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'MongodbReplicaMemberUnhealthy',
      status: { covered: ['alert:member-unhealthy'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'MongodbReplicationLag',
      status: { covered: ['alert:replication-lag', 'alert:replication-lag-crit'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'MongodbReplicationHeadroom', status: { notTaken: HEADROOM } },
    { reference: 'mixin', kind: 'alert', item: 'MongodbNumberCursorsOpen', status: { notTaken: CURSORS } },
    { reference: 'mixin', kind: 'alert', item: 'MongodbCursorsTimeouts', status: { notTaken: CURSORS } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'MongodbTooManyConnections',
      status: { covered: ['alert:connections-high', 'alert:connections-critical'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'MongodbVirtualMemoryUsage',
      status: {
        notTaken:
          'virtual memory of a 64-bit mongod is address space, not use; memory pressure shows as WiredTiger cache pressure (cache-pressure) and resident memory (residentMemory)',
      },
    },
    { reference: 'mixin', kind: 'alert', item: 'MongodbReadRequestsQueueingUp', status: { notTaken: QUEUEING } },
    { reference: 'mixin', kind: 'alert', item: 'MongodbWriteRequestsQueueingUp', status: { notTaken: QUEUEING } },
    // awesome-prometheus-alerts (12 for percona/mongodb_exporter).
    { reference: 'apa', kind: 'alert', item: 'MongoDB Down', status: { covered: ['alert:down'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Mongodb replica member unhealthy',
      status: { covered: ['alert:member-unhealthy'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'MongoDB replica set has no primary',
      status: { covered: ['alert:no-primary'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'MongoDB replica set primary changed',
      status: { added: ['alert:primary-changed'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'MongoDB too many connections (Percona)',
      status: { covered: ['alert:connections-high', 'alert:connections-critical'] },
    },
    { reference: 'apa', kind: 'alert', item: 'MongoDB replication headroom', status: { notTaken: HEADROOM } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'MongoDB replication lag (Percona)',
      status: { covered: ['alert:replication-lag', 'alert:replication-lag-crit'] },
    },
    { reference: 'apa', kind: 'alert', item: 'MongoDB number cursors open (Percona)', status: { notTaken: CURSORS } },
    { reference: 'apa', kind: 'alert', item: 'MongoDB cursors timeouts (Percona)', status: { notTaken: CURSORS } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'MongoDB WiredTiger read tickets exhausted',
      status: { covered: ['alert:tickets-low', 'alert:tickets-exhausted'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'MongoDB WiredTiger write tickets exhausted',
      status: { covered: ['alert:tickets-low', 'alert:tickets-exhausted'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'MongoDB instance recently restarted',
      status: { covered: ['alert:restarted'] },
    },
    // mongodb-mixin views (MongoDB Instance and Replica Set dashboards).
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Operations by type / Document operations',
      status: { covered: ['panel:operations', 'panel:documents'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Connections', status: { covered: ['panel:connections'] } },
    { reference: 'mixin', kind: 'view', item: 'Latency detail', status: { covered: ['panel:operationLatency'] } },
    { reference: 'mixin', kind: 'view', item: 'Queued operations', status: { covered: ['panel:queuedOperations'] } },
    { reference: 'mixin', kind: 'view', item: 'Assert events', status: { covered: ['panel:asserts'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Replica set states / members',
      status: { covered: ['panel:replicaState', 'panel:memberHealth'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Replication lag / average replica set lag',
      status: { covered: ['panel:replicationLag'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Cursors, scanned and moved objects, query efficiency, getLastError, page faults',
      status: {
        notTaken:
          'query tuning detail for developers (profiler and explain() answer it better); none is a failure an operator acts on from a dashboard',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Elections, last election, heartbeat and ping time, oplog details',
      status: {
        notTaken:
          'elections are alerted by MongodbPrimaryElected (primary-changed); heartbeat, ping and oplog internals are diagnosis detail for rs.status() and the member’s log',
      },
    },
  ],
};
