import React, { useState } from 'react';
import { Button, Field, FieldSet, Input, Stack, Text } from '@grafana/ui';
import { EXPORTERS } from '../../../catalog';
import { thresholdKey } from '../../../catalog/thresholds';
import type { ExporterDefinition, ThresholdDefinition } from '../../../catalog/types';
import { alertThresholds, unitLabel, type SetupForm, type ThresholdLevel } from '../form';
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
        the default.
      </Text>
      <Stack direction="column" gap={1}>
        {packs.map((exporter) => {
          const thresholds = alertThresholds(exporter);
          const hasError = thresholds.some((t) => errors(`threshold:${thresholdKey(exporter.id, t.id)}`).invalid);
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

function ThresholdRow({
  exporter,
  threshold,
  form,
  updateForm,
  errors,
}: {
  exporter: ExporterDefinition;
  threshold: ThresholdDefinition;
  form: SetupForm;
  updateForm: UpdateForm;
  errors: FieldErrors;
}) {
  const key = thresholdKey(exporter.id, threshold.id);
  const unit = unitLabel(threshold.unit);
  const levels = (['warning', 'critical'] as ThresholdLevel[]).filter((l) => threshold[l] !== undefined);
  const range =
    threshold.min !== undefined || threshold.max !== undefined
      ? ` Allowed: ${threshold.min ?? '−∞'}–${threshold.max ?? '∞'}${unit ? ` ${unit}` : ''}.`
      : '';
  const direction =
    threshold.direction === 'above' ? 'Alerts when the value rises above it.' : 'Alerts when the value falls below it.';
  const fieldErrors = errors(`threshold:${key}`);
  return (
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
  );
}
