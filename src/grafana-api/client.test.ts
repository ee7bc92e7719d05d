/** @jest-environment node */
import { createGrafanaApi } from './client';
import { GrafanaApiError } from './errors';
import { TransportError, type GrafanaRequest, type GrafanaResponse } from './transport';

function recording(answer: GrafanaResponse | Error) {
  const requests: GrafanaRequest[] = [];
  const transport = async (request: GrafanaRequest) => {
    requests.push(request);
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };
  return { requests, transport };
}

const group = { title: 'fsm-node', folderUid: 'fsm-alerts', interval: 60, rules: [] };

describe('GrafanaApi client', () => {
  it('sends X-Disable-Provenance on writes when chosen, per client or per write', async () => {
    const { requests, transport } = recording({ status: 200, data: group });
    await createGrafanaApi(transport, { disableProvenance: true }).putRuleGroup(group);
    await createGrafanaApi(transport).putRuleGroup(group);
    await createGrafanaApi(transport).putRuleGroup(group, { disableProvenance: true });
    expect(requests.map((r) => r.headers?.['X-Disable-Provenance'])).toEqual(['true', undefined, 'true']);
    expect(requests[0]).toMatchObject({
      method: 'PUT',
      path: '/api/v1/provisioning/folder/fsm-alerts/rule-groups/fsm-node',
      body: group,
    });
  });

  it('answers undefined for a missing object where absence is a normal answer', async () => {
    const { transport } = recording({ status: 404, data: { message: 'folder not found' } });
    await expect(createGrafanaApi(transport).getFolder('fsm-alerts')).resolves.toBeUndefined();
  });

  it("throws a typed 403 with Grafana's message and what permission is needed", async () => {
    const { transport } = recording({ status: 403, data: { message: "You'll need additional permissions" } });
    const error = (await createGrafanaApi(transport)
      .putRuleGroup(group)
      .catch((e: unknown) => e)) as GrafanaApiError;
    expect(error).toBeInstanceOf(GrafanaApiError);
    expect(error).toMatchObject({
      kind: 'forbidden',
      status: 403,
      grafanaMessage: "You'll need additional permissions",
    });
    expect(error.userMessage).toMatch(/alert\.provisioning:write.*alert\.provisioning\.provenance:write/);
  });

  it('names the notification permission for contact points', async () => {
    const { transport } = recording({ status: 403, data: {} });
    const error = (await createGrafanaApi(transport)
      .createContactPoint({ name: 'x', type: 'email', settings: {} })
      .catch((e: unknown) => e)) as GrafanaApiError;
    expect(error.hint).toMatch(/alert\.notifications\.provisioning:write/);
  });

  it.each([
    // 12.x group PUT (errProvenanceMismatch), 11.x group PUT and every contact point PUT, policies and mute timings.
    [409, "cannot update with provided provenance '', needs 'api'"],
    [500, "cannot change provenance from 'api' to ''"],
    [
      403,
      "Resource with provenance status 'api' cannot be managed via API that handles resources with provenance status 'none'",
    ],
  ])(
    "passes Grafana's %s provenance refusal through as a refusal (not an outage), with the provenance hint",
    async (status, message) => {
      const { transport } = recording({ status, data: { message } });
      const error = (await createGrafanaApi(transport)
        .putRuleGroup(group)
        .catch((e: unknown) => e)) as GrafanaApiError;
      expect(error.userMessage).toContain(message);
      expect(error.hint).toMatch(/provenance/);
      expect(error.isTransient).toBe(false);
    }
  );

  it('reports 5xx and timeouts as "Grafana did not answer … run apply again"', async () => {
    for (const answer of [{ status: 503, data: undefined }, new TransportError('timeout', 'no answer within 100 ms')]) {
      const { transport } = recording(answer);
      const error = (await createGrafanaApi(transport)
        .putRuleGroup(group)
        .catch((e: unknown) => e)) as GrafanaApiError;
      expect(error.isTransient).toBe(true);
      expect(error.userMessage).toContain(
        'Grafana did not answer; nothing after this step was written. Run apply again to finish.'
      );
    }
  });
});
