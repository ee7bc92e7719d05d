/**
 * promtool cases for the postgres alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 *
 * Every series is built from a family's fixture (tests/fixtures/exporters/postgres-*.prom, families in
 * src/catalog/evidence/postgres.ts): the built-in queries of 0.11 – 0.19 add `server` (the DSN's
 * host:port), pg_stat_database has `datid` and loses `server` with the 0.13 collector, and the 0.20
 * stat_activity collector adds usename, application_name, backend_type, wait_event_type and wait_event
 * (empty, so absent once scraped, for a backend that is not waiting).
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

const F011 = 'postgres_exporter 0.11 – 0.12';
const F0130 = 'postgres_exporter 0.13.0 – 0.13.1';
const F0132 = 'postgres_exporter 0.13.2 – 0.19';
const F020 = 'postgres_exporter ≥ 0.20';
const F020PG16 = 'postgres_exporter ≥ 0.20 on PostgreSQL 16';
const PG = { job: 'postgres', instance: 'db-1:9187' };
const DB2 = { ...PG, instance: 'db-2:9187' };
const DB3 = { ...PG, instance: 'db-3:9187' };
const at = (family: string) => familyFixture('postgres', family).at(PG);
const SERVER = { server: 'localhost:5432' };

/** pg_stat_activity labels: built-in query with `server` up to 0.19, stat_activity collector from 0.20. */
const activity = (family: string, datname: string, state: string): Record<string, string> =>
  family === F020 || family === F020PG16
    ? {
        application_name: 'web',
        backend_type: 'client backend',
        datname,
        state,
        usename: 'app',
        wait_event: '',
        wait_event_type: '',
      }
    : { datname, ...SERVER, state };
const activitySeries = (family: string, metric: string, datname: string, state: string) =>
  at(family).series(metric, activity(family, datname, state));
/**
 * pg_settings max_connections, superuser_reserved_connections and, given a value (PostgreSQL ≥ 16 only),
 * reserved_connections; `server` until 0.19.
 */
const connectionSettings = (family: string, max: number, superuserReserved = 3, reserved?: number, target = PG) => {
  const setting = (name: string, value: number) => ({
    series: familyFixture('postgres', family)
      .at(target)
      .series(`pg_settings_${name}`, family === F020 || family === F020PG16 ? {} : SERVER),
    values: `${value}x30`,
  });
  return [
    setting('max_connections', max),
    setting('superuser_reserved_connections', superuserReserved),
    ...(reserved === undefined ? [] : [setting('reserved_connections', reserved)]),
  ];
};
/**
 * Client backends of one target on the PostgreSQL 16 fixture, and (`workers`) as many autovacuum and parallel
 * workers: pg_stat_activity shows them, but they hold no max_connections slot (proc.c InitProcess).
 */
const pg16Backends = (
  target: Record<string, string>,
  active: number,
  idle: number,
  workers = { av: 0, parallel: 0 }
) => {
  const row = (labels: Record<string, string>, n: number) => ({
    series: familyFixture('postgres', F020PG16).at(target).series('pg_stat_activity_count', labels),
    values: `${n}x30`,
  });
  const worker = { application_name: '', datname: 'app', state: 'active', wait_event: '', wait_event_type: '' };
  return [
    row(activity(F020PG16, 'app', 'active'), active),
    row(activity(F020PG16, 'app', 'idle'), idle),
    ...(workers.av > 0
      ? [
          row(
            {
              ...worker,
              backend_type: 'autovacuum worker',
              usename: '',
              wait_event: 'VacuumDelay',
              wait_event_type: 'Timeout',
            },
            workers.av
          ),
        ]
      : []),
    ...(workers.parallel > 0
      ? [row({ ...worker, backend_type: 'parallel worker', usename: 'app', application_name: 'web' }, workers.parallel)]
      : []),
  ];
};

/** Fire and quiet cases of an alert for each family given, the first as the case's own. */
const perFamily = (families: [string, ...string[]], build: (family: string) => FireAndQuiet) => {
  const [first, ...others] = families;
  return {
    family: first,
    ...build(first),
    otherFamilies: others.map((family) => ({ family, ...build(family) })),
  };
};
// pg_stat_activity and pg_settings: `server` until 0.19 (the 0.11 – 0.12 fixture stands for 0.11 – 0.19 here).
const activityCases = (build: (family: string) => FireAndQuiet) => perFamily([F020, F011], build);
/** The cases of a connection alert, and a server with PostgreSQL 16's reserved_connections and its workers. */
const withPg16 = (cases: ReturnType<typeof activityCases>, pg16: FireAndQuiet) => ({
  ...cases,
  otherFamilies: [...cases.otherFamilies, { family: F020PG16, ...pg16 }],
});

/** pg_stat_database labels: built-in query with `server` in 0.11 – 0.12, stat_database collector from 0.13. */
const database = (family: string, datname: string) =>
  family === F011 ? { datid: '16384', datname, ...SERVER } : { datid: '16384', datname };
const dbSeries = (family: string, metric: string, datname: string) =>
  at(family).series(metric, database(family, datname));
const databaseCases = (build: (family: string) => FireAndQuiet) => perFamily([F0132, F011], build);

/**
 * Replication lag: the replication collector (≥ 0.13.2) has no labels; on 0.11 – 0.12 only the
 * sample queries.yaml's pg_replication query reports it, with `server` (a user query). 0.13.0 – 0.13.1
 * send no lag at all (the replication collector runs the failing postmaster query).
 */
const lagCases = (fires: string, quiet: string) =>
  perFamily([F0132, F011], (family) => {
    const series =
      family === F011
        ? at(family).series('pg_replication_lag', SERVER)
        : at(family).series('pg_replication_lag_seconds');
    return {
      fires: {
        series: [{ series, values: fires }],
        evalTime: '10m',
        labels: family === F011 ? { ...PG, ...SERVER } : PG,
      },
      quiet: { series: [{ series, values: quiet }], evalTime: '10m' },
    };
  });

/**
 * Transaction ID wraparound: the database_wraparound collector (≥ 0.14, off by default) labels only
 * by datname, in both families that can run it; 0.11 – 0.13 have no such series.
 */
const wraparoundCases = (xidFires: number, mxidFires: number, xidQuiet: number) =>
  perFamily([F020, F0132], (f) => {
    const ages = (xid: number, mxid: number) => [
      {
        series: at(f).series('pg_database_wraparound_age_datfrozenxid_seconds', { datname: 'app' }),
        values: `${xid}x30`,
      },
      {
        series: at(f).series('pg_database_wraparound_age_datminmxid_seconds', { datname: 'app' }),
        values: `${mxid}x30`,
      },
    ];
    return {
      fires: { series: ages(xidFires, mxidFires), evalTime: '20m', labels: { ...PG, datname: 'app' } },
      quiet: { series: ages(xidQuiet, 1000000), evalTime: '20m' },
    };
  });

/** Replication slots: built-in query with `server` until 0.19, replication_slots collector from 0.20. */
const slotActive = (family: string) =>
  at(family).series(
    'pg_replication_slots_active',
    family === F020 ? { database: '', slot_name: 'standby_1' } : { database: '', ...SERVER, slot_name: 'standby_1' }
  );

const pg = at(F011);

export const postgresPromtoolCases: PromtoolCases = {
  down: {
    family: 'postgres_exporter 0.11 – 0.12',
    fires: { series: [{ series: pg.series('pg_up'), values: '1x5 0x10' }], evalTime: '10m', labels: PG },
    // One failed scrape, evaluated at it (minute 6): the 1-minute maximum bridges it.
    quiet: { series: [{ series: pg.series('pg_up'), values: '1x5 0 1x10' }], evalTime: '6m' },
  },
  'connections-high': withPg16(
    activityCases((f) => ({
      fires: {
        series: [
          { series: activitySeries(f, 'pg_stat_activity_count', 'app', 'active'), values: '50x30' },
          { series: activitySeries(f, 'pg_stat_activity_count', 'app', 'idle'), values: '35x30' },
          ...connectionSettings(f, 100),
        ],
        evalTime: '20m',
        labels: PG,
      },
      quiet: {
        series: [
          { series: activitySeries(f, 'pg_stat_activity_count', 'app', 'active'), values: '20x30' },
          { series: activitySeries(f, 'pg_stat_activity_count', 'app', 'idle'), values: '30x30' },
          ...connectionSettings(f, 100),
        ],
        evalTime: '20m',
      },
    })),
    {
      // 75 client backends, of the 87 slots left to ordinary roles by 3 superuser and 10 reserved_connections:
      // 86 %. Against max_connections − superuser_reserved_connections alone it read 77 %.
      fires: {
        series: [...pg16Backends(PG, 50, 25), ...connectionSettings(F020PG16, 100, 3, 10)],
        evalTime: '20m',
        labels: PG,
      },
      // The same 75 client backends with reserved_connections at its default 0 (77 %), while 3 autovacuum and 8
      // parallel workers run: counted as backends they made it 89 %.
      quiet: {
        series: [...pg16Backends(PG, 50, 25, { av: 3, parallel: 8 }), ...connectionSettings(F020PG16, 100, 3, 0)],
        evalTime: '20m',
      },
    }
  ),
  // 17 of max_connections 20 is all ordinary roles may take (3 reserved for superusers): clients are refused at 85 %.
  'connections-critical': withPg16(
    activityCases((f) => ({
      fires: {
        series: [
          { series: activitySeries(f, 'pg_stat_activity_count', 'app', 'active'), values: '17x20' },
          ...connectionSettings(f, 20),
        ],
        evalTime: '10m',
        labels: PG,
      },
      quiet: {
        series: [
          { series: activitySeries(f, 'pg_stat_activity_count', 'app', 'active'), values: '85x20' },
          ...connectionSettings(f, 100),
        ],
        evalTime: '10m',
      },
    })),
    {
      // 85 client backends of max_connections 100, less 3 superuser and 10 reserved_connections: 98 %, two slots from
      // “remaining connection slots are reserved for roles with privileges of the "pg_use_reserved_connections"
      // role”. Against max_connections − superuser_reserved_connections alone it read 88 %.
      fires: {
        series: [...pg16Backends(PG, 60, 25), ...connectionSettings(F020PG16, 100, 3, 10)],
        evalTime: '10m',
        labels: PG,
      },
      quiet: {
        series: [
          // db-1 keeps 10 slots for pg_use_reserved_connections: 80 of its 87 (92 %).
          ...pg16Backends(PG, 55, 25),
          ...connectionSettings(F020PG16, 100, 3, 10),
          // db-2 (PostgreSQL 15, or any server without the setting) has no reserved slots: 85 of 97 (88 %), not 98 %.
          ...pg16Backends(DB2, 60, 25),
          ...connectionSettings(F020PG16, 100, 3, undefined, DB2),
          // db-3: 15 of its 17 slots (88 %) while 3 autovacuum workers run, which take none (18 of 17 as backends).
          ...pg16Backends(DB3, 15, 0, { av: 3, parallel: 0 }),
          ...connectionSettings(F020PG16, 20, 3, 0, DB3),
        ],
        evalTime: '10m',
      },
    }
  ),
  // 0.13.1 – 0.13.2 send pg_stat_database's shared-objects row as datname="unknown" (0.11 – 0.12 as "",
  // 0.14 on not at all): its blocks are shared catalogs, not a database whose cache could be too small.
  'cache-hit-low': perFamily([F0132, F011, F0130], (f) => ({
    fires: {
      series: [
        { series: dbSeries(f, 'pg_stat_database_blks_hit', 'app'), values: '0+9000x40' },
        { series: dbSeries(f, 'pg_stat_database_blks_read', 'app'), values: '0+1000x40' },
      ],
      evalTime: '30m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [
        { series: dbSeries(f, 'pg_stat_database_blks_hit', 'app'), values: '0+99900x40' },
        { series: dbSeries(f, 'pg_stat_database_blks_read', 'app'), values: '0+100x40' },
        // An idle database: the exporter's own queries, a few blocks a minute, some of them read in (the
        // test stack's `postgres` database made 0.25 hits and 0.011 reads a second, a ratio of 0.96).
        { series: dbSeries(f, 'pg_stat_database_blks_hit', 'postgres'), values: '0+15x40' },
        { series: dbSeries(f, 'pg_stat_database_blks_read', 'postgres'), values: '0+1x40' },
        ...(f === F0130
          ? [
              {
                series: at(f).series('pg_stat_database_blks_hit', { datid: '0', datname: 'unknown' }),
                values: '0+5x40',
              },
              {
                series: at(f).series('pg_stat_database_blks_read', { datid: '0', datname: 'unknown' }),
                values: '0+5x40',
              },
            ]
          : []),
      ],
      evalTime: '30m',
    },
  })),
  // Quiet below ROLLBACK_FLOOR too: an idle database where one of two transactions fails, and the exporter's own
  // database while two of its queries fail at every scrape (8 commits and 2 rollbacks a scrape, an HA pair every
  // 15 s: 8 scrapes a minute), a ratio of 0.2.
  'rollbacks-high': databaseCases((f) => ({
    fires: {
      series: [
        { series: dbSeries(f, 'pg_stat_database_xact_commit', 'app'), values: '0+600x30' },
        { series: dbSeries(f, 'pg_stat_database_xact_rollback', 'app'), values: '0+400x30' },
      ],
      evalTime: '20m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [
        { series: dbSeries(f, 'pg_stat_database_xact_commit', 'app'), values: '0+990x30' },
        { series: dbSeries(f, 'pg_stat_database_xact_rollback', 'app'), values: '0+10x30' },
        { series: dbSeries(f, 'pg_stat_database_xact_commit', 'reports'), values: '0+1x30' },
        { series: dbSeries(f, 'pg_stat_database_xact_rollback', 'reports'), values: '0+1x30' },
        { series: dbSeries(f, 'pg_stat_database_xact_commit', 'postgres'), values: '0+64x30' },
        { series: dbSeries(f, 'pg_stat_database_xact_rollback', 'postgres'), values: '0+16x30' },
      ],
      evalTime: '20m',
    },
  })),
  deadlocks: databaseCases((f) => ({
    fires: {
      series: [{ series: dbSeries(f, 'pg_stat_database_deadlocks', 'app'), values: '0+10x30' }],
      evalTime: '20m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [{ series: dbSeries(f, 'pg_stat_database_deadlocks', 'app'), values: '0+1x30' }],
      evalTime: '20m',
    },
  })),
  'long-transaction': activityCases((f) => ({
    fires: {
      series: [
        {
          series: activitySeries(f, 'pg_stat_activity_max_tx_duration', 'app', 'idle in transaction'),
          values: '0+60x20',
        },
      ],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [{ series: activitySeries(f, 'pg_stat_activity_max_tx_duration', 'app', 'active'), values: '5x20' }],
      evalTime: '10m',
    },
  })),
  'long-transaction-crit': activityCases((f) => ({
    fires: {
      series: [{ series: activitySeries(f, 'pg_stat_activity_max_tx_duration', 'app', 'active'), values: '0+60x30' }],
      evalTime: '20m',
      labels: PG,
    },
    quiet: {
      series: [{ series: activitySeries(f, 'pg_stat_activity_max_tx_duration', 'app', 'active'), values: '300x30' }],
      evalTime: '20m',
    },
  })),
  'replication-lag': lagCases('120x20', '2x20'),
  'replication-lag-crit': lagCases('900x20', '120x20'),
  // The collector names differ by family (0.11: bgwriter, database; 0.13: stat_bgwriter, replication_slot, …;
  // 0.20: replication_slots), but the alert reads only the value; 0.13.0 – 0.13.1 fire here for good
  // (their postmaster and replication collectors always fail).
  'exporter-errors': {
    family: 'postgres_exporter 0.11 – 0.12',
    fires: {
      series: [
        { series: pg.series('pg_scrape_collector_success', { collector: 'bgwriter' }), values: '0x20' },
        { series: pg.series('pg_up'), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...PG, collector: 'bgwriter' },
    },
    quiet: {
      series: [
        { series: pg.series('pg_scrape_collector_success', { collector: 'bgwriter' }), values: '1x20' },
        { series: pg.series('pg_exporter_last_scrape_error'), values: '1x20' },
        { series: pg.series('pg_up'), values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
  // Warning fired by the multixact age (the older of the two), so the query's maximum is what is tested.
  'xid-wraparound': wraparoundCases(300000000, 1200000000, 400000000),
  'xid-wraparound-crit': wraparoundCases(1700000000, 5000000, 1200000000),
  // 0.11 – 0.13.1 have no pg_replication_is_replica: the slot alone decides there.
  'replication-slot-inactive': perFamily([F020, F0132, F011], (f) => {
    const replica = f === F011 ? [] : [{ series: at(f).series('pg_replication_is_replica'), values: '0x50' }];
    return {
      fires: {
        // database="" (a physical slot) is no label once scraped.
        series: [{ series: slotActive(f), values: '1x5 0x45' }, ...replica],
        evalTime: '45m',
        labels: { ...PG, slot_name: 'standby_1', ...(f === F020 ? {} : SERVER) },
      },
      // Inactive on a standby (a slot synced for failover), or a consumer that reconnects at minute 21, within the
      // 30 minutes: the 5-minute maximum is 0 again from minute 27, and at 42 only the `for` keeps it quiet.
      quiet: {
        series:
          f === F011
            ? [{ series: slotActive(f), values: '0x20 1 0x20' }]
            : [
                { series: slotActive(f), values: '0x50' },
                { series: at(f).series('pg_replication_is_replica'), values: '1x50' },
              ],
        evalTime: '42m',
      },
    };
  }),
  'role-changed': perFamily([F020, F0132], (f) => {
    const series = at(f).series('pg_replication_is_replica');
    return {
      // A standby to minute 10, not scraped for 20 minutes (PostgreSQL or the exporter down), a primary from minute
      // 31: at minute 35 the last 15 minutes hold only the new role, where changes() read 0.
      fires: { series: [{ series, values: '1x10 _x20 0x10' }], evalTime: '35m', labels: PG },
      // Promoted at minute 10, 20 minutes before the evaluation; db-2 is new at minute 25, with no role before.
      quiet: {
        series: [
          { series, values: '1x10 0x20' },
          { series: familyFixture('postgres', f).at(DB2).series('pg_replication_is_replica'), values: '_x25 0x5' },
        ],
        evalTime: '30m',
        afterFault: 'the alert is about a change in the last 15 minutes: one 20 minutes ago must have left it',
      },
    };
  }),
  // pg_postmaster_start_time_seconds: the postmaster collector (≥ 0.13.2, --collector.postmaster) has
  // no labels; 0.11 – 0.12 only have it from the sample queries.yaml, with `server`.
  restarted: perFamily([F0132, F011], (f) => {
    const series = at(f).series('pg_postmaster_start_time_seconds', f === F011 ? SERVER : {});
    return {
      // Started at minute 1 and scraped to minute 10; then down 20 minutes (the exporter cannot query, the series
      // goes stale), started again at minute 30.5 (1830 s) and scraped from minute 31. At minute 35 the last 15
      // minutes hold only the new start time: changes() read 0 there.
      fires: {
        series: [{ series, values: '60x10 _x20 1830x10' }],
        evalTime: '35m',
        labels: f === F011 ? { ...PG, ...SERVER } : PG,
      },
      // Restarted at minute 10 (600 s), 20 minutes before the evaluation.
      quiet: {
        series: [{ series, values: '60x10 600x30' }],
        evalTime: '30m',
        afterFault: 'the alert is about a start in the last 15 minutes: one 20 minutes ago must have left it',
      },
    };
  }),
};
