import React, { useEffect, useState } from 'react';
import type { QueryEditorProps, SelectableValue } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, MultiSelect, Select } from '@grafana/ui';
import { EXPORTERS, LAYERS } from '../../catalog/runtime';
import { jobRegexError, loadJobRegexEngine } from '../../inventory/filters';
import { UNCLASSIFIED_LAYER, UNCLASSIFIED_LAYER_TITLE, UNKNOWN_EXPORTER_TITLE } from '../../inventory/inventory';
import type { TargetHealth } from '../../inventory/targets';
import type { DataSource } from '../DataSource';
import type { InventoryDataSourceOptions, InventoryQuery, InventoryQueryKind } from '../types';

type Props = QueryEditorProps<DataSource, InventoryQuery, InventoryDataSourceOptions>;

export const KIND_OPTIONS: Array<SelectableValue<InventoryQueryKind>> = [
  {
    label: 'Targets',
    value: 'targets',
    description: 'One row per scrape target: exporter, layer, health, last scrape, error, labels.',
  },
  { label: 'Exporters', value: 'exporters', description: 'One row per exporter kind: targets up / total, versions.' },
  { label: 'Coverage', value: 'coverage', description: 'One row per layer: exporters detected, targets, up ratio.' },
  { label: 'Pushgateway groups', value: 'pushgateway', description: 'Batch jobs: last push, its age, last failure.' },
  {
    label: 'Rule doctor',
    value: 'rule-doctor',
    description: "Prometheus' rules in error, never evaluated, too slow, reading no series; what no rule watches.",
  },
];

const LAYER_OPTIONS: Array<SelectableValue<string>> = [
  ...LAYERS.map((l) => ({ label: l.title, value: l.id })),
  { label: UNCLASSIFIED_LAYER_TITLE, value: UNCLASSIFIED_LAYER },
];
const EXPORTER_OPTIONS: Array<SelectableValue<string>> = [
  ...EXPORTERS.map((e) => ({ label: e.title, value: e.id, description: e.layer })),
  { label: UNKNOWN_EXPORTER_TITLE, value: 'unknown' },
];
const HEALTH_OPTIONS: Array<SelectableValue<TargetHealth>> = [
  { label: 'Down', value: 'down' },
  { label: 'Unknown', value: 'unknown' },
  { label: 'Up', value: 'up' },
];

const values = <T,>(selected: Array<SelectableValue<T>>) =>
  selected.map((s) => s.value!).filter((v) => v !== undefined);

export function QueryEditor({ query, onChange, onRunQuery }: Props) {
  const [jobRegex, setJobRegex] = useState(query.jobRegex ?? '');
  const kind = query.kind ?? 'targets';
  // Template variables ($job) are resolved at query time, so only literal patterns are checked here;
  // RE2 loads on first use, and the check shows once it has.
  const literal = jobRegex.includes('$') ? undefined : jobRegex;
  const [engineReady, setEngineReady] = useState(false);
  useEffect(() => {
    let live = true;
    loadJobRegexEngine(literal).then(() => live && setEngineReady(true));
    return () => {
      live = false;
    };
  }, [literal]);
  const regexError = literal !== undefined && engineReady ? jobRegexError(literal) : undefined;
  const update = (patch: Partial<InventoryQuery>) => {
    onChange({ ...query, ...patch });
    onRunQuery();
  };
  // Variables ($layer) are allowed as custom values and resolved by the datasource at query time.
  const withCustom = (options: Array<SelectableValue<string>>, current: string[] | undefined) => [
    ...options,
    ...(current ?? []).filter((v) => !options.some((o) => o.value === v)).map((v) => ({ label: v, value: v })),
  ];

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Show" labelWidth={12}>
          <Select
            inputId="fsm-inventory-kind"
            width={24}
            options={KIND_OPTIONS}
            value={kind}
            onChange={(o) => update({ kind: o.value })}
          />
        </InlineField>
        <InlineField
          label="Job"
          labelWidth={8}
          invalid={Boolean(regexError)}
          error={regexError}
          tooltip="A regular expression matched against the whole job name, like PromQL's =~. Template variables allowed."
        >
          <Input
            id="fsm-inventory-job"
            width={30}
            value={jobRegex}
            placeholder=".* (all jobs)"
            onChange={(e) => setJobRegex(e.currentTarget.value)}
            onBlur={() => {
              if (!regexError && jobRegex !== (query.jobRegex ?? '')) {
                update({ jobRegex: jobRegex || undefined });
              }
            }}
          />
        </InlineField>
      </InlineFieldRow>
      {kind !== 'pushgateway' && kind !== 'rule-doctor' && (
        <InlineFieldRow>
          <InlineField label="Layers" labelWidth={12}>
            <MultiSelect
              inputId="fsm-inventory-layers"
              width={30}
              allowCustomValue
              options={withCustom(LAYER_OPTIONS, query.layers)}
              value={query.layers ?? []}
              placeholder="All layers"
              onChange={(s) => update({ layers: values(s) })}
            />
          </InlineField>
          <InlineField label="Exporters" labelWidth={12}>
            <MultiSelect
              inputId="fsm-inventory-exporters"
              width={36}
              allowCustomValue
              options={withCustom(EXPORTER_OPTIONS, query.exporters)}
              value={query.exporters ?? []}
              placeholder="All exporters"
              onChange={(s) => update({ exporters: values(s) })}
            />
          </InlineField>
          <InlineField label="Health" labelWidth={10}>
            <MultiSelect
              inputId="fsm-inventory-health"
              width={24}
              options={HEALTH_OPTIONS}
              value={query.health ?? []}
              placeholder="Any"
              onChange={(s) => update({ health: values(s) })}
            />
          </InlineField>
        </InlineFieldRow>
      )}
    </>
  );
}
