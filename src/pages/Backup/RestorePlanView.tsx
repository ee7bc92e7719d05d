import React from 'react';
import { Alert, Badge, Checkbox, Field, Input, Stack, Text, type BadgeColor } from '@grafana/ui';
import type { FieldChange } from '../../engine/hash';
import type { RestorePlan } from '../../backup/restore';

/*
 * Renders a restore plan: where the bundle comes from, what blocks it, the secrets to enter, and
 * per object what restoring would do. Every decision (tick, skip, confirm) goes back up through
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
}

const ACTION_COLOR: Record<string, BadgeColor> = {
  create: 'green',
  import: 'green',
  update: 'blue',
  delete: 'red',
  obsolete: 'red',
  'user-changed': 'orange',
  unavailable: 'orange',
  unchanged: 'darkgrey',
};

function ActionBadge({ action }: { action: string }) {
  return <Badge text={action} color={ACTION_COLOR[action] ?? 'purple'} />;
}

function DiffList({ diff }: { diff: FieldChange[] }) {
  if (diff.length === 0) {
    return null;
  }
  return (
    <ul aria-label="changes">
      {diff.map((d) => (
        <li key={d.path}>
          <Text variant="bodySmall">
            {d.field}: <Text variant="code">{d.from ?? '—'}</Text> → <Text variant="code">{d.to ?? '—'}</Text>
          </Text>
        </li>
      ))}
    </ul>
  );
}

export function RestorePlanView({ plan, ...choices }: { plan: RestorePlan } & RestoreChoicesProps) {
  const { counts } = plan;
  return (
    <Stack direction="column" gap={2}>
      <Text element="p">
        Bundle from organization {plan.source.org.id} (&quot;{plan.source.org.name}&quot;), plugin version{' '}
        {plan.source.plugin.version}, made {plan.source.createdAt}.
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
      {plan.blockers.length > 0 && (
        <Alert severity="error" title="Restore is blocked: nothing will be written until these are fixed">
          <ul>
            {plan.blockers.map((b, i) => (
              <li key={`${b.kind}-${i}`}>{b.message}</li>
            ))}
          </ul>
        </Alert>
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

      <section aria-label="Alert rules">
        <Text element="h4">Alert rules</Text>
        <Text element="p">
          {counts.create} to create, {counts.update} to update, {counts.unchanged} unchanged, {counts.userChanged}{' '}
          edited in this Grafana, {counts.obsolete} not in the bundle. Folder: {plan.folder.reason}
        </Text>
        {plan.groups.map((g) => (
          <div key={g.name}>
            <Stack direction="row" gap={1} alignItems="center">
              <Text weight="medium">{g.name}</Text>
              <ActionBadge action={g.action} />
              <Text color="secondary">{g.reason}</Text>
            </Stack>
            <ul>
              {g.rules
                .filter((r) => r.action !== 'unchanged')
                .map((r) => (
                  <li key={r.uid}>
                    <Stack direction="row" gap={1} alignItems="center">
                      <ActionBadge action={r.action} />
                      <Text>{r.title}</Text>
                    </Stack>
                    <Text variant="bodySmall" color="secondary">
                      {r.reason}
                    </Text>
                    <DiffList diff={r.diff} />
                    {r.userChanged && (
                      <Checkbox
                        label={`Overwrite "${r.title}" with the bundle's version`}
                        value={choices.overwrite.includes(r.uid)}
                        onChange={(e) => choices.onOverwriteChange(r.uid, e.currentTarget.checked)}
                      />
                    )}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      {plan.notifications.length > 0 && (
        <section aria-label="Notifications">
          <Text element="h4">Notifications</Text>
          <ul>
            {plan.notifications.map((n) => (
              <li key={`${n.kind}-${n.name}`}>
                <Stack direction="row" gap={1} alignItems="center">
                  <ActionBadge action={n.action} />
                  <Text>
                    {n.kind} &quot;{n.name}&quot;: {n.reason}
                  </Text>
                </Stack>
                <DiffList diff={n.diff} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan.dashboards.length > 0 && (
        <section aria-label="Dashboards">
          <Text element="h4">Dashboards</Text>
          <ul>
            {plan.dashboards.map((d) => (
              <li key={d.uid}>
                <Stack direction="row" gap={1} alignItems="center">
                  <ActionBadge action={d.action} />
                  <Text>
                    {d.title}: {d.reason}
                  </Text>
                </Stack>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="App settings">
        <Stack direction="row" gap={1} alignItems="center">
          <Text element="h4">App settings</Text>
          <ActionBadge action={plan.appSettings.action} />
        </Stack>
        <Text element="p">{plan.appSettings.reason}</Text>
        <DiffList diff={plan.appSettings.diff} />
      </section>

      {plan.source.notes.length > 0 && (
        <details>
          <summary>Notes in the bundle</summary>
          <ul>
            {plan.source.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </Stack>
  );
}
