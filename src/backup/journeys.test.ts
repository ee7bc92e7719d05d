/** @jest-environment node */
/*
 * Backup & restore journeys on the Grafana API double, through the real fetch client: export a
 * Grafana the Setup engine filled, restore into an empty one (identical state), restore into the
 * same one (no writes), and bundles that must be refused or explained before anything is written.
 */
import { apply } from '../engine/apply';
import { plan as setupPlanOf } from '../engine/plan';
import { buildDesiredState, type SetupChoices } from '../engine/desired-state';
import { ApplyError } from '../engine/errors';
import { stableStringify } from '../engine/hash';
import { GrafanaApiError } from '../grafana-api/errors';
import type { ProvisionedAlertRule } from '../grafana-api/types';
import { GRAFANA_VERSIONS, REDACTED, type GrafanaDouble } from '../../tests/grafana-double/core';
import { BundleRejectedError } from './errors';
import { PlanBlockedError } from '../engine';
import { exportBundle } from './export';
import { bundleChecksum, serialiseBundle, type BackupBundle } from './format';
import { applyRestore, planRestore, type RestoreOptions } from './restore';
import { initialForm, toSetupChoices, type SetupForm } from '../pages/Setup/form';
import { readSavedChoices, withSavedChoices } from '../pages/Setup/saved-choices';
import { loadRegexEngine } from '../utils/re2';
import { backupDouble, PLUGIN_ID, shippedDashboards, type PluginExtrasDouble } from '../../tests/support/backup-double';

const VERSION = '1.4.0';
const TARGET = { pluginId: PLUGIN_ID, pluginVersion: VERSION };
const SECRET = 'https://hooks.slack.com/services/T0/B0/secret-1';
const CREATED = new Date('2025-03-01T10:00:00.000Z');

const CHOICES: SetupChoices = {
  exporterIds: ['node', 'postgres'],
  datasourceUid: 'prom',
  editable: true,
  notifications: {
    contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack', values: { url: SECRET } },
    routing: { severities: ['critical', 'warning'], groupBy: ['alertname', 'instance'] },
    muteTimings: [
      {
        name: 'Sunday maintenance',
        timeIntervals: [{ weekdays: ['sunday'], times: [{ start_time: '02:00', end_time: '04:00' }] }],
      },
    ],
  },
};

/**
 * An admin edits one of the plugin's rules in Grafana: its group is written back with `change` on the
 * rule `uid` (the group's first rule when none is named). Returns the rule as it was.
 */
async function editRuleByHand(
  ctx: Pick<ReturnType<typeof backupDouble>, 'apiAs'>,
  group: string,
  change: Record<string, unknown>,
  uid?: string
): Promise<ProvisionedAlertRule> {
  const user = ctx.apiAs('admin', { disableProvenance: true });
  const stored = (await user.getRuleGroup('fsm-alerts', group))!;
  const edited = uid === undefined ? stored.rules[0] : stored.rules.find((r) => r.uid === uid)!;
  await user.putRuleGroup({
    ...stored,
    rules: stored.rules.map(({ id, updated, provenance, ...r }) =>
      r.uid === edited.uid ? { ...r, ...change } : r
    ) as never,
  });
  return edited;
}

/** A Grafana the plugin has filled: Setup applied, one rule edited by an admin, settings saved, dashboards imported. */
async function filledGrafana(org = { id: 1, name: 'Main Org.' }) {
  const ctx = backupDouble({ org, dashboards: shippedDashboards(true) });
  await apply(ctx.api, buildDesiredState(CHOICES));
  await editRuleByHand(ctx, 'fsm-node', { for: '17m' }, 'fsm-node-cpu-high');
  ctx.double.plugins.get(PLUGIN_ID)!.jsonData = { prometheusDatasourceUid: 'prom', clusterLabel: 'datacenter' };
  ctx.double.plugins.get(PLUGIN_ID)!.secureJsonData = { apiToken: 'never-exported' };
  return ctx;
}

async function exported(org?: { id: number; name: string }): Promise<BackupBundle> {
  const { api } = await filledGrafana(org);
  return exportBundle(api, { pluginId: PLUGIN_ID, pluginVersion: VERSION, now: () => CREATED });
}

/** Everything restore must reproduce, in a comparable form (server ids and timestamps left out). */
function snapshot(double: GrafanaDouble, extras: PluginExtrasDouble) {
  return {
    folders: [...double.folders.values()].map((f) => `${f.uid}:${f.title}`).sort(),
    rules: [...double.rules.values()].map(({ id, updated, ...rule }) => stableStringify(rule)).sort(),
    ruleOrder: [...double.rules.values()].map((r) => `${r.ruleGroup}/${r.uid}`).sort(),
    intervals: Object.fromEntries([...double.groupIntervals.entries()].sort()),
    contactPoints: [...double.contactPoints.values()]
      .map((c) => ({ ...c, settings: Object.fromEntries(Object.entries(c.settings).filter(([k]) => k !== 'url')) }))
      .map((c) => stableStringify(c))
      .sort(),
    muteTimings: [...double.muteTimings.values()].map((m) => stableStringify(m)).sort(),
    policy: stableStringify(double.policyTree),
    jsonData: double.plugins.get(PLUGIN_ID)!.jsonData,
    dashboards: extras.dashboards.filter((d) => d.imported).map((d) => `${d.uid}@${d.importedRevision}`),
  };
}

/** The changes of where notifications go that restoring this test's bundle makes, each ticked. */
const CONFIRMED_DESTINATIONS = [
  'contact-point:fsm-contact-point:create',
  'contact-point:fsm-contact-point:secret:url',
  'route:On-call Slack',
];
const withSecret: RestoreOptions = {
  secrets: { 'fsm-contact-point': { url: SECRET } },
  confirmDestinations: CONFIRMED_DESTINATIONS,
};

/** A copy of the bundle with a change, checksum recomputed (a bundle a real newer/older plugin could have made). */
function resigned(bundle: BackupBundle, change: (b: BackupBundle) => void): BackupBundle {
  const copy = structuredClone(bundle);
  change(copy);
  return { ...copy, checksum: bundleChecksum(copy as never) };
}

describe('export', () => {
  it("holds the plugin's objects, secrets left out with a note, and a checksum", async () => {
    const bundle = await exported();
    const text = serialiseBundle(bundle);

    expect(bundle).toMatchObject({
      format: 'fullstack-monitoring-backup',
      formatVersion: 1,
      plugin: { id: PLUGIN_ID, version: VERSION },
      org: { id: 1, name: 'Main Org.' },
      createdAt: '2025-03-01T10:00:00.000Z',
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(bundle.content.ruleGroups.map((g) => [g.title, g.interval])).toEqual([
      ['fsm-node', 60],
      ['fsm-postgres', 60],
    ]);
    expect(bundle.content.ruleGroups[0].rules.find((r) => r.uid === 'fsm-node-cpu-high')).toMatchObject({ for: '17m' });
    expect(bundle.content.contactPoints).toEqual([
      expect.objectContaining({ uid: 'fsm-contact-point', name: 'On-call Slack', type: 'slack', secretKeys: ['url'] }),
    ]);
    expect(bundle.content.policy).toMatchObject({
      receiver: 'On-call Slack',
      object_matchers: [['fsm_managed', '=', 'true'], expect.anything()],
    });
    expect(bundle.content.muteTimings.map((m) => m.name)).toEqual(['Sunday maintenance']);
    expect(bundle.content.dashboards.map((d) => d.uid).sort()).toEqual([
      'fsm-core-prometheus',
      'fsm-home',
      'fsm-infrastructure-node',
    ]);
    expect(bundle.content.appSettings.jsonData).toEqual({
      prometheusDatasourceUid: 'prom',
      clusterLabel: 'datacenter',
    });
    expect(bundle.notes[0]).toMatch(/must be entered again when restoring/);
    expect(bundle.notes.join(' ')).toMatch(/apiToken.*not exported/);
    expect(text).not.toContain('secret-1');
    expect(text).not.toContain('never-exported');
    expect(text).not.toContain(REDACTED);
  });

  it.each([
    // Grafana never encrypts a Teams URL (channels_config): it reads back in clear, token and all.
    [
      'a Microsoft Teams URL',
      {
        kind: 'new',
        type: 'teams',
        values: { url: 'https://example.webhook.office.com/webhookb2/abc@def/IncomingWebhook/tok/en' },
      },
    ],
    [
      'a webhook URL with user:password@',
      { kind: 'new', type: 'webhook', values: { url: 'https://alert:hunter2@hooks.example.com/grafana' } },
    ],
    [
      'a webhook URL with ?token=',
      { kind: 'new', type: 'webhook', values: { url: 'https://hooks.example.com/grafana?token=hunter2' } },
    ],
  ] as const)('leaves %s out of the bundle and asks for it on restore', async (_what, contactPoint) => {
    const ctx = backupDouble();
    await apply(
      ctx.api,
      buildDesiredState({ ...CHOICES, notifications: { contactPoint: { ...contactPoint, name: 'Ops' } } })
    );
    const bundle = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    const text = serialiseBundle(bundle);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('tok/en');
    expect(bundle.content.contactPoints[0].secretKeys).toEqual(['url']);

    const elsewhere = backupDouble();
    const plan = await planRestore(elsewhere.api, bundle, TARGET);
    expect(plan.contactPoints[0].secrets).toEqual([expect.objectContaining({ key: 'url', state: 'missing' })]);
    expect(plan.blockers.map((b) => b.kind)).toContain('missing-secret');
  });

  it('keeps a plain webhook URL, which carries no credential', async () => {
    const ctx = backupDouble();
    const url = 'https://hooks.example.com/grafana/alerts';
    await apply(
      ctx.api,
      buildDesiredState({
        ...CHOICES,
        notifications: { contactPoint: { kind: 'new', type: 'webhook', values: { url } } },
      })
    );
    const bundle = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    expect(bundle.content.contactPoints[0]).toMatchObject({ secretKeys: [], settings: { url } });
  });
});

describe('restore into an empty Grafana', () => {
  it('plans every object as new, then writes an identical state', async () => {
    const source = await filledGrafana();
    const bundle = await exportBundle(source.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION, now: () => CREATED });
    const target = backupDouble({ dashboards: shippedDashboards(false) });

    const plan = await planRestore(target.api, serialiseBundle(bundle), TARGET, withSecret);
    expect(target.extras.totalWrites()).toBe(0);
    expect(plan.blockers).toEqual([]);
    expect(plan.folder.action).toBe('create');
    expect(plan.counts).toMatchObject({
      create: bundle.content.ruleGroups.flatMap((g) => g.rules).length,
      update: 0,
      obsolete: 0,
    });
    expect(plan.notifications.map((n) => [n.kind, n.action])).toEqual([
      ['contact-point', 'create'],
      ['mute-timing', 'create'],
      ['policy', 'create'],
    ]);
    expect(plan.contactPoints[0].secrets).toEqual([{ key: 'url', label: 'Slack webhook URL', state: 'entered' }]);
    expect(plan.dashboards.every((d) => d.action === 'import')).toBe(true);
    expect(plan.appSettings?.action).toBe('update');
    // 1 folder + 2 groups + 3 notification objects + 3 dashboards + settings
    expect(plan.writes).toBe(10);
    expect(JSON.stringify(plan)).not.toContain('secret-1');

    const result = await applyRestore(target.api, serialiseBundle(bundle), TARGET, withSecret);

    expect(result.writes).toBe(10);
    expect(snapshot(target.double, target.extras)).toEqual(snapshot(source.double, source.extras));
    expect(target.double.contactPoints.get('fsm-contact-point')!.settings.url).toBe(SECRET);
    // The admin's edit is restored as an edit: Setup still sees it as user-changed and keeps it.
    const rerun = buildDesiredState({
      ...CHOICES,
      notifications: { ...CHOICES.notifications!, contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack' } },
    });
    const setupPlan = await setupPlanOf(target.api, rerun);
    const cpu = setupPlan.groups[0].rules.find((r) => r.uid === 'fsm-node-cpu-high')!;
    expect(cpu.action).toBe('user-changed');
    expect(setupPlan.writes).toBe(0);
  });

  it('carries per-target thresholds: the rules that hold them and the Setup choices that made them', async () => {
    await loadRegexEngine();
    const form: SetupForm = {
      ...initialForm('prom'),
      exporterIds: ['node'],
      targetOverrides: [
        {
          threshold: 'node.filesystemFree',
          matchers: [{ label: 'instance', op: '=~', value: 'db-.*' }],
          warning: '10',
          critical: '',
        },
      ],
    };
    const source = backupDouble({ dashboards: shippedDashboards(false) });
    await apply(source.api, withSavedChoices(buildDesiredState(toSetupChoices(form)), form, PLUGIN_ID));
    const bundle = await exportBundle(source.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    expect(JSON.stringify(bundle.content.ruleGroups)).toContain('instance=~\\"db-.*\\"');

    const target = backupDouble({ dashboards: shippedDashboards(false) });
    await applyRestore(target.api, serialiseBundle(bundle), TARGET);
    expect(snapshot(target.double, target.extras)).toEqual(snapshot(source.double, source.extras));
    // Setup in the restored Grafana starts from the overrides, and finds its rules already there.
    const saved = readSavedChoices(target.double.plugins.get(PLUGIN_ID)!.jsonData);
    expect(saved).toEqual({ status: 'ok', form: expect.objectContaining({ targetOverrides: form.targetOverrides }) });
    const rerun = withSavedChoices(buildDesiredState(toSetupChoices(form)), form, PLUGIN_ID);
    expect((await setupPlanOf(target.api, rerun)).writes).toBe(0);
  });

  it("restores a rule routed straight to the bundle's contact point and mute timing (Grafana checks both exist)", async () => {
    const source = await filledGrafana();
    const routing = { receiver: 'On-call Slack', mute_time_intervals: ['Sunday maintenance'] };
    await editRuleByHand(source, 'fsm-postgres', { notification_settings: routing });
    const bundle = await exportBundle(source.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION, now: () => CREATED });
    const target = backupDouble({ dashboards: shippedDashboards(false) });

    await applyRestore(target.api, serialiseBundle(bundle), TARGET, withSecret);

    expect(snapshot(target.double, target.extras)).toEqual(snapshot(source.double, source.extras));
    expect([...target.double.rules.values()].filter((r) => r.notification_settings)).toHaveLength(1);
  });

  it("restores a rule routed straight to Grafana's default receiver, which the contact point list names by its integration", async () => {
    const source = await filledGrafana();
    const routing = { receiver: 'grafana-default-email' };
    await editRuleByHand(source, 'fsm-node', { notification_settings: routing }, 'fsm-node-cpu-high');
    const bundle = await exportBundle(source.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION, now: () => CREATED });
    const target = backupDouble({ dashboards: shippedDashboards(false) });

    expect((await planRestore(target.api, bundle, TARGET, withSecret)).blockers).toEqual([]);
    await applyRestore(target.api, bundle, TARGET, withSecret);
    expect(target.double.rules.get('fsm-node-cpu-high')!.notification_settings).toEqual({
      receiver: 'grafana-default-email',
    });
  });

  it('restores a rule routed straight to a receiver with no integration that nothing else sends to', async () => {
    const source = await filledGrafana();
    // A "blackhole" (no integration): the contact point list cannot name it, no policy sends to it.
    source.double.receiversWithoutIntegrations.add('blackhole');
    await editRuleByHand(source, 'fsm-node', { notification_settings: { receiver: 'blackhole' } }, 'fsm-node-cpu-high');
    const bundle = await exportBundle(source.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION, now: () => CREATED });
    const target = backupDouble({ dashboards: shippedDashboards(false) });
    target.double.receiversWithoutIntegrations.add('blackhole');

    expect((await planRestore(target.api, bundle, TARGET, withSecret)).blockers).toEqual([]);
    await applyRestore(target.api, bundle, TARGET, withSecret);
    expect(target.double.rules.get('fsm-node-cpu-high')!.notification_settings).toEqual({ receiver: 'blackhole' });
  });

  it('blocks, before writing, a rule routed straight to a contact point that is neither here nor in the bundle', async () => {
    const source = await filledGrafana();
    const user = source.apiAs('admin', { disableProvenance: true });
    const pager = {
      uid: 'pager',
      name: 'Team pager',
      type: 'webhook',
      settings: { url: 'https://pager.example/hook' },
    };
    await user.createContactPoint(pager);
    const routed = { notification_settings: { receiver: 'Team pager' } };
    const { title } = await editRuleByHand(source, 'fsm-node', routed, 'fsm-node-cpu-high');
    const bundle = await exportBundle(source.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION, now: () => CREATED });
    const target = backupDouble({ dashboards: shippedDashboards(false) });

    const plan = await planRestore(target.api, bundle, TARGET, withSecret);
    expect(plan.blockers).toEqual([
      expect.objectContaining({
        kind: 'routing-target-missing',
        message: expect.stringContaining(
          `The rule "${title}" sends notifications straight to the contact point "Team pager" (in its notification settings), which does not exist in this Grafana`
        ),
        objects: ['fsm-node-cpu-high'],
      }),
    ]);
    await expect(applyRestore(target.api, bundle, TARGET, withSecret)).rejects.toBeInstanceOf(PlanBlockedError);
    expect(target.extras.totalWrites()).toBe(0);

    // With that contact point created here, the same bundle restores.
    await target.apiAs('admin', { disableProvenance: true }).createContactPoint(pager);
    expect((await planRestore(target.api, bundle, TARGET, withSecret)).blockers).toEqual([]);
    await applyRestore(target.api, bundle, TARGET, withSecret);
    expect(target.double.rules.get('fsm-node-cpu-high')!.notification_settings).toEqual({ receiver: 'Team pager' });
  });

  it('blocks while a contact point secret is missing, and restores the rest when it is skipped', async () => {
    const bundle = await exported();
    const target = backupDouble();

    const plan = await planRestore(target.api, bundle, TARGET);
    expect(plan.contactPoints[0]).toMatchObject({
      name: 'On-call Slack',
      secrets: [expect.objectContaining({ state: 'missing' })],
    });
    expect(plan.blockers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'missing-secret', message: expect.stringContaining('Slack webhook URL') }),
      ])
    );
    const refused = await applyRestore(target.api, bundle, TARGET).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlanBlockedError);
    expect((refused as PlanBlockedError).userMessage).toMatch(/^Nothing was written\. .*Slack webhook URL/);
    expect(target.extras.totalWrites()).toBe(0);

    const skip: RestoreOptions = { skipContactPoints: ['fsm-contact-point'] };
    const skipped = await planRestore(target.api, bundle, TARGET, skip);
    expect(skipped.blockers).toEqual([]);
    expect(skipped.notifications.find((n) => n.kind === 'policy')?.reason).toMatch(/Skipped with the contact point/);
    await applyRestore(target.api, bundle, TARGET, skip);
    expect(target.double.contactPoints.has('fsm-contact-point')).toBe(false);
    expect(target.double.muteTimings.has('Sunday maintenance')).toBe(true);
    expect(target.double.rules.size).toBe(bundle.content.ruleGroups.flatMap((g) => g.rules).length);
  });
});

describe('restore into the same Grafana', () => {
  it('writes nothing: every object is unchanged and stored secrets are kept', async () => {
    const ctx = await filledGrafana();
    const bundle = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    const writes = ctx.extras.totalWrites();
    const before = snapshot(ctx.double, ctx.extras);

    const plan = await planRestore(ctx.api, bundle, TARGET);
    expect(plan.blockers).toEqual([]);
    expect(plan.writes).toBe(0);
    expect(plan.groups.every((g) => g.action === 'unchanged')).toBe(true);
    expect(plan.counts.unchanged).toBe(bundle.content.ruleGroups.flatMap((g) => g.rules).length);
    expect(plan.contactPoints[0].secrets[0].state).toBe('stored');
    expect(plan.notifications.every((n) => n.action === 'unchanged')).toBe(true);
    expect(plan.appSettings?.action).toBe('unchanged');

    const result = await applyRestore(ctx.api, bundle, TARGET);
    expect(result.writes).toBe(0);
    expect(ctx.extras.totalWrites()).toBe(writes);
    expect(snapshot(ctx.double, ctx.extras)).toEqual(before);
  });

  it('renames the contact point back and the rules routed straight to it follow, whether they named it old or new', async () => {
    const ctx = await filledGrafana();
    const { uid: routed } = await editRuleByHand(ctx, 'fsm-postgres', {
      notification_settings: { receiver: 'On-call Slack' },
    });
    const bundle = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    // Setup renames the contact point since (Grafana renames it in the rule's settings too), and
    // another rule is routed by hand to the new name.
    const renamed = { kind: 'new', type: 'slack', name: 'Pager' } as const;
    await apply(
      ctx.api,
      buildDesiredState({ ...CHOICES, notifications: { ...CHOICES.notifications!, contactPoint: renamed } })
    );
    expect(ctx.double.rules.get(routed)!.notification_settings).toEqual({ receiver: 'Pager' });
    await editRuleByHand(ctx, 'fsm-node', { notification_settings: { receiver: 'Pager' } }, 'fsm-node-cpu-high');

    const plan = await planRestore(ctx.api, bundle, TARGET);
    expect(plan.blockers.map((b) => b.kind)).toEqual(['destination-unconfirmed']);
    await applyRestore(ctx.api, bundle, TARGET, { confirmDestinations: plan.destinations.map((d) => d.id) });

    expect(ctx.double.contactPoints.get('fsm-contact-point')!.name).toBe('On-call Slack');
    expect(ctx.double.rules.get(routed)!.notification_settings).toEqual({ receiver: 'On-call Slack' });
    expect(ctx.double.rules.get('fsm-node-cpu-high')!.notification_settings).toEqual({ receiver: 'On-call Slack' });
  });

  it('rolls back a threshold changed by Setup, and keeps a rule edited by hand unless ticked', async () => {
    const ctx = await filledGrafana();
    const bundle = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    // Setup raises a threshold (a plugin write); an admin edits another rule by hand.
    await apply(ctx.api, buildDesiredState({ ...CHOICES, overrides: { 'node.memoryUtilisation': { warning: 70 } } }));
    const { uid: edited } = await editRuleByHand(ctx, 'fsm-postgres', { isPaused: true });

    const plan = await planRestore(ctx.api, bundle, TARGET);
    const rules = plan.groups.flatMap((g) => g.rules);
    expect(rules.find((r) => r.uid === 'fsm-node-memory-high')).toMatchObject({
      action: 'update',
      diff: [expect.objectContaining({ field: 'threshold', from: '70' })],
    });
    expect(rules.find((r) => r.uid === edited)).toMatchObject({ action: 'user-changed', overwrite: false });
    expect(plan.writes).toBe(1);

    await applyRestore(ctx.api, bundle, TARGET);
    expect(ctx.double.rules.get(edited)!.isPaused).toBe(true);
    await applyRestore(ctx.api, bundle, TARGET, { overwriteUserChanged: [edited] });
    expect(ctx.double.rules.get(edited)!.isPaused).toBe(false);
    expect((await planRestore(ctx.api, bundle, TARGET)).writes).toBe(0);
  });

  it.each([
    ...GRAFANA_VERSIONS.map((v) => [`Grafana ${v}`, { grafanaVersion: v }] as const),
    ['a Grafana that hides its version (rules deleted one by one)', { hideVersion: true }] as const,
  ])("restoring an older bundle deletes the plugin's rules that are not in it, on %s", async (_name, version) => {
    const ctx = backupDouble(version);
    await apply(ctx.api, buildDesiredState({ ...CHOICES, exporterIds: ['node'] }));
    ctx.double.plugins.get(PLUGIN_ID)!.jsonData = { prometheusDatasourceUid: 'prom' };
    const bundle = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    await apply(ctx.api, buildDesiredState(CHOICES));

    const plan = await planRestore(ctx.api, bundle, TARGET);
    const leftover = plan.groups.find((g) => g.name === 'fsm-postgres')!;
    expect(leftover.action).toBe('delete');
    expect(leftover.rules.every((r) => r.action === 'obsolete')).toBe(true);
    await applyRestore(ctx.api, bundle, TARGET);
    expect(ctx.double.groupRules('fsm-alerts', 'fsm-postgres')).toHaveLength(0);
    expect((await planRestore(ctx.api, bundle, TARGET)).writes).toBe(0);
  });
});

describe('where notifications go', () => {
  it('a bundle edited to send alerts elsewhere (checksum recomputed): each change is shown and needs its own tick', async () => {
    const ctx = await filledGrafana();
    const honest = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    const redirected = resigned(honest, (b) => {
      b.content.contactPoints[0].type = 'email';
      b.content.contactPoints[0].settings = { addresses: 'attacker@example.com', singleEmail: false };
      b.content.contactPoints[0].secretKeys = [];
    });

    const plan = await planRestore(ctx.api, redirected, TARGET);
    expect(plan.destinations.map((d) => d.message)).toEqual([
      expect.stringMatching(/from slack into email \(email addresses "attacker@example\.com"\)/),
    ]);
    expect(plan.blockers.map((b) => b.kind)).toEqual(['destination-unconfirmed']);
    const refused = await applyRestore(ctx.api, redirected, TARGET).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlanBlockedError);
    expect(ctx.double.contactPoints.get('fsm-contact-point')!.type).toBe('slack');

    const ticked = { confirmDestinations: plan.destinations.map((d) => d.id) };
    await applyRestore(ctx.api, redirected, TARGET, ticked);
    expect(ctx.double.contactPoints.get('fsm-contact-point')!.type).toBe('email');
  });

  it("a bundle whose route sends to another receiver: the route's change needs its tick", async () => {
    const ctx = await filledGrafana();
    const honest = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    const rerouted = resigned(honest, (b) => {
      b.content.policy!.receiver = 'grafana-default-email';
      b.content.policy!.routes = b.content.policy!.routes?.map((r) => ({ ...r, receiver: 'grafana-default-email' }));
    });
    const plan = await planRestore(ctx.api, rerouted, TARGET);
    expect(plan.destinations.map((d) => d.message)).toEqual([
      'The plugin\'s notification route sends to "grafana-default-email" instead of "On-call Slack".',
    ]);
    expect(plan.destinations[0].confirmed).toBe(false);
    const confirmed = await planRestore(ctx.api, rerouted, TARGET, { confirmDestinations: [plan.destinations[0].id] });
    expect(confirmed.blockers).toEqual([]);
  });

  it('restoring the same Grafana changes no destination and asks for no tick', async () => {
    const ctx = await filledGrafana();
    const bundle = await exportBundle(ctx.api, { pluginId: PLUGIN_ID, pluginVersion: VERSION });
    expect((await planRestore(ctx.api, bundle, TARGET)).destinations).toEqual([]);
  });
});

describe('bundles that are refused before anything is written', () => {
  async function expectRefused(input: unknown, code: string, message: RegExp) {
    const target = backupDouble();
    const planned = await planRestore(target.api, input, TARGET).catch((e: unknown) => e);
    const applied = await applyRestore(target.api, input, TARGET, withSecret).catch((e: unknown) => e);
    for (const error of [planned, applied]) {
      expect(error).toBeInstanceOf(BundleRejectedError);
      expect((error as BundleRejectedError).problems.map((p) => p.code)).toContain(code);
      expect((error as BundleRejectedError).userMessage).toMatch(message);
      expect((error as BundleRejectedError).userMessage).toMatch(/Nothing was written\./);
    }
    expect(target.extras.totalWrites()).toBe(0);
    expect(target.double.rules.size).toBe(0);
  }

  it('a tampered bundle (a rule edited, checksum unchanged)', async () => {
    const bundle = await exported();
    // Someone lowers a threshold in the file by hand and leaves the checksum as it was.
    const edited = JSON.parse(serialiseBundle(bundle)) as BackupBundle;
    const cpu = edited.content.ruleGroups[0].rules.find((r) => r.uid === 'fsm-node-cpu-high')!;
    (cpu.data[2].model as { conditions: Array<{ evaluator: { params: number[] } }> }).conditions[0].evaluator.params = [
      99,
    ];
    const text = JSON.stringify(edited, null, 2);
    expect(edited.checksum).toBe(bundle.checksum);
    await expectRefused(text, 'checksum-mismatch', /changed after it was exported.*checksum/);
  });

  it('a bundle whose header was edited (the org id), checksum unchanged', async () => {
    const bundle = await exported();
    await expectRefused({ ...bundle, org: { id: 7, name: 'Main Org.' } }, 'checksum-mismatch', /checksum/);
  });

  it('a bundle from a newer format version', async () => {
    const bundle = resigned(await exported(), (b) => {
      b.formatVersion = 2;
      b.plugin.version = '2.0.0';
    });
    await expectRefused(
      bundle,
      'newer-format',
      /format version 2, made by a newer version of the plugin \(plugin 2\.0\.0\).*Update the plugin/
    );
  });

  it('files that are not bundles', async () => {
    await expectRefused('{"title": "Node", "panels": []', 'not-json', /not JSON/);
    await expectRefused({ title: 'Node', panels: [] }, 'not-a-bundle', /dashboard JSON/);
    await expectRefused(
      resigned(await exported(), (b) => {
        b.content.ruleGroups[0].folderUid = 'team';
      }),
      'out-of-scope',
      /only writes into the plugin's folder/
    );
  });
});

describe('bundles that are explained', () => {
  it('from another organization: explained, and blocked until confirmed', async () => {
    const bundle = await exported({ id: 2, name: 'Staging' });
    const target = backupDouble({ org: { id: 1, name: 'Main Org.' } });

    const plan = await planRestore(target.api, bundle, TARGET, withSecret);
    expect(plan.foreignOrg).toEqual({
      message: expect.stringMatching(/exported from organization 2 \("Staging"\); you are signed in to organization 1/),
      confirmed: false,
    });
    expect(plan.blockers.map((b) => b.kind)).toEqual(['foreign-org-unconfirmed']);
    await expect(applyRestore(target.api, bundle, TARGET, withSecret)).rejects.toBeInstanceOf(PlanBlockedError);
    expect(target.extras.totalWrites()).toBe(0);

    const result = await applyRestore(target.api, bundle, TARGET, { ...withSecret, confirmForeignOrg: true });
    expect(result.writes).toBeGreaterThan(0);
    expect(target.double.rules.has('fsm-node-cpu-high')).toBe(true);
  });

  it('from another organization whose datasource does not exist here: blocked with what to create', async () => {
    const bundle = resigned(await exported({ id: 2, name: 'Staging' }), (b) => {
      b.content.appSettings.jsonData.prometheusDatasourceUid = 'prom-staging';
    });
    const target = backupDouble();

    const plan = await planRestore(target.api, bundle, TARGET, { ...withSecret, confirmForeignOrg: true });
    expect(plan.blockers).toEqual([
      expect.objectContaining({ kind: 'datasource-missing', message: expect.stringContaining('"prom-staging"') }),
    ]);
  });

  it('from an older plugin version: says what differs, restores as it is', async () => {
    const bundle = resigned(await exported(), (b) => {
      b.plugin.version = '1.2.0';
    });
    const target = backupDouble();

    const plan = await planRestore(target.api, bundle, TARGET, withSecret);
    expect(plan.warnings).toEqual([
      expect.objectContaining({
        code: 'older-plugin',
        message: expect.stringMatching(
          /older plugin version \(1\.2\.0; installed: 1\.4\.0\).*nothing needs migrating.*run Setup/
        ),
      }),
    ]);
    expect(plan.blockers).toEqual([]);
  });

  it('a dashboard the installed plugin no longer ships is listed as unavailable', async () => {
    const bundle = await exported();
    const target = backupDouble({
      dashboards: shippedDashboards(false).filter((d) => d.uid !== 'fsm-core-prometheus'),
    });

    const plan = await planRestore(target.api, bundle, TARGET, withSecret);
    expect(plan.dashboards.find((d) => d.uid === 'fsm-core-prometheus')).toMatchObject({
      action: 'unavailable',
      reason: expect.stringContaining('does not ship dashboards/core-prometheus.json'),
    });
  });
});

describe('permissions and failures', () => {
  it('a Viewer gets a clear 403 on export and on restore, and nothing is written', async () => {
    const bundle = await exported();
    const { api, extras } = backupDouble({ user: 'viewer' });

    for (const attempt of [
      () => exportBundle(api, { pluginId: PLUGIN_ID, pluginVersion: VERSION }),
      () => applyRestore(api, bundle, TARGET, withSecret),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GrafanaApiError);
      expect((error as GrafanaApiError).status).toBe(403);
      expect((error as GrafanaApiError).userMessage).toMatch(/permission/);
    }
    expect(extras.totalWrites()).toBe(0);
  });

  it('a write failing part-way says which step, and restoring again finishes the job', async () => {
    const bundle = await exported();
    const reference = backupDouble();
    await applyRestore(reference.api, bundle, TARGET, withSecret);
    const want = snapshot(reference.double, reference.extras);

    for (const k of [1, 2, 4, 6]) {
      const target = backupDouble();
      target.double.injectFault({ onWrite: k, kind: 'error', status: 502 });
      const error = await applyRestore(target.api, bundle, TARGET, withSecret).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplyError);
      expect((error as ApplyError).step).toBe(k);
      target.double.clearFaults();

      await applyRestore(target.api, bundle, TARGET, withSecret);
      expect([k, snapshot(target.double, target.extras)]).toEqual([k, want]);
      // Without a secret typed in again, the stored one is kept: nothing left to write.
      expect((await planRestore(target.api, bundle, TARGET)).writes).toBe(0);
    }
  });
});
