import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Text } from '@grafana/ui';
import type { DataSource } from '../DataSource';
import type { InventoryDataSourceOptions, InventoryQuery } from '../types';

type Props = QueryEditorProps<DataSource, InventoryQuery, InventoryDataSourceOptions>;

// A single query kind for now, so there is nothing to choose; the editor says what the query returns.
export function QueryEditor(_props: Props) {
  return (
    <Text color="secondary" element="p">
      Lists every scrape target with its exporter, layer, health and version.
    </Text>
  );
}
