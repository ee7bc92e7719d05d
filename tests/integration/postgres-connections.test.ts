// The connection headroom the PostgreSQL pack computes, on the stack's real PostgreSQL 15 and on the PostgreSQL 16
// family fixture: ordinary roles get max_connections − superuser_reserved_connections − reserved_connections (the
// last from 16 on, 0 where the server has no such setting), and only client backends take those slots.
import { getExporter } from '../../src/catalog';
import { dashboardContext, signalQuery } from '../../src/catalog/promql';
import { allFixtures } from '../support/fixture-families';
import { eventually, expandGrafanaVariables, stackPsql } from './harness';
import { createPrometheusClient } from './prometheus';

const prometheus = createPrometheusClient();

/** Runs one SQL statement as the stack's superuser; its error, if any, is the result. */
async function psql(sql: string): Promise<{ out: string; error: string }> {
  try {
    return { out: await stackPsql('postgres', [sql], { stopOnError: true }), error: '' };
  } catch (e) {
    return { out: '', error: String((e as { stderr?: string }).stderr ?? e).trim() };
  }
}

/** The dashboard's "Connections used" for the targets of `job`, by instance, at `time`. */
async function connectionsUsed(job: string, time: number): Promise<Map<string, number>> {
  const signal = getExporter('postgres').signals.find((s) => s.id === 'connectionsUsed')!;
  const expr = expandGrafanaVariables(signalQuery(signal, dashboardContext()).replace(/\$job\b/g, job));
  const result = await prometheus.instantQuery(expr, time);
  return new Map(result.map((s) => [s.metric.instance, Number(s.value[1])]));
}

describe('PostgreSQL connection headroom', () => {
  it('on the stack’s PostgreSQL 15 (no reserved_connections) is the share of max_connections − superuser_reserved_connections', async () => {
    // The premise: PostgreSQL 15 has no reserved_connections, so the exporter cannot send it.
    expect((await psql('SHOW reserved_connections')).error).toMatch(
      /unrecognized configuration parameter "reserved_connections"/
    );
    const max = Number((await psql('SHOW max_connections')).out);
    const superuser = Number((await psql('SHOW superuser_reserved_connections')).out);
    const time = (await eventually(
      'a scrape of the stack’s postgres_exporter with its settings',
      async () => {
        const t = Date.now() / 1000;
        const settings = await prometheus.instantQuery('pg_settings_max_connections{job="postgres"}', t);
        return settings.length === 1 ? t : undefined;
      },
      (t) => t !== undefined
    ))!;
    expect(await prometheus.instantQuery('pg_settings_reserved_connections{job="postgres"}', time)).toEqual([]);
    // postgres_exporter 0.11 sends no backend_type: every backend it counts stays in, as before.
    expect(await prometheus.instantQuery('pg_stat_activity_count{job="postgres",backend_type!=""}', time)).toEqual([]);
    const backends = await prometheus.instantQuery('sum(pg_stat_activity_count{job="postgres"})', time);
    const used = await connectionsUsed('postgres', time);
    expect([...used.values()]).toHaveLength(1);
    expect([...used.values()][0]).toBeCloseTo((100 * Number(backends[0].value[1])) / (max - superuser), 9);
  });

  it('on the PostgreSQL 16 fixture leaves out reserved_connections and the backends that take no slot', async () => {
    const fixture = allFixtures().find((f) => f.name === 'postgres-0.20-pg16')!;
    const setting = (name: string) => fixture.samples.find((s) => s.metric === `pg_settings_${name}`)!.value;
    const activity = fixture.samples.filter((s) => s.metric === 'pg_stat_activity_count');
    const clients = activity.filter((s) => s.labels.backend_type === 'client backend');
    // The premise: the fixture has reserved slots and backends of other kinds that its sum would count.
    expect(setting('reserved_connections')).toBeGreaterThan(0);
    expect(activity.some((s) => !['client backend', ''].includes(s.labels.backend_type) && s.value > 0)).toBe(true);
    const up = await eventually(
      'the postgres-0.20-pg16 fixture target',
      () => prometheus.instantQuery('up{fixture="postgres-0.20-pg16"} == 1'),
      (r) => r.length === 1
    );
    const used = await eventually(
      'Connections used on the postgres-0.20-pg16 fixture target',
      async () => (await connectionsUsed('fixture_postgres', Date.now() / 1000)).get(up[0].metric.instance),
      (v) => v !== undefined
    );
    const slots =
      setting('max_connections') - setting('superuser_reserved_connections') - setting('reserved_connections');
    expect(used).toBeCloseTo((100 * clients.reduce((n, s) => n + s.value, 0)) / slots, 9);
  });
});
