import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { EmptyState, Text } from '@grafana/ui';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import type { AppPageProps } from '../../types';
import { datasourceName } from '../../utils/datasourceName';

function HealthPage({ jsonData }: AppPageProps) {
  const uid = jsonData.prometheusDatasourceUid;
  return (
    <PluginPage>
      {uid ? (
        <EmptyState variant="not-found" message="Stack health is not available yet">
          <Text element="p">
            This page will watch the watchers through {datasourceName(uid)}: scrape success, ingestion, storage against
            retention, query latency, rule evaluation, Alertmanager, Pushgateway and Grafana itself, with a verdict in
            plain words at the top.
          </Text>
        </EmptyState>
      ) : (
        <NotConfigured whatNeedsIt="the health of your monitoring stack" />
      )}
    </PluginPage>
  );
}

export default HealthPage;
