import React from 'react';
import { Alert, Button, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import type { Plan } from '../../../engine';
import { PlanView } from '../../../components/PlanView/PlanView';
import type { PlanState } from '../state';
import { SetupError } from '../SetupError';
import { usePlanBacktest, type PlanBacktest } from '../usePlanBacktest';

interface PlanStepProps {
  planState: PlanState;
  /** The choices changed since this plan was made. */
  stale: boolean;
  overwrite: string[];
  onToggleOverwrite: (uid: string, ticked: boolean) => void;
  onApply: () => void;
  onReplan: () => void;
  onChoose: () => void;
  applying: boolean;
  /** The planned rules as a Prometheus rule file (useSetupFlow's `prometheusRules`). */
  prometheusRules: () => string | undefined;
}

/** Step 3: what applying would write, read from Grafana now. Nothing is written here. */
export function PlanStep(props: PlanStepProps) {
  const { planState, stale, onChoose, onReplan } = props;
  if (planState.status === 'idle') {
    return (
      <Stack direction="column" gap={2} alignItems="flex-start">
        <Text element="p">No plan yet. Make your choices, then press Plan: it reads Grafana and writes nothing.</Text>
        <Button onClick={onChoose}>Go to Choose</Button>
      </Stack>
    );
  }
  if (planState.status === 'error') {
    return (
      <Stack direction="column" gap={2} alignItems="flex-start">
        <SetupError action="Planning" error={planState.error} />
        <Stack direction="row" gap={1}>
          <Button variant="secondary" onClick={onChoose}>
            Back to Choose
          </Button>
          <Button variant="secondary" icon="sync" onClick={onReplan}>
            Plan again
          </Button>
        </Stack>
      </Stack>
    );
  }
  if (!planState.plan) {
    return <LoadingPlaceholder text="Reading what Grafana holds now…" />;
  }
  return <SetupPlan {...props} plan={planState.plan} replanning={planState.status === 'loading'} stale={stale} />;
}

function SetupPlan({
  plan,
  replanning,
  stale,
  overwrite,
  onToggleOverwrite,
  onApply,
  onReplan,
  onChoose,
  applying,
  planState,
  prometheusRules,
}: PlanStepProps & { plan: Plan; replanning: boolean }) {
  const planForm = planState.form;
  const blocked = plan.blockers.length > 0;
  const nothingToDo = plan.writes === 0;
  const backtest = usePlanBacktest(plan);
  return (
    <Stack direction="column" gap={2}>
      <Alert severity="info" title="Nothing has been written yet" data-testid="setup-plan-nothing-written">
        This is what Apply would do, compared with what Grafana holds now.
      </Alert>

      {stale && (
        <Alert severity="warning" title="The choices changed since this plan" data-testid="setup-plan-stale">
          <Stack direction="row" gap={1} alignItems="center">
            <Text>Plan again to see what the new choices would write.</Text>
            <Button size="sm" icon="sync" onClick={onReplan}>
              Plan again
            </Button>
          </Stack>
        </Alert>
      )}

      {!plan.appSettings && (
        <Alert severity="info" title="These choices will not be remembered" data-testid="setup-plan-not-remembered">
          Saving them for the next Setup run needs permission to change the app&apos;s settings (plugins:write, an
          Admin&apos;s). The rules and notification objects are written as planned.
        </Alert>
      )}

      <BacktestBar backtest={backtest} />

      <PlanView
        plan={plan}
        overwrite={overwrite}
        onToggleOverwrite={onToggleOverwrite}
        disabled={replanning || applying}
        verb="Apply"
        ruleNotes={backtest.rules}
      />

      <Stack direction="row" gap={2} alignItems="center" justifyContent="flex-end">
        {replanning && <LoadingPlaceholder text="Planning…" />}
        {planForm && <DownloadPrometheusRules text={prometheusRules} />}
        {blocked && <Text color="error">Fix the problems above first.</Text>}
        {!blocked && nothingToDo && <Text color="success">Grafana already holds exactly this: nothing to apply.</Text>}
        <Button variant="secondary" onClick={onChoose}>
          Back to Choose
        </Button>
        <Button
          onClick={onApply}
          disabled={blocked || nothingToDo || stale || replanning || applying}
          icon="check"
          data-testid="setup-apply-button"
        >
          Apply
        </Button>
      </Stack>
    </Stack>
  );
}

/**
 * Asks for the backtest of the rules to create or change (it costs one range query per rule, so it
 * runs only when asked), shows its progress, and cancels it. It never blocks Apply.
 */
function BacktestBar({ backtest }: { backtest: PlanBacktest }) {
  const count = Object.keys(backtest.rules).length;
  if (count === 0) {
    return null;
  }
  const { status, done, total } = backtest;
  return (
    <div data-testid="setup-backtest" data-status={status} aria-label="Backtest" role="group">
      <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
        {status === 'running' ? (
          <>
            <progress max={total} value={done} aria-label="Backtest progress" />
            <Text data-testid="setup-backtest-progress">{`Backtesting: ${done} of ${total} rules…`}</Text>
            <Button size="sm" variant="secondary" icon="times" onClick={backtest.cancel}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            {status !== 'done' && (
              <Button size="sm" variant="secondary" icon="history" onClick={backtest.start}>
                {status === 'cancelled' ? 'Resume the backtest' : `Backtest the ${count} rules to write`}
              </Button>
            )}
            <Text color="secondary" data-testid="setup-backtest-progress">
              {status === 'done'
                ? `Backtested over the last 7 days: ${total} rule${total === 1 ? '' : 's'}.`
                : status === 'cancelled'
                  ? `Cancelled after ${done} of ${total} rules.`
                  : 'How often each would have fired over the last 7 days: one range query per rule.'}
            </Text>
          </>
        )}
      </Stack>
    </div>
  );
}

/**
 * The same rules as a Prometheus rule file, for alerts evaluated by Prometheus instead of Grafana:
 * the planned choices, per-target thresholds and the app's replica labels included. Nothing is
 * written to Grafana.
 */
function DownloadPrometheusRules({ text: ruleFile }: { text: () => string | undefined }) {
  const download = () => {
    const text = ruleFile();
    if (text === undefined) {
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'fullstack-monitoring.rules.yml';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button
      variant="secondary"
      icon="download-alt"
      onClick={download}
      tooltip="The planned rules as a Prometheus rule file (per-target thresholds included), for alerts evaluated by Prometheus rather than Grafana"
      data-testid="setup-download-prometheus-rules"
    >
      Prometheus rules
    </Button>
  );
}
