import React from 'react';
import { Alert, Text } from '@grafana/ui';
import { ApplyError, userMessageOf } from '../../engine';
import { isGrafanaApiError } from '../../grafana-api';

/** A 403 anywhere in the chain (directly, or as the cause of a failed apply step). */
export function isPermissionError(error: unknown): boolean {
  const cause = error instanceof ApplyError ? error.cause : error;
  return isGrafanaApiError(cause) && (cause.kind === 'forbidden' || cause.kind === 'unauthenticated');
}

interface SetupErrorProps {
  /** What was being done, e.g. "Planning", for the title. */
  action: string;
  error: unknown;
}

/** The engine's own message (what failed, what to do); a permission problem gets its own title and test id. */
export function SetupError({ action, error }: SetupErrorProps) {
  const message = userMessageOf(error);
  if (isPermissionError(error)) {
    return (
      <Alert
        severity="error"
        title="You do not have permission to change alerting in Grafana"
        data-testid="setup-permission-error"
      >
        <Text element="p">{message}</Text>
        {!(error instanceof ApplyError) && <Text element="p">Nothing was written.</Text>}
      </Alert>
    );
  }
  return (
    <Alert severity="error" title={`${action} failed`} data-testid="setup-error">
      <Text element="p">{message}</Text>
    </Alert>
  );
}
