/**
 * promtool cases for the mongodb alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family fixture (tests/fixtures/exporters/mongodb-*.prom), read in percona/mongodb_exporter.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

const REPLSET = 'mongodb_exporter 0.20.5 – 0.53, replica set member';
const COMPAT = 'mongodb_exporter 0.20.5 – 0.53 with --compatible-mode, standalone';

// Member A's exporter, seeing a replica set of two members; and a standalone server in compatible mode.
const MONGO = { job: 'mongodb', instance: 'mongo-a:9216' };
const STANDALONE = { job: 'mongodb', instance: 'mongo-s:9216' };
const rs = familyFixture('mongodb', REPLSET).at(MONGO).series;
const compat = familyFixture('mongodb', COMPAT).at(STANDALONE).series;

const TOPOLOGY = { cl_id: '66f1c2a9e4b03d5c7f812a44', rs_nm: 'rs0', rs_state: '1' };
const A = { ...TOPOLOGY, member_idx: 'mongo-a:27017', member_state: 'PRIMARY' };
const B = { ...TOPOLOGY, member_idx: 'mongo-b:27017', member_state: 'SECONDARY' };
const DOWN = '(not reachable/healthy)';
const A_DOWN = { ...A, member_state: DOWN };
const B_DOWN = { ...B, member_state: DOWN };

export const mongodbPromtoolCases: PromtoolCases = {
  down: {
    family: REPLSET,
    fires: {
      series: [{ series: rs('mongodb_up', { cluster_role: 'mongod' }), values: '1x5 0x10' }],
      evalTime: '10m',
      labels: { ...MONGO, cluster_role: 'mongod' },
    },
    // One failed scrape, evaluated at it (minute 6): the window's maximum bridges it.
    quiet: {
      series: [{ series: rs('mongodb_up', { cluster_role: 'mongod' }), values: '1x5 0 1x10' }],
      evalTime: '6m',
    },
  },
  // A member whose heartbeats fail is reported with health 0 and stateStr "(not reachable/healthy)"
  // (mongodb/mongo src/mongo/db/repl/topology_coordinator.cpp, prepareStatusResponse), and member_state
  // is the stateStr (exporter/metrics.go, processSlice): going down ends its SECONDARY series and starts
  // another, so health 0 never shares a series with a state it had while up.
  'member-unhealthy': {
    family: REPLSET,
    fires: {
      series: [
        { series: rs('mongodb_rs_members_health', B), values: '1x5' },
        { series: rs('mongodb_rs_members_health', B_DOWN), values: '_x5 0x20' },
      ],
      evalTime: '15m',
      labels: { ...MONGO, rs_nm: 'rs0', member_idx: B.member_idx },
    },
    // One failed heartbeat seen at minute 6, the member back at minute 7: the 5-minute maximum over the
    // member bridges it. Read per series it would not, the blip being a series of its own holding only 0.
    quiet: {
      series: [
        { series: rs('mongodb_rs_members_health', B), values: '1x5 _ 1x20' },
        { series: rs('mongodb_rs_members_health', B_DOWN), values: '_x5 0' },
      ],
      evalTime: '9m',
    },
  },
  'no-primary': {
    family: REPLSET,
    // The primary is unreachable, so no member is a healthy PRIMARY.
    fires: {
      series: [
        { series: rs('mongodb_rs_members_health', A_DOWN), values: '0x20' },
        { series: rs('mongodb_rs_members_health', B), values: '1x20' },
      ],
      evalTime: '10m',
      labels: { ...MONGO, rs_nm: 'rs0' },
    },
    quiet: {
      series: [
        { series: rs('mongodb_rs_members_health', A), values: '1x20' },
        { series: rs('mongodb_rs_members_health', B_DOWN), values: '0x20' },
      ],
      evalTime: '10m',
    },
  },
  'member-state': {
    family: REPLSET,
    fires: {
      series: [{ series: rs('mongodb_rs_myState', TOPOLOGY), values: '2x5 3x20' }],
      evalTime: '20m',
      labels: { ...MONGO, ...TOPOLOGY },
    },
    quiet: {
      series: [
        { series: rs('mongodb_rs_myState', TOPOLOGY), values: '2x25' },
        {
          series: familyFixture('mongodb', REPLSET)
            .at({ job: 'mongodb', instance: 'mongo-c:9216' })
            .series('mongodb_rs_myState', TOPOLOGY),
          values: '7x25',
        },
      ],
      evalTime: '20m',
    },
    quietOn: [
      {
        family: COMPAT,
        cannotFire: 'a standalone server has no replica set, so no member can be out of service',
        // It reports my_state 6 (UNKNOWN) without a set label in compatible mode: that is no member out of service.
        quiet: { series: [{ series: compat('mongodb_mongod_replset_my_state'), values: '6x25' }], evalTime: '20m' },
      },
    ],
  },
  // The state is a label too (rs_state), so the member that is elected starts new series.
  'primary-changed': {
    family: REPLSET,
    fires: {
      series: [
        { series: rs('mongodb_rs_myState', { ...TOPOLOGY, rs_state: '2' }), values: '2x10 _x10' },
        { series: rs('mongodb_rs_myState', TOPOLOGY), values: '_x10 1x10' },
      ],
      evalTime: '15m',
      labels: { ...MONGO, rs_nm: 'rs0' },
    },
    quiet: {
      series: [
        // Primary all along, and a secondary that stays one.
        { series: rs('mongodb_rs_myState', TOPOLOGY), values: '1x20' },
        {
          series: familyFixture('mongodb', REPLSET)
            .at({ job: 'mongodb', instance: 'mongo-b:9216' })
            .series('mongodb_rs_myState', { ...TOPOLOGY, rs_state: '2' }),
          values: '2x20',
        },
        // A primary whose exporter has only just started: no state ten minutes ago, no election seen.
        {
          series: familyFixture('mongodb', REPLSET)
            .at({ job: 'mongodb', instance: 'mongo-c:9216' })
            .series('mongodb_rs_myState', { ...TOPOLOGY, rs_nm: 'rs1' }),
          values: '_x10 1x10',
        },
      ],
      evalTime: '15m',
    },
    quietOn: [
      {
        family: COMPAT,
        cannotFire: 'a standalone server has no replica set, so nobody is elected',
        quiet: { series: [{ series: compat('mongodb_mongod_replset_my_state'), values: '6x20' }], evalTime: '15m' },
      },
    ],
  },
  'replication-lag': {
    family: REPLSET,
    // optimeDate is a BSON date: milliseconds.
    fires: {
      series: [
        { series: rs('mongodb_rs_members_optimeDate', A), values: '0+60000x20' },
        { series: rs('mongodb_rs_members_optimeDate', B), values: '0+60000x5 300000x15' },
      ],
      evalTime: '15m',
      labels: { ...MONGO, ...B },
    },
    quiet: {
      series: [
        { series: rs('mongodb_rs_members_optimeDate', A), values: '0+60000x20' },
        { series: rs('mongodb_rs_members_optimeDate', B), values: '-1000+60000x20' },
      ],
      evalTime: '15m',
    },
  },
  'replication-lag-crit': {
    family: REPLSET,
    fires: {
      series: [
        { series: rs('mongodb_rs_members_optimeDate', A), values: '1000000+60000x20' },
        { series: rs('mongodb_rs_members_optimeDate', B), values: '1000000x20' },
      ],
      evalTime: '15m',
      labels: { ...MONGO, ...B },
    },
    quiet: {
      series: [
        { series: rs('mongodb_rs_members_optimeDate', A), values: '1000000+60000x20' },
        { series: rs('mongodb_rs_members_optimeDate', B), values: '940000+60000x20' },
      ],
      evalTime: '15m',
    },
  },
  'connections-high': {
    family: REPLSET,
    fires: {
      series: [
        { series: rs('mongodb_ss_connections', { ...TOPOLOGY, conn_type: 'current' }), values: '850x30' },
        { series: rs('mongodb_ss_connections', { ...TOPOLOGY, conn_type: 'available' }), values: '150x30' },
      ],
      evalTime: '20m',
      labels: MONGO,
    },
    quiet: {
      series: [
        { series: rs('mongodb_ss_connections', { ...TOPOLOGY, conn_type: 'current' }), values: '150x30' },
        { series: rs('mongodb_ss_connections', { ...TOPOLOGY, conn_type: 'available' }), values: '850x30' },
      ],
      evalTime: '20m',
    },
  },
  'connections-critical': {
    family: COMPAT,
    // Compatible mode sends both names: the alert must fire once, not once per name.
    fires: {
      series: [
        { series: compat('mongodb_connections', { state: 'current' }), values: '980x20' },
        { series: compat('mongodb_connections', { state: 'available' }), values: '20x20' },
        { series: compat('mongodb_ss_connections', { conn_type: 'current' }), values: '980x20' },
        { series: compat('mongodb_ss_connections', { conn_type: 'available' }), values: '20x20' },
      ],
      evalTime: '10m',
      labels: STANDALONE,
    },
    quiet: {
      series: [
        { series: compat('mongodb_connections', { state: 'current' }), values: '850x20' },
        { series: compat('mongodb_connections', { state: 'available' }), values: '150x20' },
        { series: compat('mongodb_ss_connections', { conn_type: 'current' }), values: '850x20' },
        { series: compat('mongodb_ss_connections', { conn_type: 'available' }), values: '150x20' },
      ],
      evalTime: '10m',
    },
  },
  'tickets-low': {
    family: REPLSET,
    fires: {
      series: [{ series: rs('mongodb_ss_wt_concurrentTransactions_available', { txn_rw: 'write' }), values: '20x20' }],
      evalTime: '15m',
      labels: { ...MONGO, txn_rw: 'write' },
    },
    quiet: {
      series: [{ series: rs('mongodb_ss_wt_concurrentTransactions_available', { txn_rw: 'write' }), values: '120x20' }],
      evalTime: '15m',
    },
  },
  'tickets-exhausted': {
    family: COMPAT,
    // The compatible name keeps txn_rw (it is a rename of the renamed series), so both names give one alert.
    fires: {
      series: [
        {
          series: compat('mongodb_mongod_wiredtiger_concurrent_transactions_available_tickets', { txn_rw: 'read' }),
          values: '2x20',
        },
        { series: compat('mongodb_ss_wt_concurrentTransactions_available', { txn_rw: 'read' }), values: '2x20' },
      ],
      evalTime: '15m',
      labels: { ...STANDALONE, txn_rw: 'read' },
    },
    quiet: {
      series: [
        {
          series: compat('mongodb_mongod_wiredtiger_concurrent_transactions_available_tickets', { txn_rw: 'read' }),
          values: '40x20',
        },
        { series: compat('mongodb_ss_wt_concurrentTransactions_available', { txn_rw: 'read' }), values: '40x20' },
      ],
      evalTime: '15m',
    },
  },
  'cache-pressure': {
    family: REPLSET,
    fires: {
      series: [
        { series: rs('mongodb_ss_wt_cache_bytes_currently_in_the_cache', TOPOLOGY), values: '960x30' },
        { series: rs('mongodb_ss_wt_cache_maximum_bytes_configured', TOPOLOGY), values: '1000x30' },
      ],
      evalTime: '25m',
      labels: { ...MONGO, ...TOPOLOGY },
    },
    quiet: {
      series: [
        { series: rs('mongodb_ss_wt_cache_bytes_currently_in_the_cache', TOPOLOGY), values: '800x30' },
        { series: rs('mongodb_ss_wt_cache_maximum_bytes_configured', TOPOLOGY), values: '1000x30' },
      ],
      evalTime: '25m',
    },
  },
  restarted: {
    family: REPLSET,
    fires: {
      series: [{ series: rs('mongodb_ss_uptime', TOPOLOGY), values: '60+60x20' }],
      evalTime: '5m',
      labels: { ...MONGO, ...TOPOLOGY },
    },
    quiet: {
      series: [{ series: rs('mongodb_ss_uptime', TOPOLOGY), values: '86400+60x20' }],
      evalTime: '5m',
    },
    otherFamilies: [
      {
        family: COMPAT,
        fires: {
          series: [
            { series: compat('mongodb_instance_uptime_seconds'), values: '60+60x20' },
            { series: compat('mongodb_ss_uptime'), values: '60+60x20' },
          ],
          evalTime: '5m',
          labels: STANDALONE,
        },
        quiet: {
          series: [
            { series: compat('mongodb_instance_uptime_seconds'), values: '86400+60x20' },
            { series: compat('mongodb_ss_uptime'), values: '86400+60x20' },
          ],
          evalTime: '5m',
        },
      },
    ],
  },
};
