import React from 'react';
import type { SelectableValue } from '@grafana/data';
import { InlineField, Select } from '@grafana/ui';
import type { InventoryVariableQuery, VariableQueryKind } from '../types';

const OPTIONS: Array<SelectableValue<VariableQueryKind>> = [
  { label: 'Layers', value: 'layers', description: 'Layers with at least one target (value: layer id).' },
  { label: 'Exporters', value: 'exporters', description: 'Exporters Prometheus scrapes (value: exporter id).' },
  { label: 'Jobs', value: 'jobs', description: 'Every scrape job.' },
];

interface Props {
  query: InventoryVariableQuery | string | undefined;
  onChange: (query: InventoryVariableQuery, definition: string) => void;
}

/** The variable editor: what to list. Older dashboards may hold the plain string form ("jobs"). */
export function VariableQueryEditor({ query, onChange }: Props) {
  const kind = typeof query === 'string' ? (query as VariableQueryKind) : query?.kind;
  return (
    <InlineField label="List" labelWidth={12}>
      <Select
        inputId="fsm-inventory-variable-kind"
        width={30}
        options={OPTIONS}
        value={kind}
        placeholder="Choose what to list"
        onChange={(o) => onChange({ kind: o.value! }, `Inventory: ${o.label}`)}
      />
    </InlineField>
  );
}
