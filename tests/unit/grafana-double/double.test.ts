/** @jest-environment node */
// The Grafana API double against Grafana's own code (see tests/grafana-double/README.md for the
// source of each behaviour). One test per behaviour; per version where the versions differ.
import { formatDurationMs, parseDurationMs } from '../../grafana-double/durations';
import {
  GRAFANA_VERSIONS,
  GrafanaDouble,
  REDACTED,
  type DoubleResponse,
  type GrafanaDoubleOptions,
  type GrafanaVersion,
} from '../../grafana-double';

const P = '/api/v1/provisioning';
const NO_PROVENANCE = { 'X-Disable-Provenance': 'true' };
const AS = (login: string) => ({ 'X-Grafana-Double-User': login });

function fresh(options: GrafanaDoubleOptions = {}): GrafanaDouble {
  const double = new GrafanaDouble({ now: () => new Date('2025-01-01T00:00:00Z'), ...options });
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

const group = (rules: unknown[] | undefined, interval = 60) => ({ title: 'g', folderUid: 'f', interval, rules });
const body = <T = Record<string, unknown>>(r: DoubleResponse) => r.body as T;

describe('durations (prometheus/common model.Duration)', () => {
  it('prints 60s as 1m, 24h as 1d, 8d as 8d and 14d as 2w', () => {
    expect(formatDurationMs(60_000)).toBe('1m');
    expect(formatDurationMs(90_000)).toBe('1m30s');
    expect(formatDurationMs(86_400_000)).toBe('1d');
    expect(formatDurationMs(8 * 86_400_000)).toBe('8d');
    expect(formatDurationMs(14 * 86_400_000)).toBe('2w');
    expect(formatDurationMs(365 * 86_400_000)).toBe('1y');
    expect(formatDurationMs(0)).toBe('0s');
  });

  it('parses units only largest-first and refuses an empty string', () => {
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('30m1h')).toBeUndefined();
    expect(parseDurationMs('')).toBeUndefined();
    expect(parseDurationMs('0')).toBe(0);
  });
});

describe('versions and /api/health', () => {
  it('defaults to 12.x and reports database, version and commit without any user', async () => {
    const d = new GrafanaDouble({ currentUser: 'nobody' });
    expect(d.grafanaVersion).toBe('12.x');
    const res = await call(d, 'GET', '/api/health');
    expect(res).toEqual({ status: 200, body: { database: 'ok', version: '12.0.0', commit: expect.any(String) } });
  });

  it('leaves version and commit out of /api/health when hideVersion is set', async () => {
    const res = await call(new GrafanaDouble({ grafanaVersion: '11.6', hideVersion: true }), 'GET', '/api/health');
    expect(res.body).toEqual({ database: 'ok' });
  });

  it('reports the version given by buildVersion', async () => {
    const res = await call(new GrafanaDouble({ buildVersion: '12.3.1' }), 'GET', '/api/health');
    expect(body(res).version).toBe('12.3.1');
  });
});

describe('folders', () => {
  it.each<[GrafanaVersion, number, Record<string, unknown>]>([
    ['11.6', 409, { message: 'a folder/dashboard with the same uid already exists' }],
    ['12.x', 412, { status: 'version-mismatch', message: 'the folder has been changed by someone else' }],
    ['main', 409, { message: 'a folder with the same UID already exists' }],
  ])('%s: a second POST with the same uid answers %i', async (grafanaVersion, status, expected) => {
    const d = new GrafanaDouble({ grafanaVersion });
    expect((await call(d, 'POST', '/api/folders', { uid: 'fsm', title: 'FSM' })).status).toBe(200);
    expect(await call(d, 'POST', '/api/folders', { uid: 'fsm', title: 'FSM' })).toEqual({ status, body: expected });
  });

  it('a missing folder answers 404 with status not-found', async () => {
    expect(await call(new GrafanaDouble(), 'GET', '/api/folders/nope')).toEqual({
      status: 404,
      body: { status: 'not-found', message: 'folder not found' },
    });
  });

  it('refuses illegal and over-long uids with their own messages (400)', async () => {
    const d = new GrafanaDouble();
    expect(body(await call(d, 'POST', '/api/folders', { uid: 'a.b', title: 'x' })).message).toBe(
      'uid contains illegal characters'
    );
    expect(body(await call(d, 'POST', '/api/folders', { uid: 'x'.repeat(41), title: 'x' })).message).toBe(
      'uid too long, max 40 characters'
    );
  });

  it.each<[GrafanaVersion, number]>([
    ['11.6', 200],
    ['12.x', 400],
    ['main', 400],
  ])('%s: the reserved uid "general" answers %i', async (grafanaVersion, status) => {
    expect(
      (await call(new GrafanaDouble({ grafanaVersion }), 'POST', '/api/folders', { uid: 'general', title: 'G' })).status
    ).toBe(status);
  });

  it('a folder PUT with a stale version answers 412 version-mismatch, and bumps the version otherwise', async () => {
    const d = fresh();
    expect((await call(d, 'PUT', '/api/folders/f', { title: 'F2', version: 1 })).status).toBe(200);
    expect(d.folders.get('f')).toMatchObject({ title: 'F2', version: 2 });
    expect(await call(d, 'PUT', '/api/folders/f', { title: 'F3', version: 1 })).toEqual({
      status: 412,
      body: { status: 'version-mismatch', message: 'the folder has been changed by someone else' },
    });
  });

  it('a folder DELETE with rules (also in a subfolder) answers 400 folder.not-empty; forceDeleteRules deletes them', async () => {
    const d = fresh();
    d.folders.set('sub', { id: 2, uid: 'sub', title: 'Sub', parentUid: 'f', version: 1 });
    await call(d, 'POST', `${P}/alert-rules`, rule('r1', { folderUID: 'sub' }));
    expect(await call(d, 'DELETE', '/api/folders/f')).toEqual({
      status: 400,
      body: {
        message: 'Folder cannot be deleted: folder is not empty',
        messageId: 'folder.not-empty',
        statusCode: 400,
      },
    });
    expect(await call(d, 'DELETE', '/api/folders/f?forceDeleteRules=true')).toEqual({
      status: 200,
      body: { message: 'Folder deleted' },
    });
    expect(d.rules.size).toBe(0);
    expect(d.folders.has('sub')).toBe(false);
  });
});

describe('alert rules', () => {
  it('a missing rule answers 404 with an empty body to GET and PUT, and POST creates it (201)', async () => {
    const d = fresh();
    expect(await call(d, 'GET', `${P}/alert-rules/r1`)).toEqual({ status: 404, body: undefined });
    expect(await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1'))).toEqual({ status: 404, body: undefined });
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'))).status).toBe(201);
  });

  it('a duplicate uid answers 409 alerting.alert-rule.conflict', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    const res = await call(d, 'POST', `${P}/alert-rules`, rule('r1', { title: 'other' }));
    expect(res.status).toBe(409);
    expect(body(res).messageId).toBe('alerting.alert-rule.conflict');
  });

  it.each<[GrafanaVersion, number]>([
    ['11.6', 400],
    ['12.x', 201],
    ['main', 201],
  ])('%s: a second rule with the same title in the folder answers %i', async (grafanaVersion, status) => {
    const d = fresh({ grafanaVersion });
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r2', { title: 'Rule r1' }))).status).toBe(status);
  });

  it("answers 400 with Grafana's messages for a missing folder, a bad state, an empty title, a bad uid", async () => {
    const d = fresh();
    const msg = async (r: unknown) => body(await call(d, 'POST', `${P}/alert-rules`, r)).message;
    expect(await msg(rule('r1', { folderUID: 'nope' }))).toBe('invalid alert rule: folder does not exist');
    expect(await msg(rule('r1', { folderUID: '' }))).toBe('invalid alert rule: folderUID must be set');
    expect(await msg(rule('r1', { execErrState: 'Maybe', noDataState: 'Maybe' }))).toBe(
      'invalid alert rule: unknown Error state option Maybe'
    );
    expect(await msg(rule('r1', { noDataState: 'Maybe' }))).toBe(
      'invalid alert rule: unknown NoData state option Maybe'
    );
    // ValidateAlertRule checks data and title before the states.
    expect(await msg(rule('r1', { data: [], noDataState: 'Maybe' }))).toBe(
      'invalid alert rule: no queries or expressions are found'
    );
    expect(await msg(rule('r1', { title: '' }))).toBe('invalid alert rule: title is empty');
    expect(await msg(rule('r1', { title: 'x'.repeat(191) }))).toBe(
      'invalid alert rule: name length should not be greater than 190'
    );
    expect(await msg(rule('r1', { labels: { __grafana_receiver__: 'x' } }))).toBe(
      'invalid alert rule: system reserved label __grafana_receiver__ cannot be defined'
    );
  });

  it("refuses a bad rule uid with util.ValidateUID's messages: joined on POST, %q in a group PUT", async () => {
    const d = fresh();
    expect(body(await call(d, 'POST', `${P}/alert-rules`, rule('bad uid!'))).message).toBe(
      "invalid alert rule\ncannot create rule with UID 'bad uid!': invalid format of UID. Only letters, numbers, '-' and '_' are allowed"
    );
    // The uid is checked before the folder.
    expect(body(await call(d, 'POST', `${P}/alert-rules`, rule('u'.repeat(41), { folderUID: 'nope' }))).message).toBe(
      `invalid alert rule\ncannot create rule with UID '${'u'.repeat(41)}': UID is longer than 40 symbols`
    );
    expect(body(await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('bad uid!')]))).message).toBe(
      `invalid alert rule: cannot create rule with UID "bad uid!": invalid format of UID. Only letters, numbers, '-' and '_' are allowed`
    );
  });

  it('stores a rule whose condition names no query and whose datasource does not exist (no such check on save)', async () => {
    const d = fresh();
    const r = rule('r1', { condition: 'Z' });
    r.data[0].datasourceUid = 'no-such-datasource';
    expect((await call(d, 'POST', `${P}/alert-rules`, r)).status).toBe(201);
  });

  it('refuses notification settings whose receiver or mute timing does not exist (400)', async () => {
    const d = fresh();
    const msg = async (ns: unknown) =>
      body(await call(d, 'POST', `${P}/alert-rules`, rule('r1', { notification_settings: ns }))).message;
    expect(await msg({ receiver: 'nobody' })).toBe('invalid alert rule\nreceiver nobody does not exist');
    expect(await msg({ receiver: '' })).toBe('invalid alert rule\nreceiver must be specified');
    expect(await msg({ receiver: 'grafana-default-email', mute_time_intervals: ['never'] })).toBe(
      'invalid alert rule\ntime interval never does not exist'
    );
    expect(
      (
        await call(
          d,
          'POST',
          `${P}/alert-rules`,
          rule('r1', { notification_settings: { receiver: 'grafana-default-email' } })
        )
      ).status
    ).toBe(201);
  });

  it('a group PUT validates the notification settings of new rules and of changed ones only', async () => {
    const d = fresh();
    const routed = rule('r1', { notification_settings: { receiver: 'grafana-default-email' } });
    expect((await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([routed]))).status).toBe(200);
    // The receiver goes away behind the rule's back (stored as is): an unchanged rule still saves.
    d.contactPoints.clear();
    expect((await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([routed]))).status).toBe(200);
    const moved = rule('r1', { notification_settings: { receiver: 'elsewhere' } });
    expect(body(await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([moved]))).message).toBe(
      'invalid alert rule\nreceiver elsewhere does not exist'
    );
  });

  it('accepts a rule without for (0s) and with KeepLast states', async () => {
    const d = fresh();
    const { for: _f, ...noFor } = rule('r1', { noDataState: 'KeepLast', execErrState: 'KeepLast' });
    const res = await call(d, 'POST', `${P}/alert-rules`, noFor);
    expect(res.status).toBe(201);
    expect(body(res)).toMatchObject({ for: '0s', noDataState: 'KeepLast' });
  });

  it('refuses a query whose relativeTimeRange has from == to (400)', async () => {
    const d = fresh();
    const r = rule('r1');
    r.data[0].relativeTimeRange = { from: 0, to: 0 };
    // errutil template without a public message: the status text, the data in `extra`.
    expect(body(await call(d, 'POST', `${P}/alert-rules`, r))).toEqual({
      message: 'Bad request',
      messageId: 'alerting.alert-rule.invalidRelativeTime',
      statusCode: 400,
      extra: { RefID: 'A', From: 0, To: 0 },
    });
  });

  it('reads back what Grafana stores: canonical durations, model defaults (also for 0), omitempty fields', async () => {
    const d = fresh();
    const r = rule('r1', { labels: {}, keep_firing_for: '120s' });
    (r.data[0].model as Record<string, unknown>).intervalMs = 0;
    (r.data[0].model as Record<string, unknown>).queryType = 'instant';
    await call(d, 'POST', `${P}/alert-rules`, r, NO_PROVENANCE);
    const got = body(await call(d, 'GET', `${P}/alert-rules/r1`));
    expect(got).toMatchObject({
      uid: 'r1',
      orgID: 1,
      for: '5m',
      keep_firing_for: '2m',
      notification_settings: null,
      record: null,
      updated: '2025-01-01T00:00:00.000Z',
    });
    expect(got).not.toHaveProperty('labels');
    expect(got).not.toHaveProperty('provenance');
    expect((got.data as unknown[])[0]).toMatchObject({
      queryType: 'instant',
      model: { intervalMs: 1000, maxDataPoints: 43200 },
    });
  });

  it('stamps updated on every PUT, even an unchanged one', async () => {
    let now = new Date('2025-01-01T00:00:00Z');
    const d = fresh({ now: () => now });
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    now = new Date('2025-02-01T00:00:00Z');
    await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1'));
    expect(d.rules.get('r1')!.updated).toBe('2025-02-01T00:00:00.000Z');
  });

  it('the rules export answers 404 with no body when there are no rules', async () => {
    expect(await call(fresh(), 'GET', `${P}/alert-rules/export`)).toEqual({ status: 404, body: undefined });
  });

  it('a DELETE of a missing rule answers 204', async () => {
    expect((await call(fresh(), 'DELETE', `${P}/alert-rules/nope`)).status).toBe(204);
  });

  it('main adds the deprecation headers to rule endpoints, not to the export', async () => {
    const d = fresh({ grafanaVersion: 'main' });
    expect((await call(d, 'GET', `${P}/alert-rules`)).headers).toMatchObject({
      'X-API-Deprecation-Date': '2026-03-10',
    });
    expect((await call(d, 'GET', `${P}/alert-rules/export`)).headers).toBeUndefined();
    expect((await call(fresh(), 'GET', `${P}/alert-rules`)).headers).toBeUndefined();
  });
});

describe('rule groups', () => {
  it('a group PUT answers 200 echoing the request, and GET returns rules without provenance', async () => {
    const d = fresh();
    const put = await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, { ...group([rule('r1')]), title: 'ignored' });
    expect(put.status).toBe(200);
    expect(body(put)).toMatchObject({ title: 'g', folderUid: 'f', interval: 60, rules: [{ uid: 'r1', for: '300s' }] });
    const got = await call(d, 'GET', `${P}/folder/f/rule-groups/g`);
    expect(body(got)).toMatchObject({ title: 'g', folderUid: 'f', interval: 60, rules: [{ uid: 'r1' }] });
    expect(body<{ rules: object[] }>(got).rules[0]).not.toHaveProperty('provenance');
    expect(d.rules.get('r1')!.provenance).toBe('api');
  });

  it("a group PUT with rules: [] keeps the group's rules (200) and applies the new interval", async () => {
    const d = fresh();
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1'), rule('r2')]));
    const res = await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([], 120));
    expect(res.status).toBe(200);
    expect(body(res).rules).toEqual([]);
    expect([...d.rules.keys()]).toEqual(['r1', 'r2']);
    expect(d.groupIntervals.get('f/g')).toBe(120);
  });

  it('a group PUT without a rules key keeps the rules too and echoes rules: null', async () => {
    const d = fresh();
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]));
    const res = await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, { title: 'g', folderUid: 'f', interval: 60 });
    expect(res.status).toBe(200);
    expect(body(res).rules).toBeNull();
    expect(d.rules.has('r1')).toBe(true);
  });

  it('a group PUT deletes the rules left out of a non-empty list and stores the PUT order', async () => {
    const d = fresh();
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1'), rule('r2'), rule('r3')]));
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r3'), rule('r1')]));
    expect(d.groupRules('f', 'g').map((r) => r.uid)).toEqual(['r3', 'r1']);
  });

  it("a group PUT fills a uid-matched rule's missing title, data and states from the stored rule", async () => {
    const d = fresh();
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]));
    const res = await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([{ uid: 'r1', for: '1m' }]));
    expect(res.status).toBe(200);
    expect(d.rules.get('r1')).toMatchObject({ title: 'Rule r1', condition: 'C', for: '1m' });
  });

  it('a group PUT into a folder that does not exist answers 200 (no folder check on this path)', async () => {
    const d = fresh();
    const res = await call(
      d,
      'PUT',
      `${P}/folder/missing/rule-groups/g`,
      group([rule('r1', { folderUID: 'missing' })])
    );
    expect(res.status).toBe(200);
    expect(d.rules.get('r1')!.folderUID).toBe('missing');
  });

  it("a group PUT with an interval that is not a positive multiple of 10 s answers 400 with Grafana's message", async () => {
    const d = fresh();
    expect(body(await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')], 15))).message).toBe(
      'invalid alert rule: interval (15s) should be non-zero and divided exactly by scheduler interval: 10'
    );
    for (const interval of [0, -10, 1.5, '60']) {
      const res = await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, { ...group([rule('r1')]), interval });
      expect([interval, res.status]).toEqual([interval, 400]);
    }
  });

  it.each<[GrafanaVersion, boolean]>([
    ['11.6', false],
    ['12.x', true],
    ['main', true],
  ])('%s: two rules with one title in a group PUT are allowed: %s', async (grafanaVersion, allowed) => {
    const d = fresh({ grafanaVersion });
    const res = await call(
      d,
      'PUT',
      `${P}/folder/f/rule-groups/g`,
      group([rule('r1'), rule('r2', { title: 'Rule r1' })])
    );
    expect(res.status).toBe(allowed ? 200 : 400);
  });

  it.each(GRAFANA_VERSIONS)('%s: a group DELETE answers 204 and then 404', async (grafanaVersion) => {
    const d = fresh({ grafanaVersion });
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]));
    const deleted = await call(d, 'DELETE', `${P}/folder/f/rule-groups/g`);
    expect([deleted.status, deleted.body]).toEqual([204, undefined]);
    expect(d.rules.size).toBe(0);
    expect(d.groupIntervals.has('f/g')).toBe(false);
    const missing = [404, { message: 'Not found', messageId: 'alerting.alert-rule.notFound', statusCode: 404 }];
    for (const method of ['DELETE', 'GET']) {
      const res = await call(d, method, `${P}/folder/f/rule-groups/g`);
      expect([res.status, res.body]).toEqual(missing);
    }
  });

  it('a Grafana without the group DELETE (behaviour override) answers 404 Not found', async () => {
    const d = fresh({ behaviour: { ruleGroupDelete: false } });
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]));
    expect(await call(d, 'DELETE', `${P}/folder/f/rule-groups/g`)).toEqual({
      status: 404,
      body: { message: 'Not found' },
    });
    expect(d.rules.size).toBe(1);
  });
});

describe('rule provenance', () => {
  it.each<[GrafanaVersion, number]>([
    ['11.6', 500],
    ['12.x', 500],
    ['main', 409],
  ])('%s: a rule PUT from api to none answers %i', async (grafanaVersion, status) => {
    const d = fresh({ grafanaVersion });
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    const res = await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1'), NO_PROVENANCE);
    expect(res.status).toBe(status);
    if (status === 500) {
      expect(res.body).toEqual({ message: "cannot change provenance from 'api' to ''" });
    }
    expect(d.rules.get('r1')!.provenance).toBe('api');
  });

  it('a rule PUT from none to api is allowed (200) and locks the rule', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'), NO_PROVENANCE);
    expect((await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1'))).status).toBe(200);
    expect(d.rules.get('r1')!.provenance).toBe('api');
  });

  it.each(GRAFANA_VERSIONS)(
    '%s: a group PUT with X-Disable-Provenance over api rules is allowed and makes them editable',
    async (grafanaVersion) => {
      const d = fresh({ grafanaVersion });
      await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]));
      expect((await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]), NO_PROVENANCE)).status).toBe(
        200
      );
      expect(d.rules.get('r1')!.provenance).toBe('');
    }
  );

  it.each<[GrafanaVersion, number]>([
    ['11.6', 500],
    ['12.x', 409],
    ['main', 409],
  ])('%s: a group PUT over file-provisioned rules answers %i', async (grafanaVersion, status) => {
    const d = fresh({ grafanaVersion });
    await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]));
    d.rules.get('r1')!.provenance = 'file';
    const res = await call(d, 'PUT', `${P}/folder/f/rule-groups/g`, group([rule('r1')]));
    expect(res.status).toBe(status);
    if (status === 409) {
      expect(res.body).toEqual({
        message: "cannot update with provided provenance 'api', needs 'file'",
        messageId: 'alerting.provenanceMismatch',
        statusCode: 409,
      });
    }
    expect((await call(d, 'DELETE', `${P}/folder/f/rule-groups/g`)).status).toBe(status);
  });

  it.each<[GrafanaVersion, number]>([
    ['11.6', 500],
    ['12.x', 409],
    ['main', 204],
  ])('%s: a single DELETE with X-Disable-Provenance of an api rule answers %i', async (grafanaVersion, status) => {
    const d = fresh({ grafanaVersion });
    await call(d, 'POST', `${P}/alert-rules`, rule('r1'));
    expect((await call(d, 'DELETE', `${P}/alert-rules/r1`, undefined, NO_PROVENANCE)).status).toBe(status);
  });
});

describe('permissions', () => {
  it('an Editor may write rules and notifications through provisioning (provenance:write is granted to Editor)', async () => {
    const d = fresh();
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'), AS('editor'))).status).toBe(201);
    const cp = { name: 'x', type: 'email', settings: { addresses: 'a@b.c' } };
    expect((await call(d, 'POST', `${P}/contact-points`, cp, AS('editor'))).status).toBe(202);
  });

  it('a Viewer may read rules and notifications, and may not write them (403)', async () => {
    const d = fresh();
    expect((await call(d, 'GET', `${P}/alert-rules`, undefined, AS('viewer'))).status).toBe(200);
    expect((await call(d, 'GET', `${P}/contact-points`, undefined, AS('viewer'))).status).toBe(200);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'), AS('viewer'))).status).toBe(403);
    expect((await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email' }, AS('viewer'))).status).toBe(
      403
    );
    expect(d.rules.size).toBe(0);
  });

  it("a refusal by the access-control middleware has deny()'s body: title, message naming the action, error id", async () => {
    const res = await call(fresh(), 'POST', '/api/folders', { title: 'x' }, AS('viewer'));
    expect(res.status).toBe(403);
    expect(body(res)).toEqual({
      title: 'Access denied',
      message: "You'll need additional permissions to perform this action. Permissions needed: folders:create",
      accessErrorId: expect.stringMatching(/^ACE\d{10}$/),
    });
  });

  it.each<[string, string, unknown, string]>([
    [
      'GET',
      `${P}/alert-rules`,
      undefined,
      'any of alert.provisioning:read, alert.rules.provisioning:read, alert.provisioning.secrets:read, all of alert.rules:read, folders:read',
    ],
    [
      'POST',
      `${P}/alert-rules`,
      rule('r1'),
      'any of alert.provisioning:write, alert.rules.provisioning:write, all of alert.rules:create, alert.provisioning.provenance:write',
    ],
    [
      'PUT',
      `${P}/folder/f/rule-groups/g`,
      { title: 'g', interval: 60, rules: [] },
      'any of alert.provisioning:write, alert.rules.provisioning:write, all of alert.rules:read, folders:read, alert.provisioning.provenance:write, any of alert.rules:write, alert.rules:create, alert.rules:delete',
    ],
    [
      'GET',
      `${P}/contact-points`,
      undefined,
      'any of alert.provisioning:read, alert.notifications.provisioning:read, alert.provisioning.secrets:read, alert.notifications:read',
    ],
    [
      'PUT',
      `${P}/policies`,
      { receiver: 'grafana-default-email' },
      'any of alert.provisioning:write, alert.notifications.provisioning:write, all of alert.notifications:write, alert.provisioning.provenance:write',
    ],
  ])(
    '%s %s refused: the 403 names the whole evaluator, any/all as Evaluator.String() writes them',
    async (method, url, payload, needed) => {
      const d = fresh({ users: { nobody: { login: 'nobody', role: 'Viewer', permissions: [] } } });
      expect(body(await call(d, method, url, payload, AS('nobody')))).toMatchObject({
        title: 'Access denied',
        message: `You'll need additional permissions to perform this action. Permissions needed: ${needed}`,
      });
    }
  );

  it.each([
    ['11.6', 403, 403, 200],
    ['12.x', 403, 403, 200],
    ['main', 200, 403, 200],
  ] as const)(
    '%s: alert.notifications.receivers:read reads contact points %i, the policy tree %i, the receiver list %i',
    async (grafanaVersion, contactPoints, policies, receivers) => {
      const permissions = ['alert.notifications.receivers:read'];
      const d = fresh({ grafanaVersion, users: { r: { login: 'r', role: 'Viewer', permissions } } });
      expect((await call(d, 'GET', `${P}/contact-points`, undefined, AS('r'))).status).toBe(contactPoints);
      expect((await call(d, 'GET', `${P}/policies`, undefined, AS('r'))).status).toBe(policies);
      const list = await call(d, 'GET', '/api/alertmanager/grafana/config/api/v1/receivers', undefined, AS('r'));
      expect(list.status).toBe(receivers);
    }
  );

  it('the receiver list refuses a user holding only the provisioning reads (403)', async () => {
    const d = fresh({ users: { p: { login: 'p', role: 'Viewer', permissions: ['alert.provisioning:read'] } } });
    expect((await call(d, 'GET', `${P}/contact-points`, undefined, AS('p'))).status).toBe(200);
    const list = await call(d, 'GET', '/api/alertmanager/grafana/config/api/v1/receivers', undefined, AS('p'));
    expect(list.status).toBe(403);
  });

  it('alert.provisioning:write alone does not grant reads', async () => {
    const d = fresh({ users: { w: { login: 'w', role: 'Editor', permissions: ['alert.provisioning:write'] } } });
    expect((await call(d, 'GET', `${P}/alert-rules`, undefined, AS('w'))).status).toBe(403);
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'), AS('w'))).status).toBe(201);
  });

  it('rule PUT needs alert.rules:write and DELETE alert.rules:delete (with provenance:write)', async () => {
    const d = fresh({
      users: {
        creator: {
          login: 'creator',
          role: 'Editor',
          permissions: ['alert.rules:create', 'alert.provisioning.provenance:write'],
        },
      },
    });
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'), AS('creator'))).status).toBe(201);
    expect((await call(d, 'PUT', `${P}/alert-rules/r1`, rule('r1'), AS('creator'))).status).toBe(403);
    expect((await call(d, 'DELETE', `${P}/alert-rules/r1`, undefined, AS('creator'))).status).toBe(403);
  });

  it('runs requests as the configured current user when no header names one', async () => {
    const d = fresh();
    d.currentUser = 'viewer';
    expect((await call(d, 'POST', `${P}/alert-rules`, rule('r1'))).status).toBe(403);
  });
});

describe('contact points', () => {
  const slack = { uid: 'cp', name: 'Slack', type: 'slack', settings: { url: 'https://hooks/secret' } };

  it('a POST answers 202 with the secret redacted and no provenance; GET redacts it and omits provenance none', async () => {
    const d = fresh();
    const created = await call(d, 'POST', `${P}/contact-points`, slack, NO_PROVENANCE);
    expect(created).toEqual({
      status: 202,
      body: { uid: 'cp', name: 'Slack', type: 'slack', settings: { url: REDACTED }, disableResolveMessage: false },
    });
    const [got] = body<Array<Record<string, unknown>>>(await call(d, 'GET', `${P}/contact-points?name=Slack`));
    expect(got).toEqual(created.body);
    expect(d.contactPoints.get('cp')!.settings.url).toBe('https://hooks/secret');
  });

  it.each<[string, Record<string, unknown>, string[], string[]]>([
    ['teams', { url: 'https://teams/x' }, [], ['url']],
    ['discord', { url: 'https://discord/x' }, ['url'], []],
    ['googlechat', { url: 'https://chat/x' }, ['url'], []],
    ['telegram', { bottoken: 't', chatid: '1' }, ['bottoken'], ['chatid']],
    ['opsgenie', { apiKey: 'k' }, ['apiKey'], []],
    ['pagerduty', { integrationKey: 'k' }, ['integrationKey'], []],
    [
      'webhook',
      { url: 'https://w', tlsConfig: { clientKey: 'k', insecureSkipVerify: true } },
      ['tlsConfig.clientKey'],
      ['url', 'tlsConfig.insecureSkipVerify'],
    ],
  ])('%s: redacts %j and returns %j in clear', async (type, settings, secret, clear) => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, { uid: 'cp', name: type, type, settings });
    const [got] = body<Array<{ settings: Record<string, unknown> }>>(
      await call(d, 'GET', `${P}/contact-points`)
    ).filter((c) => (c as unknown as { uid: string }).uid === 'cp');
    const at = (path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], got.settings);
    for (const path of secret) {
      expect([path, at(path)]).toEqual([path, REDACTED]);
    }
    for (const path of clear) {
      expect([path, at(path)]).not.toEqual([path, REDACTED]);
      expect(at(path)).toBeDefined();
    }
  });

  it('an empty secret is dropped on save and absent on GET', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, {
      uid: 'cp',
      name: 'S',
      type: 'slack',
      settings: { url: 'https://x', token: '' },
    });
    expect(d.contactPoints.get('cp')!.settings).not.toHaveProperty('token');
  });

  it('[REDACTED] in a POST is stored literally (202)', async () => {
    const d = fresh();
    const res = await call(d, 'POST', `${P}/contact-points`, { ...slack, settings: { url: REDACTED } });
    expect(res.status).toBe(202);
    expect(d.contactPoints.get('cp')!.settings.url).toBe(REDACTED);
  });

  it('a PUT answers 202 {message}, replaces [REDACTED] by the stored secret and drops an omitted one', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, {
      ...slack,
      settings: { url: 'https://hooks/secret', token: 'tok', recipient: '#c' },
    });
    const res = await call(d, 'PUT', `${P}/contact-points/cp`, {
      ...slack,
      settings: { url: REDACTED, recipient: '#c' },
    });
    expect(res).toEqual({ status: 202, body: { message: 'contactpoint updated' } });
    expect(d.contactPoints.get('cp')!.settings).toEqual({ url: 'https://hooks/secret', recipient: '#c' });
  });

  it('a PUT with [REDACTED] where nothing is stored drops it and fails only if the field is required (400)', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, {
      uid: 'cp',
      name: 'E',
      type: 'email',
      settings: { addresses: 'a@b' },
    });
    const res = await call(d, 'PUT', `${P}/contact-points/cp`, {
      uid: 'cp',
      name: 'E',
      type: 'pagerduty',
      settings: { integrationKey: REDACTED },
    });
    expect(res.status).toBe(400);
    expect(body(res).message).toBe(
      'invalid object specification: failed to validate integration "E" (UID cp) of type "pagerduty": could not find integration key property in settings'
    );
  });

  it("a POST with a bad uid answers 400 with util.ValidateUID's message under invalid object specification", async () => {
    const res = await call(fresh(), 'POST', `${P}/contact-points`, { ...slack, uid: 'x'.repeat(41) });
    expect([res.status, body(res).message]).toEqual([
      400,
      `invalid object specification\ncannot create contact point with UID '${'x'.repeat(41)}': UID is longer than 40 symbols`,
    ]);
  });

  it('a PUT of an unknown uid answers 404', async () => {
    expect((await call(fresh(), 'PUT', `${P}/contact-points/nope`, slack)).status).toBe(404);
  });

  it.each<[GrafanaVersion, number]>([
    ['11.6', 500],
    ['12.x', 500],
    ['main', 409],
  ])('%s: a POST with a uid in use answers %i', async (grafanaVersion, status) => {
    const d = fresh({ grafanaVersion });
    await call(d, 'POST', `${P}/contact-points`, slack);
    const res = await call(d, 'POST', `${P}/contact-points`, { ...slack, name: 'Other' });
    expect(res.status).toBe(status);
    expect(String(body(res).message)).toContain(
      "Receiver configuration with UID 'cp' already exists in contact point 'Slack'"
    );
  });

  it('slack needs a url, or both recipient and token (400)', async () => {
    const d = fresh();
    expect(
      (await call(d, 'POST', `${P}/contact-points`, { name: 's', type: 'slack', settings: { token: 't' } })).status
    ).toBe(400);
    expect(
      (
        await call(d, 'POST', `${P}/contact-points`, {
          name: 's',
          type: 'slack',
          settings: { token: 't', recipient: '#c' },
        })
      ).status
    ).toBe(202);
  });

  it('a PUT from api to none answers 500 (strict check, plain error)', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, slack);
    expect(await call(d, 'PUT', `${P}/contact-points/cp`, slack, NO_PROVENANCE)).toEqual({
      status: 500,
      body: { message: "cannot change provenance from 'api' to ''" },
    });
  });

  it('a DELETE ignores provenance (202) and an unknown uid is 202 too', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, slack);
    expect((await call(d, 'DELETE', `${P}/contact-points/cp`, undefined, NO_PROVENANCE)).status).toBe(202);
    expect(d.contactPoints.has('cp')).toBe(false);
    expect((await call(d, 'DELETE', `${P}/contact-points/cp`)).status).toBe(202);
  });

  it('a DELETE of the last contact point of a name used by a route or a rule answers 409', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, slack);
    await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email', routes: [{ receiver: 'Slack' }] });
    expect(body(await call(d, 'DELETE', `${P}/contact-points/cp`))).toEqual({
      message: 'Contact point is currently referenced by a notification policy.',
      messageId: 'alerting.notifications.contact-points.referenced',
      statusCode: 409,
    });
    await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email' });
    await call(d, 'POST', `${P}/alert-rules`, rule('r1', { notification_settings: { receiver: 'Slack' } }));
    expect(body(await call(d, 'DELETE', `${P}/contact-points/cp`)).messageId).toBe(
      'alerting.notifications.contact-points.used-by-rule'
    );
  });

  it("deletes Grafana's default contact point while the root route still names grafana-default-email: the check uses the integration's name", async () => {
    const d = fresh();
    expect(body(await call(d, 'GET', `${P}/policies`))).toMatchObject({ receiver: 'grafana-default-email' });
    expect((await call(d, 'DELETE', `${P}/contact-points/default-email`)).status).toBe(202);
    expect(d.contactPoints.has('default-email')).toBe(false);
    expect(body(await call(d, 'GET', `${P}/policies`))).toMatchObject({ receiver: 'grafana-default-email' });
  });

  it("lists Grafana's default receiver under its integration's name, sorted by that name, and finds it by the receiver's", async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, { ...slack, name: 'f-team' });
    const names = (res: DoubleResponse) => body<Array<{ name: string }>>(res).map((cp) => cp.name);
    expect(names(await call(d, 'GET', `${P}/contact-points`))).toEqual(['email receiver', 'f-team']);
    expect(names(await call(d, 'GET', `${P}/contact-points?name=grafana-default-email`))).toEqual(['email receiver']);
    expect(names(await call(d, 'GET', `${P}/contact-points?name=email%20receiver`))).toEqual([]);
    const taken = await call(d, 'POST', `${P}/contact-points`, { ...slack, uid: 'default-email' });
    expect(String(body(taken).message)).toContain("already exists in contact point 'email receiver'");
  });

  it('a rename renames the receiver in routes and rules when it was the last of its name', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, slack);
    await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email', routes: [{ receiver: 'Slack' }] });
    await call(d, 'POST', `${P}/alert-rules`, rule('r1', { notification_settings: { receiver: 'Slack' } }));
    expect(
      (await call(d, 'PUT', `${P}/contact-points/cp`, { ...slack, name: 'Pager', settings: { url: REDACTED } })).status
    ).toBe(202);
    expect((d.policyTree.routes as Array<{ receiver: string }>)[0].receiver).toBe('Pager');
    expect(d.rules.get('r1')!.notification_settings).toEqual({ receiver: 'Pager' });
  });

  it('a rename of one of two integrations of a name leaves the routes alone', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/contact-points`, slack);
    await call(d, 'POST', `${P}/contact-points`, {
      uid: 'cp2',
      name: 'Slack',
      type: 'email',
      settings: { addresses: 'a@b' },
    });
    await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email', routes: [{ receiver: 'Slack' }] });
    await call(d, 'PUT', `${P}/contact-points/cp2`, {
      uid: 'cp2',
      name: 'Mail',
      type: 'email',
      settings: { addresses: 'a@b' },
    });
    expect((d.policyTree.routes as Array<{ receiver: string }>)[0].receiver).toBe('Slack');
  });
});

describe('notification policies', () => {
  it('a PUT answers 202, replaces the whole tree and reads back re-serialised', async () => {
    const d = fresh();
    const res = await call(d, 'PUT', `${P}/policies`, {
      receiver: 'grafana-default-email',
      group_by: ['alertname'],
      group_wait: '60s',
      repeat_interval: '24h',
      continue: false,
      mute_time_intervals: [],
      routes: [
        {
          receiver: 'grafana-default-email',
          continue: false,
          matchers: [],
          object_matchers: [
            ['team', '=', '"b"'],
            ['severity', '=~', 'crit.*'],
            ['team', '!=', 'a'],
          ],
        },
      ],
    });
    expect(res).toEqual({ status: 202, body: { message: 'policies updated' } });
    const got = await call(d, 'GET', `${P}/policies`);
    expect(got.body).toEqual({
      receiver: 'grafana-default-email',
      group_by: ['alertname'],
      routes: [
        {
          receiver: 'grafana-default-email',
          object_matchers: [
            ['severity', '=~', 'crit.*'],
            ['team', '!=', 'a'],
            ['team', '=', 'b'],
          ],
        },
      ],
      group_wait: '1m',
      repeat_interval: '1d',
      provenance: 'api',
    });
  });

  it('an unknown receiver or mute timing, like root matchers, answers 400 errutil invalidFormat', async () => {
    const d = fresh();
    const invalidFormat = (reason: string) => ({
      status: 400,
      body: {
        message: `Invalid format of the submitted route: ${reason}. Correct the payload and try again.`,
        messageId: 'alerting.notifications.routes.invalidFormat',
        statusCode: 400,
      },
    });
    expect(await call(d, 'PUT', `${P}/policies`, { receiver: 'nobody' })).toEqual(
      invalidFormat("receiver 'nobody' does not exist")
    );
    expect(
      await call(d, 'PUT', `${P}/policies`, {
        receiver: 'grafana-default-email',
        routes: [{ mute_time_intervals: ['x'] }],
      })
    ).toEqual(invalidFormat("mute time interval 'x' does not exist"));
    expect(
      await call(d, 'PUT', `${P}/policies`, {
        receiver: 'grafana-default-email',
        routes: [{ receiver: 'nobody', active_time_intervals: ['x'] }],
      })
    ).toEqual(invalidFormat("receiver 'nobody' does not exist"));
    expect(
      await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email', object_matchers: [['a', '=', 'b']] })
    ).toEqual({
      status: 400,
      body: {
        message:
          'Invalid format of the submitted route: root route must not have any matchers. Correct the payload and try again.',
        messageId: 'alerting.notifications.routes.invalidFormat',
        statusCode: 400,
      },
    });
    expect(
      (await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email', object_matchers: [] })).status
    ).toBe(202);
  });

  it('a bad matcher operator or duration fails binding (400 bad request data)', async () => {
    const d = fresh();
    const put = (tree: unknown) => call(d, 'PUT', `${P}/policies`, tree);
    expect(
      (await put({ receiver: 'grafana-default-email', routes: [{ object_matchers: [['a', '==', 'b']] }] })).body
    ).toEqual({ message: 'bad request data' });
    expect((await put({ receiver: 'grafana-default-email', group_wait: '5 minutes' })).status).toBe(400);
  });

  it.each(GRAFANA_VERSIONS)(
    '%s: a PUT from api to none answers 403 (relaxed); none to api and back to api are fine',
    async (grafanaVersion) => {
      const d = fresh({ grafanaVersion });
      const tree = { receiver: 'grafana-default-email' };
      expect((await call(d, 'PUT', `${P}/policies`, tree)).status).toBe(202);
      const res = await call(d, 'PUT', `${P}/policies`, tree, NO_PROVENANCE);
      expect(res.status).toBe(403);
      expect(body(res).messageId).toBe('alerting.notifications.invalidProvenance');
      expect(String(body(res).message)).toContain(
        grafanaVersion === 'main'
          ? "cannot be changed to 'none'"
          : "cannot be managed via API that handles resources with provenance status 'none'"
      );
      d.policyProvenance = 'file';
      expect((await call(d, 'PUT', `${P}/policies`, tree)).status).toBe(202);
    }
  );

  it.each<[GrafanaVersion, number]>([
    ['11.6', 202],
    ['12.x', 202],
    ['main', 403],
  ])('%s: a reset with X-Disable-Provenance of an api tree answers %i', async (grafanaVersion, status) => {
    const d = fresh({ grafanaVersion });
    await call(d, 'PUT', `${P}/policies`, { receiver: 'grafana-default-email', group_by: ['x'] });
    expect((await call(d, 'DELETE', `${P}/policies`, undefined, NO_PROVENANCE)).status).toBe(status);
  });
});

describe('mute timings', () => {
  const mt = { name: 'weekend', time_intervals: [{ weekdays: ['saturday'] }] };

  it('a POST answers 201 with a version; a duplicate name answers 400 nameExists', async () => {
    const d = fresh();
    const res = await call(d, 'POST', `${P}/mute-timings`, mt, NO_PROVENANCE);
    expect(res.status).toBe(201);
    expect(body(res).version).toMatch(/^[0-9a-f]{16}$/);
    expect(body(res)).not.toHaveProperty('provenance');
    expect(body(await call(d, 'POST', `${P}/mute-timings`, mt))).toMatchObject({
      messageId: 'alerting.notifications.time-intervals.nameExists',
      statusCode: 400,
    });
  });

  it('a PUT answers 202; a stale version answers 409; the version changes with the content', async () => {
    const d = fresh();
    const v1 = body(await call(d, 'POST', `${P}/mute-timings`, mt, NO_PROVENANCE)).version;
    const put = await call(
      d,
      'PUT',
      `${P}/mute-timings/weekend`,
      { ...mt, time_intervals: [{ weekdays: ['sunday'] }], version: v1 },
      NO_PROVENANCE
    );
    expect(put.status).toBe(202);
    expect(body(put).version).not.toBe(v1);
    const stale = await call(d, 'PUT', `${P}/mute-timings/weekend`, { ...mt, version: v1 }, NO_PROVENANCE);
    expect(stale.status).toBe(409);
    expect(body(stale).messageId).toBe('alerting.notifications.conflict');
  });

  it('a PUT with another name addresses the timing by its uid (base64url of the name) and renames the references', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/mute-timings`, mt);
    await call(d, 'PUT', `${P}/policies`, {
      receiver: 'grafana-default-email',
      routes: [{ mute_time_intervals: ['weekend'] }],
    });
    // The old name in the path is read as a uid, which no timing has.
    const byName = await call(d, 'PUT', `${P}/mute-timings/weekend`, { ...mt, name: 'saturdays' });
    expect([byName.status, body(byName).messageId]).toEqual([404, 'alerting.notifications.time-intervals.notFound']);
    const uid = Buffer.from('weekend').toString('base64url');
    expect((await call(d, 'PUT', `${P}/mute-timings/${uid}`, { ...mt, name: 'saturdays' })).status).toBe(202);
    expect([...d.muteTimings.keys()]).toEqual(['saturdays']);
    expect((d.policyTree.routes as Array<Record<string, unknown>>)[0].mute_time_intervals).toEqual(['saturdays']);
  });

  it('a rename to a taken name answers 400 nameExists before the provenance check', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/mute-timings`, mt);
    await call(d, 'POST', `${P}/mute-timings`, { ...mt, name: 'other' });
    const uid = Buffer.from('weekend').toString('base64url');
    const res = await call(d, 'PUT', `${P}/mute-timings/${uid}`, { ...mt, name: 'other' }, NO_PROVENANCE);
    expect([res.status, body(res).messageId]).toEqual([400, 'alerting.notifications.time-intervals.nameExists']);
  });

  it('a PUT without a name in the body uses the path name', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/mute-timings`, mt);
    expect((await call(d, 'PUT', `${P}/mute-timings/weekend`, { time_intervals: [] })).status).toBe(202);
  });

  it('a DELETE of a timing used by a route answers 409, a missing one 204', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/mute-timings`, mt);
    await call(d, 'PUT', `${P}/policies`, {
      receiver: 'grafana-default-email',
      routes: [{ mute_time_intervals: ['weekend'] }],
    });
    expect(body(await call(d, 'DELETE', `${P}/mute-timings/weekend`))).toEqual({
      message: 'Conflict',
      messageId: 'alerting.notifications.time-intervals.used',
      statusCode: 409,
      extra: { UsedByRoutes: true },
    });
    expect((await call(d, 'DELETE', `${P}/mute-timings/other`)).status).toBe(204);
  });

  it('a DELETE finds the timing by name or by uid; one used by a rule answers 409 naming the rule', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/mute-timings`, mt);
    const routed = { receiver: 'grafana-default-email', mute_time_intervals: ['weekend'] };
    await call(d, 'POST', `${P}/alert-rules`, rule('r1', { notification_settings: routed }));
    const uid = Buffer.from('weekend').toString('base64url');
    expect(body(await call(d, 'DELETE', `${P}/mute-timings/${uid}`)).extra).toEqual({ UsedByRules: ['r1'] });
    await call(d, 'DELETE', `${P}/alert-rules/r1`);
    expect((await call(d, 'DELETE', `${P}/mute-timings/${uid}`)).status).toBe(204);
    expect(d.muteTimings.size).toBe(0);
  });

  it('provenance api to none answers 403 on PUT and DELETE', async () => {
    const d = fresh();
    await call(d, 'POST', `${P}/mute-timings`, mt);
    expect((await call(d, 'PUT', `${P}/mute-timings/weekend`, mt, NO_PROVENANCE)).status).toBe(403);
    expect((await call(d, 'DELETE', `${P}/mute-timings/weekend`, undefined, NO_PROVENANCE)).status).toBe(403);
  });

  it('a missing timing answers 404, invalid times or weekdays 400 invalidFormat', async () => {
    const d = fresh();
    expect((await call(d, 'GET', `${P}/mute-timings/nope`)).status).toBe(404);
    for (const ti of [
      { times: [{ start_time: '25:00', end_time: '26:00' }] },
      { weekdays: ['funday'] },
      { days_of_month: ['0'] },
    ]) {
      const res = await call(d, 'POST', `${P}/mute-timings`, { name: 'x', time_intervals: [ti] });
      expect(body(res).messageId).toBe('alerting.notifications.time-intervals.invalidFormat');
    }
  });
});

describe('datasources', () => {
  it('a PUT replaces rather than merges: jsonData whole, omitted booleans false; secrets merge per key', async () => {
    const d = fresh();
    await call(d, 'POST', '/api/datasources', {
      uid: 'p2',
      name: 'P2',
      type: 'prometheus',
      url: 'http://p',
      isDefault: true,
      jsonData: { a: 1, b: 2 },
      secureJsonData: { k1: 'v', k2: 'w' },
    });
    const res = await call(d, 'PUT', '/api/datasources/uid/p2', {
      name: 'P2',
      type: 'prometheus',
      jsonData: { c: 3 },
      secureJsonData: { k2: '' },
    });
    expect(res.status).toBe(200);
    const got = body(await call(d, 'GET', '/api/datasources/uid/p2'));
    expect(got).toMatchObject({
      url: 'http://p',
      isDefault: false,
      jsonData: { c: 3 },
      secureJsonFields: { k1: true },
    });
    expect(got).not.toHaveProperty('secureJsonData');
  });

  it('duplicate name answers 409 (prefixed on PUT), DELETE answers {message, id}', async () => {
    const d = fresh();
    expect((await call(d, 'POST', '/api/datasources', { name: 'Prometheus', type: 'prometheus' })).status).toBe(409);
    await call(d, 'POST', '/api/datasources', { uid: 'p2', name: 'P2', type: 'prometheus' });
    expect(
      body(await call(d, 'PUT', '/api/datasources/uid/p2', { name: 'Prometheus', type: 'prometheus' })).message
    ).toBe('Failed to update datasource: data source with the same name already exists');
    expect(await call(d, 'DELETE', '/api/datasources/uid/p2')).toEqual({
      status: 200,
      body: { message: 'Data source deleted', id: expect.any(Number) },
    });
  });

  it('a read-only datasource answers 403 to PUT and DELETE', async () => {
    const d = fresh();
    d.addDatasource({ uid: 'ro', name: 'RO', readOnly: true });
    expect((await call(d, 'PUT', '/api/datasources/uid/ro', { name: 'RO', type: 'prometheus' })).status).toBe(403);
    expect((await call(d, 'DELETE', '/api/datasources/uid/ro')).status).toBe(403);
  });
});

describe('app plugin settings', () => {
  it('replaces enabled, pinned and jsonData (omitted → null), merges secureJsonData per key ("" hides it)', async () => {
    const d = fresh();
    d.addPlugin('app');
    await call(d, 'POST', '/api/plugins/app/settings', {
      enabled: true,
      pinned: false,
      jsonData: { a: 1 },
      secureJsonData: { t1: 'x', t2: 'y' },
    });
    await call(d, 'POST', '/api/plugins/app/settings', { enabled: true, pinned: true, secureJsonData: { t1: '' } });
    expect(body(await call(d, 'GET', '/api/plugins/app/settings'))).toMatchObject({
      id: 'app',
      enabled: true,
      pinned: true,
      jsonData: null,
      secureJsonFields: { t2: true },
    });
  });

  it('POST for a plugin that is not installed answers 404 "Plugin not installed"; GET its longer text', async () => {
    const d = fresh();
    expect(body(await call(d, 'POST', '/api/plugins/nope/settings', { enabled: true })).message).toBe(
      'Plugin not installed'
    );
    expect(body(await call(d, 'GET', '/api/plugins/nope/settings')).message).toBe(
      'Plugin not found, no installed plugin with that id'
    );
  });

  it.each<[GrafanaVersion, number]>([
    ['11.6', 200],
    ['12.x', 200],
    ['main', 400],
  ])('%s: disabling an autoEnabled app answers %i', async (grafanaVersion, status) => {
    const d = fresh({ grafanaVersion });
    d.addPlugin('app', { autoEnabled: true, hasSettingsRow: false });
    expect(body(await call(d, 'GET', '/api/plugins/app/settings'))).toMatchObject({ enabled: true, pinned: true });
    expect((await call(d, 'POST', '/api/plugins/app/settings', { enabled: false })).status).toBe(status);
  });
});

describe('plugin dashboards and import', () => {
  const files = [
    { uid: 'home', title: 'FSM home', path: 'dashboards/home.json', revision: 3 },
    { uid: 'node', title: 'Node', path: 'dashboards/node.json' },
  ];

  it('lists shipped dashboards matched by slug, revision 1 when absent; import marks them imported', async () => {
    const d = fresh();
    d.addPlugin('app', { enabled: true });
    d.addPluginDashboards('app', files);
    const before = body<Array<Record<string, unknown>>>(await call(d, 'GET', '/api/plugins/app/dashboards'));
    expect(before.map((x) => [x.slug, x.imported, x.revision])).toEqual([
      ['fsm-home', false, 3],
      ['node', false, 1],
    ]);
    const res = await call(d, 'POST', '/api/dashboards/import', {
      pluginId: 'app',
      path: 'dashboards/home.json',
      overwrite: true,
      inputs: [],
    });
    expect(res.status).toBe(200);
    expect(body(res)).toMatchObject({ uid: 'home', imported: true, importedRevision: 3, slug: 'fsm-home' });
    const after = body<Array<Record<string, unknown>>>(await call(d, 'GET', '/api/plugins/app/dashboards'));
    expect(after[0]).toMatchObject({ imported: true, importedRevision: 3, importedUri: 'db/fsm-home' });
  });

  it('an import answers the JSON revision, 0 when it has none, which the list then reads as 1', async () => {
    const d = fresh();
    d.addPlugin('app', { enabled: true });
    d.addPluginDashboards('app', files);
    const res = await call(d, 'POST', '/api/dashboards/import', { pluginId: 'app', path: 'dashboards/node.json' });
    expect(body(res)).toMatchObject({ uid: 'node', revision: 0, importedRevision: 0 });
    const list = body<Array<Record<string, unknown>>>(await call(d, 'GET', '/api/plugins/app/dashboards'));
    expect(list[1]).toMatchObject({ uid: 'node', imported: true, revision: 1, importedRevision: 1 });
  });

  it.each(GRAFANA_VERSIONS)(
    '%s: the list of a disabled app is 404, of one never saved 404 unless autoEnabled (checkAppEnabled since 10.3)',
    async (grafanaVersion) => {
      const d = fresh({ grafanaVersion });
      d.addPlugin('off', { enabled: false });
      d.addPlugin('new', { hasSettingsRow: false });
      d.addPlugin('auto', { hasSettingsRow: false, autoEnabled: true });
      const list = (id: string) => call(d, 'GET', `/api/plugins/${id}/dashboards`);
      expect(await list('off')).toEqual({ status: 404, body: { message: 'Plugin is not enabled' } });
      expect(await list('new')).toEqual({ status: 404, body: { message: 'Plugin setting not found' } });
      expect((await list('auto')).status).toBe(200);
    }
  );

  it('a stored plugin dashboard that no file matches is listed as removed', async () => {
    const d = fresh();
    d.addPlugin('app', { enabled: true });
    d.addPluginDashboards('app', files);
    d.seedImportedDashboard('app', { uid: 'old', title: 'Old one', path: 'x' });
    const list = body<Array<Record<string, unknown>>>(await call(d, 'GET', '/api/plugins/app/dashboards'));
    expect(list[2]).toMatchObject({ uid: 'old', removed: true });
  });

  it('import: 422 without pluginId or dashboard, 403 for a Viewer', async () => {
    const d = fresh();
    d.addPlugin('app', { enabled: true });
    d.addPluginDashboards('app', files);
    expect((await call(d, 'POST', '/api/dashboards/import', {})).status).toBe(422);
    expect(
      (await call(d, 'POST', '/api/dashboards/import', { pluginId: 'app', path: 'dashboards/node.json' }, AS('viewer')))
        .status
    ).toBe(403);
  });

  it("import over an existing uid without overwrite: the JSON's version against the stored one, then the plugin's ownership", async () => {
    const d = fresh();
    d.addPlugin('app', { enabled: true, name: 'Full-Stack Monitoring' });
    d.addPluginDashboards('app', [{ uid: 'home', title: 'FSM home', path: 'dashboards/home.json', version: 1 }]);
    const importHome = (overwrite: boolean) =>
      call(d, 'POST', '/api/dashboards/import', { pluginId: 'app', path: 'dashboards/home.json', overwrite });
    expect((await importHome(false)).status).toBe(200);
    expect(await importHome(false)).toEqual({
      status: 412,
      body: { status: 'plugin-dashboard', message: 'The dashboard belongs to plugin Full-Stack Monitoring.' },
    });
    expect((await importHome(true)).status).toBe(200);
    expect(d.dashboards.get('home')?.version).toBe(2);
    expect(await importHome(false)).toEqual({
      status: 412,
      body: { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' },
    });
  });

  it('import of a JSON dashboard at the stored version saves without overwrite; another version is 412', async () => {
    const d = fresh();
    const post = (version?: number) =>
      call(d, 'POST', '/api/dashboards/import', { dashboard: { uid: 'mine', title: 'Mine', version } });
    expect((await post()).status).toBe(200);
    expect((await post(1)).status).toBe(200);
    expect(d.dashboards.get('mine')?.version).toBe(2);
    expect((await post(1)).status).toBe(412);
  });

  it('enabling the app imports its dashboards, disabling deletes them', async () => {
    const d = fresh();
    d.addPlugin('app');
    d.addPluginDashboards('app', files);
    await call(d, 'POST', '/api/plugins/app/settings', { enabled: true });
    expect([...d.dashboards.keys()].sort()).toEqual(['home', 'node']);
    await call(d, 'POST', '/api/plugins/app/settings', { enabled: false });
    expect(d.dashboards.size).toBe(0);
  });

  it('GET /api/org answers the configured organization', async () => {
    expect(body(await call(fresh({ org: { id: 3, name: 'Ops' } }), 'GET', '/api/org'))).toMatchObject({
      id: 3,
      name: 'Ops',
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
