/**
 * promtool cases for the mongodb alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

const MEMBER_A = 'member_idx="mongo-a:27017",member_state="PRIMARY",rs_nm="rs0"';

const MEMBER_B_LABELS = { member_idx: 'mongo-b:27017', member_state: 'SECONDARY', rs_nm: 'rs0' };

const MEMBER_B = 'member_idx="mongo-b:27017",member_state="SECONDARY",rs_nm="rs0"';

// promtool test series: a two-member replica set seen from member A's exporter.
const MONGO = { job: 'mongodb', instance: 'mongo-a:9216' };

const mongoSeries = (metric: string, labels = '') =>
  `${metric}{job="mongodb",instance="mongo-a:9216"${labels ? `,${labels}` : ''}}`;

export const mongodbPromtoolCases: PromtoolCases = {
  down: {
    fires: {
      series: [{ series: mongoSeries('mongodb_up', 'cluster_role="mongod"'), values: '1x5 0x10' }],
      evalTime: '10m',
      labels: { ...MONGO, cluster_role: 'mongod' },
    },
    quiet: {
      series: [{ series: mongoSeries('mongodb_up', 'cluster_role="mongod"'), values: '1x5 0 1x10' }],
      evalTime: '10m',
    },
  },
  'member-unhealthy': {
    fires: {
      series: [{ series: mongoSeries('mongodb_rs_members_health', MEMBER_B), values: '1x5 0x20' }],
      evalTime: '15m',
      labels: { ...MONGO, ...MEMBER_B_LABELS },
    },
    quiet: {
      series: [{ series: mongoSeries('mongodb_rs_members_health', MEMBER_B), values: '1x5 0 1x20' }],
      evalTime: '15m',
    },
  },
  'no-primary': {
    fires: {
      series: [
        {
          series: mongoSeries('mongodb_rs_members_health', MEMBER_A.replace('PRIMARY', '(not reachable/healthy)')),
          values: '0x20',
        },
        { series: mongoSeries('mongodb_rs_members_health', MEMBER_B), values: '1x20' },
      ],
      evalTime: '10m',
      labels: { ...MONGO, rs_nm: 'rs0' },
    },
    quiet: {
      series: [
        { series: mongoSeries('mongodb_rs_members_health', MEMBER_A), values: '1x20' },
        { series: mongoSeries('mongodb_rs_members_health', MEMBER_B), values: '0x20' },
      ],
      evalTime: '10m',
    },
  },
  'member-state': {
    fires: {
      series: [{ series: mongoSeries('mongodb_rs_myState', 'rs_nm="rs0"'), values: '2x5 3x20' }],
      evalTime: '20m',
      labels: { ...MONGO, rs_nm: 'rs0' },
    },
    quiet: {
      series: [
        { series: mongoSeries('mongodb_rs_myState', 'rs_nm="rs0"'), values: '2x25' },
        { series: 'mongodb_rs_myState{job="mongodb",instance="mongo-c:9216",rs_nm="rs0"}', values: '7x25' },
      ],
      evalTime: '20m',
    },
  },
  'replication-lag': {
    fires: {
      series: [
        { series: mongoSeries('mongodb_rs_members_optimeDate', MEMBER_A), values: '0+60000x20' },
        { series: mongoSeries('mongodb_rs_members_optimeDate', MEMBER_B), values: '0+60000x5 300000x15' },
      ],
      evalTime: '15m',
      labels: { ...MONGO, ...MEMBER_B_LABELS },
    },
    quiet: {
      series: [
        { series: mongoSeries('mongodb_rs_members_optimeDate', MEMBER_A), values: '0+60000x20' },
        { series: mongoSeries('mongodb_rs_members_optimeDate', MEMBER_B), values: '-1000+60000x20' },
      ],
      evalTime: '15m',
    },
  },
  'replication-lag-crit': {
    fires: {
      series: [
        {
          series:
            'mongodb_mongod_replset_member_optime_date{job="mongodb",instance="mongo-a:9216",name="mongo-a:27017",set="rs0",state="PRIMARY"}',
          values: '1000+60x20',
        },
        {
          series:
            'mongodb_mongod_replset_member_optime_date{job="mongodb",instance="mongo-a:9216",name="mongo-b:27017",set="rs0",state="SECONDARY"}',
          values: '1000x20',
        },
      ],
      evalTime: '15m',
      labels: { job: 'mongodb', instance: 'mongo-a:9216', name: 'mongo-b:27017', set: 'rs0', state: 'SECONDARY' },
    },
    quiet: {
      series: [
        {
          series:
            'mongodb_mongod_replset_member_optime_date{job="mongodb",instance="mongo-a:9216",name="mongo-a:27017",set="rs0",state="PRIMARY"}',
          values: '1000+60x20',
        },
        {
          series:
            'mongodb_mongod_replset_member_optime_date{job="mongodb",instance="mongo-a:9216",name="mongo-b:27017",set="rs0",state="SECONDARY"}',
          values: '940+60x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'connections-high': {
    fires: {
      series: [
        { series: mongoSeries('mongodb_ss_connections', 'conn_type="current"'), values: '850x30' },
        { series: mongoSeries('mongodb_ss_connections', 'conn_type="available"'), values: '150x30' },
      ],
      evalTime: '20m',
      labels: MONGO,
    },
    quiet: {
      series: [
        { series: mongoSeries('mongodb_ss_connections', 'conn_type="current"'), values: '150x30' },
        { series: mongoSeries('mongodb_ss_connections', 'conn_type="available"'), values: '850x30' },
      ],
      evalTime: '20m',
    },
  },
  'connections-critical': {
    fires: {
      series: [
        { series: mongoSeries('mongodb_connections', 'state="current"'), values: '980x20' },
        { series: mongoSeries('mongodb_connections', 'state="available"'), values: '20x20' },
      ],
      evalTime: '10m',
      labels: MONGO,
    },
    quiet: {
      series: [
        { series: mongoSeries('mongodb_connections', 'state="current"'), values: '850x20' },
        { series: mongoSeries('mongodb_connections', 'state="available"'), values: '150x20' },
      ],
      evalTime: '10m',
    },
  },
  'tickets-low': {
    fires: {
      series: [
        {
          series: mongoSeries('mongodb_ss_wt_concurrentTransactions_available', 'txn_rw="write"'),
          values: '20x20',
        },
      ],
      evalTime: '15m',
      labels: { ...MONGO, txn_rw: 'write' },
    },
    quiet: {
      series: [
        {
          series: mongoSeries('mongodb_ss_wt_concurrentTransactions_available', 'txn_rw="write"'),
          values: '120x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'tickets-exhausted': {
    fires: {
      series: [
        {
          series: mongoSeries('mongodb_mongod_wiredtiger_concurrent_transactions_available_tickets', 'type="read"'),
          values: '2x20',
        },
      ],
      evalTime: '15m',
      labels: { ...MONGO, type: 'read' },
    },
    quiet: {
      series: [
        {
          series: mongoSeries('mongodb_mongod_wiredtiger_concurrent_transactions_available_tickets', 'type="read"'),
          values: '40x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'cache-pressure': {
    fires: {
      series: [
        { series: mongoSeries('mongodb_ss_wt_cache_bytes_currently_in_the_cache'), values: '960x30' },
        { series: mongoSeries('mongodb_ss_wt_cache_maximum_bytes_configured'), values: '1000x30' },
      ],
      evalTime: '25m',
      labels: MONGO,
    },
    quiet: {
      series: [
        { series: mongoSeries('mongodb_ss_wt_cache_bytes_currently_in_the_cache'), values: '800x30' },
        { series: mongoSeries('mongodb_ss_wt_cache_maximum_bytes_configured'), values: '1000x30' },
      ],
      evalTime: '25m',
    },
  },
  restarted: {
    fires: {
      series: [{ series: mongoSeries('mongodb_ss_uptime'), values: '60+60x20' }],
      evalTime: '5m',
      labels: MONGO,
    },
    quiet: {
      series: [{ series: mongoSeries('mongodb_instance_uptime_seconds'), values: '86400+60x20' }],
      evalTime: '5m',
    },
  },
};
