/** @jest-environment node */
import { parse } from 'yaml';
import { nodeExporter } from '../catalog/exporters/node';
import { buildDesiredState } from '../engine/desired-state';
import { alertingProvisioningYaml } from './export-provisioning';

describe('Grafana file-provisioning export', () => {
  const desired = buildDesiredState({
    exporterIds: ['node'],
    datasourceUid: 'prom',
    editable: false,
    folderTitle: 'Ops alerts',
  });
  const doc = parse(alertingProvisioningYaml(desired));

  it('is an apiVersion 1 document with one group per pack in the folder named by its title', () => {
    expect(doc.apiVersion).toBe(1);
    expect(doc.groups).toHaveLength(1);
    expect(doc.groups[0]).toMatchObject({ orgId: 1, name: 'fsm-node', folder: 'Ops alerts', interval: '60s' });
  });

  it('holds every rule of the pack with the same body the Setup page writes', () => {
    const rules = doc.groups[0].rules;
    expect(rules.map((r: { uid: string }) => r.uid)).toEqual(nodeExporter.alerts.map((a) => `fsm-node-${a.id}`));
    const written = desired.groups[0].rules;
    for (const [i, rule] of rules.entries()) {
      expect(Object.keys(rule).sort()).toEqual(
        [
          'annotations',
          'condition',
          'data',
          'execErrState',
          'for',
          'isPaused',
          'labels',
          'noDataState',
          'title',
          'uid',
        ].sort()
      );
      expect(rule).toMatchObject({
        title: written[i].title,
        condition: 'C',
        for: written[i].for,
        labels: written[i].labels,
        annotations: written[i].annotations,
        data: written[i].data,
      });
    }
    const cpu = rules.find((r: { uid: string }) => r.uid === 'fsm-node-cpu-high');
    expect(cpu.data[0]).toMatchObject({ refId: 'A', datasourceUid: 'prom', relativeTimeRange: { from: 600, to: 0 } });
  });
});
