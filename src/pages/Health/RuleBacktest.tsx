import React, { useEffect, useMemo, useRef, useState } from 'react';
import type { SelectableValue } from '@grafana/data';
import { Alert, Button, Select, Stack, Text } from '@grafana/ui';
import type { RuleUnderCheck } from '../../rule-doctor/diagnose';
import { SOURCE_NAMES } from '../../rule-doctor/describe';
import { fetchErrorMessage } from '../../utils/fetchError';

type BacktestState =
  | { status: 'idle' }
  | { status: 'running'; rule: RuleUnderCheck }
  | { status: 'done'; rule: RuleUnderCheck; text: string }
  | { status: 'not-backtested'; rule: RuleUnderCheck; text: string }
  | { status: 'error'; rule: RuleUnderCheck; text: string };

const ruleLabel = (rule: RuleUnderCheck) => `${rule.name} (${SOURCE_NAMES[rule.source]}: ${rule.group})`;

/**
 * "What would this rule have done?" for any alerting rule the doctor read: one range query of its
 * condition over the last 7 days, replayed through the alerting state machine (src/rule-doctor/backtest.ts).
 * One rule at a time, on request, cancellable: a 7-day query of a heavy rule takes seconds.
 */
export function RuleBacktest({ rules, datasourceUid }: { rules: readonly RuleUnderCheck[]; datasourceUid: string }) {
  const alerting = useMemo(
    () =>
      rules
        .filter((r) => r.type === 'alerting')
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name) || a.group.localeCompare(b.group)),
    [rules]
  );
  const options = useMemo<Array<SelectableValue<number>>>(
    () => alerting.map((rule, i) => ({ label: ruleLabel(rule), value: i })),
    [alerting]
  );
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [state, setState] = useState<BacktestState>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(new Error('The Health page was left.')), []);

  if (alerting.length === 0) {
    return null;
  }

  const run = async () => {
    const rule = chosen === undefined ? undefined : alerting[chosen];
    if (!rule) {
      return;
    }
    controller.current?.abort(new Error('Another backtest started.'));
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'running', rule });
    try {
      const { backtestDoctorRule, NotBacktested } = await import(
        /* webpackChunkName: "rule-doctor" */ './ruleDoctorRun'
      );
      try {
        const text = await backtestDoctorRule(rule, datasourceUid, abort.signal);
        if (!abort.signal.aborted) {
          setState({ status: 'done', rule, text });
        }
      } catch (error) {
        if (abort.signal.aborted) {
          return;
        }
        setState(
          error instanceof NotBacktested
            ? { status: 'not-backtested', rule, text: error.message }
            : { status: 'error', rule, text: fetchErrorMessage(error) }
        );
      }
    } catch (error) {
      if (!abort.signal.aborted) {
        setState({ status: 'error', rule, text: fetchErrorMessage(error) });
      }
    }
  };

  const cancel = () => {
    controller.current?.abort(new Error('The backtest was cancelled.'));
    setState({ status: 'idle' });
  };

  return (
    <section aria-label="Backtest a rule">
      <Stack direction="column" gap={1} alignItems="flex-start">
        <Text element="h4">Backtest a rule</Text>
        <Text color="secondary">
          What an alerting rule would have done over the last 7 days: its condition asked of Prometheus in one range
          query, replayed evaluation by evaluation with its for and keep_firing_for.
        </Text>
        <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
          {/* eslint-disable-next-line @typescript-eslint/no-deprecated -- its replacement, Combobox, is @alpha in Grafana 11.6, our minimum */}
          <Select<number>
            aria-label="Rule to backtest"
            inputId="rule-doctor-backtest-rule"
            placeholder={`Choose one of ${alerting.length} alerting rules`}
            options={options}
            value={chosen}
            onChange={(option) => setChosen(option?.value)}
            width={70}
          />
          {state.status === 'running' ? (
            <Button size="sm" variant="secondary" icon="times" onClick={cancel}>
              Cancel
            </Button>
          ) : (
            <Button size="sm" variant="secondary" icon="history" onClick={run} disabled={chosen === undefined}>
              Backtest
            </Button>
          )}
        </Stack>
        {state.status === 'running' && (
          <Text role="status">{`Backtesting ${state.rule.name} over the last 7 days…`}</Text>
        )}
        {(state.status === 'done' || state.status === 'not-backtested') && (
          <Text role="status">{`${state.rule.name}: ${state.text}`}</Text>
        )}
        {state.status === 'error' && (
          <Alert severity="error" title={`Could not backtest ${state.rule.name}`}>
            {state.text}
          </Alert>
        )}
      </Stack>
    </section>
  );
}
