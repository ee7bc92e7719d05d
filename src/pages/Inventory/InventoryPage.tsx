import React, { lazy, Suspense } from 'react';
import { getDataSourceSrv, PluginPage } from '@grafana/runtime';
import { EmptyState, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { InventoryDatasourceSetup } from '../../components/AppConfig/InventoryDatasourceSetup';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import { PartialTargets } from '../../components/PartialTargets/PartialTargets';
import { INVENTORY_DATASOURCE_TYPE, INVENTORY_DATASOURCE_UID } from '../../datasource/types';
import type { AppPageProps } from '../../types';
import { datasourceName } from '../../utils/datasourceName';
import { canConfigureApp } from '../../utils/permissions';
import { reloadPage } from '../../utils/reloadPage';

// The table and its data code load only when there is an inventory to show.
const InventoryView = lazy(() => import('./InventoryView'));

/** The inventory datasource to use: the app's own (fixed uid), else any of that type the user can see. */
export function findInventoryDatasourceUid(): string | undefined {
  const srv = getDataSourceSrv();
  if (srv.getInstanceSettings(INVENTORY_DATASOURCE_UID)) {
    return INVENTORY_DATASOURCE_UID;
  }
  return srv.getList?.({ type: INVENTORY_DATASOURCE_TYPE })?.[0]?.uid;
}

function InventoryPage({ jsonData }: AppPageProps) {
  const prometheusUid = jsonData.prometheusDatasourceUid;
  const inventoryUid = findInventoryDatasourceUid();
  return (
    <PluginPage>
      {inventoryUid ? (
        <Stack direction="column" gap={2}>
          {prometheusUid && (
            <section aria-label="Targets with a partial view">
              <Text element="h4">Targets with a partial view</Text>
              <PartialTargets datasourceUid={prometheusUid} />
            </section>
          )}
          <Suspense fallback={<LoadingPlaceholder text="Loading the inventory…" />}>
            <InventoryView uid={inventoryUid} />
          </Suspense>
        </Stack>
      ) : prometheusUid ? (
        <MissingDatasource prometheusUid={prometheusUid} />
      ) : (
        <NotConfigured whatNeedsIt="the exporter inventory" />
      )}
    </PluginPage>
  );
}

export default InventoryPage;

function MissingDatasource({ prometheusUid }: { prometheusUid: string }) {
  const isAdmin = canConfigureApp();
  return (
    <EmptyState variant="not-found" message="The inventory is not available yet">
      <Stack direction="column" gap={2} alignItems="center">
        <Text element="p">
          This page lists every scrape target of {datasourceName(prometheusUid)}: the exporter it runs, its layer,
          whether it is up, its version and how long its scrapes take. It reads them through the Full-Stack Inventory
          datasource, so Prometheus credentials never reach the browser, and that datasource does not exist yet.
        </Text>
        {isAdmin ? (
          <InventoryDatasourceSetup
            prometheusDatasourceUid={prometheusUid}
            onDone={(result) => !result.credentialsNeeded && reloadPage()}
          />
        ) : (
          <Text element="p" color="secondary">
            Ask an organization Admin to create it from the app&apos;s configuration page.
          </Text>
        )}
      </Stack>
    </EmptyState>
  );
}
