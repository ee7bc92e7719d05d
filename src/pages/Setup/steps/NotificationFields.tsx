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
import { INTEGRATIONS } from '../../../alerting/contact-points';
import type { ContactPointKind } from '../../../engine';
import { REDACTED } from '../../../engine/notifications';
import { LAYERS } from '../../../catalog';
import type { LayerId, Severity } from '../../../catalog/types';
import {
  ALL_SEVERITIES,
  contactPointSetting,
  WEEKDAYS,
  type ContactPointInput,
  type ContactPointTextInput,
  type MuteTimingInput,
  type SetupForm,
} from '../form';
import type { ExistingState } from '../state';
import { FieldGroup, type FieldErrors, type UpdateForm } from './fields';

const KINDS: Array<{ label: string; value: ContactPointKind }> = [
  { label: 'Existing', value: 'existing' },
  ...INTEGRATIONS.map((i) => ({ label: i.label, value: i.type })),
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

  const secretInput = (input: ContactPointTextInput, id: string) => {
    const setting = contactPointSetting(input);
    return (
      <Field
        label={setting.label}
        htmlFor={id}
        description={
          stored(setting.key)
            ? 'Stored in Grafana and never shown. Leave empty to keep it; type a new one to replace it.'
            : 'Entered once: Grafana stores it encrypted and never shows it again.'
        }
        {...errors(`notifications.contactPoint.${setting.choiceField}`)}
      >
        <Input
          id={id}
          type="password"
          autoComplete="new-password"
          width={60}
          value={cp[input]}
          placeholder={stored(setting.key) ? 'configured' : ''}
          onChange={(e) => setCp({ [input]: e.currentTarget.value })}
        />
      </Field>
    );
  };
  const textField = (input: ContactPointTextInput, id: string, width: number) => {
    const setting = contactPointSetting(input);
    return (
      <Field label={setting.label} htmlFor={id} {...errors(`notifications.contactPoint.${setting.choiceField}`)}>
        <Input
          id={id}
          width={width}
          value={cp[input]}
          placeholder={setting.placeholder}
          onChange={(e) => setCp({ [input]: e.currentTarget.value })}
        />
      </Field>
    );
  };
  const addresses = contactPointSetting('emailAddresses');

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
              label={addresses.label}
              htmlFor="setup-cp-addresses"
              {...errors(`notifications.contactPoint.${addresses.choiceField}`)}
            >
              <TagsInput
                id="setup-cp-addresses"
                tags={cp.emailAddresses}
                addOnBlur
                placeholder={addresses.placeholder}
                onChange={(emailAddresses) => setCp({ emailAddresses })}
              />
            </Field>
          )}

          {cp.kind === 'webhook' && (
            <>
              {textField('webhookUrl', 'setup-cp-webhook-url', 60)}
              <Checkbox
                label="Send a bearer token"
                value={cp.webhookBearer}
                onChange={(e) => setCp({ webhookBearer: e.currentTarget.checked })}
              />
              {cp.webhookBearer && secretInput('webhookToken', 'setup-cp-webhook-token')}
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
                secretInput('slackWebhookUrl', 'setup-cp-slack-url')
              ) : (
                <>
                  {secretInput('slackToken', 'setup-cp-slack-token')}
                  {textField('slackRecipient', 'setup-cp-slack-recipient', 30)}
                </>
              )}
            </>
          )}

          {cp.kind === 'teams' && secretInput('teamsWebhookUrl', 'setup-cp-teams-url')}

          {cp.kind === 'pagerduty' && secretInput('pagerdutyKey', 'setup-cp-pagerduty-key')}

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
