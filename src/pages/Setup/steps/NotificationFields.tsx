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
import {
  INTEGRATIONS,
  integration,
  integrationMode,
  modeSettings,
  type Integration,
  type IntegrationSetting,
} from '../../../alerting/contact-points';
import { REDACTED } from '../../../engine/notifications';
import { LAYERS } from '../../../catalog';
import type { LayerId, Severity } from '../../../catalog/types';
import {
  ALL_SEVERITIES,
  settingInput,
  WEEKDAYS,
  type ContactPointInput,
  type MuteTimingInput,
  type SettingInput,
  type SetupForm,
} from '../form';
import type { ExistingState } from '../state';
import { FieldGroup, type FieldErrors, type UpdateForm } from './fields';

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
  const chosen = integration(cp.kind);
  // Read at render, not import, so every integration in the registry is offered.
  const kinds = [
    { label: 'Existing', value: 'existing' },
    ...INTEGRATIONS.map((i) => ({ label: i.label, value: i.type })),
  ];

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
              options={kinds}
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

          {chosen && (
            <IntegrationFields
              found={chosen}
              cp={cp}
              setCp={(change) => updateForm((f) => ({ ...f, contactPoint: change(f.contactPoint) }))}
              errors={errors}
              stored={stored}
            />
          )}

          <RoutingFields form={form} updateForm={updateForm} errors={errors} />
          <MuteTimingFields form={form} updateForm={updateForm} errors={errors} />
        </Stack>
      )}
    </FieldSet>
  );
}

interface IntegrationFieldsProps {
  found: Integration;
  cp: ContactPointInput;
  setCp: (change: (cp: ContactPointInput) => ContactPointInput) => void;
  errors: FieldErrors;
  stored: (settingKey: string) => boolean;
}

/** One integration's inputs, from its registry entry: the settings of every mode, the mode choice, then the chosen mode's own. */
function IntegrationFields({ found, cp, setCp, errors, stored }: IntegrationFieldsProps) {
  const type = found.type;
  const mode = integrationMode(found, cp.modes[type]);
  const common = modeSettings(found, undefined);
  const own = modeSettings(found, mode).filter((s) => !common.includes(s));
  const setMode = (id: string) => setCp((c) => ({ ...c, modes: { ...c.modes, [type]: id } }));
  const field = (setting: IntegrationSetting) => (
    <SettingField
      key={setting.key}
      id={`setup-cp-${type}-${setting.key}`}
      setting={setting}
      value={settingInput(cp, type, setting)}
      onChange={(value) =>
        setCp((c) => ({ ...c, values: { ...c.values, [type]: { ...c.values[type], [setting.key]: value } } }))
      }
      errors={errors(`notifications.contactPoint.${setting.key}`)}
      stored={setting.secret && stored(setting.key)}
    />
  );
  const modes = found.modes;
  return (
    <>
      {common.map(field)}
      {modes?.control === 'checkbox' && (
        <Checkbox
          label={modes.label}
          value={mode?.id === modes.options[1].id}
          onChange={(e) => setMode(modes.options[e.currentTarget.checked ? 1 : 0].id)}
        />
      )}
      {modes?.control === 'radio' && (
        <Field label={modes.label}>
          <RadioButtonGroup
            aria-label={modes.label}
            options={modes.options.map((m) => ({ label: m.label, value: m.id }))}
            value={mode?.id}
            onChange={setMode}
          />
        </Field>
      )}
      {own.map(field)}
    </>
  );
}

interface SettingFieldProps {
  id: string;
  setting: IntegrationSetting;
  value: SettingInput;
  onChange: (value: SettingInput) => void;
  errors: ReturnType<FieldErrors>;
  /** A secret Grafana already holds. */
  stored: boolean;
}

/** A list setting as tags, a secret as a password input that never shows the stored one, anything else as text. */
function SettingField({ id, setting, value, onChange, errors, stored }: SettingFieldProps) {
  const description = !setting.secret
    ? undefined
    : stored
      ? 'Stored in Grafana and never shown. Leave empty to keep it; type a new one to replace it.'
      : 'Entered once: Grafana stores it encrypted and never shows it again.';
  return (
    <Field label={setting.label} htmlFor={id} description={description} {...errors}>
      {setting.list ? (
        <TagsInput
          id={id}
          tags={Array.isArray(value) ? value : []}
          addOnBlur
          placeholder={setting.placeholder}
          onChange={onChange}
        />
      ) : (
        <Input
          id={id}
          width={setting.width ?? 60}
          value={typeof value === 'string' ? value : ''}
          placeholder={setting.secret ? (stored ? 'configured' : '') : setting.placeholder}
          onChange={(e) => onChange(e.currentTarget.value)}
          {...(setting.secret ? { type: 'password', autoComplete: 'new-password' } : {})}
        />
      )}
    </Field>
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
