import React, { useState } from 'react';
import { Box, Button, Field, FieldSet, IconButton, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { EXPORTERS } from '../../../catalog';
import type { MatchOp } from '../../../catalog/promql';
import { MATCH_OPS, thresholdKey } from '../../../catalog/thresholds';
import type { ExporterDefinition, ThresholdDefinition } from '../../../catalog/types';
import {
  alertThresholds,
  newTargetOverride,
  unitLabel,
  type SetupForm,
  type TargetOverrideInput,
  type ThresholdLevel,
} from '../form';
import { FieldGroup, type FieldErrors, type UpdateForm } from './fields';

interface ThresholdFieldsProps {
  form: SetupForm;
  updateForm: UpdateForm;
  errors: FieldErrors;
}

/**
 * Warning and critical levels per chosen pack, defaulting to the catalog's. One section per pack,
 * closed until opened, and opened by itself when one of its values is wrong.
 */
export function ThresholdFields({ form, updateForm, errors }: ThresholdFieldsProps) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const packs = EXPORTERS.filter((e) => form.exporterIds.includes(e.id) && alertThresholds(e).length > 0);
  if (packs.length === 0) {
    return null;
  }
  return (
    <FieldSet label="Severity thresholds">
      <Text element="p" color="secondary">
        The levels alert rules compare against, per pack. Dashboards draw the same lines. Leave a value as it is to keep
        the default. A threshold can have other levels for some targets, chosen by label matcher on labels the alerts
        carry (instance, job, mountpoint…): for each threshold the first override whose matchers all hold decides a
        target&apos;s levels, and the target is compared with those only, never also with the default.
      </Text>
      <Stack direction="column" gap={1}>
        {packs.map((exporter) => {
          const thresholds = alertThresholds(exporter);
          const keys = new Set(thresholds.map((t) => thresholdKey(exporter.id, t.id)));
          const hasError =
            [...keys].some((key) => errors(`threshold:${key}`).invalid) ||
            form.targetOverrides.some((o, i) => keys.has(o.threshold) && errors(`targetOverrides.${i}`).invalid);
          const isOpen = open.has(exporter.id) || hasError;
          return (
            <section key={exporter.id} aria-label={`${exporter.title} thresholds`}>
              <Button
                variant="secondary"
                fill="text"
                icon={isOpen ? 'angle-down' : 'angle-right'}
                aria-expanded={isOpen}
                onClick={() =>
                  setOpen((s) => {
                    const next = new Set(s);
                    if (isOpen) {
                      next.delete(exporter.id);
                    } else {
                      next.add(exporter.id);
                    }
                    return next;
                  })
                }
              >
                {`${exporter.title} thresholds (${thresholds.length})`}
              </Button>
              {isOpen && (
                <Stack direction="column" gap={0}>
                  {thresholds.map((t) => (
                    <ThresholdRow
                      key={t.id}
                      exporter={exporter}
                      threshold={t}
                      form={form}
                      updateForm={updateForm}
                      errors={errors}
                    />
                  ))}
                </Stack>
              )}
            </section>
          );
        })}
      </Stack>
    </FieldSet>
  );
}

interface ThresholdProps {
  exporter: ExporterDefinition;
  threshold: ThresholdDefinition;
  form: SetupForm;
  updateForm: UpdateForm;
  errors: FieldErrors;
}

/** The threshold's form key, its unit's words, and the levels it has. */
function describeThreshold(exporter: ExporterDefinition, threshold: ThresholdDefinition) {
  return {
    key: thresholdKey(exporter.id, threshold.id),
    unit: unitLabel(threshold.unit),
    levels: (['warning', 'critical'] as ThresholdLevel[]).filter((l) => threshold[l] !== undefined),
  };
}

function ThresholdRow({ exporter, threshold, form, updateForm, errors }: ThresholdProps) {
  const { key, unit, levels } = describeThreshold(exporter, threshold);
  const range =
    threshold.min !== undefined || threshold.max !== undefined
      ? ` Allowed: ${threshold.min ?? '−∞'}–${threshold.max ?? '∞'}${unit ? ` ${unit}` : ''}.`
      : '';
  const direction =
    threshold.direction === 'above' ? 'Alerts when the value rises above it.' : 'Alerts when the value falls below it.';
  const fieldErrors = errors(`threshold:${key}`);
  return (
    <>
      <Field
        label={threshold.title}
        description={`${threshold.description} ${direction}${range}`}
        data-testid={`setup-threshold-${key}`}
        {...fieldErrors}
      >
        <FieldGroup>
          <Stack direction="row" gap={2}>
            {levels.map((level) => {
              const typed = form.thresholds[key]?.[level];
              return (
                <Stack key={level} direction="row" gap={1} alignItems="center">
                  <label htmlFor={`setup-threshold-${key}-${level}`}>
                    <Text>{level === 'warning' ? 'Warning' : 'Critical'}</Text>
                  </label>
                  <Input
                    id={`setup-threshold-${key}-${level}`}
                    aria-label={`${exporter.title} ${threshold.title} ${level}`}
                    inputMode="decimal"
                    width={16}
                    invalid={fieldErrors.invalid}
                    suffix={unit || undefined}
                    value={typed ?? String(threshold[level])}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      updateForm((f) => ({
                        ...f,
                        thresholds: { ...f.thresholds, [key]: { ...f.thresholds[key], [level]: value } },
                      }));
                    }}
                  />
                </Stack>
              );
            })}
          </Stack>
        </FieldGroup>
      </Field>
      <TargetOverrides exporter={exporter} threshold={threshold} form={form} updateForm={updateForm} errors={errors} />
    </>
  );
}

const OP_OPTIONS = MATCH_OPS.map((op) => ({ label: op, value: op }));

/** The per-target overrides of one threshold, in precedence order, and a button to add one. */
function TargetOverrides({ exporter, threshold, form, updateForm, errors }: ThresholdProps) {
  const { key, unit, levels } = describeThreshold(exporter, threshold);
  // Indexes into form.targetOverrides: problems are reported by them.
  const mine = form.targetOverrides.flatMap((o, i) => (o.threshold === key ? [i] : []));
  const change = (index: number, edit: (o: TargetOverrideInput) => TargetOverrideInput) =>
    updateForm((f) => ({ ...f, targetOverrides: f.targetOverrides.map((o, i) => (i === index ? edit(o) : o)) }));
  const label = `${exporter.title} ${threshold.title}`;
  return (
    <Stack direction="column" gap={1}>
      {mine.map((index, n) => {
        const o = form.targetOverrides[index];
        const fieldErrors = errors(`targetOverrides.${index}`);
        const name = `${label} override ${n + 1}`;
        return (
          <Field
            key={index}
            label={`For some targets (${n + 1}${n === 0 ? '' : ', if no earlier override matches'})`}
            data-testid={`setup-target-override-${key}-${n}`}
            {...fieldErrors}
          >
            <FieldGroup>
              <Stack direction="column" gap={1}>
                {o.matchers.map((m, j) => (
                  <Stack key={j} direction="row" gap={1} alignItems="center">
                    <Input
                      aria-label={`${name} label ${j + 1}`}
                      width={16}
                      placeholder="instance"
                      value={m.label}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        change(index, (x) => ({
                          ...x,
                          matchers: x.matchers.map((y, k) => (k === j ? { ...y, label: value } : y)),
                        }));
                      }}
                    />
                    <RadioButtonGroup<MatchOp>
                      aria-label={`${name} operator ${j + 1}`}
                      options={OP_OPTIONS}
                      value={m.op}
                      onChange={(op) =>
                        change(index, (x) => ({
                          ...x,
                          matchers: x.matchers.map((y, k) => (k === j ? { ...y, op } : y)),
                        }))
                      }
                    />
                    <Input
                      aria-label={`${name} value ${j + 1}`}
                      width={24}
                      placeholder={m.op === '=~' || m.op === '!~' ? 'db-.*' : 'db-1:9100'}
                      value={m.value}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        change(index, (x) => ({
                          ...x,
                          matchers: x.matchers.map((y, k) => (k === j ? { ...y, value } : y)),
                        }));
                      }}
                    />
                    {o.matchers.length > 1 && (
                      <IconButton
                        name="times"
                        tooltip="Remove this matcher"
                        aria-label={`${name} remove matcher ${j + 1}`}
                        onClick={() => change(index, (x) => ({ ...x, matchers: x.matchers.filter((_, k) => k !== j) }))}
                      />
                    )}
                  </Stack>
                ))}
                <Stack direction="row" gap={2} alignItems="center">
                  {levels.map((level) => (
                    <Stack key={level} direction="row" gap={1} alignItems="center">
                      <Text>{level === 'warning' ? 'Warning' : 'Critical'}</Text>
                      <Input
                        aria-label={`${name} ${level}`}
                        inputMode="decimal"
                        width={16}
                        placeholder={`default ${form.thresholds[key]?.[level] || threshold[level]}`}
                        suffix={unit || undefined}
                        value={o[level]}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          change(index, (x) => ({ ...x, [level]: value }));
                        }}
                      />
                    </Stack>
                  ))}
                  <Button
                    size="sm"
                    variant="secondary"
                    fill="text"
                    icon="plus"
                    onClick={() =>
                      change(index, (x) => ({ ...x, matchers: [...x.matchers, { label: '', op: '=', value: '' }] }))
                    }
                  >
                    Matcher
                  </Button>
                  <Button
                    size="sm"
                    variant="destructive"
                    fill="text"
                    icon="trash-alt"
                    aria-label={`Remove ${name}`}
                    onClick={() =>
                      updateForm((f) => ({ ...f, targetOverrides: f.targetOverrides.filter((_, i) => i !== index) }))
                    }
                  >
                    Remove
                  </Button>
                </Stack>
              </Stack>
            </FieldGroup>
          </Field>
        );
      })}
      <Box marginBottom={2}>
        <Button
          size="sm"
          variant="secondary"
          icon="plus"
          // The visible words first (WCAG "label in name"): voice control users say what they see.
          aria-label={`Other levels for some targets: ${label}`}
          onClick={() => updateForm((f) => ({ ...f, targetOverrides: [...f.targetOverrides, newTargetOverride(key)] }))}
        >
          Other levels for some targets
        </Button>
      </Box>
    </Stack>
  );
}
