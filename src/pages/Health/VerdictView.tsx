import React from 'react';
import { Alert, Badge, Button, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import type { Problem, Verdict } from '../../health/verdict';

export type VerdictState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; verdict: Verdict; checkedAt: Date };

const ALERT_SEVERITY = { healthy: 'success', warning: 'warning', critical: 'error', unknown: 'info' } as const;
const BADGE = {
  critical: { text: 'Critical', color: 'red' },
  warning: { text: 'Warning', color: 'orange' },
  unknown: { text: 'No data', color: 'blue' },
} as const;

function ProblemItem({ problem }: { problem: Problem }) {
  const badge = BADGE[problem.severity];
  return (
    <li>
      <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
        <Badge text={badge.text} color={badge.color} />
        <Text>{problem.message}</Text>
        <TextLink href={problem.link} inline={false}>
          {problem.title}
        </TextLink>
      </Stack>
    </li>
  );
}

/** The verdict at the top of the Health page, in plain words, worst problem first. */
export function VerdictView({ state, onRecheck }: { state: VerdictState; onRecheck: () => void }) {
  if (state.status === 'loading') {
    return <LoadingPlaceholder text="Checking your monitoring stack…" />;
  }
  if (state.status === 'error') {
    return (
      <Alert severity="error" title="Could not check the monitoring stack">
        <Stack direction="column" gap={1} alignItems="flex-start">
          <Text>{state.message}</Text>
          <Text>
            Check that the Prometheus datasource chosen on the app’s configuration page still exists and that you may
            query it, then try again.
          </Text>
          <Button size="sm" variant="secondary" icon="sync" onClick={onRecheck}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  const { verdict, checkedAt } = state;
  return (
    <Alert severity={ALERT_SEVERITY[verdict.status]} title={verdict.headline}>
      <Stack direction="column" gap={1} alignItems="flex-start">
        {verdict.problems.length > 0 && (
          <ul aria-label="Problems, worst first" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
            {verdict.problems.map((problem, index) => (
              <ProblemItem key={`${problem.checkId}-${index}`} problem={problem} />
            ))}
          </ul>
        )}
        <Stack direction="row" gap={1} alignItems="center">
          <Text color="secondary" variant="bodySmall">
            {verdict.checksRun} checks ran at {checkedAt.toLocaleTimeString()}.
          </Text>
          <Button size="sm" variant="secondary" fill="text" icon="sync" onClick={onRecheck}>
            Check again
          </Button>
        </Stack>
      </Stack>
    </Alert>
  );
}
