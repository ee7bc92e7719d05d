import React from 'react';
import { render, screen } from '@testing-library/react';
import { GrafanaDouble } from '../../../tests/grafana-double';
import { doubleApi } from '../../../tests/support/double-backend-srv';
import { buildDesiredState, plan } from '../../engine';
import { PlanView } from './PlanView';

/** A plan from the engine, against the Grafana double, for choices without or with alert rules. */
async function planFor(exporterIds: string[]) {
  const double = new GrafanaDouble();
  double.addDatasource({ uid: 'prom', name: 'Prometheus' });
  const desired = buildDesiredState({
    exporterIds,
    datasourceUid: 'prom',
    editable: true,
    notifications: {
      contactPoint: { kind: 'new', type: 'slack', name: 'On-call Slack', values: { url: 'https://hooks.slack.com/x' } },
      routing: { groupBy: ['alertname'] },
      muteTimings: [],
    },
  });
  return plan(doubleApi(double), desired);
}

describe('PlanView: the rules folder', () => {
  it('shows a folder no rule goes into as not needed, beside the notification writes', async () => {
    render(<PlanView plan={await planFor([])} overwrite={[]} onToggleOverwrite={jest.fn()} verb="Apply" />);
    expect(screen.getByTestId('plan-folder')).toHaveTextContent(
      /^not needed.*Not created: there are no rules to write into it\.$/
    );
    expect(screen.getByTestId('plan-writes')).toHaveTextContent(/^[1-9]\d* writes?$/);
  });

  it('shows it as created when rules go into it', async () => {
    render(<PlanView plan={await planFor(['node'])} overwrite={[]} onToggleOverwrite={jest.fn()} verb="Apply" />);
    expect(screen.getByTestId('plan-folder')).toHaveTextContent(/^create.*Creates the folder/);
  });
});
