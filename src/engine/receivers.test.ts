/** @jest-environment node */
import { doubleWithClient } from '../../tests/support/double-with-client';
import { buildDesiredState } from './desired-state';
import { plan } from './plan';
import { existingReceivers } from './receivers';
import { apply } from './apply';

describe("receivers by the names routes send to, not the contact point list's integration names", () => {
  it("offers a new Grafana's default receiver, sends to it, and refuses the name of its integration", async () => {
    const { api } = doubleWithClient();
    const listed = await api.listContactPoints();
    // Grafana's list names the default receiver's integration, "email receiver" (double's defaultContactPoint).
    expect(listed.map((cp) => cp.name)).toEqual(['email receiver']);
    await api.createContactPoint({
      uid: 'pager',
      name: 'Team pager',
      type: 'webhook',
      settings: { url: 'https://pager.example/hook' },
    });

    const receivers = await existingReceivers(api, await api.listContactPoints(), await api.getPolicyTree(), []);
    expect(receivers).toEqual(['grafana-default-email', 'Team pager']);

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
    const refused = await plan(api, routedTo('email receiver'));
    expect(refused.blockers.map((b) => b.kind)).toEqual(['contact-point-missing']);

    await apply(api, routedTo('grafana-default-email'));
    expect((await api.getPolicyTree()).routes?.map((r) => r.receiver)).toEqual(['grafana-default-email']);
  });

  it('knows a receiver no policy sends to and no listed name shows from a rule that sends to it', async () => {
    const { double, api } = doubleWithClient();
    double.policyTree = { receiver: 'Team pager' };
    await api.createContactPoint({
      uid: 'pager',
      name: 'Team pager',
      type: 'webhook',
      settings: { url: 'https://p.example/' },
    });
    const routedRule = { uid: 'r1', title: 'Disk', notification_settings: { receiver: 'grafana-default-email' } };

    const listed = await api.listContactPoints();
    expect(await existingReceivers(api, listed, await api.getPolicyTree(), [])).toEqual(['Team pager']);
    expect(await existingReceivers(api, listed, await api.getPolicyTree(), [routedRule as never])).toEqual([
      'grafana-default-email',
      'Team pager',
    ]);
  });
});
