/** @jest-environment node */
/*
 * The Setup journeys of issue 4, on the Grafana API double through the real fetch client:
 * apply to an empty Grafana, re-apply with no writes, one threshold → one group, a user's edit
 * kept, a failure at every write converging on re-run, an Editor's 403, a missing datasource, and
 * users' notification routes surviving.
 */
import { EXPORTERS } from '../catalog';
import { nodeExporter } from '../catalog/exporters/node';
import type { ExporterDefinition } from '../catalog/types';
import { doubleWithClient } from '../../tests/support/double-with-client';
import { GRAFANA_VERSIONS, type GrafanaDouble, type StoredRule } from '../../tests/grafana-double';
import { fixtureExporter } from '../../tests/support/fixture-exporter';
import { grafanaRuleGroup } from '../alerting/grafana-rules';
import { GrafanaApiError, type ProvisionedAlertRule } from '../grafana-api';
import { apply } from './apply';
import { buildDesiredState, type SetupChoices } from './desired-state';
import { ApplyError, PlanBlockedError } from './errors';
import { CONTENT_HASH_ANNOTATION, ownedContent, ruleContentHash, withContentHash } from './hash';
import { MANAGED_LABEL } from './notifications';
import { plan } from './plan';
import { loadRegexEngine } from '../utils/re2';

// The node pack plus a second pack with alerts: a real one from the catalog when one exists, else a fixture.
const widget = fixtureExporter([{}, {}]);
const second: ExporterDefinition = EXPORTERS.find((e) => e.id !== 'node' && e.alerts.length > 0) ?? widget;
const CATALOG: ExporterDefinition[] = [...EXPORTERS, widget];
const PACKS = ['node', second.id];

function choices(extra: Partial<SetupChoices> = {}): SetupChoices {
  return { exporterIds: PACKS, datasourceUid: 'prom', editable: true, ...extra };
}

function desired(extra: Partial<SetupChoices> = {}) {
  return buildDesiredState(choices(extra), CATALOG);
}

const withNotifications: Partial<SetupChoices> = {
  notifications: {
    contactPoint: {
      kind: 'new',
      type: 'slack',
      name: 'On-call Slack',
      values: { url: 'https://hooks.slack.com/services/T0/B0/secret-1' },
    },
    routing: { groupBy: ['alertname', 'layer', 'severity', 'instance'] },
    muteTimings: [
      {
        name: 'Sunday maintenance',
        timeIntervals: [{ weekdays: ['sunday'], times: [{ start_time: '02:00', end_time: '04:00' }] }],
      },
    ],
  },
};

/** Everything a user could lose or see duplicated, in a comparable form. */
function snapshot(double: GrafanaDouble) {
  const rules = [...double.rules.values()]
    .map((r) => ({
      uid: r.uid,
      title: r.title,
      where: `${r.folderUID}/${r.ruleGroup}`,
      hash: ruleContentHash(r as unknown as ProvisionedAlertRule),
    }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
  return {
    folders: [...double.folders.keys()].sort(),
    rules,
    intervals: Object.fromEntries([...double.groupIntervals.entries()].sort()),
    contactPoints: [...double.contactPoints.values()]
      .map((c) => `${c.uid}:${c.name}:${JSON.stringify(c.settings)}`)
      .sort(),
    muteTimings: [...double.muteTimings.values()].map((m) => `${m.name}:${JSON.stringify(m.time_intervals)}`).sort(),
    policy: JSON.stringify(double.policyTree),
  };
}

/** A user's own objects, which no apply may touch. */
function seedUserObjects(double: GrafanaDouble): void {
  double.folders.set('team', { id: 900, uid: 'team', title: 'Team alerts', version: 1 });
  double.groupIntervals.set('team/team-group', 30);
  double.rules.set('team-disk', {
    id: 901,
    uid: 'team-disk',
    orgID: 1,
    folderUID: 'team',
    ruleGroup: 'team-group',
    title: 'Team disk',
    condition: 'A',
    data: [
      {
        refId: 'A',
        datasourceUid: 'prom',
        queryType: '',
        relativeTimeRange: { from: 600, to: 0 },
        model: { expr: 'vector(1)', intervalMs: 1000, maxDataPoints: 43200 },
      },
    ],
    noDataState: 'OK',
    execErrState: 'Error',
    for: '5m',
    isPaused: false,
    updated: '2024-01-01T00:00:00Z',
    provenance: '',
  } as StoredRule);
  double.contactPoints.set('team-email', {
    uid: 'team-email',
    name: 'team-email',
    type: 'email',
    settings: { addresses: 'team@example.com' },
    disableResolveMessage: false,
    provenance: '',
  });
  double.policyTree = {
    receiver: 'grafana-default-email',
    group_by: ['grafana_folder', 'alertname'],
    routes: [
      { receiver: 'team-email', object_matchers: [['team', '=', 'storage']] },
      { receiver: 'team-email', object_matchers: [['severity', '=', 'critical']], continue: true },
    ],
  };
}

describe('apply a pack to an empty Grafana', () => {
  it('creates the folder, one group per pack and every rule with the generated body', async () => {
    const { double, api } = doubleWithClient();
    const want = desired();

    const result = await apply(api, want);

    expect(result.writes).toBe(1 + PACKS.length);
    expect(double.writeLog.map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST /api/folders',
      ...PACKS.map((id) => `PUT /api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-${id}`),
    ]);
    expect(double.folders.get('fsm-alerts')?.title).toBe('Full-Stack Monitoring');
    for (const exporter of [nodeExporter, second]) {
      const generated = grafanaRuleGroup(exporter, { datasourceUid: 'prom' });
      const stored = double.groupRules('fsm-alerts', `fsm-${exporter.id}`);
      expect(double.groupIntervals.get(`fsm-alerts/fsm-${exporter.id}`)).toBe(60);
      expect(stored.map((r) => r.uid)).toEqual(generated.rules.map((r) => r.uid));
      for (const [i, rule] of stored.entries()) {
        // The body is the generator's, plus the managed label and the content hash, and nothing else of ours.
        const expected = { ...generated.rules[i], labels: { ...generated.rules[i].labels, [MANAGED_LABEL]: 'true' } };
        expect(ownedContent(rule as unknown as ProvisionedAlertRule)).toEqual(ownedContent(expected as never));
        expect(rule.annotations).toMatchObject({
          [CONTENT_HASH_ANNOTATION]: ruleContentHash(rule as unknown as ProvisionedAlertRule),
        });
        expect(rule.provenance).toBe('');
      }
    }
    const cpu = double.rules.get('fsm-node-cpu-high')!;
    expect(cpu.data).toMatchObject([
      { refId: 'A', datasourceUid: 'prom', relativeTimeRange: { from: 600, to: 0 } },
      { refId: 'B', datasourceUid: '__expr__' },
      { refId: 'C', datasourceUid: '__expr__', model: { conditions: [{ evaluator: { type: 'gt', params: [90] } }] } },
    ]);
    expect(result.summary).toMatchObject({ folder: 'created', rulesCreated: stored(double).length, rulesDeleted: 0 });
  });

  it('drops the replica labels the app names from every rule it writes, not the default ones', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired({ replicaLabels: ['ha_member'] }));
    const exprs = stored(double).map((r) => String((r.data as Array<{ model: { expr?: string } }>)[0].model.expr));
    expect(exprs.length).toBeGreaterThan(0);
    expect(exprs.filter((e) => !/^(max|min) without \(ha_member\) /.test(e))).toEqual([]);
    // inner aggregations keep ha_member, so each replica is aggregated on its own before the rule folds them
    expect(exprs.filter((e) => /by \((?![^)]*ha_member)[^)]*\)/.test(e))).toEqual([]);
  });

  it('plans without writing anything', async () => {
    const { double, api } = doubleWithClient();

    const p = await plan(api, desired(withNotifications));

    expect(double.writeLog).toHaveLength(0);
    expect(p.folder.action).toBe('create');
    expect(p.groups.map((g) => [g.name, g.action])).toEqual(PACKS.map((id) => [`fsm-${id}`, 'create']));
    expect(p.counts.create).toBe(nodeExporter.alerts.length + second.alerts.length);
    expect(p.notifications.map((n) => [n.kind, n.action])).toEqual([
      ['contact-point', 'create'],
      ['mute-timing', 'create'],
      ['policy', 'create'],
    ]);
    expect(p.writes).toBe(1 + PACKS.length + 3);
    // Secrets are never part of a plan.
    expect(JSON.stringify(p)).not.toContain('secret-1');
  });

  it('does not show the folder as created when no rule goes into it', async () => {
    const { double, api } = doubleWithClient();

    const p = await plan(api, desired({ exporterIds: [], ...withNotifications }));
    const result = await apply(api, p);

    expect(p.folder.action).toBe('not-needed');
    expect(p.writes).toBe(3);
    expect(result.summary.folder).toBe('not-needed');
    expect(double.folders.size).toBe(0);
  });
});

/** A stored rule of the double, typed as the API returns it. */
function ruleIn(double: GrafanaDouble, uid: string): ProvisionedAlertRule {
  return double.rules.get(uid) as unknown as ProvisionedAlertRule;
}

function exprOf(rule: object): string {
  return String((rule as { data: Array<{ model: { expr?: string } }> }).data[0].model.expr);
}

function stored(double: GrafanaDouble): StoredRule[] {
  return [...double.rules.values()].filter((r) => r.folderUID === 'fsm-alerts');
}

describe('re-apply', () => {
  it('writes nothing when nothing changed, rules and notification objects alike', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired(withNotifications));
    const before = snapshot(double);
    const writes = double.writeLog.length;

    // The page passes no secret on a re-run: the stored one is kept.
    const again = desired({
      notifications: {
        ...withNotifications.notifications!,
        contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack' },
      },
    });
    const p = await plan(api, again);
    const result = await apply(api, p);

    expect(p.writes).toBe(0);
    expect(p.groups.every((g) => g.action === 'unchanged')).toBe(true);
    expect(p.counts.unchanged).toBe(stored(double).length);
    expect(result.writes).toBe(0);
    expect(double.writeLog).toHaveLength(writes);
    expect(snapshot(double)).toEqual(before);
  });
});

describe('a plugin upgrade rewrites the expressions of the rules it wrote', () => {
  it("plans the rules the previous version wrote as the plugin's updates, not as users' edits kept, and applies them", async () => {
    const { double, api } = doubleWithClient();
    // What the version before the cluster label was kept in every aggregation wrote: the same rules grouped
    // without it, each with the content hash of what it wrote.
    const current = desired();
    const previous = {
      ...current,
      groups: current.groups.map((g) => ({
        ...g,
        rules: g.rules.map((rule) =>
          withContentHash({
            ...rule,
            data: rule.data.map((q) =>
              q.refId === 'A'
                ? {
                    ...q,
                    model: {
                      ...q.model,
                      expr: String((q.model as { expr?: string }).expr).replaceAll('cluster, ', ''),
                    },
                  }
                : q
            ),
          })
        ),
      })),
    };
    await apply(api, previous);
    expect(stored(double).some((r) => exprOf(r).includes('cluster'))).toBe(false);

    const p = await plan(api, current);
    // Each rule whose expression groups by the cluster now is the plugin's update; the others (no aggregation)
    // are unchanged; none is taken for a user's edit.
    const grouped = new Set(
      current.groups
        .flatMap((g) => g.rules)
        .filter((r) => exprOf(r).includes('cluster, '))
        .map((r) => r.uid)
    );
    expect(grouped.size).toBeGreaterThan(0);
    const actions = p.groups.flatMap((g) => g.rules).map((r) => [r.uid, r.action]);
    expect(actions).toEqual(actions.map(([uid]) => [uid, grouped.has(uid) ? 'update' : 'unchanged']));
    expect(p.groups[0].rules.find((r) => r.uid === 'fsm-node-cpu-high')!.diff).toEqual([
      expect.objectContaining({ field: 'query (A)', to: expect.stringContaining('by (cluster, job, instance') }),
    ]);

    const result = await apply(api, p);
    expect(result.summary.userChangedKept).toEqual([]);
    expect(
      stored(double)
        .filter((r) => exprOf(r).includes('cluster, '))
        .map((r) => r.uid)
    ).toEqual([...grouped]);
    expect((await plan(api, current)).writes).toBe(0);
  });
});

describe('change one threshold', () => {
  it('writes exactly the group that holds it, showing the threshold change', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired());
    const writes = double.writeLog.length;

    const changed = desired({ overrides: { 'node.cpuUtilisation': { warning: 80 } } });
    const p = await plan(api, changed);

    expect(p.groups.filter((g) => g.action !== 'unchanged').map((g) => g.name)).toEqual(['fsm-node']);
    const cpu = p.groups[0].rules.find((r) => r.uid === 'fsm-node-cpu-high')!;
    expect(cpu.action).toBe('update');
    expect(cpu.diff).toContainEqual(expect.objectContaining({ field: 'threshold', from: '90', to: '80' }));
    expect(p.writes).toBe(1);

    await apply(api, p);
    expect(double.writeLog.slice(writes).map((w) => w.path)).toEqual([
      '/api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-node',
    ]);
    expect((await plan(api, changed)).writes).toBe(0);
  });
});

describe('per-target thresholds (issue 15)', () => {
  // The first override claims db-1 before the second: the plan must keep that order.
  const dbDisks: Partial<SetupChoices> = {
    targetOverrides: [
      { threshold: 'node.filesystemFree', matchers: [{ label: 'instance', op: '=~', value: 'db-.*' }], warning: 10 },
      { threshold: 'node.filesystemFree', matchers: [{ label: 'instance', op: '=', value: 'db-1' }], warning: 4 },
    ],
  };
  beforeAll(() => loadRegexEngine());

  it('plan shows the overrides, apply writes the node group, re-apply writes nothing', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired());
    const writes = double.writeLog.length;

    const p = await plan(api, desired(dbDisks));
    expect(p.targetOverrides.map((o) => [o.matchers, o.warning])).toEqual([
      ['instance=~"db-.*"', { value: 10, default: 5 }],
      ['instance="db-1"', { value: 4, default: 5 }],
    ]);
    expect(p.groups.filter((g) => g.action !== 'unchanged').map((g) => g.name)).toEqual(['fsm-node']);
    // Only the warning alert: the overrides leave the critical level at its default, so its rule stays as it was.
    expect(p.groups[0].rules.filter((r) => r.action !== 'unchanged').map((r) => r.uid)).toEqual([
      'fsm-node-fs-almost-full',
    ]);
    const almostFull = p.groups[0].rules.find((r) => r.uid === 'fsm-node-fs-almost-full')!;
    expect(almostFull.diff.map((d) => d.field)).toEqual(expect.arrayContaining(['query (A)']));
    expect(p.writes).toBe(1);

    await apply(api, p);
    expect(double.writeLog.slice(writes).map((w) => w.path)).toEqual([
      '/api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-node',
    ]);
    const stored = double.rules.get('fsm-node-fs-almost-full')! as unknown as ProvisionedAlertRule;
    const query = stored.data.find((d) => d.refId === 'A')!.model as { expr: string };
    expect(query.expr).toContain('instance=~"db-.*"');
    // Grafana's threshold step passes every series the query returns: the loosest bound (for "<", the highest).
    const threshold = stored.data.find((d) => d.refId === 'C')!.model as {
      conditions: Array<{ evaluator: { params: number[] } }>;
    };
    expect(threshold.conditions[0].evaluator.params).toEqual([10]);

    const again = await plan(api, desired(dbDisks));
    expect(again.writes).toBe(0);
    await apply(api, again);
    expect(double.writeLog.slice(writes)).toHaveLength(1);
  });

  it('refuses bad matchers at the override that has them, before anything is read', () => {
    const bad = (matchers: Array<{ label: string; op: '=' | '=~'; value: string }>) => () =>
      desired({ targetOverrides: [{ threshold: 'node.filesystemFree', matchers, warning: 10 }] });
    expect(bad([{ label: 'instance', op: '=~', value: 'db-(?=1)' }])).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ field: 'targetOverrides.0', message: expect.stringMatching(/RE2/) })],
      })
    );
    expect(bad([{ label: '1nstance', op: '=', value: 'db' }])).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ message: expect.stringMatching(/label name/) })] })
    );
    expect(bad([])).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ message: expect.stringMatching(/matcher/) })] })
    );
  });
});

describe('a user edits a rule in Grafana', () => {
  async function editedInGrafana() {
    const ctx = doubleWithClient();
    await apply(ctx.api, desired());
    // An admin raises the CPU threshold in Grafana's UI (rules are editable: no provenance).
    const user = ctx.apiAs('admin', { disableProvenance: true });
    const rule = (await user.getAlertRule('fsm-node-cpu-high'))!;
    const data = structuredClone(rule.data);
    (data[2].model as { conditions: Array<{ evaluator: { params: number[] } }> }).conditions[0].evaluator.params = [95];
    await user.putRuleGroup({
      title: 'fsm-node',
      folderUid: 'fsm-alerts',
      interval: 60,
      rules: ctx.double
        .groupRules('fsm-alerts', 'fsm-node')
        .map(({ id, updated, provenance, ...r }) => (r.uid === rule.uid ? { ...r, data } : r)) as never,
    });
    return ctx;
  }

  it('plans it as user-changed with the field that differs, and apply keeps it', async () => {
    const { double, api } = await editedInGrafana();
    const writes = double.writeLog.length;

    const p = await plan(api, desired());
    const cpu = p.groups[0].rules.find((r) => r.uid === 'fsm-node-cpu-high')!;

    expect(cpu.action).toBe('user-changed');
    expect(cpu.reason).toMatch(/Edited in Grafana.*keeps it/);
    expect(cpu.diff).toEqual([expect.objectContaining({ field: 'threshold', from: '95', to: '90' })]);
    expect(p.writes).toBe(0);

    const result = await apply(api, p);
    expect(result.summary.userChangedKept).toEqual(['fsm-node-cpu-high']);
    expect(double.writeLog).toHaveLength(writes);
    expect(ruleIn(double, 'fsm-node-cpu-high').data[2]).toMatchObject({
      model: { conditions: [{ evaluator: { params: [95] } }] },
    });
  });

  it('keeps the edit when the group is written for another change', async () => {
    const { double, api } = await editedInGrafana();

    await apply(api, desired({ overrides: { 'node.memoryUtilisation': { warning: 85 } } }));

    expect(ruleIn(double, 'fsm-node-cpu-high').data[2]).toMatchObject({
      model: { conditions: [{ evaluator: { params: [95] } }] },
    });
    expect(ruleIn(double, 'fsm-node-memory-high').data[2]).toMatchObject({
      model: { conditions: [{ evaluator: { params: [85] } }] },
    });
  });

  it('overwrites it only when ticked', async () => {
    const { double, api } = await editedInGrafana();

    const p = await plan(api, desired(), { overwriteUserChanged: ['fsm-node-cpu-high'] });
    expect(p.writes).toBe(1);
    await apply(api, p, { overwriteUserChanged: ['fsm-node-cpu-high'] });

    expect(ruleIn(double, 'fsm-node-cpu-high').data[2]).toMatchObject({
      model: { conditions: [{ evaluator: { params: [90] } }] },
    });
    expect((await plan(api, desired())).writes).toBe(0);
  });
});

describe("a user moves one of the plugin's rules into another of its groups", () => {
  async function movedInGrafana() {
    const ctx = doubleWithClient();
    await apply(ctx.api, desired());
    // Moving keeps the rule's content, so its content hash still matches: only its location changed.
    const moved = ctx.double.rules.get('fsm-node-cpu-high')!;
    moved.ruleGroup = `fsm-${second.id}`;
    return ctx;
  }

  it('keeps it where the user put it, though the group it sits in is written', async () => {
    const { double, api } = await movedInGrafana();

    const p = await plan(api, desired());
    const cpu = p.groups.flatMap((g) => g.rules).filter((r) => r.uid === 'fsm-node-cpu-high');
    expect(cpu).toEqual([expect.objectContaining({ action: 'user-changed', group: 'fsm-node', overwrite: false })]);

    // A change in the group the rule was moved into rewrites that group: the moved rule must ride along.
    ruleIn(double, `fsm-${second.id}-${second.alerts[0].id}`).annotations.summary = 'edited elsewhere';
    await apply(api, desired(), { overwriteUserChanged: [`fsm-${second.id}-${second.alerts[0].id}`] });

    expect(ruleIn(double, 'fsm-node-cpu-high').ruleGroup).toBe(`fsm-${second.id}`);
  });

  it('moves it back only when ticked', async () => {
    const { double, api } = await movedInGrafana();

    await apply(api, desired(), { overwriteUserChanged: ['fsm-node-cpu-high'] });

    expect(ruleIn(double, 'fsm-node-cpu-high').ruleGroup).toBe('fsm-node');
    expect((await plan(api, desired())).writes).toBe(0);
  });
});

describe.each(GRAFANA_VERSIONS)('a write fails part-way on Grafana %s', (grafanaVersion) => {
  const faults = [
    { name: '5xx', fault: { kind: 'error' as const, status: 502 } },
    { name: 'timeout before the write', fault: { kind: 'timeout' as const } },
    { name: 'timeout after the write (answer lost)', fault: { kind: 'timeout' as const, applied: true } },
  ];

  async function reference() {
    const { double, api } = doubleWithClient({ grafanaVersion });
    seedUserObjects(double);
    const result = await apply(api, desired(withNotifications));
    return { writes: result.writes, state: snapshot(double) };
  }

  it.each(faults)(
    '$name at every write k converges on re-run, without duplicates or lost user objects',
    async ({ name, fault }) => {
      const ref = await reference();
      expect(ref.writes).toBe(1 + PACKS.length + 3);
      const secondRun = desired({
        notifications: {
          ...withNotifications.notifications!,
          contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack' },
        },
      });

      for (let k = 1; k <= ref.writes; k++) {
        const { double, api } = doubleWithClient({ grafanaVersion });
        seedUserObjects(double);
        double.injectFault({ ...fault, onWrite: k });

        const failed = await apply(api, desired(withNotifications)).catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(ApplyError);
        const error = failed as ApplyError;
        expect([name, k, error.step]).toEqual([name, k, k]);
        expect(error.userMessage).toContain(`step ${k} of ${ref.writes}`);
        expect(error.userMessage).toContain('Plan again, then apply');
        double.clearFaults();

        // The admin presses apply again with the same form.
        const rerun = await apply(api, desired(withNotifications)).catch((e: unknown) => e);
        if (rerun instanceof Error) {
          throw new Error(`${name} at k=${k}: re-run failed: ${rerun.message}`);
        }
        expect([name, k, snapshot(double)]).toEqual([name, k, ref.state]);
        expect([name, k, (await plan(api, secondRun)).writes]).toEqual([name, k, 0]);
      }
    }
  );
});

describe('permissions and prerequisites', () => {
  it('a Viewer gets a clear 403 naming the permission, and nothing is written', async () => {
    const { double, api } = doubleWithClient({ user: 'viewer' });

    const error = await apply(api, desired()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GrafanaApiError);
    expect((error as GrafanaApiError).status).toBe(403);
    expect((error as GrafanaApiError).userMessage).toMatch(/datasources:read/);
    expect(double.writeLog).toHaveLength(0);
  });

  it('an Editor may write rules in Grafana 11.6+ (alert.rules:* with provenance:write), so only the datasource read stops them', async () => {
    const { double, api } = doubleWithClient({ user: 'editor' });
    // authorization.go grants rule writes to alert.rules:create + alert.provisioning.provenance:write, both Editor's.
    expect(await api.listAlertRules()).toEqual([]);
    const error = await apply(api, desired()).catch((e: unknown) => e);
    expect((error as GrafanaApiError).call.path).toBe('/api/datasources/uid/prom');
    expect(double.writeLog).toHaveLength(0);
  });

  it('a user who may read but not write rules is told which permission is missing', async () => {
    const { double, api } = doubleWithClient({
      users: {
        reader: {
          login: 'reader',
          role: 'Editor',
          permissions: ['alert.provisioning:read', 'datasources:read', 'folders:read', 'folders:create'],
        },
      },
      user: 'reader',
    });

    const error = await apply(api, desired()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApplyError);
    expect((error as ApplyError).userMessage).toMatch(/alert\.provisioning:write/);
    expect(double.rules.size).toBe(0);
  });

  it('a missing datasource blocks the plan with a clear message, and apply writes nothing', async () => {
    const { double, api } = doubleWithClient();

    const p = await plan(api, desired({ datasourceUid: 'gone' }));
    expect(p.blockers).toEqual([expect.objectContaining({ kind: 'datasource-missing' })]);
    expect(p.blockers[0].message).toContain('"gone" does not exist');

    const error = await apply(api, p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanBlockedError);
    expect((error as PlanBlockedError).userMessage).toMatch(/^Nothing was written\. The Prometheus datasource "gone"/);
    expect(double.writeLog).toHaveLength(0);
  });
});

describe('provenance is chosen once', () => {
  it('refuses to make read-only rules editable, explaining why, and writes nothing', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired({ editable: false }));
    expect(double.rules.get('fsm-node-cpu-high')!.provenance).toBe('api');
    const writes = double.writeLog.length;

    const p = await plan(api, desired({ editable: true }));

    expect(p.provenance.existing).toBe('api');
    expect(p.blockers).toEqual([expect.objectContaining({ kind: 'provenance-conflict' })]);
    expect(p.blockers[0].message).toMatch(/Grafana cannot make it editable again/);
    await expect(apply(api, p)).rejects.toBeInstanceOf(PlanBlockedError);
    expect(double.writeLog).toHaveLength(writes);
  });
});

describe('notification objects', () => {
  it('refers to a maintenance window provisioned from files that has the chosen times, and blocks only one it would change', async () => {
    const chosen = withNotifications.notifications!.muteTimings![0];
    const fromFiles = (timeIntervals: unknown[]) => {
      const { double, api } = doubleWithClient();
      double.muteTimings.set(chosen.name, { name: chosen.name, time_intervals: timeIntervals, provenance: 'file' });
      return { double, api };
    };

    const same = fromFiles(structuredClone(chosen.timeIntervals));
    await apply(same.api, desired(withNotifications));
    expect(same.double.muteTimings.get(chosen.name)!.provenance).toBe('file');
    expect((await same.api.getPolicyTree()).routes?.[0]).toMatchObject({ mute_time_intervals: [chosen.name] });

    const other = fromFiles([{ weekdays: ['saturday'] }]);
    expect((await plan(other.api, desired(withNotifications))).blockers).toEqual([
      expect.objectContaining({ kind: 'provisioned-from-file', objects: [`mute timing "${chosen.name}"`] }),
    ]);
  });

  it("merges the plugin's route into a tree with users' routes and keeps theirs", async () => {
    const { double, api } = doubleWithClient();
    seedUserObjects(double);
    const usersRoutes = structuredClone(double.policyTree.routes);

    await apply(api, desired(withNotifications));

    const routes = double.policyTree.routes as Array<Record<string, unknown>>;
    expect(routes).toHaveLength(3);
    expect(routes[0]).toMatchObject({ receiver: 'On-call Slack', object_matchers: [[MANAGED_LABEL, '=', 'true']] });
    expect(routes.slice(1)).toEqual(usersRoutes);
    expect(double.policyTree.receiver).toBe('grafana-default-email');

    // A routing change rewrites only the plugin's subtree, in place.
    await apply(
      api,
      desired({
        notifications: {
          ...withNotifications.notifications!,
          contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack' },
          routing: { severities: ['critical'] },
        },
      })
    );
    const after = double.policyTree.routes as Array<Record<string, unknown>>;
    expect(after.slice(1)).toEqual(usersRoutes);
    expect(after[0].object_matchers).toEqual([
      [MANAGED_LABEL, '=', 'true'],
      ['severity', '=~', 'critical'],
    ]);
  });

  it("keeps a user's own route that also matches the plugin's label, and replaces only the plugin's route", async () => {
    const { double, api } = doubleWithClient();
    seedUserObjects(double);
    const usersOwn = {
      receiver: 'team-email',
      object_matchers: [
        [MANAGED_LABEL, '=', 'true'],
        ['team', '=', 'db'],
      ],
    };
    double.policyTree.routes = [usersOwn, ...(double.policyTree.routes as unknown[])];
    const usersRoutes = structuredClone(double.policyTree.routes) as unknown[];

    await apply(api, desired(withNotifications));
    await apply(
      api,
      desired({ notifications: { ...withNotifications.notifications!, routing: { severities: ['critical'] } } })
    );

    const routes = double.policyTree.routes as Array<Record<string, unknown>>;
    expect(routes).toHaveLength(usersRoutes.length + 1);
    expect(routes[0]).toMatchObject({ receiver: 'On-call Slack' });
    expect(routes.slice(1)).toEqual(usersRoutes);
  });

  it('never reads a secret back, and keeps the stored one unless a new one is entered', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired(withNotifications));
    const [cp] = await api.listContactPoints('On-call Slack');
    expect(cp.settings.url).toBe('[REDACTED]');

    await apply(
      api,
      desired({
        notifications: {
          ...withNotifications.notifications!,
          contactPoint: { kind: 'new', type: 'slack', name: 'Renamed Slack' },
        },
      })
    );
    expect(double.contactPoints.get('fsm-contact-point')).toMatchObject({
      name: 'Renamed Slack',
      settings: { url: 'https://hooks.slack.com/services/T0/B0/secret-1' },
    });

    await apply(
      api,
      desired({
        notifications: {
          ...withNotifications.notifications!,
          contactPoint: {
            kind: 'new',
            type: 'slack',
            name: 'Renamed Slack',
            values: { url: 'https://hooks.slack.com/services/T0/B0/secret-2' },
          },
        },
      })
    );
    expect(double.contactPoints.get('fsm-contact-point')!.settings.url).toBe(
      'https://hooks.slack.com/services/T0/B0/secret-2'
    );
  });

  it('renames its contact point while writing the group of a rule a user routed straight to it: the rule follows the rename', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired(withNotifications));
    const routed = double.rules.get('fsm-node-memory-high')!;
    routed.notification_settings = { receiver: 'On-call Slack' };
    const renamed = desired({
      overrides: { 'node.memoryUtilisation': { warning: 85 } },
      notifications: {
        ...withNotifications.notifications!,
        contactPoint: { kind: 'new', type: 'slack', name: 'Pager' },
      },
    });

    await apply(api, renamed);

    expect(double.contactPoints.get('fsm-contact-point')!.name).toBe('Pager');
    expect(double.rules.get('fsm-node-memory-high')!.notification_settings).toEqual({ receiver: 'Pager' });
    expect((await plan(api, renamed)).writes).toBe(0);
  });

  it('asks for the secret when creating a contact point without one', async () => {
    const { api } = doubleWithClient();

    const p = await plan(api, desired({ notifications: { contactPoint: { kind: 'new', type: 'pagerduty' } } }));

    expect(p.blockers).toEqual([
      expect.objectContaining({
        kind: 'missing-secret',
        message: expect.stringContaining('PagerDuty integration key'),
      }),
    ]);
  });
});

describe('obsolete rules', () => {
  it('deletes the rules of a deselected pack and leaves user objects alone', async () => {
    const { double, api } = doubleWithClient();
    seedUserObjects(double);
    await apply(api, desired());

    const p = await plan(api, desired({ exporterIds: ['node'] }));
    const leftover = p.groups.find((g) => g.name === `fsm-${second.id}`)!;
    expect(leftover.action).toBe('delete');
    expect(leftover.rules.every((r) => r.action === 'obsolete' && !r.userChanged)).toBe(true);

    await apply(api, p);
    expect(double.groupRules('fsm-alerts', `fsm-${second.id}`)).toHaveLength(0);
    expect(double.rules.has('team-disk')).toBe(true);
    expect((await plan(api, desired({ exporterIds: ['node'] }))).writes).toBe(0);
  });

  it("keeps a user's own rule put into the plugin's group when the group is rewritten", async () => {
    const { double, api, apiAs } = doubleWithClient();
    await apply(api, desired());
    const group = (await api.getRuleGroup('fsm-alerts', 'fsm-node'))!;
    const mine = { ...group.rules[0], uid: 'my-extra', title: 'My extra rule', annotations: {} };
    await apiAs('admin', { disableProvenance: true }).putRuleGroup({
      ...group,
      rules: [...group.rules, mine] as never,
    });

    await apply(api, desired({ overrides: { 'node.cpuUtilisation': { warning: 70 } } }));

    expect(double.rules.get('my-extra')?.ruleGroup).toBe('fsm-node');
  });
});

describe('deselecting packs', () => {
  it('deletes the rules of two deselected packs for real, and the next plan is empty', async () => {
    const { double, api } = doubleWithClient();
    const three = EXPORTERS.filter((e) => e.alerts.length > 0)
      .slice(0, 3)
      .map((e) => e.id);
    await apply(api, desired({ exporterIds: three }));
    const [kept, ...dropped] = three;

    const p = await plan(api, desired({ exporterIds: [kept] }));
    expect(p.groups.filter((g) => g.action === 'delete').map((g) => g.name)).toEqual(dropped.map((id) => `fsm-${id}`));
    const result = await apply(api, p);

    expect(result.summary.groupsDeleted).toEqual(dropped.map((id) => `fsm-${id}`));
    for (const id of dropped) {
      expect(double.groupRules('fsm-alerts', `fsm-${id}`)).toEqual([]);
    }
    // Grafana keeps a group PUT with `rules: []` as it was, so only a real delete empties it: the proof is here.
    expect(double.writeLog.slice(-2).map((w) => `${w.method} ${w.path}`)).toEqual(
      dropped.map((id) => `DELETE /api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-${id}`)
    );
    expect((await plan(api, desired({ exporterIds: [kept] }))).writes).toBe(0);
  });
});

describe('the world moved since the plan', () => {
  it('another admin edits the policy tree between plan and apply: apply stops before the tree, theirs is kept', async () => {
    const { double, api, apiAs } = doubleWithClient();
    seedUserObjects(double);
    const p = await plan(api, desired(withNotifications));

    const tree = await apiAs('admin').getPolicyTree();
    const theirs = {
      receiver: 'team-email',
      object_matchers: [['team', '=', 'network']] as Array<[string, '=', string]>,
    };
    await apiAs('admin', { disableProvenance: true }).putPolicyTree({
      ...tree,
      routes: [...(tree.routes ?? []), theirs],
    });

    const failed = (await apply(api, p).catch((e: unknown) => e)) as ApplyError;
    expect(failed).toBeInstanceOf(ApplyError);
    expect(failed.stepLabel).toBe('update the notification policy tree');
    expect(failed.userMessage).toMatch(/notification policy tree changed in Grafana since the plan/);
    expect(failed.userMessage).toMatch(/Plan again/);
    expect(JSON.stringify(double.policyTree)).toContain('network');

    // A new plan merges the plugin's route into the tree as it is now: their route survives.
    await apply(api, await plan(api, desired(withNotifications)));
    expect(JSON.stringify(double.policyTree)).toContain('network');
    expect(JSON.stringify(double.policyTree)).toContain(MANAGED_LABEL);
  });

  it("another admin adds a rule to one of the plugin's groups: apply stops at that group and names the rule", async () => {
    const { double, api, apiAs } = doubleWithClient();
    await apply(api, desired());
    const p = await plan(api, desired({ overrides: { 'node.cpuUtilisation': { warning: 70 } } }));
    expect(p.groups.find((g) => g.name === 'fsm-node')!.action).toBe('update');

    const group = (await api.getRuleGroup('fsm-alerts', 'fsm-node'))!;
    const mine = { ...group.rules[0], uid: 'their-rule', title: 'Their rule', annotations: {} };
    await apiAs('admin', { disableProvenance: true }).putRuleGroup({
      ...group,
      rules: [...group.rules, mine] as never,
    });
    const writesBefore = double.writeLog.length;

    const failed = (await apply(api, p).catch((e: unknown) => e)) as ApplyError;
    expect(failed).toBeInstanceOf(ApplyError);
    expect(failed.userMessage).toContain('rule group "fsm-node" changed in Grafana since the plan');
    expect(failed.userMessage).toContain('rule "Their rule" (their-rule) was added');
    expect(double.writeLog.length).toBe(writesBefore);
    expect(double.rules.has('their-rule')).toBe(true);
  });

  it('two applies at once: one copy of everything, nothing lost, and the next plan is empty', async () => {
    const reference = doubleWithClient();
    seedUserObjects(reference.double);
    await apply(reference.api, desired(withNotifications));

    const { double, api } = doubleWithClient();
    seedUserObjects(double);
    const [first, second] = await Promise.all([
      plan(api, desired(withNotifications)),
      plan(api, desired(withNotifications)),
    ]);
    const results = await Promise.allSettled([apply(api, first), apply(api, second)]);

    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // Both may not finish: the one that finds an object the other wrote stops there, by design. Where
    // both read "absent" before either created it (the window between the guard's read and the
    // write), Grafana's own uid check refuses the second create (409 in main, 500 in 12.x: the
    // engine cannot tell that 500 from an outage, so it says "may or may not"): nothing overwritten.
    for (const f of failures) {
      expect(f.reason).toBeInstanceOf(ApplyError);
      expect((f.reason as ApplyError).userMessage).toMatch(
        /changed in Grafana since the plan|already exists|Plan again/
      );
    }
    // The provisioning API has no version check for rule groups, so both may write the same group
    // (the window between the guard's read and the write); they write the same content, and
    // Grafana ends exactly where one apply would have left it.
    expect(snapshot(double)).toEqual(snapshot(reference.double));
    // The secret was typed once: the next Setup run sends none and keeps the stored one.
    const secretKept = desired({
      notifications: {
        ...withNotifications.notifications!,
        contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack' },
      },
    });
    expect((await plan(api, secretKept)).writes).toBe(0);
  });
});

describe.each([
  ...GRAFANA_VERSIONS.map((v) => [`Grafana ${v}`, { grafanaVersion: v }] as const),
  ['a Grafana that hides its version', { hideVersion: true }] as const,
])('on %s', (_name, version) => {
  it('applies every chosen object, re-applies with no writes (policy tree included), and deselecting packs deletes their rules', async () => {
    const { double, api } = doubleWithClient(version);
    seedUserObjects(double);
    const first = await apply(api, desired(withNotifications));
    expect(first.writes).toBe(1 + PACKS.length + 3);

    const secretKept = {
      notifications: {
        ...withNotifications.notifications!,
        contactPoint: { kind: 'new' as const, type: 'slack', name: 'On-call Slack' },
      },
    };
    const again = await plan(api, desired(secretKept));
    expect(again.notifications.map((n) => [n.kind, n.action])).toEqual([
      ['contact-point', 'unchanged'],
      ['mute-timing', 'unchanged'],
      ['policy', 'unchanged'],
    ]);
    expect(again.writes).toBe(0);

    await apply(api, desired({ ...secretKept, exporterIds: ['node'] }));
    expect(double.groupRules('fsm-alerts', `fsm-${second.id}`)).toEqual([]);
    expect(double.rules.has('team-disk')).toBe(true);
    expect((await plan(api, desired({ ...secretKept, exporterIds: ['node'] }))).writes).toBe(0);
  });
});

describe('mute timings carry Grafana’s version', () => {
  it('a change that lands between the last read and the write is refused by Grafana (409), not overwritten', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired(withNotifications));
    const changed = {
      notifications: {
        ...withNotifications.notifications!,
        contactPoint: { kind: 'new' as const, type: 'slack', name: 'On-call Slack' },
        muteTimings: [
          {
            name: 'Sunday maintenance',
            timeIntervals: [{ weekdays: ['sunday'], times: [{ start_time: '01:00', end_time: '05:00' }] }],
          },
        ],
      },
    };
    const p = await plan(api, desired(changed));
    // Another admin's edit arrives after apply's guard read, just before its PUT: only Grafana's version check can see it.
    const racing: typeof api = {
      ...api,
      updateMuteTiming: async (name, mt, options) => {
        double.muteTimings.get(name)!.time_intervals = [{ weekdays: ['saturday'] }];
        return api.updateMuteTiming(name, mt, options);
      },
    };

    const failed = (await apply(racing, p).catch((e: unknown) => e)) as ApplyError;
    expect(failed).toBeInstanceOf(ApplyError);
    expect((failed.cause as GrafanaApiError).status).toBe(409);
    expect(double.muteTimings.get('Sunday maintenance')!.time_intervals).toEqual([{ weekdays: ['saturday'] }]);
  });
});

describe('read-only rules (provenance api)', () => {
  it('a threshold change writes the group: the group read (which carries no provenance) is not mistaken for a change', async () => {
    const { double, api } = doubleWithClient();
    await apply(api, desired({ editable: false }));
    const result = await apply(
      api,
      desired({ editable: false, overrides: { 'node.cpuUtilisation': { warning: 70 } } })
    );
    expect(result.summary.groupsWritten).toEqual(['fsm-node']);
    expect([...double.rules.values()].every((r) => r.provenance === 'api')).toBe(true);
  });

  it.each(GRAFANA_VERSIONS)(
    'on Grafana %s, deselecting a pack deletes its read-only rules, and the next plan is empty',
    async (grafanaVersion) => {
      const { double, api } = doubleWithClient({ grafanaVersion });
      await apply(api, desired({ editable: false }));
      await apply(api, desired({ editable: false, exporterIds: ['node'] }));
      expect(double.groupRules('fsm-alerts', `fsm-${second.id}`)).toEqual([]);
      expect((await plan(api, desired({ editable: false, exporterIds: ['node'] }))).writes).toBe(0);
    }
  );
});
