import React from 'react';
import { Alert, Button, Icon, Stack, Text } from '@grafana/ui';
import { ApplyError, type ApplySummary } from '../../../engine';
import type { ApplyState } from '../state';
import { isPermissionError, SetupError } from '../SetupError';

interface ApplyStepProps {
  applyState: ApplyState;
  onPlanAgain: () => void;
  onChoose: () => void;
}

/** Step 4: each write as it happens, then what was written (or what failed and how to finish). */
export function ApplyStep({ applyState, onPlanAgain, onChoose }: ApplyStepProps) {
  if (applyState.status === 'idle') {
    return (
      <Stack direction="column" gap={2} alignItems="flex-start">
        <Text element="p">Nothing applied yet. Review a plan first: Apply is on the Plan step.</Text>
        <Button onClick={onChoose}>Go to Choose</Button>
      </Stack>
    );
  }
  const { progress } = applyState;
  const total = progress[0]?.total ?? 0;
  const done = progress.filter((p) => p.status === 'done').length;
  return (
    <Stack direction="column" gap={2}>
      {applyState.status === 'running' && <Text element="p">Applying… do not close this page until it finishes.</Text>}
      {total > 0 && (
        <div data-testid="setup-apply-progress">
          <progress value={done} max={total} aria-label="Apply progress" style={{ width: '100%' }} />
          <Text color="secondary">
            {done} of {total} writes done
          </Text>
          <ol>
            {progress.map((p) => (
              <li key={p.step}>
                <Icon name={p.status === 'done' ? 'check' : 'fa fa-spinner'} /> {p.label}
              </li>
            ))}
          </ol>
        </div>
      )}
      {applyState.status === 'error' && (
        <>
          <SetupError action="Apply" error={applyState.error} />
          <WrittenBeforeFailure error={applyState.error} />
          <Stack direction="row" gap={1}>
            <Button variant="secondary" onClick={onChoose}>
              Back to Choose
            </Button>
            <Button icon="sync" onClick={onPlanAgain}>
              Plan again
            </Button>
          </Stack>
        </>
      )}
      {applyState.status === 'done' && applyState.result && (
        <>
          <ResultSummary summary={applyState.result.summary} writes={applyState.result.writes} />
          <Stack direction="row" gap={1}>
            <Button icon="sync" onClick={onPlanAgain} data-testid="setup-plan-again">
              Plan again
            </Button>
          </Stack>
        </>
      )}
    </Stack>
  );
}

function WrittenBeforeFailure({ error }: { error: unknown }) {
  if (!(error instanceof ApplyError) || (isPermissionError(error) && error.completed.length === 0)) {
    return null;
  }
  return (
    <div data-testid="setup-apply-partial">
      <Text element="p">
        {error.completed.length === 0
          ? 'Nothing was written before the failure.'
          : `Written before the failure (${error.completed.length} of ${error.totalSteps}):`}
      </Text>
      {error.completed.length > 0 && (
        <ol>
          {error.completed.map((s) => (
            <li key={s.step}>{s.label}</li>
          ))}
        </ol>
      )}
      <Text element="p">
        Run Apply again to finish: Plan again, then Apply. It reads Grafana afresh and writes only what is still
        missing, so nothing is duplicated.
      </Text>
    </div>
  );
}

const FOLDER_RESULTS: Record<ApplySummary['folder'], string> = {
  created: 'created',
  exists: 'already there',
  'not-needed': 'not needed (no rules to write into it)',
};

function ResultSummary({ summary, writes }: { summary: ApplySummary; writes: number }) {
  const list = (items: string[]) => (items.length === 0 ? 'none' : items.join(', '));
  return (
    <Alert
      severity="success"
      title={writes === 0 ? 'Nothing needed writing' : `Applied: ${writes} write${writes === 1 ? '' : 's'}`}
      data-testid="setup-apply-result"
    >
      <ul>
        <li data-testid="setup-result-folder">Folder: {FOLDER_RESULTS[summary.folder]}</li>
        <li data-testid="setup-result-groups">
          Rule groups written: {summary.groupsWritten.length} ({list(summary.groupsWritten)})
        </li>
        <li data-testid="setup-result-rules">
          Rules: {summary.rulesCreated} created, {summary.rulesUpdated} updated, {summary.rulesDeleted} deleted
        </li>
        <li data-testid="setup-result-user-changed">
          Rules changed by a user: {summary.userChangedKept.length} kept ({list(summary.userChangedKept)}),{' '}
          {summary.userChangedOverwritten.length} overwritten ({list(summary.userChangedOverwritten)})
        </li>
        <li data-testid="setup-result-notifications">
          Notification objects written: {summary.notificationObjectsWritten.length} (
          {list(summary.notificationObjectsWritten)})
        </li>
      </ul>
    </Alert>
  );
}
