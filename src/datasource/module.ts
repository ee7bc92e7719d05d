import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './DataSource';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import type { InventoryDataSourceOptions, InventoryQuery } from './types';

export const plugin = new DataSourcePlugin<DataSource, InventoryQuery, InventoryDataSourceOptions>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
