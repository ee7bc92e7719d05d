import React, { useState } from 'react';
import { Alert, Badge, Button, Checkbox, LoadingPlaceholder, Stack, Text, type BadgeColor } from '@grafana/ui';
import type { FieldChange, GroupPlan, NotificationPlanItem, Plan, RulePlan } from '../../../engine';
import type { PlanState } from '../state';
import { SetupError } from '../SetupError';

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
}

const ACTION_COLORS: Record<string, BadgeColor> = {
  create: 'green',
  update: 'blue',
  unchanged: 'darkgrey',
  'user-changed': 'orange',
  obsolete: 'red',
  delete: 'red',
  exists: 'darkgrey',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  'user-changed': 'changed by a user',
  obsolete: 'obsolete',
  delete: 'delete',
  exists: 'exists',
};

function ActionBadge({ action }: { action: string }) {
  return <Badge color={ACTION_COLORS[action] ?? 'darkgrey'} text={ACTION_LABELS[action] ?? action} />;
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
  return <PlanView {...props} plan={planState.plan} replanning={planState.status === 'loading'} stale={stale} />;
}

function PlanView({
  plan,
  replanning,
  stale,
  overwrite,
  onToggleOverwrite,
  onApply,
  onReplan,
  onChoose,
  applying,
}: PlanStepProps & { plan: Plan; replanning: boolean }) {
  const blocked = plan.blockers.length > 0;
  const nothingToDo = plan.writes === 0;
  const { counts } = plan;
  return (
    <Stack direction="column" gap={2}>
      <Alert severity="info" title="Nothing has been written yet" data-testid="setup-plan-nothing-written">
        This is what Apply would do, compared with what Grafana holds now.
      </Alert>

      <div data-testid="setup-plan-summary" aria-label="Plan summary" role="group">
        <Stack direction="row" gap={2} wrap="wrap" alignItems="center">
          <Text weight="bold" data-testid="setup-plan-writes">
            {`${plan.writes} write${plan.writes === 1 ? '' : 's'}`}
          </Text>
          <Count testId="create" label="to create" value={counts.create} />
          <Count testId="update" label="to update" value={counts.update} />
          <Count testId="unchanged" label="unchanged" value={counts.unchanged} />
          <Count testId="user-changed" label="changed by a user" value={counts.userChanged} />
          <Count testId="obsolete" label="obsolete" value={counts.obsolete} />
        </Stack>
      </div>

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

      {plan.blockers.map((b, i) => (
        <Alert key={i} severity="error" title="Apply is blocked" data-testid="setup-plan-blocker" data-kind={b.kind}>
          {b.message}
        </Alert>
      ))}

      <ul style={{ listStyle: 'none', padding: 0 }} aria-label="Plan details">
        <li data-testid="setup-plan-folder">
          <Stack direction="row" gap={1} alignItems="center">
            <ActionBadge action={plan.folder.action} />
            <Text>
              Folder “{plan.folder.title}”: {plan.folder.reason}
            </Text>
          </Stack>
        </li>
        <li>
          <Text color="secondary">
            Datasource:{' '}
            {plan.datasource.found
              ? `${plan.datasource.name} (${plan.datasource.type})`
              : `“${plan.datasource.uid}” not found`}
            . Rules will be {plan.provenance.description}.
          </Text>
        </li>
      </ul>

      <section aria-label="Rule groups">
        <Text element="h3" variant="h4">
          Rule groups
        </Text>
        <Stack direction="column" gap={1}>
          {plan.groups.map((g) => (
            <GroupView
              key={g.name}
              group={g}
              overwrite={overwrite}
              onToggleOverwrite={onToggleOverwrite}
              disabled={replanning || applying}
            />
          ))}
        </Stack>
      </section>

      {plan.notifications.length > 0 && (
        <section aria-label="Notification objects" data-testid="setup-plan-notifications">
          <Text element="h3" variant="h4">
            Notifications
          </Text>
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {plan.notifications.map((n) => (
              <NotificationView key={`${n.kind}:${n.name}`} item={n} />
            ))}
          </ul>
        </section>
      )}

      {plan.skippedExporters.length > 0 && (
        <Text color="secondary">
          Skipped: {plan.skippedExporters.map((s) => `${s.title} (${s.reason})`).join('; ')}
        </Text>
      )}

      <Stack direction="row" gap={2} alignItems="center" justifyContent="flex-end">
        {replanning && <LoadingPlaceholder text="Planning…" />}
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

function Count({ testId, label, value }: { testId: string; label: string; value: number }) {
  return (
    <span data-testid={`setup-plan-count-${testId}`} data-count={value}>
      <Text>
        {value} {label}
      </Text>
    </span>
  );
}

function GroupView({
  group,
  overwrite,
  onToggleOverwrite,
  disabled,
}: {
  group: GroupPlan;
  overwrite: string[];
  onToggleOverwrite: (uid: string, ticked: boolean) => void;
  disabled: boolean;
}) {
  const hasUserChanges = group.rules.some((r) => r.userChanged);
  const [open, setOpen] = useState(hasUserChanges);
  const shown = open || hasUserChanges;
  return (
    <section
      aria-label={`Rule group ${group.name}`}
      data-testid="setup-plan-group"
      data-group={group.name}
      data-action={group.action}
    >
      <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
        <Button
          variant="secondary"
          fill="text"
          icon={shown ? 'angle-down' : 'angle-right'}
          aria-expanded={shown}
          onClick={() => setOpen(!shown)}
        >
          {`${group.exporterTitle ?? group.name} (${group.name})`}
        </Button>
        <ActionBadge action={group.action} />
        <Text color="secondary">{group.reason}</Text>
      </Stack>
      {shown && (
        <table style={{ width: '100%' }}>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Action</th>
              <th scope="col">Why, and what changes</th>
              <th scope="col">Overwrite</th>
            </tr>
          </thead>
          <tbody>
            {group.rules.map((r) => (
              <RuleRow
                key={r.uid}
                rule={r}
                ticked={overwrite.includes(r.uid)}
                onToggle={onToggleOverwrite}
                disabled={disabled}
              />
            ))}
            {group.foreignRules.map((r) => (
              <tr key={r.uid}>
                <td>{r.title}</td>
                <td>
                  <Badge color="darkgrey" text="not the plugin's" />
                </td>
                <td>A rule of yours in this group: kept as it is.</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RuleRow({
  rule,
  ticked,
  onToggle,
  disabled,
}: {
  rule: RulePlan;
  ticked: boolean;
  onToggle: (uid: string, ticked: boolean) => void;
  disabled: boolean;
}) {
  return (
    <tr data-testid="setup-plan-rule" data-uid={rule.uid} data-action={rule.action}>
      <td>
        <Text>{rule.title}</Text>
        <br />
        <Text color="secondary" variant="bodySmall">
          {rule.uid}
        </Text>
      </td>
      <td>
        <ActionBadge action={rule.action} />
      </td>
      <td>
        <Text>{rule.reason}</Text>
        <DiffList diff={rule.diff} />
      </td>
      <td>
        {rule.userChanged && (
          <Checkbox
            label="overwrite"
            aria-label={`Overwrite ${rule.title}`}
            value={ticked}
            disabled={disabled}
            onChange={(e) => onToggle(rule.uid, e.currentTarget.checked)}
          />
        )}
      </td>
    </tr>
  );
}

function DiffList({ diff }: { diff: FieldChange[] }) {
  if (diff.length === 0) {
    return null;
  }
  return (
    <ul aria-label="Changes">
      {diff.map((d, i) => (
        <li key={i}>
          <Text variant="code">{d.field}</Text>: {d.from === undefined ? '(none)' : d.from} →{' '}
          {d.to === undefined ? '(none)' : d.to}
        </li>
      ))}
    </ul>
  );
}

function NotificationView({ item }: { item: NotificationPlanItem }) {
  const kind =
    item.kind === 'contact-point' ? 'Contact point' : item.kind === 'mute-timing' ? 'Maintenance window' : 'Policy';
  return (
    <li data-testid="setup-plan-notification" data-kind={item.kind} data-action={item.action}>
      <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
        <ActionBadge action={item.action} />
        <Text>
          {kind} “{item.name}”: {item.reason}
        </Text>
      </Stack>
      <DiffList diff={item.diff} />
    </li>
  );
}
