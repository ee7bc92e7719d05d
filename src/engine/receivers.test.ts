/** @jest-environment node */
import { doubleWithClient } from '../../tests/support/double-with-client';
import type { GrafanaApi } from '../grafana-api';
import { GrafanaApiError } from '../grafana-api/errors';
import { buildDesiredState } from './desired-state';
import { plan } from './plan';
import { existingReceivers, type ReceiverEvidence } from './receivers';
import { apply } from './apply';

/** What the plan reads anyway, and the policy tree as a spy that says whether it was read. */
async function evidenceOf(api: GrafanaApi): Promise<ReceiverEvidence & { policyTree: jest.Mock }> {
  return {
    listed: await api.listContactPoints(),
    rules: await api.listAlertRules(),
    policyTree: jest.fn(() => api.getPolicyTree()),
  };
}

const routedTo = (name: string) =>
  buildDesiredState({
    exporterIds: ['node'],
    datasourceUid: 'prom',
    editable: true,
    notifications: {
      contactPoint: { kind: 'existing', name },
      routing: { groupBy: ['alertname'] },
      muteTimings: [],
    },
  });

const PAGER = { uid: 'pager', name: 'Team pager', type: 'webhook', settings: { url: 'https://pager.example/hook' } };

describe("receivers by the names routes send to, not the contact point list's integration names", () => {
  it("offers a new Grafana's default receiver, sends to it, and refuses the name of its integration", async () => {
    const { api } = doubleWithClient();
    const listed = await api.listContactPoints();
    // Grafana's list names the default receiver's integration, "email receiver" (double's defaultContactPoint).
    expect(listed.map((cp) => cp.name)).toEqual(['email receiver']);
    await api.createContactPoint(PAGER);

    expect(await existingReceivers(api, await evidenceOf(api))).toEqual(['grafana-default-email', 'Team pager']);

    const refused = await plan(api, routedTo('email receiver'));
    expect(refused.blockers.map((b) => b.kind)).toEqual(['contact-point-missing']);

    await apply(api, routedTo('grafana-default-email'));
    expect((await api.getPolicyTree()).routes?.map((r) => r.receiver)).toEqual(['grafana-default-email']);
  });

  it('knows from the receiver list an empty receiver and the default receiver after the root policy moved off it', async () => {
    const { double, api } = doubleWithClient();
    await api.createContactPoint(PAGER);
    await api.putPolicyTree({ receiver: 'Team pager' });
    // A "blackhole": a receiver with no integration (written through the Alertmanager config API).
    double.receiversWithoutIntegrations.add('blackhole');
    double.syncAlertmanager();
    const evidence = await evidenceOf(api);
    const reads = ['listReceiverStatuses', 'listContactPoints', 'getPolicyTree'] as const;
    const spies = reads.map((method) => jest.spyOn(api, method));

    expect(await existingReceivers(api, evidence)).toEqual(['blackhole', 'grafana-default-email', 'Team pager']);
    // The list, then by name the listed name it lacks (the default's integration, "email receiver") and
    // the listed receiver with integrations none of which carries its name (the default receiver).
    expect(spies.map((spy) => spy.mock.calls)).toEqual([[[]], [['email receiver'], ['grafana-default-email']], []]);
    expect(evidence.policyTree).not.toHaveBeenCalled();
    spies.forEach((spy) => spy.mockRestore());
    const byName = new Map((await api.listReceiverStatuses()).map((r) => [r.name, r]));
    expect(byName.get('blackhole')).toEqual({ name: 'blackhole', active: false, integrations: [] });
    expect(byName.get('grafana-default-email')).toMatchObject({ active: false, integrations: [{ name: 'email' }] });
    expect(byName.get('Team pager')).toMatchObject({ active: true, integrations: [{ name: 'webhook' }] });

    // Setup may send to either: neither is refused, and the route is written to the one chosen.
    expect((await plan(api, routedTo('blackhole'))).blockers).toEqual([]);
    expect((await plan(api, routedTo('grafana-default-email'))).blockers).toEqual([]);
    await apply(api, routedTo('grafana-default-email'));
    expect((await api.getPolicyTree()).routes?.map((r) => r.receiver)).toEqual(['grafana-default-email']);
  });
});

describe('the receiver list lags writes through the API by up to a poll interval', () => {
  it('knows a contact point written a moment ago, and no longer offers one deleted a moment ago, before the sync', async () => {
    const { double, api } = doubleWithClient();
    await api.createContactPoint(PAGER);
    expect((await api.listReceiverStatuses()).map((r) => r.name)).toEqual(['grafana-default-email']);

    expect(await existingReceivers(api, await evidenceOf(api))).toEqual(['grafana-default-email', 'Team pager']);
    expect((await plan(api, routedTo('Team pager'))).blockers).toEqual([]);

    double.syncAlertmanager();
    await api.deleteContactPoint('pager');
    // Grafana's Alertmanager still runs it; the stored configuration, which writes are checked against, has lost it.
    expect((await api.listReceiverStatuses()).map((r) => r.name)).toContain('Team pager');
    expect(await existingReceivers(api, await evidenceOf(api))).toEqual(['grafana-default-email']);
    const refused = await plan(api, routedTo('Team pager'));
    expect(refused.blockers.map((b) => b.kind)).toEqual(['contact-point-missing']);
    double.syncAlertmanager();
    expect(await existingReceivers(api, await evidenceOf(api))).toEqual(['grafana-default-email']);
  });
});

describe('where the receiver list cannot be read, the receivers are derived from routes, rules and the contact point list', () => {
  const fallbacks: Array<[string, (double: ReturnType<typeof doubleWithClient>['double']) => void]> = [
    // authorization.go: the list takes alert.notifications:read or the receiver reads, not alert.provisioning:read.
    ['403 for a user who holds only the provisioning reads', (double) => (double.currentUser = 'provisioner')],
    ['404 where the org has no Alertmanager yet', (double) => (double.alertmanager = 'missing')],
    ['409 while the Alertmanager is not ready', (double) => (double.alertmanager = 'not-ready')],
  ];

  it.each(fallbacks)('%s', async (_, unreadable) => {
    const { double, api } = doubleWithClient({
      users: {
        provisioner: {
          login: 'provisioner',
          role: 'Viewer',
          permissions: ['alert.provisioning:read', 'alert.provisioning:write', 'folders:read', 'alert.rules:read'],
        },
      },
    });
    double.policyTree = { receiver: 'Team pager' };
    await api.createContactPoint(PAGER);
    double.receiversWithoutIntegrations.add('blackhole');
    unreadable(double);
    await expect(api.listReceiverStatuses()).rejects.toMatchObject({ status: expect.any(Number) });
    const routedRule = { uid: 'r1', title: 'Disk', notification_settings: { receiver: 'grafana-default-email' } };
    const evidence = await evidenceOf(api);

    // The tree names Team pager; the default receiver (its integration listed as "email receiver")
    // and the empty blackhole are named by nothing.
    expect(await existingReceivers(api, evidence)).toEqual(['Team pager']);
    expect(evidence.policyTree).toHaveBeenCalledTimes(1);
    const withRule = { ...evidence, rules: [routedRule as never] };
    expect(await existingReceivers(api, withRule)).toEqual(['grafana-default-email', 'Team pager']);
  });

  it('an answer other than 403, 404 or 409 is an error, not a reason to guess', async () => {
    const { api } = doubleWithClient();
    const call = { method: 'GET', path: '/api/alertmanager/grafana/config/api/v1/receivers' };
    const failing: GrafanaApi = {
      ...api,
      listReceiverStatuses: () =>
        Promise.reject(new GrafanaApiError({ kind: 'unavailable', status: 500, grafanaMessage: 'failed', call })),
    };
    await expect(existingReceivers(failing, await evidenceOf(api))).rejects.toMatchObject({ status: 500 });
  });
});
