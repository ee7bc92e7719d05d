import React, { useMemo } from 'react';
import { usePluginContext } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { backendSrvTransport } from '../../grafana-api/backend-srv-transport';
import { createGrafanaApi } from '../../grafana-api';
import { PLUGIN_ID } from '../../constants';
import type { AppPageProps } from '../../types';
import { BackupView } from './BackupView';

/** Loaded lazily from App: the backup code and Grafana's backend transport are not needed to boot the app. */
function BackupPage(_props: AppPageProps) {
  const version = usePluginContext()?.meta.info?.version ?? 'unknown';
  const api = useMemo(() => createGrafanaApi(backendSrvTransport()), []);
  return (
    <PluginPage>
      <BackupView api={api} pluginId={PLUGIN_ID} pluginVersion={version} />
    </PluginPage>
  );
}

export default BackupPage;
