import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './DataSource';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { VariableQueryEditor } from './components/VariableQueryEditor';
import type { InventoryDataSourceOptions, InventoryQuery } from './types';

export const plugin = new DataSourcePlugin<DataSource, InventoryQuery, InventoryDataSourceOptions>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor)
  // metricFindQuery + this editor: the variables API that works for frontend datasources on Grafana 11.
  .setVariableQueryEditor(VariableQueryEditor);
