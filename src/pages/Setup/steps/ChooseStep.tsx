import React, { useMemo } from 'react';
import { DataSourcePicker } from '@grafana/runtime';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Field,
  FieldSet,
  IconButton,
  Input,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  TagsInput,
  Text,
} from '@grafana/ui';
import type { ChoiceProblem } from '../../../engine';
import { EXPORTERS, LAYERS } from '../../../catalog';
import { problemsByField, type SetupForm } from '../form';
import type { DetectionState, DriftState, ExistingState } from '../state';
import { SavedChoicesNotice } from './SavedChoicesNotice';
import { SetupError } from '../SetupError';
import { FieldGroup, type FieldErrors, type UpdateForm } from './fields';
import { NotificationFields } from './NotificationFields';
import { ThresholdFields } from './ThresholdFields';

interface ChooseStepProps {
  form: SetupForm;
  updateForm: UpdateForm;
  problems: ChoiceProblem[];
  detection: DetectionState;
  existing: ExistingState;
  drift: DriftState;
  onPlan: () => void;
}

/** Step 2: every choice the engine needs, validated as typed, each problem shown at its field. */
export function ChooseStep({ form, updateForm, problems, detection, existing, drift, onPlan }: ChooseStepProps) {
  const byField = useMemo(() => problemsByField(problems), [problems]);
  const errors: FieldErrors = (field) => {
    const messages = byField.get(field);
    return messages ? { invalid: true, error: messages.join(' ') } : {};
  };
  const jobsByPack = useMemo(() => {
    const jobs = new Map<string, string[]>();
    if (detection.status === 'done') {
      for (const d of detection.result.coverage.flatMap((c) => c.detected)) {
        jobs.set(d.exporter.id, d.jobs);
      }
    }
    return jobs;
  }, [detection]);
  const installed = new Set(existing.status === 'done' ? existing.installedPacks : []);
  const chosen = new Set(form.exporterIds);
  const ruleCount = EXPORTERS.filter((e) => chosen.has(e.id)).reduce((n, e) => n + e.alerts.length, 0);

  const togglePack = (id: string, on: boolean) =>
    updateForm(
      (f) => ({
        ...f,
        // Catalog order, so the plan lists groups the way the page does.
        exporterIds: EXPORTERS.map((e) => e.id).filter((x) => (x === id ? on : f.exporterIds.includes(x))),
      }),
      true
    );

  return (
    <Stack direction="column" gap={2}>
      {existing.status === 'error' && <SetupError action="Reading the current alerting setup" error={existing.error} />}
      <SavedChoicesNotice existing={existing} drift={drift} />

      <FieldSet label="Datasource">
        <Field
          label="Prometheus datasource"
          description="The alert rules query this datasource."
          htmlFor="setup-choose-datasource"
          {...errors('datasource')}
        >
          <DataSourcePicker
            inputId="setup-choose-datasource"
            type="prometheus"
            current={form.datasourceUid || null}
            noDefault
            width={50}
            placeholder="Choose a Prometheus datasource"
            onChange={(ds) => updateForm((f) => ({ ...f, datasourceUid: ds.uid }))}
          />
        </Field>
      </FieldSet>

      <FieldSet label={`Packs (${form.exporterIds.length} chosen, ${ruleCount} alert rules)`}>
        <Text element="p" color="secondary">
          One pack of alert rules per exporter. Those found by detection, and those installed before, are pre-selected.
          Unticking an installed pack deletes its rules.
        </Text>
        <Field {...errors('exporters')} data-testid="setup-packs">
          <FieldGroup>
            <Stack direction="column" gap={2}>
              {LAYERS.map((layer) => (
                <div key={layer.id} role="group" aria-label={layer.title}>
                  <Text element="h4" variant="h6">
                    {layer.title}
                  </Text>
                  <Stack direction="column" gap={0.5}>
                    {EXPORTERS.filter((e) => e.layer === layer.id).map((exporter) => {
                      const jobs = jobsByPack.get(exporter.id);
                      const packErrors = errors(`exporters.${exporter.id}`);
                      return (
                        <Stack key={exporter.id} direction="row" gap={1} alignItems="center" wrap="wrap">
                          <Checkbox
                            label={exporter.title}
                            value={chosen.has(exporter.id)}
                            onChange={(e) => togglePack(exporter.id, e.currentTarget.checked)}
                            data-testid={`setup-pack-${exporter.id}`}
                            invalid={packErrors.invalid ?? false}
                          />
                          <Text color="secondary" variant="bodySmall">
                            {exporter.alerts.length} rule{exporter.alerts.length === 1 ? '' : 's'}
                          </Text>
                          {jobs && <Badge color="green" text={`detected: ${jobs.join(', ') || '(no job)'}`} />}
                          {installed.has(exporter.id) && <Badge color="blue" text="installed" />}
                          {packErrors.error && <Text color="error">{packErrors.error}</Text>}
                        </Stack>
                      );
                    })}
                  </Stack>
                </div>
              ))}
            </Stack>
          </FieldGroup>
        </Field>
      </FieldSet>

      <ThresholdFields form={form} updateForm={updateForm} errors={errors} />

      <FieldSet label="Where the rules go">
        <Field
          label="Folder title"
          description="Title of the folder the rules are written to (its uid is fixed, so renaming it here does not move the rules)."
          htmlFor="setup-folder-title"
          {...errors('folderTitle')}
        >
          <Input
            id="setup-folder-title"
            width={50}
            value={form.folderTitle}
            onChange={(e) => {
              const folderTitle = e.currentTarget.value;
              updateForm((f) => ({ ...f, folderTitle }));
            }}
          />
        </Field>
        <LabelFilterFields form={form} updateForm={updateForm} errors={errors} />
        <ProvenanceField form={form} updateForm={updateForm} existing={existing} />
      </FieldSet>

      <NotificationFields form={form} updateForm={updateForm} errors={errors} existing={existing} />

      {problems.length > 0 && (
        <Alert
          severity="warning"
          title={`Fix ${problems.length} problem${problems.length === 1 ? '' : 's'} to plan`}
          data-testid="setup-choose-problems"
        >
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Stack direction="row" justifyContent="flex-end" gap={2} alignItems="center">
        <Text color="secondary">Planning reads Grafana and writes nothing.</Text>
        <Button onClick={onPlan} disabled={problems.length > 0} icon="list-ul" data-testid="setup-plan-button">
          Plan
        </Button>
      </Stack>
    </Stack>
  );
}

function LabelFilterFields({
  form,
  updateForm,
  errors,
}: {
  form: SetupForm;
  updateForm: UpdateForm;
  errors: FieldErrors;
}) {
  const set = (i: number, change: Partial<SetupForm['labelFilters'][number]>) =>
    updateForm((f) => ({ ...f, labelFilters: f.labelFilters.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  return (
    <Field
      label="Label filters (optional)"
      description="Limit every rule to some series, e.g. one cluster. Values are matched literally; the plugin escapes them."
    >
      <Stack direction="column" gap={1}>
        {form.labelFilters.map((filter, i) => (
          <Stack key={i} direction="row" gap={1} alignItems="flex-start" wrap="wrap">
            <Field label="Label" htmlFor={`setup-filter-${i}-label`} {...errors(`labelFilters.${i}.label`)}>
              <Input
                id={`setup-filter-${i}-label`}
                width={20}
                value={filter.label}
                onChange={(e) => set(i, { label: e.currentTarget.value })}
              />
            </Field>
            <Field label="Values" htmlFor={`setup-filter-${i}-values`} {...errors(`labelFilters.${i}.values`)}>
              <TagsInput
                id={`setup-filter-${i}-values`}
                tags={filter.values}
                addOnBlur
                placeholder="Value, then Enter"
                onChange={(values) => set(i, { values })}
              />
            </Field>
            <Field label="Exclude">
              <Checkbox
                aria-label={`Exclude these values of label filter ${i + 1}`}
                value={filter.exclude}
                onChange={(e) => set(i, { exclude: e.currentTarget.checked })}
              />
            </Field>
            <IconButton
              name="trash-alt"
              tooltip="Remove this filter"
              onClick={() => updateForm((f) => ({ ...f, labelFilters: f.labelFilters.filter((_, j) => j !== i) }))}
            />
          </Stack>
        ))}
        <div>
          <Button
            variant="secondary"
            size="sm"
            icon="plus"
            onClick={() =>
              updateForm((f) => ({
                ...f,
                labelFilters: [...f.labelFilters, { label: '', values: [], exclude: false }],
              }))
            }
          >
            Add label filter
          </Button>
        </div>
      </Stack>
    </Field>
  );
}

const PROVENANCE_OPTIONS = [
  {
    label: 'Editable in Grafana',
    value: true,
    description: 'Admins can change the rules in Grafana; Setup notices and keeps their edits.',
  },
  {
    label: 'Read-only in Grafana',
    value: false,
    description: 'Only Setup changes the rules; Grafana shows them as provisioned.',
  },
];

function ProvenanceField({
  form,
  updateForm,
  existing,
}: {
  form: SetupForm;
  updateForm: UpdateForm;
  existing: ExistingState;
}) {
  if (existing.status === 'loading') {
    return <LoadingPlaceholder text="Reading how the rules were written before…" />;
  }
  const provenance = existing.status === 'done' ? existing.provenance : undefined;
  const locked = provenance === 'none' || provenance === 'api';
  return (
    <Field
      label="Rules stay editable in Grafana's UI"
      description={
        locked
          ? `Locked: the plugin's rules were written as ${provenance === 'none' ? 'editable' : 'read-only'} in Grafana. Grafana cannot turn read-only objects back into editable ones, and the plugin keeps its objects all one way, so this choice is made once.`
          : 'Chosen once: after the first apply it cannot be changed (Grafana cannot turn read-only objects back into editable ones).'
      }
      data-testid="setup-provenance"
    >
      <Stack direction="column" gap={1}>
        <RadioButtonGroup
          aria-label="Rules stay editable in Grafana's UI"
          options={PROVENANCE_OPTIONS}
          value={form.editable}
          disabled={locked}
          onChange={(editable) => updateForm((f) => ({ ...f, editable }))}
        />
        {(provenance === 'mixed' || provenance === 'file') && (
          <Alert severity="warning" title="The plugin's rules are not all managed the same way">
            {provenance === 'file'
              ? 'They are provisioned from files on the Grafana server, so Setup cannot change them. Change those files, or remove them first.'
              : 'Some are editable in Grafana and some are read-only. The plan will list the ones that conflict with your choice.'}
          </Alert>
        )}
      </Stack>
    </Field>
  );
}
