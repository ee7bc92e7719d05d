import React from 'react';
import { Alert, Checkbox, Field, Input, Stack, Text } from '@grafana/ui';
import { PlanView } from '../../components/PlanView/PlanView';
import type { RestorePlan } from '../../backup/restore';

/*
 * Renders a restore plan: where the bundle comes from and the secrets to enter, then the engine's
 * plan in the same view Setup uses. Every decision (tick, skip, confirm) goes back up through
 * the callbacks; this component holds no state of its own besides what it is given.
 */

export interface RestoreChoicesProps {
  /** Secrets typed in so far, by contact point uid and settings key (not yet planned). */
  draftSecrets: Record<string, Record<string, string>>;
  onSecretChange: (uid: string, key: string, value: string) => void;
  skipped: readonly string[];
  onSkipChange: (uid: string, skip: boolean) => void;
  overwrite: readonly string[];
  onOverwriteChange: (uid: string, overwrite: boolean) => void;
  confirmForeignOrg: boolean;
  onConfirmForeignOrg: (confirmed: boolean) => void;
  onConfirmDestination: (id: string, confirmed: boolean) => void;
}

export function RestorePlanView({ plan, ...choices }: { plan: RestorePlan } & RestoreChoicesProps) {
  return (
    <Stack direction="column" gap={2}>
      <Text element="p">
        Bundle from organization {plan.bundle.org.id} (&quot;{plan.bundle.org.name}&quot;), plugin version{' '}
        {plan.bundle.plugin.version}, made {plan.bundle.createdAt}.
      </Text>

      {plan.warnings
        .filter((w) => w.code !== 'foreign-org')
        .map((w) => (
          <Alert key={w.code} severity="info" title="Made by another plugin version">
            {w.message}
          </Alert>
        ))}
      {plan.foreignOrg && (
        <Alert severity="warning" title="This bundle comes from another organization">
          <Stack direction="column" gap={1}>
            <Text element="p">{plan.foreignOrg.message}</Text>
            <Checkbox
              label="Restore into this organization"
              value={choices.confirmForeignOrg}
              onChange={(e) => choices.onConfirmForeignOrg(e.currentTarget.checked)}
            />
          </Stack>
        </Alert>
      )}
      {plan.destinations.length > 0 && (
        <section aria-label="Where notifications go" data-testid="restore-destinations">
          <Text element="h4">Where notifications go</Text>
          <Text element="p" color="secondary">
            This restore changes where the plugin&apos;s alerts are sent. A bundle&apos;s checksum only shows the file
            was not damaged: anyone can edit a bundle and compute it again. Tick each change you expect.
          </Text>
          {plan.destinations.map((d) => (
            <Checkbox
              key={d.id}
              label={d.message}
              value={d.confirmed}
              data-testid="restore-destination"
              onChange={(e) => choices.onConfirmDestination(d.id, e.currentTarget.checked)}
            />
          ))}
        </section>
      )}

      {plan.contactPoints.map((cp) => (
        <section key={cp.uid} aria-label={`Contact point ${cp.name}`}>
          <Text element="h4">
            Contact point &quot;{cp.name}&quot; ({cp.type})
          </Text>
          {cp.secrets.length > 0 && (
            <Text element="p" color="secondary">
              The bundle holds no secrets. Enter them again, or skip this contact point (the plugin&apos;s notification
              route is then skipped too, unless this Grafana already has the contact point).
            </Text>
          )}
          {!cp.skipped &&
            cp.secrets.map((s) => (
              <Field
                key={s.key}
                label={s.label}
                htmlFor={`secret-${cp.uid}-${s.key}`}
                description={
                  s.state === 'stored'
                    ? 'This Grafana already holds one: leave empty to keep it.'
                    : s.state === 'entered'
                      ? 'Entered: it will be written.'
                      : 'Required: Grafana has none stored.'
                }
              >
                <Input
                  id={`secret-${cp.uid}-${s.key}`}
                  type="password"
                  autoComplete="off"
                  value={choices.draftSecrets[cp.uid]?.[s.key] ?? ''}
                  onChange={(e) => choices.onSecretChange(cp.uid, s.key, e.currentTarget.value)}
                />
              </Field>
            ))}
          {cp.secrets.length > 0 && (
            <Checkbox
              label="Skip this contact point"
              value={cp.skipped}
              onChange={(e) => choices.onSkipChange(cp.uid, e.currentTarget.checked)}
            />
          )}
        </section>
      ))}

      <PlanView
        plan={plan}
        overwrite={choices.overwrite}
        onToggleOverwrite={choices.onOverwriteChange}
        verb="Restore"
      />

      {plan.bundle.notes.length > 0 && (
        <details>
          <summary>Notes in the bundle</summary>
          <ul>
            {plan.bundle.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </Stack>
  );
}
