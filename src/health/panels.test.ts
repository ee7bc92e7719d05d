import { lastValueFrom } from 'rxjs';
import { FieldType, toDataFrame, transformDataFrame } from '@grafana/data';
import { healthPanels, tableColumns } from './panels';
import { registerStandardTransformers } from '../../tests/support/grafana-transformers';

registerStandardTransformers();

/** A `format: table` answer as Grafana's Prometheus datasource builds it: Time, each label in label order, Value. */
function tableAnswer(labels: string[]) {
  return toDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: [0] },
      ...labels.map((name) => ({ name, type: FieldType.string, values: [`${name}-1`] })),
      { name: 'Value', type: FieldType.number, values: [0.03] },
    ],
  });
}

async function columnsOf(panelId: string, labels: string[]): Promise<string[]> {
  const panel = healthPanels('cluster').find((p) => p.id === panelId)!;
  const [frame] = await lastValueFrom(transformDataFrame([tableColumns(panel)], [tableAnswer(labels)]));
  return frame.fields.map((f) => f.name);
}

describe('Health tables', () => {
  it('show the labels that name a row and then the value before any other label, without Time', async () => {
    expect(
      await columnsOf('prometheus-disk-free', ['cluster', 'device', 'fstype', 'host', 'mountpoint', 'replica'])
    ).toEqual(['host', 'mountpoint', 'Value', 'cluster', 'device', 'fstype', 'replica']);
  });

  it('name the rows of edge servers by their cluster and replica, then the value', async () => {
    expect(await columnsOf('servers-remote-write-lag', ['cluster', 'instance', 'job', 'replica'])).toEqual([
      'cluster',
      'replica',
      'Value',
      'instance',
      'job',
    ]);
  });
});
