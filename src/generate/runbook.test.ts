/** @jest-environment node */
import { defineExporter } from '../catalog/define';
import { getExporter } from '../catalog';
import { sel } from '../catalog/promql';
import type { AlertSource, Requirement } from '../catalog/types';
import { renderRunbook } from './runbook';
import { exporterSource } from '../../tests/support/exporter-source';

const SLOW_LOG: Requirement = { kind: 'collector', enable: '--collector.slowlog', offByDefault: true };

/** A database exporter whose slow-query counter needs a collector that is off by default. */
function exporterWith(alerts: AlertSource[]) {
  return defineExporter(
    exporterSource({
      signals: [
        { id: 'queries', title: 'Queries', description: 'Queries.', unit: 'ops', expr: (q) => sel('db_queries', q) },
        {
          id: 'slowQueries',
          requires: SLOW_LOG,
          title: 'Slow queries',
          description: 'Queries slower than the slow log threshold.',
          unit: 'ops',
          expr: (q) => sel('db_slow_queries', q),
        },
      ],
      thresholds: [],
      alerts,
      dashboard: [{ title: 'Overview', panels: [{ signals: ['queries', 'slowQueries'] }] }],
    })
  );
}

const alert = { severity: 'warning', for: '5m', summary: 's', description: 'd', comparison: '>' } as const;

/** The runbook section of one alert, from its heading to the next. */
function section(runbook: string, name: string): string {
  return runbook.split(/^## /m).find((s) => s.startsWith(`${name}\n`)) ?? '';
}

describe('runbook: what an alert needs switched on', () => {
  it('names the switch of a signal the alert cannot do without, and not that of a fallback', () => {
    const runbook = renderRunbook(
      exporterWith([
        {
          ...alert,
          id: 'slow-share',
          name: 'DbSlowShare',
          query: (q) => `${sel('db_slow_queries', q)} / ${sel('db_queries', q)}`,
          threshold: 0.1,
        },
        {
          ...alert,
          id: 'busy',
          name: 'DbBusy',
          query: (q) => `${sel('db_queries', q)} or ${sel('db_slow_queries', q)}`,
          threshold: 1000,
        },
        {
          ...alert,
          id: 'not-slow',
          name: 'DbFastOnly',
          query: (q) => `${sel('db_queries', q)} unless ${sel('db_slow_queries', q)}`,
          threshold: 1000,
        },
        {
          ...alert,
          id: 'filtered',
          name: 'DbSlowFiltered',
          query: (q) => sel('db_queries', q),
          filters: [(q) => `${sel('db_slow_queries', q)} > 0`],
          threshold: 1000,
        },
      ])
    );
    const needs = 'Needs --collector.slowlog (collector, off by default).';
    expect(section(runbook, 'DbSlowShare')).toContain(needs);
    expect(section(runbook, 'DbBusy')).not.toContain('Needs');
    expect(section(runbook, 'DbFastOnly')).not.toContain('Needs');
    expect(section(runbook, 'DbSlowFiltered')).toContain(needs);
  });

  it('says so on the shipped runbooks of alerts that write their own query', () => {
    const postgres = renderRunbook(getExporter('postgres'));
    expect(section(postgres, 'PostgresReplicationLag')).toMatch(/Needs the sample queries\.yaml/);
    const mongodb = renderRunbook(getExporter('mongodb'));
    expect(section(mongodb, 'MongodbConnectionsHigh')).toMatch(
      /Needs --collector\.diagnosticdata \(or --collect-all\)/
    );
    // Reachable on any prober: probe_http_status_code is only one side of an `or` there.
    expect(section(renderRunbook(getExporter('blackbox')), 'BlackboxProbeFailed')).not.toContain('Needs');
  });
});
