import React from 'react';
import { Alert, LoadingPlaceholder, Text } from '@grafana/ui';
import type { Plan } from '../../../engine';
import type { DriftState, ExistingState } from '../state';
import { SetupError } from '../SetupError';

/**
 * Says where the form's values come from (the choices saved by the last apply) and whether Grafana
 * still holds what they would write: when someone edited or deleted the plugin's objects in
 * Grafana since, the admin learns it before planning, not from a surprising plan.
 */
export function SavedChoicesNotice({ existing, drift }: { existing: ExistingState; drift: DriftState }) {
  if (existing.status !== 'done' || existing.saved.status === 'none') {
    return null;
  }
  if (existing.saved.status === 'invalid') {
    return (
      <Alert severity="warning" title="The saved Setup choices could not be read" data-testid="setup-saved-invalid">
        {existing.saved.problem}
      </Alert>
    );
  }
  if (drift.status === 'checking' || drift.status === 'idle') {
    return <LoadingPlaceholder text="Comparing the saved choices with what Grafana holds…" />;
  }
  if (drift.status === 'error') {
    return <SetupError action="Comparing the saved choices with Grafana" error={drift.error} />;
  }
  const changes = driftSummary(drift.plan);
  if (changes.length === 0) {
    return (
      <Alert
        severity="success"
        title="Starting from the choices saved by the last apply"
        data-testid="setup-saved-in-sync"
      >
        Grafana holds exactly what they write.
      </Alert>
    );
  }
  return (
    <Alert
      severity="warning"
      title="Grafana no longer matches the choices saved by the last apply"
      data-testid="setup-saved-drift"
    >
      <Text element="p">
        The form starts from those choices. Since then, in Grafana: {changes.join('; ')}. Plan to see each one and
        decide what to keep.
      </Text>
    </Alert>
  );
}

/** What differs between Grafana and the saved choices, in words; empty when nothing does. */
export function driftSummary(plan: Plan): string[] {
  const { counts } = plan;
  const parts: string[] = [];
  const say = (n: number, words: string) => n > 0 && parts.push(`${n} ${words}`);
  say(counts.userChanged, `rule${counts.userChanged === 1 ? ' was' : 's were'} edited or moved`);
  say(counts.create, `rule${counts.create === 1 ? ' is' : 's are'} missing`);
  say(counts.update, `rule${counts.update === 1 ? ' differs' : 's differ'} from the choices`);
  say(counts.obsolete, `rule${counts.obsolete === 1 ? ' is' : 's are'} left from packs no longer chosen`);
  const notifications = plan.notifications.filter((n) => n.action !== 'unchanged').map((n) => `${n.name} changed`);
  parts.push(...notifications);
  return parts;
}
