import { of, throwError } from 'rxjs';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { RuleQueryRefused } from './diagnose';
import { grafanaRuleQueryApi } from './grafana-query';

/** getBackendSrv().fetch answering /api/ds/query the way Grafana does: HTTP 400 with every result when one failed. */
function answer(results: Record<string, unknown>, status = 200) {
  const requests: BackendSrvRequest[] = [];
  const fetch = (request: BackendSrvRequest) => {
    requests.push(request);
    return status === 200
      ? of({ status, data: { results }, config: request })
      : throwError(() => ({ status, data: { results }, config: request }));
  };
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return requests;
}

const frame = (labels: Record<string, string>, times: number[], values: Array<number | null>) => ({
  schema: {
    fields: [
      { name: 'Time', type: 'time' },
      { name: 'Value', type: 'number', labels },
    ],
  },
  data: { values: [times, values] },
});

describe('the rule doctor over Grafana /api/ds/query', () => {
  it("turns Prometheus' bad_data into a refused query, and other errors into failures", async () => {
    const api = grafanaRuleQueryApi('prom');
    answer({ A: { status: 400, error: 'bad_data: 1:15: parse error: unclosed left parenthesis' } }, 400);
    const refused = await api.instant('sum(rate(up[5m])').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleQueryRefused);
    expect((refused as Error).message).toBe('1:15: parse error: unclosed left parenthesis');

    answer({ A: { status: 500, error: 'execution: query timed out in expression evaluation' } }, 400);
    const failed = await api.instant('up').catch((e: unknown) => e);
    expect(failed).not.toBeInstanceOf(RuleQueryRefused);
    expect((failed as Error).message).toMatch(/timed out/);
  });

  it('asks for a range at the given step, and answers when any series had a value', async () => {
    const requests = answer({
      A: {
        frames: [
          frame({ job: 'a' }, [1_000_000, 1_060_000], [1, null]),
          frame({ job: 'b' }, [1_060_000, 1_120_000], [2, 3]),
        ],
      },
    });
    const times = await grafanaRuleQueryApi('prom').presence('count(up)', 1000, 1120, 60);
    expect(times).toEqual([1000, 1060, 1120]);
    expect(requests[0].data).toMatchObject({
      from: '1000000',
      to: '1120000',
      queries: [{ expr: 'count(up)', range: true, instant: false, intervalMs: 60_000, datasource: { uid: 'prom' } }],
    });
  });

  it('stops asking once cancelled', async () => {
    answer({ A: { frames: [] } });
    const abort = new AbortController();
    abort.abort(new Error('cancelled'));
    await expect(grafanaRuleQueryApi('prom', abort.signal).instant('up')).rejects.toThrow('cancelled');
  });
});
