import React from 'react';
import {
  Button,
  Checkbox,
  Combobox,
  Field,
  FieldSet,
  IconButton,
  Input,
  RadioButtonGroup,
  Stack,
  Switch,
  TagsInput,
  Text,
} from '@grafana/ui';
import type { ContactPointKind } from '../../../alerting/engine';
import { LAYERS } from '../../../catalog';
import type { LayerId, Severity } from '../../../catalog/types';
import { ALL_SEVERITIES, WEEKDAYS, type ContactPointInput, type MuteTimingInput, type SetupForm } from '../form';
import type { ExistingState } from '../state';
import { FieldGroup, type FieldErrors, type UpdateForm } from './fields';

/** Grafana shows a stored secret as this; sending it back keeps it. */
const REDACTED = '[REDACTED]';

const KINDS: Array<{ label: string; value: ContactPointKind }> = [
  { label: 'Existing', value: 'existing' },
  { label: 'Email', value: 'email' },
  { label: 'Webhook', value: 'webhook' },
  { label: 'Slack', value: 'slack' },
  { label: 'Microsoft Teams', value: 'teams' },
  { label: 'PagerDuty', value: 'pagerduty' },
];

interface NotificationFieldsProps {
  form: SetupForm;
  updateForm: UpdateForm;
  errors: FieldErrors;
  existing: ExistingState;
}

/** Contact point, routing by severity and layer, grouping, and maintenance windows. */
export function NotificationFields({ form, updateForm, errors, existing }: NotificationFieldsProps) {
  const cp = form.contactPoint;
  const setCp = (change: Partial<ContactPointInput>) =>
    updateForm((f) => ({ ...f, contactPoint: { ...f.contactPoint, ...change } }));
  const names = existing.status === 'done' ? existing.contactPointNames : [];
  const ours = existing.status === 'done' ? existing.ourContactPoint : undefined;
  /** Whether Grafana already stores this secret for the plugin's contact point of this kind. */
  const stored = (settingKey: string) =>
    ours !== undefined && ours.type === cp.kind && ours.settings?.[settingKey] === REDACTED;

  const secretInput = (props: {
    id: string;
    label: string;
    settingKey: string;
    value: string;
    onChange: (value: string) => void;
    field: string;
  }) => (
    <Field
      label={props.label}
      htmlFor={props.id}
      description={
        stored(props.settingKey)
          ? 'Stored in Grafana and never shown. Leave empty to keep it; type a new one to replace it.'
          : 'Entered once: Grafana stores it encrypted and never shows it again.'
      }
      {...errors(props.field)}
    >
      <Input
        id={props.id}
        type="password"
        autoComplete="new-password"
        width={60}
        value={props.value}
        placeholder={stored(props.settingKey) ? 'configured' : ''}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </Field>
  );

  return (
    <FieldSet label="Notifications">
      <Field
        label="Send these alerts to a contact point"
        htmlFor="setup-notify"
        description="Off: the plugin writes rules only, and their alerts follow your existing notification policies. On: the plugin adds its own route to your policy tree (your routes stay as they are)."
      >
        <Switch
          id="setup-notify"
          value={form.notify}
          onChange={(e) => {
            const notify = e.currentTarget.checked;
            updateForm((f) => ({ ...f, notify }));
          }}
        />
      </Field>
      {form.notify && (
        <Stack direction="column" gap={1}>
          <Field label="Contact point">
            <RadioButtonGroup
              aria-label="Contact point type"
              options={KINDS}
              value={cp.kind}
              onChange={(kind) => setCp({ kind })}
            />
          </Field>
          {cp.kind === 'existing' ? (
            <Field
              label="Existing contact point"
              htmlFor="setup-cp-existing"
              {...errors('notifications.contactPoint.name')}
            >
              <Combobox
                id="setup-cp-existing"
                width={50}
                options={names.map((n) => ({ label: n, value: n }))}
                value={cp.existingName || null}
                placeholder="Choose a contact point"
                onChange={(v) => setCp({ existingName: v.value })}
              />
            </Field>
          ) : (
            <Field
              label="Name of the plugin's contact point"
              htmlFor="setup-cp-name"
              {...errors('notifications.contactPoint.name')}
            >
              <Input
                id="setup-cp-name"
                width={50}
                value={cp.name}
                onChange={(e) => setCp({ name: e.currentTarget.value })}
              />
            </Field>
          )}

          {cp.kind === 'email' && (
            <Field
              label="Email addresses"
              htmlFor="setup-cp-addresses"
              {...errors('notifications.contactPoint.addresses')}
            >
              <TagsInput
                id="setup-cp-addresses"
                tags={cp.emailAddresses}
                addOnBlur
                placeholder="Address, then Enter"
                onChange={(emailAddresses) => setCp({ emailAddresses })}
              />
            </Field>
          )}

          {cp.kind === 'webhook' && (
            <>
              <Field label="Webhook URL" htmlFor="setup-cp-webhook-url" {...errors('notifications.contactPoint.url')}>
                <Input
                  id="setup-cp-webhook-url"
                  width={60}
                  value={cp.webhookUrl}
                  placeholder="https://"
                  onChange={(e) => setCp({ webhookUrl: e.currentTarget.value })}
                />
              </Field>
              <Checkbox
                label="Send a bearer token"
                value={cp.webhookBearer}
                onChange={(e) => setCp({ webhookBearer: e.currentTarget.checked })}
              />
              {cp.webhookBearer &&
                secretInput({
                  id: 'setup-cp-webhook-token',
                  label: 'Bearer token',
                  settingKey: 'authorization_credentials',
                  value: cp.webhookToken,
                  onChange: (webhookToken) => setCp({ webhookToken }),
                  field: 'notifications.contactPoint.authorization_credentials',
                })}
            </>
          )}

          {cp.kind === 'slack' && (
            <>
              <Field label="Slack connection">
                <RadioButtonGroup
                  aria-label="Slack connection"
                  options={[
                    { label: 'Incoming webhook', value: 'webhook' as const },
                    { label: 'Bot token', value: 'bot' as const },
                  ]}
                  value={cp.slackMode}
                  onChange={(slackMode) => setCp({ slackMode })}
                />
              </Field>
              {cp.slackMode === 'webhook' ? (
                secretInput({
                  id: 'setup-cp-slack-url',
                  label: 'Slack webhook URL',
                  settingKey: 'url',
                  value: cp.slackWebhookUrl,
                  onChange: (slackWebhookUrl) => setCp({ slackWebhookUrl }),
                  field: 'notifications.contactPoint.webhookUrl',
                })
              ) : (
                <>
                  {secretInput({
                    id: 'setup-cp-slack-token',
                    label: 'Slack bot token',
                    settingKey: 'token',
                    value: cp.slackToken,
                    onChange: (slackToken) => setCp({ slackToken }),
                    field: 'notifications.contactPoint.token',
                  })}
                  <Field label="Channel" htmlFor="setup-cp-slack-recipient">
                    <Input
                      id="setup-cp-slack-recipient"
                      width={30}
                      value={cp.slackRecipient}
                      placeholder="#alerts"
                      onChange={(e) => setCp({ slackRecipient: e.currentTarget.value })}
                    />
                  </Field>
                </>
              )}
            </>
          )}

          {cp.kind === 'teams' &&
            secretInput({
              id: 'setup-cp-teams-url',
              label: 'Microsoft Teams webhook URL',
              settingKey: 'url',
              value: cp.teamsWebhookUrl,
              onChange: (teamsWebhookUrl) => setCp({ teamsWebhookUrl }),
              field: 'notifications.contactPoint.webhookUrl',
            })}

          {cp.kind === 'pagerduty' &&
            secretInput({
              id: 'setup-cp-pagerduty-key',
              label: 'PagerDuty integration key',
              settingKey: 'integrationKey',
              value: cp.pagerdutyKey,
              onChange: (pagerdutyKey) => setCp({ pagerdutyKey }),
              field: 'notifications.contactPoint.integrationKey',
            })}

          <RoutingFields form={form} updateForm={updateForm} errors={errors} />
          <MuteTimingFields form={form} updateForm={updateForm} errors={errors} />
        </Stack>
      )}
    </FieldSet>
  );
}

function RoutingFields({ form, updateForm, errors }: { form: SetupForm; updateForm: UpdateForm; errors: FieldErrors }) {
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  return (
    <>
      <Field
        label="Group notifications by"
        description="Alerts with the same values of these labels are sent together."
        htmlFor="setup-group-by"
        {...errors('notifications.routing.groupBy')}
      >
        <TagsInput
          id="setup-group-by"
          tags={form.groupBy}
          addOnBlur
          onChange={(groupBy) => updateForm((f) => ({ ...f, groupBy }))}
        />
      </Field>
      <Field label="Severities that notify" {...errors('notifications.routing.severities')}>
        <FieldGroup>
          <Stack direction="row" gap={2}>
            {ALL_SEVERITIES.map((severity: Severity) => (
              <Checkbox
                key={severity}
                label={severity}
                value={form.severities.includes(severity)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  updateForm((f) => ({ ...f, severities: toggle(f.severities, severity, on) }));
                }}
              />
            ))}
          </Stack>
        </FieldGroup>
      </Field>
      <Field
        label="Layers that notify"
        description="None ticked: every layer."
        {...errors('notifications.routing.layers')}
      >
        <FieldGroup>
          <Stack direction="row" gap={2} wrap="wrap">
            {LAYERS.map((layer) => (
              <Checkbox
                key={layer.id}
                label={layer.title}
                value={form.layers.includes(layer.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  updateForm((f) => ({ ...f, layers: toggle<LayerId>(f.layers, layer.id, on) }));
                }}
              />
            ))}
          </Stack>
        </FieldGroup>
      </Field>
    </>
  );
}

function MuteTimingFields({
  form,
  updateForm,
  errors,
}: {
  form: SetupForm;
  updateForm: UpdateForm;
  errors: FieldErrors;
}) {
  const set = (i: number, change: Partial<MuteTimingInput>) =>
    updateForm((f) => ({ ...f, muteTimings: f.muteTimings.map((m, j) => (j === i ? { ...m, ...change } : m)) }));
  return (
    <Field
      label="Maintenance windows"
      description="No notifications for the plugin's alerts during these times (mute timings). Rules keep evaluating."
    >
      <Stack direction="column" gap={1}>
        {form.muteTimings.map((mt, i) => (
          <Stack key={i} direction="column" gap={0.5}>
            <Stack direction="row" gap={1} alignItems="flex-start" wrap="wrap">
              <Field label="Name" htmlFor={`setup-mute-${i}-name`} {...errors(`notifications.muteTimings.${i}.name`)}>
                <Input
                  id={`setup-mute-${i}-name`}
                  width={30}
                  value={mt.name}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                />
              </Field>
              <Field
                label="From (HH:MM)"
                htmlFor={`setup-mute-${i}-start`}
                {...errors(`notifications.muteTimings.${i}.times`)}
              >
                <Input
                  id={`setup-mute-${i}-start`}
                  width={10}
                  placeholder="02:00"
                  value={mt.start}
                  onChange={(e) => set(i, { start: e.currentTarget.value })}
                />
              </Field>
              <Field label="To (HH:MM)" htmlFor={`setup-mute-${i}-end`}>
                <Input
                  id={`setup-mute-${i}-end`}
                  width={10}
                  placeholder="04:00"
                  value={mt.end}
                  onChange={(e) => set(i, { end: e.currentTarget.value })}
                />
              </Field>
              <IconButton
                name="trash-alt"
                tooltip="Remove this maintenance window"
                onClick={() => updateForm((f) => ({ ...f, muteTimings: f.muteTimings.filter((_, j) => j !== i) }))}
              />
            </Stack>
            <Stack
              direction="row"
              gap={1}
              wrap="wrap"
              role="group"
              aria-label={`Weekdays of maintenance window ${i + 1}`}
            >
              {WEEKDAYS.map((day) => (
                <Checkbox
                  key={day}
                  label={day.slice(0, 3)}
                  value={mt.weekdays.includes(day)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    set(i, {
                      weekdays: WEEKDAYS.filter((d) => (d === day ? on : mt.weekdays.includes(d))),
                    });
                  }}
                />
              ))}
            </Stack>
          </Stack>
        ))}
        <Text color="secondary" variant="bodySmall">
          No weekday ticked: every day. No times: the whole day.
        </Text>
        <div>
          <Button
            variant="secondary"
            size="sm"
            icon="plus"
            onClick={() =>
              updateForm((f) => ({
                ...f,
                muteTimings: [...f.muteTimings, { name: '', weekdays: ['sunday'], start: '02:00', end: '04:00' }],
              }))
            }
          >
            Add maintenance window
          </Button>
        </div>
      </Stack>
    </Field>
  );
}
