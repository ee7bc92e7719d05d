/** @jest-environment node */
// The Grafana API double against /work/shared/reference/grafana-api.md, one test per rule of the spec.
import { GrafanaDouble, REDACTED, type DoubleResponse } from '../../grafana-double';

const P = '/api/v1/provisioning';

function fresh(): GrafanaDouble {
  const double = new GrafanaDouble({ now: () => new Date('2025-01-01T00:00:00Z') });
  double.addDatasource({ uid: 'prom', name: 'Prometheus' });
  double.folders.set('f', { id: 1, uid: 'f', title: 'F', version: 1 });
  return double;
}

function call(
  double: GrafanaDouble,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<DoubleResponse> {
  return double.handle({ method, url, body, headers });
}

function rule(uid: string, extra: Record<string, unknown> = {}) {
  return {
    uid,
    title: `Rule ${uid}`,
    ruleGroup: 'g',
    folderUID: 'f',
    condition: 'C',
    data: [
      {
        refId: 'A',
        datasourceUid: 'prom',
        relativeTimeRange: { from: 600, to: 0 },
        model: { refId: 'A', expr: 'up', instant: true },
      },
      {
        refId: 'C',
        datasourceUid: '__expr__',
        relativeTimeRange: { from: 0, to: 0 },
        model: {
          refId: 'C',
          type: 'threshold',
          expression: 'A',
          conditions: [{ evaluator: { type: 'lt', params: [1] } }],
        },
      },
    ],
    noDataState: 'OK',
    execErrState: 'Error',
    for: '300s',
    labels: { severity: 'critical' },
    annotations: { summary: 's' },
    ...extra,
  };
}

const NO_PROVENANCE = { 'X-Disable-Provenance': 'true' };

describe('alert rules', () => {
  it('answers 404 for a missing rule, so a client can POST it, and 201 on create', async () => {
    const d = fresh();
    expect((await call(d, 'GET', `${P}/alert-rules/r1`)).status).toBe(404);
    expect((await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1'))).status).toBe(404);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'))).status).toBe(201);
    expect((await call(d, 'GET', `${P}/alert-rules/r1`)).status).toBe(200);
  });

  it('answers 409 on a duplicate uid', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1', { title: 'other' }))).status).toBe(409);
  });

  it('answers 400 for an invalid rule, a missing folder, or a duplicate title in the folder', async () => {
    const d = fresh();
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1', { condition: 'Z' }))).status).toBe(400);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1', { noDataState: 'Maybe' }))).status).toBe(400);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1', { title: 'x'.repeat(191) }))).status).toBe(400);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1', { uid: 'bad uid!' }))).status).toBe(400);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1', { folderUID: 'nope' }))).status).toBe(400);
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r2', { title: 'Rule r1' }))).status).toBe(400);
  });

  it('stamps read-only fields and stores what Grafana would: canonical durations, model defaults', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    const { body } = await call(d, 'GET', `${P}/alert-rules/r1`);
    expect(body).toMatchObject({
      uid: 'r1',
      orgID: 1,
      for: '5m',
      provenance: 'api',
      updated: '2025-01-01T00:00:00.000Z',
    });
    expect((body as { id: unknown }).id).toEqual(expect.any(Number));
    expect((body as { data: unknown[] }).data[0]).toMatchObject({
      queryType: '',
      model: { intervalMs: 1000, maxDataPoints: 43200 },
    });
  });

  it('lists every rule at GET /alert-rules', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    await call(d, 'POST', `${P}/alert-rules`, rule('r2'));
    const { body } = await call(d, 'GET', `${P}/alert-rules`);
    expect((body as Array<{ uid: string }>).map((r) => r.uid)).toEqual(['r1', 'r2']);
  });
});

describe('rule groups', () => {
  const group = (rules: unknown[], interval = 60) => ({ title: 'g', folderUid: 'f', interval, rules });

  it('answers 404 for an empty group and 200 with interval and rules once written', async () => {
    const d = fresh();
    expect((await call(d, 'GET', `${P}/folder/f/rule-groups/g`)).status).toBe(404);
    expect((await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]))).status).toBe(200);
    const { status, body } = await call(d, 'GET', `${P}/folder/f/rule-groups/g`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ title: 'g', folderUid: 'f', interval: 60, rules: [{ uid: 'r1' }] });
  });

  it('answers 400 for an interval that is not a positive multiple of 10 s', async () => {
    const d = fresh();
    for (const interval of [0, -10, 15, 1.5]) {
      const res = await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')], interval));
      expect([interval, res.status]).toEqual([interval, 400]);
    }
  });

  it('answers 400 when the folder does not exist', async () => {
    const d = fresh();
    const res = await call(d, 'PUT', `${P}/folder/missing/rule-groups/g`, {
      ...group([rule('r1')]),
      folderUid: 'missing',
    });
    expect(res.status).toBe(400);
  });

  it('deletes the rules left out of a group PUT', async () => {
    const d = fresh();
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1'), rule('r2')]));
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r2')]));
    expect([...d.rules.keys()]).toEqual(['r2']);
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([]));
    expect(d.rules.size).toBe(0);
    expect((await call(d, 'GET', `${P}/folder/f/rule-groups/g`)).status).toBe(404);
  });
});

describe('provenance', () => {
  it("locks a resource written without X-Disable-Provenance: 'api' cannot become editable", async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    const res = await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1'), NO_PROVENANCE);
    expect(res).toEqual({ status: 400, body: { message: "cannot change provenance from 'api' to ''" } });
    const groupPut = await call(
      d,
      'PUT',
      `${P}/folder/f/rule-groups/g`,
      { title: 'g', folderUid: 'f', interval: 60, rules: [rule('r1')] },
      NO_PROVENANCE
    );
    expect(groupPut.status).toBe(400);
  });

  it('keeps a resource written with X-Disable-Provenance editable (provenance none)', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'), NO_PROVENANCE);
    expect(d.rules.get('r1')!.provenance).toBe('');
    expect((await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1', { for: '10m' }), NO_PROVENANCE)).status).toBe(200);
  });
});

describe('permissions', () => {
  it('answers 403 to a user without alert.provisioning:write, and writes nothing', async () => {
    const d = fresh();
    const res = await call(d, 'POST', `${P}/alert-rules`, rule('r1'), { 'X-Grafana-Double-User': 'editor' });
    expect(res.status).toBe(403);
    expect(d.rules.size).toBe(0);
    expect((await call(d, 'GET', `${P}/alert-rules`, undefined, { 'X-Grafana-Double-User': 'editor' })).status).toBe(
      403
    );
  });

  it('needs alert.notifications.provisioning:write for notification objects', async () => {
    const d = new GrafanaDouble({
      users: {
        rulesOnly: { login: 'rulesOnly', role: 'Editor', permissions: ['alert.rules.provisioning:write'] },
        notifier: { login: 'notifier', role: 'Editor', permissions: ['alert.notifications.provisioning:write'] },
      },
    });
    const cp = { name: 'x', type: 'email', settings: { addresses: 'a@b.c' } };
    expect((await call(d, 'POST', `${P}/contact-points`, cp, { 'X-Grafana-Double-User': 'rulesOnly' })).status).toBe(
      403
    );
    expect((await call(d, 'POST', `${P}/contact-points`, cp, { 'X-Grafana-Double-User': 'notifier' })).status).toBe(
      202
    );
  });

  it('runs requests as the configured current user when no header names one', async () => {
    const d = fresh();
    d.currentUser = 'editor';
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'))).status).toBe(403);
  });
});

describe('contact points', () => {
  it('answers 202, redacts secrets on read, and keeps a stored secret sent back as [REDACTED]', async () => {
    const d = fresh();
    const created = await call(d, 'POST', `${P}/contact-points`, {
      uid: 'cp',
      name: 'Slack',
      type: 'slack',
      settings: { url: 'https://hooks/secret' },
    });
    expect(created.status).toBe(202);
    const list = (await call(d, 'GET', `${P}/contact-points?name=Slack`)).body as Array<{
      settings: Record<string, unknown>;
    }>;
    expect(list).toHaveLength(1);
    expect(list[0].settings.url).toBe(REDACTED);
    const updated = await call(d, 'PUT', `${P}/contact-points/cp`, {
      uid: 'cp',
      name: 'Slack 2',
      type: 'slack',
      settings: { url: REDACTED },
    });
    expect(updated.status).toBe(202);
    expect(d.contactPoints.get('cp')!.settings.url).toBe('https://hooks/secret');
    expect(
      (
        await call(d, 'POST', `${P}/contact-points`, {
          uid: 'cp',
          name: 'x',
          type: 'email',
          settings: { addresses: 'a@b' },
        })
      ).status
    ).toBe(409);
    expect((await call(d, 'DELETE', `${P}/contact-points/cp`)).status).toBe(202);
  });

  it('answers 400 for settings a type requires but lacks', async () => {
    const d = fresh();
    expect((await call(d, 'POST', `${P}/contact-points`, { name: 'PD', type: 'pagerduty', settings: {} })).status).toBe(
      400
    );
  });
});

describe('notification policies', () => {
  it('replaces the whole tree on PUT (202), and refuses unknown receivers', async () => {
    const d = fresh();
    d.policyTree = {
      receiver: 'grafana-default-email',
      routes: [{ receiver: 'grafana-default-email', object_matchers: [['team', '=', 'a']] }],
    };
    const res = await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email', group_by: ['alertname'] });
    expect(res.status).toBe(202);
    expect(d.policyTree).toEqual({ receiver: 'grafana-default-email', group_by: ['alertname'] });
    expect((await call(d, 'PUT', `${P}/policies`, { receiver: 'nobody' })).status).toBe(400);
  });
});

describe('mute timings', () => {
  const mt = { name: 'weekend', time_intervals: [{ weekdays: ['saturday'] }] };

  it('creates by name (201), refuses a duplicate (409), and answers 409 when in use', async () => {
    const d = fresh();
    expect((await call(d, 'POST', `${P}/mute-timings`, mt)).status).toBe(201);
    expect((await call(d, 'POST', `${P}/mute-timings`, mt)).status).toBe(409);
    await call(d, 'PUT', `${P}/policies`, {
      receiver: 'grafana-default-email',
      routes: [{ receiver: 'grafana-default-email', mute_time_intervals: ['weekend'] }],
    });
    expect((await call(d, 'DELETE', `${P}/mute-timings/weekend`)).status).toBe(409);
    expect((await call(d, 'PUT', `${P}/mute-timings/weekend`, { ...mt, name: 'renamed' })).status).toBe(409);
    expect((await call(d, 'PUT', `${P}/mute-timings/weekend`, { ...mt, time_intervals: [] })).status).toBe(200);
  });

  it('answers 400 for times that are not HH:MM with start before end', async () => {
    const d = fresh();
    const bad = { name: 'x', time_intervals: [{ times: [{ start_time: '25:00', end_time: '26:00' }] }] };
    expect((await call(d, 'POST', `${P}/mute-timings`, bad)).status).toBe(400);
  });
});

describe('folders', () => {
  it('answers 404 for a missing folder, 200 on create and 409 when it exists', async () => {
    const d = new GrafanaDouble();
    expect((await call(d, 'GET', '/api/folders/fsm-alerts')).status).toBe(404);
    expect((await call(d, 'POST', '/api/folders', { uid: 'fsm-alerts', title: 'FSM' })).status).toBe(200);
    expect((await call(d, 'POST', '/api/folders', { uid: 'fsm-alerts', title: 'FSM' })).status).toBe(409);
  });

  it('refuses to delete a folder that holds alert rules (400)', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    expect((await call(d, 'DELETE', '/api/folders/f')).status).toBe(400);
  });
});

describe('datasources', () => {
  it('supports CRUD by uid, 404 for a missing one and 409 for a duplicate name', async () => {
    const d = fresh();
    expect((await call(d, 'GET', '/api/datasources/uid/nope')).status).toBe(404);
    expect(
      (await call(d, 'POST', '/api/datasources', { uid: 'p2', name: 'Prometheus', type: 'prometheus' })).status
    ).toBe(409);
    expect(
      (
        await call(d, 'POST', '/api/datasources', {
          uid: 'p2',
          name: 'P2',
          type: 'prometheus',
          secureJsonData: { k: 'v' },
        })
      ).status
    ).toBe(200);
    expect((await call(d, 'PUT', '/api/datasources/uid/p2', { name: 'P2b', type: 'prometheus' })).status).toBe(200);
    const { body } = await call(d, 'GET', '/api/datasources/uid/p2');
    expect(body).toMatchObject({ uid: 'p2', name: 'P2b' });
    expect(body).not.toHaveProperty('secureJsonData');
    expect((await call(d, 'DELETE', '/api/datasources/uid/p2')).status).toBe(200);
  });
});

describe('app plugin settings', () => {
  it('replaces jsonData, merges secureJsonData per key ("" clears) and reports only secureJsonFields', async () => {
    const d = fresh();
    d.addPlugin('app');
    await call(d, 'POST', '/api/plugins/app/settings', {
      enabled: true,
      pinned: false,
      jsonData: { a: 1, b: 2 },
      secureJsonData: { t1: 'x', t2: 'y' },
    });
    await call(d, 'POST', '/api/plugins/app/settings', {
      enabled: true,
      pinned: true,
      jsonData: { c: 3 },
      secureJsonData: { t1: '' },
    });
    const { body } = await call(d, 'GET', '/api/plugins/app/settings');
    expect(body).toEqual({
      id: 'app',
      enabled: true,
      pinned: true,
      jsonData: { c: 3 },
      secureJsonFields: { t2: true },
    });
  });
});

describe('fault injection and the write log', () => {
  it('fails the k-th write with a 5xx and logs every write attempt', async () => {
    const d = fresh();
    d.injectFault({ onWrite: 2, kind: 'error', status: 503 });
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'))).status).toBe(201);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r2'))).status).toBe(503);
    expect((await call(d, 'GET', `${P}/alert-rules`)).status).toBe(200);
    expect(d.rules.has('r2')).toBe(false);
    expect(d.writeLog.map((w) => w.status)).toEqual([201, 503]);
    expect(d.successfulWrites()).toHaveLength(1);
  });

  it('hangs the k-th write until the caller aborts, writing it first only when asked to', async () => {
    for (const applied of [false, true]) {
      const d = fresh();
      d.injectFault({ onWrite: 1, kind: 'timeout', applied });
      const aborter = new AbortController();
      const pending = d.handle({ method: 'POST', url: `${P}/alert-rules`, body: rule('r1'), signal: aborter.signal });
      aborter.abort(new Error('client timeout'));
      await expect(pending).rejects.toThrow('client timeout');
      expect(d.rules.has('r1')).toBe(applied);
    }
  });
});
