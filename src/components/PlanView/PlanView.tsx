import React, { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Stack, Text, type BadgeColor } from '@grafana/ui';
import type { FieldChange, GroupPlan, NotificationPlanItem, Plan, RulePlan, TargetOverrideSummary } from '../../engine';
import { unitLabel } from '../../catalog/units';

/*
 * One view of an engine plan, for Setup and for Restore alike: what applying would write, object by
 * object, with the reason and the field-level change, and a tick for each rule edited in Grafana
 * that the admin may choose to overwrite. It holds no state but which groups are open; every
 * decision goes back up through onToggleOverwrite.
 */

export interface PlanViewProps {
  plan: Plan;
  overwrite: readonly string[];
  onToggleOverwrite: (uid: string, ticked: boolean) => void;
  /** While a new plan or an apply runs. */
  disabled?: boolean;
  /** "Apply" or "Restore": the word the blockers and ticks use. */
  verb: string;
  /** A line under a rule's reason, by rule uid (Setup's backtest: what the rule would have done). */
  ruleNotes?: Record<string, RuleNote>;
}

export interface RuleNote {
  status: 'queued' | 'done' | 'error' | 'not-backtested';
  text: string;
}

const ACTION_COLORS: Record<string, BadgeColor> = {
  create: 'green',
  import: 'green',
  update: 'blue',
  unchanged: 'darkgrey',
  'user-changed': 'orange',
  unavailable: 'orange',
  obsolete: 'red',
  delete: 'red',
  exists: 'darkgrey',
};

const ACTION_LABELS: Record<string, string> = { 'user-changed': 'changed by a user', 'not-needed': 'not needed' };

export function ActionBadge({ action }: { action: string }) {
  return <Badge color={ACTION_COLORS[action] ?? 'darkgrey'} text={ACTION_LABELS[action] ?? action} />;
}

export function PlanView({ plan, overwrite, onToggleOverwrite, disabled = false, verb, ruleNotes }: PlanViewProps) {
  const { counts } = plan;
  return (
    <Stack direction="column" gap={2}>
      <div data-testid="plan-summary" aria-label="Plan summary" role="group">
        <Stack direction="row" gap={2} wrap="wrap" alignItems="center">
          <Text weight="bold" data-testid="plan-writes">
            {`${plan.writes} write${plan.writes === 1 ? '' : 's'}`}
          </Text>
          <Count testId="create" label="to create" value={counts.create} />
          <Count testId="update" label="to update" value={counts.update} />
          <Count testId="unchanged" label="unchanged" value={counts.unchanged} />
          <Count testId="user-changed" label="changed by a user" value={counts.userChanged} />
          <Count testId="obsolete" label="obsolete" value={counts.obsolete} />
        </Stack>
      </div>

      {plan.blockers.map((b, i) => (
        <Alert key={i} severity="error" title={`${verb} is blocked`} data-testid="plan-blocker" data-kind={b.kind}>
          {b.message}
        </Alert>
      ))}

      <ul style={{ listStyle: 'none', padding: 0 }} aria-label="Plan details">
        <li data-testid="plan-folder">
          <Stack direction="row" gap={1} alignItems="center">
            <ActionBadge action={plan.folder.action} />
            <Text>
              Folder “{plan.folder.title}”: {plan.folder.reason}
            </Text>
          </Stack>
        </li>
        <li>
          <Text color="secondary">
            Datasource{plan.datasources.length === 1 ? '' : 's'}:{' '}
            {plan.datasources.length === 0
              ? 'none'
              : plan.datasources
                  .map((ds) => (ds.found ? `${ds.name} (${ds.type})` : `“${ds.uid}” not found`))
                  .join(', ')}
            . Rules will be {plan.provenance.description}.
          </Text>
        </li>
      </ul>

      {plan.targetOverrides.length > 0 && <TargetOverridesView overrides={plan.targetOverrides} />}

      {plan.groups.length > 0 && (
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
                disabled={disabled}
                verb={verb}
                ruleNotes={ruleNotes}
              />
            ))}
          </Stack>
        </section>
      )}

      {plan.notifications.length > 0 && (
        <section aria-label="Notification objects" data-testid="plan-notifications">
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

      {plan.dashboards.length > 0 && (
        <section aria-label="Dashboards">
          <Text element="h3" variant="h4">
            Dashboards
          </Text>
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {plan.dashboards.map((d) => (
              <li key={d.uid} data-testid="plan-dashboard" data-action={d.action}>
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

      {plan.appSettings && (
        <section aria-label="App settings" data-testid="plan-app-settings" data-action={plan.appSettings.action}>
          <Stack direction="row" gap={1} alignItems="center">
            <ActionBadge action={plan.appSettings.action} />
            <Text>App settings: {plan.appSettings.reason}</Text>
          </Stack>
          {plan.appSettings.diff.length > 0 && (
            <details>
              <summary>
                {plan.appSettings.diff.length} value{plan.appSettings.diff.length === 1 ? '' : 's'}
              </summary>
              <DiffList diff={plan.appSettings.diff} />
            </details>
          )}
        </section>
      )}

      {plan.skippedExporters.length > 0 && (
        <Text color="secondary">
          Skipped: {plan.skippedExporters.map((s) => `${s.title} (${s.reason})`).join('; ')}
        </Text>
      )}
    </Stack>
  );
}

/** The per-target thresholds the rules will carry: they change rule queries, so the plan says them in words. */
function TargetOverridesView({ overrides }: { overrides: readonly TargetOverrideSummary[] }) {
  return (
    <section aria-label="Per-target thresholds" data-testid="plan-target-overrides">
      <Text element="h3" variant="h4">
        Per-target thresholds
      </Text>
      <Text color="secondary" element="p">
        For each threshold, the first override whose matchers hold decides a target&apos;s levels; the target is
        compared with those levels only, never also with the default.
      </Text>
      <ol style={{ paddingLeft: 24 }}>
        {overrides.map((o, i) => {
          const unit = unitLabel(o.unit);
          const level = (name: string, l?: { value: number; default: number }) =>
            l ? `${name} ${l.value}${unit ? ` ${unit}` : ''} (default ${l.default})` : undefined;
          return (
            <li key={i} data-testid="plan-target-override">
              <Text>
                {o.exporterTitle}, {o.threshold} for <code>{o.matchers}</code>:{' '}
                {[level('warning', o.warning), level('critical', o.critical)].filter(Boolean).join(', ')}
              </Text>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Count({ testId, label, value }: { testId: string; label: string; value: number }) {
  return (
    <span data-testid={`plan-count-${testId}`} data-count={value}>
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
  verb,
  ruleNotes,
}: {
  group: GroupPlan;
  overwrite: readonly string[];
  onToggleOverwrite: (uid: string, ticked: boolean) => void;
  disabled: boolean;
  verb: string;
  ruleNotes?: Record<string, RuleNote>;
}) {
  const hasUserChanges = group.rules.some((r) => r.userChanged);
  const [open, setOpen] = useState(hasUserChanges);
  const shown = open || hasUserChanges;
  return (
    <section
      aria-label={`Rule group ${group.name}`}
      data-testid="plan-group"
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
          {group.exporterTitle ? `${group.exporterTitle} (${group.name})` : group.name}
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
                verb={verb}
                note={ruleNotes?.[r.uid]}
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
  verb,
  note,
}: {
  rule: RulePlan;
  ticked: boolean;
  onToggle: (uid: string, ticked: boolean) => void;
  disabled: boolean;
  verb: string;
  note?: RuleNote;
}) {
  return (
    <tr data-testid="plan-rule" data-uid={rule.uid} data-action={rule.action}>
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
        {note && note.text && (
          <div data-testid="plan-rule-backtest" data-status={note.status}>
            <Text
              variant="bodySmall"
              color={note.status === 'error' ? 'error' : note.status === 'done' ? 'primary' : 'secondary'}
            >
              {note.text}
            </Text>
          </div>
        )}
      </td>
      <td>
        {rule.userChanged && (
          <Checkbox
            label="overwrite"
            aria-label={`Overwrite ${rule.title}`}
            title={`${verb} replaces the edit made in Grafana`}
            value={ticked}
            disabled={disabled}
            onChange={(e) => onToggle(rule.uid, e.currentTarget.checked)}
          />
        )}
      </td>
    </tr>
  );
}

export function DiffList({ diff }: { diff: FieldChange[] }) {
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
    <li data-testid="plan-notification" data-kind={item.kind} data-action={item.action}>
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
