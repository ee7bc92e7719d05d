import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { EmptyState, Text } from '@grafana/ui';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import type { AppPageProps } from '../../types';
import { datasourceName } from '../../utils/datasourceName';

function InventoryPage({ jsonData }: AppPageProps) {
  const uid = jsonData.prometheusDatasourceUid;
  return (
    <PluginPage>
      {uid ? (
        <EmptyState variant="not-found" message="The inventory is not available yet">
          <Text element="p">
            This page will list every scrape target of {datasourceName(uid)}: the exporter it runs, its layer, whether
            it is up, its version and how long its scrapes take. It reads them through the Full-Stack Inventory
            datasource, so Prometheus credentials never reach the browser.
          </Text>
        </EmptyState>
      ) : (
        <NotConfigured whatNeedsIt="the exporter inventory" />
      )}
    </PluginPage>
  );
}

export default InventoryPage;
