import React from 'react';
import { of, throwError } from 'rxjs';
import { MemoryRouter } from 'react-router-dom';
import { render as renderUnrouted, screen, within } from '@testing-library/react';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { EXPORTERS } from '../../catalog/runtime';
import type { Detection } from '../../inventory/detect';
import { PartialTargets } from './PartialTargets';

const render = (ui: React.ReactElement) => renderUnrouted(<MemoryRouter>{ui}</MemoryRouter>);
const exporter = (id: string) => EXPORTERS.find((e) => e.id === id)!;

type Series = { job: string; instance: string; metric: string };

/**
 * The target's series for every off-by-default switch of its exporter (from the runtime catalog, so a
 * switch added to the catalog needs no change here), but for the switches whose text matches `missing`.
 */
function completeTarget(exporterId: string, job: string, instance: string, missing?: RegExp): Series[] {
  const metrics = (exporter(exporterId).requirements ?? [])
    .filter((r) => !missing?.test(r.text))
    .flatMap((r) => r.metrics);
  return [...new Set(['up', ...metrics])].map((metric) => ({ job, instance, metric }));
}

/**
 * A Prometheus behind /api/ds/query holding `series`: each query gets the (job, instance, metric)
 * series whose name its `__name__=~` lists and whose job its `job=~` matches, as the real
 * label_replace + group by would return them, one frame per series.
 */
function prometheusHolding(series: Series[], requests: BackendSrvRequest[] = []) {
  setBackendSrv({
    fetch: (request: BackendSrvRequest) => {
      requests.push(request);
      const results: Record<string, unknown> = {};
      for (const query of request.data.queries as Array<{ refId: string; expr: string }>) {
        const names = new RegExp(`^(?:${/__name__=~"([^"]+)"/.exec(query.expr)![1]})$`);
        const jobs = new RegExp(`^(?:${/job=~"([^"]+)"/.exec(query.expr)![1].replace(/\\\\/g, '\\')})$`);
        results[query.refId] = {
          status: 200,
          frames: series
            .filter((s) => names.test(s.metric) && jobs.test(s.job))
            .map((labels) => ({
              schema: {
                fields: [
                  { name: 'Time', type: 'time' },
                  { name: 'Value', type: 'number', labels },
                ],
              },
              data: { values: [[0], [1]] },
            })),
        };
      }
      return of({ data: { results } });
    },
  } as unknown as BackendSrv);
}

/** Renders the partial-target check for `detections` and returns its lines once the check has answered. */
/** Each listed target as one line: its link, then its switches (one list item each) joined by "; ". */
function targetLines(list: HTMLElement) {
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement === list)
    .map((item) => {
      const switches = within(within(item).getByRole('list', { name: 'Switches to enable' }))
        .getAllByRole('listitem')
        .map((s) => s.textContent);
      return `${within(item).getAllByRole('link')[0].textContent} — partial: enable ${switches.join('; ')}`;
    });
}

async function partialLines(detections: Detection[]) {
  render(<PartialTargets datasourceUid="prom" detections={detections} />);
  return targetLines(await screen.findByTestId('partial-targets'));
}

describe('targets with a partial view', () => {
  const detections: Detection[] = [
    { exporter: exporter('node'), jobs: ['node'] },
    { exporter: exporter('postgres'), jobs: ['db'] },
    { exporter: exporter('rabbitmq'), jobs: ['mq'] },
  ];

  it('names each target whose off-by-default collector has no series, and what to enable, from one query per exporter', async () => {
    const requests: BackendSrvRequest[] = [];
    prometheusHolding(
      [
        ...completeTarget('node', 'node', 'web-1:9100'),
        ...completeTarget('node', 'node', 'web-2:9100', /^--collector\.systemd \(/),
        ...completeTarget('postgres', 'db', 'pg-1:9187', /^--collector\.postmaster /),
        // Another job's systemd series say nothing about web-2.
        { job: 'other', instance: 'web-2:9100', metric: 'node_systemd_unit_state' },
      ],
      requests
    );
    render(<PartialTargets datasourceUid="prom" detections={detections} />);

    const list = await screen.findByTestId('partial-targets');
    const lines = targetLines(list);
    expect(lines).toEqual([
      expect.stringMatching(
        /^Node exporter web-2:9100 \(node\) — partial: enable --collector\.systemd .*Failed systemd units/
      ),
      expect.stringMatching(/^PostgreSQL.* pg-1:9187 \(db\) — partial: enable --collector\.postmaster .*Uptime$/),
    ]);
    expect(within(list).getByRole('link', { name: 'Node exporter web-2:9100 (node)' })).toHaveAttribute(
      'href',
      '/d/fsm-infrastructure-node?var-job=node&var-instance=web-2%3A9100'
    );
    // One request; one query per exporter that has a switch to check (RabbitMQ has none).
    expect(requests).toHaveLength(1);
    expect(requests[0].data.queries.map((q: { refId: string }) => q.refId)).toEqual(['node', 'postgres']);
  });

  // percona/mongodb_exporter ≥ 0.31 sends only mongodb_up until a collector is switched on; every
  // server series comes from diagnosticdata (diagnostic_data_collector.go), none from replicasetstatus.
  it('tells a bare MongoDB exporter to enable diagnosticdata, and a standalone server with it on nothing', async () => {
    const bare = { job: 'mongo', instance: 'mongo-new:9216' };
    const standalone = { job: 'mongo', instance: 'mongo-solo:9216' };
    prometheusHolding([
      { ...bare, metric: 'up' },
      { ...bare, metric: 'mongodb_up' },
      ...['up', 'mongodb_ss_uptime', 'mongodb_ss_connections', 'mongodb_dbstats_dataSize'].map((metric) => ({
        ...standalone,
        metric,
      })),
    ]);

    const lines = await partialLines([{ exporter: exporter('mongodb'), jobs: ['mongo'] }]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^MongoDB.* mongo-new:9216 \(mongo\) — partial: enable --collector\.diagnosticdata \(or --collect-all\) .*Connections.*; --collector\.dbstats /
      ),
    ]);
    expect(lines[0]).not.toContain('replicasetstatus');
  });

  // postgres_exporter 0.11 – 0.12 (Debian 12) report replication lag only from the sample queries.yaml's
  // pg_replication query (0 on a primary); from 0.13.2 the on-by-default replication collector does.
  it('tells a postgres_exporter without the sample queries.yaml to load it, and one with the replication collector nothing', async () => {
    prometheusHolding([
      ...completeTarget('postgres', 'db', 'pg-debian:9187', /^the sample queries\.yaml |^--collector\.postmaster /),
      ...completeTarget('postgres', 'db', 'pg-new:9187', /^the sample queries\.yaml /),
      { job: 'db', instance: 'pg-new:9187', metric: 'pg_replication_lag_seconds' },
    ]);

    const lines = await partialLines([{ exporter: exporter('postgres'), jobs: ['db'] }]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^PostgreSQL.* pg-debian:9187 \(db\) — partial: enable --collector\.postmaster .*for Uptime; the sample queries\.yaml \(--extend\.query-path\) .*for Replication lag$/
      ),
    ]);
  });

  // chronyd refuses serverstats over UDP (cmdmon.c), the exporter's default transport: the flag alone
  // leaves the target as partial as before, so the hint names the Unix socket too.
  it('tells a chrony exporter without server statistics to read them over chronyd’s Unix socket', async () => {
    prometheusHolding(completeTarget('chrony', 'chrony', 'ntp-1:9123', /^--collector\.serverstats /));

    const lines = await partialLines([{ exporter: exporter('chrony'), jobs: ['chrony'] }]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^chrony ntp-1:9123 \(chrony\) — partial: enable --collector\.serverstats with --chrony\.address=unix:\/\/\/run\/chrony\/chronyd\.sock .*for NTP requests served, NTP requests dropped$/
      ),
    ]);
  });

  it('says so when every target has what its dashboards need', async () => {
    prometheusHolding(completeTarget('node', 'node', 'web-1:9100'));
    render(<PartialTargets datasourceUid="prom" detections={detections.slice(0, 1)} />);
    expect(await screen.findByTestId('partial-targets-none')).toBeInTheDocument();
  });

  it('asks nothing when no detected exporter has a switch to check', async () => {
    const requests: BackendSrvRequest[] = [];
    prometheusHolding([], requests);
    render(<PartialTargets datasourceUid="prom" detections={detections.slice(2)} />);
    expect(await screen.findByTestId('partial-targets-none-applies')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('shows it is checking, then explains a failed query', async () => {
    setBackendSrv({ fetch: () => throwError(() => new Error('datasource not found')) } as unknown as BackendSrv);
    render(<PartialTargets datasourceUid="gone" detections={detections} />);
    expect(screen.getByText(/Checking which targets lack a collector/)).toBeInTheDocument();
    expect(await screen.findByText('Could not check for targets with a partial view')).toBeInTheDocument();
    expect(screen.getByText(/datasource not found/)).toBeInTheDocument();
  });
});
