import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { RuleDoctor } from './RuleDoctor';
import { backtestDoctorRule, checkRules } from './ruleDoctorRun';
import type { DoctorProgress, DoctorReport } from '../../rule-doctor/run';
import type { RuleUnderCheck } from '../../rule-doctor/diagnose';

// The engine is tested on the double and the real stack (src/rule-doctor, tests/integration); these
// journeys are about what the section says, given what the doctor reported.
jest.mock('./ruleDoctorRun', () => ({
  checkRules: jest.fn(),
  backtestDoctorRule: jest.fn(),
  NotBacktested: class NotBacktested extends Error {},
}));
const checkMock = checkRules as jest.MockedFunction<typeof checkRules>;
const backtestMock = backtestDoctorRule as jest.MockedFunction<typeof backtestDoctorRule>;

const rule = (name: string, source: RuleUnderCheck['source'] = 'prometheus'): RuleUnderCheck => ({
  source,
  group: 'fsm-node.rules.yml / node',
  name,
  type: 'alerting',
  query: 'up == 0',
});

const report = (overrides: Partial<DoctorReport> = {}): DoctorReport => ({
  sources: [{ source: 'prometheus', label: "The Prometheus datasource's own rules", rules: [] }],
  checked: 212,
  findings: [],
  notAnalysed: [],
  blindSpots: [],
  ...overrides,
});

beforeEach(() => {
  checkMock.mockReset();
  backtestMock.mockReset();
});

describe('Rule doctor section', () => {
  it('runs only when asked, shows its progress, and says so when nothing is wrong', async () => {
    let reportProgress: (p: DoctorProgress) => void = () => {};
    let finish: (r: DoctorReport) => void = () => {};
    checkMock.mockImplementation((_uid, _signal, onProgress) => {
      reportProgress = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    render(<RuleDoctor datasourceUid="prom-dc1" />);
    expect(checkMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: /Check rules/ }));
    expect(await screen.findByRole('status')).toHaveTextContent('Reading the rules from Grafana…');
    expect(checkMock).toHaveBeenCalledWith('prom-dc1', expect.any(AbortSignal), expect.any(Function));
    act(() => reportProgress({ phase: 'checking rules', done: 37, total: 212 }));
    expect(await screen.findByText('Checking rules: 37 of 212…')).toBeInTheDocument();

    await act(async () => finish(report()));
    expect(await screen.findByText('212 rules checked, nothing found.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Check again/ })).toBeInTheDocument();
  });

  it('groups findings by kind, in plain words, with the selector, the join and since when', async () => {
    checkMock.mockResolvedValue(
      report({
        findings: [
          { kind: 'error', rule: rule('GrafanaBroken', 'grafana'), message: 'failed to execute query A: timeout' },
          {
            kind: 'empty-selector',
            rule: rule('RenamedMetric'),
            selector: 'node_cpu_seconds_totals{mode="idle"}',
            cause: 'metric-absent',
            emptyMatchers: [],
          },
          {
            kind: 'empty-selector',
            rule: rule('HaproxyExporterDown'),
            selector: 'haproxy_up{job="haproxy_exporter"}',
            cause: 'metric-absent',
            emptyMatchers: [],
            lastSeen: Date.UTC(2025, 0, 2, 3, 4, 5) / 1000,
          },
          {
            kind: 'dead-join',
            rule: rule('DeadJoin'),
            join: 'a and on (job, type) b',
            reason: 'both sides have series, but the left side has "type", the right side does not',
          },
        ],
        blindSpots: [
          {
            kind: 'exporter-unwatched',
            exporter: 'postgres',
            title: 'PostgreSQL',
            pack: { exporter: 'postgres', title: 'PostgreSQL' },
          },
          { kind: 'target-unwatched', job: 'custom', instance: 'app:8080' },
        ],
        notAnalysed: [
          {
            rule: rule('LokiErrors', 'grafana'),
            reason: 'it queries another datasource (loki) than the app’s Prometheus',
          },
        ],
      })
    );
    render(<RuleDoctor datasourceUid="prom-dc1" />);
    fireEvent.click(screen.getByRole('button', { name: /Check rules/ }));

    const errors = await screen.findByRole('region', { name: 'Rules in error' });
    expect(errors).toHaveTextContent('GrafanaBroken');
    expect(errors).toHaveTextContent('Its evaluation fails: failed to execute query A: timeout');
    const empty = screen.getByRole('region', { name: 'Selectors that match no series' });
    const items = within(empty)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toContain(
      'node_cpu_seconds_totals{mode="idle"} matches no series: Prometheus has no such metric (none in the last 7 days)'
    );
    expect(items[1]).toContain('it vanished: last seen 2025-01-02T03:04:05Z');
    expect(screen.getByRole('region', { name: 'Joins that can never match' })).toHaveTextContent(
      'The join a and on (job, type) b can never match: both sides have series, but the left side has "type"'
    );
    expect(screen.getByRole('region', { name: 'Exporters no rule watches' })).toHaveTextContent(
      'PostgreSQL is scraped, but no rule reads any of its metrics'
    );
    expect(screen.getByRole('region', { name: 'Targets whose up no rule watches' })).toHaveTextContent(
      'if it goes down, nobody is paged'
    );
    expect(screen.getByRole('region', { name: 'Rules not analysed' })).toHaveTextContent('LokiErrors');
    expect(screen.queryByRole('region', { name: 'Rules not evaluated yet' })).not.toBeInTheDocument();
  });

  it('says a rule not evaluated yet may just be new, and when to look again', async () => {
    checkMock.mockResolvedValue(
      report({ findings: [{ kind: 'never-evaluated', rule: { ...rule('NodeDown', 'grafana'), intervalSeconds: 60 } }] })
    );
    render(<RuleDoctor datasourceUid="prom-dc1" />);
    fireEvent.click(screen.getByRole('button', { name: /Check rules/ }));

    expect(await screen.findByRole('region', { name: 'Rules not evaluated yet' })).toHaveTextContent(
      "It has not been evaluated yet, so it cannot fire. Just created or changed? Its first evaluation comes within its group's interval (60 s): check again then."
    );
  });

  it('cancels a running check, and explains a failed one', async () => {
    let signal: AbortSignal | undefined;
    checkMock.mockImplementationOnce((_uid, s) => {
      signal = s;
      return new Promise(() => {});
    });
    render(<RuleDoctor datasourceUid="prom-dc1" />);
    fireEvent.click(screen.getByRole('button', { name: /Check rules/ }));
    fireEvent.click(await screen.findByRole('button', { name: /Cancel/ }));
    expect(signal?.aborted).toBe(true);
    expect(screen.getByText('Check cancelled.')).toBeInTheDocument();

    checkMock.mockRejectedValueOnce(new Error('GET /api/prometheus/grafana/api/v1/rules failed (HTTP 403)'));
    fireEvent.click(screen.getByRole('button', { name: /Check again/ }));
    expect(await screen.findByText('Could not check the rules')).toBeInTheDocument();
    expect(screen.getByText(/HTTP 403/)).toBeInTheDocument();
  });

  it('backtests the alerting rule the user picks, one at a time, and shows its answer or its error', async () => {
    const nodeDown = rule('NodeDown');
    const recording = { ...rule('instance:cpu:rate5m'), type: 'recording' as const };
    const grafanaRule = { ...rule('DiskFull', 'grafana'), group: 'Team / disks', uid: 'disk-full' };
    checkMock.mockResolvedValue(
      report({
        sources: [
          { source: 'grafana', label: 'Grafana-managed rules', rules: [grafanaRule] },
          { source: 'prometheus', label: "The Prometheus datasource's own rules", rules: [nodeDown, recording] },
        ],
      })
    );
    let answer: (text: string) => void = () => {};
    backtestMock.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    render(<RuleDoctor datasourceUid="prom-dc1" />);
    fireEvent.click(screen.getByRole('button', { name: /Check rules/ }));
    const section = await screen.findByRole('region', { name: 'Backtest a rule' });
    expect(within(section).getByRole('button', { name: /Backtest/ })).toBeDisabled();

    const select = within(section).getByLabelText('Rule to backtest');
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    // Alerting rules only: a recording rule does not fire.
    expect(screen.queryByText(/instance:cpu:rate5m/)).not.toBeInTheDocument();
    fireEvent.click(await screen.findByText('NodeDown (Prometheus: fsm-node.rules.yml / node)'));
    fireEvent.click(within(section).getByRole('button', { name: /Backtest/ }));
    expect(await within(section).findByRole('status')).toHaveTextContent('Backtesting NodeDown over the last 7 days…');
    expect(backtestMock).toHaveBeenCalledWith(nodeDown, 'prom-dc1', expect.any(AbortSignal));
    await act(async () =>
      answer('Would have fired 2 times over the last 7 days on 1 series, firing for 40m in total, longest 30m.')
    );
    expect(within(section).getByRole('status')).toHaveTextContent(
      'NodeDown: Would have fired 2 times over the last 7 days on 1 series, firing for 40m in total, longest 30m.'
    );

    backtestMock.mockRejectedValueOnce(new Error('Prometheus could not run the query: too many samples'));
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByText('DiskFull (Grafana: Team / disks)'));
    fireEvent.click(within(section).getByRole('button', { name: /Backtest/ }));
    expect(await within(section).findByText('Could not backtest DiskFull')).toBeInTheDocument();
    expect(within(section).getByText('Prometheus could not run the query: too many samples')).toBeInTheDocument();
    expect(backtestMock).toHaveBeenLastCalledWith(grafanaRule, 'prom-dc1', expect.any(AbortSignal));
  });

  it('cancels a running backtest', async () => {
    checkMock.mockResolvedValue(
      report({ sources: [{ source: 'prometheus', label: 'Prometheus', rules: [rule('NodeDown')] }] })
    );
    let signal: AbortSignal | undefined;
    backtestMock.mockImplementationOnce((_rule, _uid, s) => {
      signal = s;
      return new Promise(() => {});
    });
    render(<RuleDoctor datasourceUid="prom-dc1" />);
    fireEvent.click(screen.getByRole('button', { name: /Check rules/ }));
    const section = await screen.findByRole('region', { name: 'Backtest a rule' });
    fireEvent.keyDown(within(section).getByLabelText('Rule to backtest'), { key: 'ArrowDown' });
    fireEvent.click(await screen.findByText(/^NodeDown \(Prometheus/));
    fireEvent.click(within(section).getByRole('button', { name: /Backtest/ }));
    fireEvent.click(await within(section).findByRole('button', { name: /Cancel/ }));
    expect(signal?.aborted).toBe(true);
    expect(within(section).queryByRole('status')).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: /Backtest/ })).toBeEnabled();
  });
});
