import React, { FormEvent, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker, getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, Stack, Text, useStyles2 } from '@grafana/ui';
import { DEFAULT_CLUSTER_LABEL, DEFAULT_REPLICA_LABELS } from '../../constants';
import type { AppJsonData } from '../../types';
import { buildSettingsPayload, postAppSettings, type AppSettingsPayload } from '../../utils/appSettings';
import { fetchErrorMessage, fetchErrorStatus } from '../../utils/fetchError';
import { labelNameError, parseReplicaLabels } from '../../utils/prometheusLabel';
import { reloadPage } from '../../utils/reloadPage';
import { InventoryDatasourceSetup } from './InventoryDatasourceSetup';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppJsonData>> {}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; title: string; message: string };

export const DATASOURCE_INPUT_ID = 'fsm-config-prometheus-datasource';
export const CLUSTER_LABEL_INPUT_ID = 'fsm-config-cluster-label';
export const REPLICA_LABELS_INPUT_ID = 'fsm-config-replica-labels';

const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const { id: pluginId, enabled, jsonData } = plugin.meta;
  const savedDatasourceUid = jsonData?.prometheusDatasourceUid;
  const savedClusterLabel = jsonData?.clusterLabel ?? DEFAULT_CLUSTER_LABEL;
  const savedReplicaLabels = (jsonData?.replicaLabels ?? DEFAULT_REPLICA_LABELS).join(', ');

  const [datasourceUid, setDatasourceUid] = useState<string | undefined>(savedDatasourceUid);
  const [clusterLabel, setClusterLabel] = useState(savedClusterLabel);
  const [replicaLabelsText, setReplicaLabelsText] = useState(savedReplicaLabels);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });

  // A datasource deleted after it was chosen leaves a dangling uid; say so instead of failing later.
  const savedDatasourceIsMissing = useMemo(
    () => Boolean(savedDatasourceUid) && !getDataSourceSrv().getInstanceSettings(savedDatasourceUid),
    [savedDatasourceUid]
  );

  const clusterLabelError = labelNameError(clusterLabel);
  const replicaLabels = parseReplicaLabels(replicaLabelsText, clusterLabel);
  const hasChanges =
    datasourceUid !== savedDatasourceUid ||
    clusterLabel !== savedClusterLabel ||
    replicaLabels.labels.join(', ') !== savedReplicaLabels;
  const isSaving = saveState.kind === 'saving';
  const canSave = hasChanges && Boolean(datasourceUid) && !clusterLabelError && !replicaLabels.error && !isSaving;

  const submit = async (payload: AppSettingsPayload, failureTitle: string) => {
    setSaveState({ kind: 'saving' });
    try {
      await postAppSettings(pluginId, payload);
      // Stays in "saving" on purpose: the reload replaces the page.
      reloadPage();
    } catch (error) {
      setSaveState({ kind: 'failed', title: failureTitle, message: describeSaveFailure(error) });
    }
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!canSave) {
      return;
    }
    submit(
      buildSettingsPayload(plugin.meta, {
        prometheusDatasourceUid: datasourceUid,
        clusterLabel,
        replicaLabels: replicaLabels.labels,
      }),
      'Could not save the settings'
    );
  };

  const onSetEnabled = (nextEnabled: boolean) =>
    submit(
      buildSettingsPayload(plugin.meta, {}, { enabled: nextEnabled, pinned: nextEnabled }),
      nextEnabled ? 'Could not enable the app' : 'Could not disable the app'
    );

  return (
    <div className={styles.page}>
      {!enabled && (
        <Alert severity="info" title="The app is disabled">
          <Stack direction="column" gap={1} alignItems="flex-start">
            <Text>Enable it to add its pages (Home, Inventory, Health, Setup) to Grafana&apos;s navigation.</Text>
            <Button variant="primary" icon="power" disabled={isSaving} onClick={() => onSetEnabled(true)}>
              Enable
            </Button>
          </Stack>
        </Alert>
      )}

      {saveState.kind === 'failed' && (
        <Alert severity="error" title={saveState.title}>
          {saveState.message}
        </Alert>
      )}

      <form onSubmit={onSave} aria-label="Full-Stack Monitoring settings">
        <FieldSet label="Prometheus">
          <Field
            label="Prometheus datasource"
            description="The app detects exporters, builds dashboards and alert rules from this datasource. Only the organization's Prometheus datasources are listed."
            htmlFor={DATASOURCE_INPUT_ID}
            invalid={savedDatasourceIsMissing && datasourceUid === savedDatasourceUid}
            error={`The saved datasource (uid "${savedDatasourceUid}") no longer exists. Choose another one and save.`}
          >
            <DataSourcePicker
              inputId={DATASOURCE_INPUT_ID}
              type="prometheus"
              current={datasourceUid ?? null}
              noDefault
              width={60}
              placeholder="Choose a Prometheus datasource"
              disabled={isSaving}
              onChange={(ds) => setDatasourceUid(ds.uid)}
            />
          </Field>

          <Field
            label="Cluster label"
            description="The label that names a cluster or datacenter in your metrics. Dashboards filter by it and alerts group by it."
            invalid={Boolean(clusterLabelError)}
            error={clusterLabelError}
          >
            <Input
              id={CLUSTER_LABEL_INPUT_ID}
              width={30}
              value={clusterLabel}
              placeholder={DEFAULT_CLUSTER_LABEL}
              disabled={isSaving}
              onChange={(event) => setClusterLabel(event.currentTarget.value.trim())}
            />
          </Field>

          <Field
            label="Replica labels"
            description="Comma-separated external labels that tell the two servers of an HA pair apart (Prometheus Operator: prometheus_replica). The alert rules Setup writes drop them, so a store holding both replicas alerts once per target."
            invalid={Boolean(replicaLabels.error)}
            error={replicaLabels.error}
          >
            <Input
              id={REPLICA_LABELS_INPUT_ID}
              width={40}
              value={replicaLabelsText}
              placeholder={DEFAULT_REPLICA_LABELS.join(', ')}
              disabled={isSaving}
              onChange={(event) => setReplicaLabelsText(event.currentTarget.value)}
            />
          </Field>
        </FieldSet>

        <Stack direction="row" gap={2} alignItems="center">
          <Button type="submit" disabled={!canSave} icon={isSaving ? 'spinner' : undefined}>
            {isSaving ? 'Saving…' : 'Save settings'}
          </Button>
          {!datasourceUid && <Text color="secondary">Choose a Prometheus datasource to save.</Text>}
        </Stack>
      </form>

      <FieldSet label="Inventory datasource" className={styles.status}>
        <InventoryDatasourceSetup prometheusDatasourceUid={savedDatasourceUid} />
      </FieldSet>

      {enabled && (
        <FieldSet label="App status" className={styles.status}>
          <Stack direction="column" gap={1} alignItems="flex-start">
            <Text color="secondary">
              Disabling removes the app&apos;s pages from the navigation and the dashboards it bundles. Its settings are
              kept.
            </Text>
            <Button variant="destructive" fill="outline" disabled={isSaving} onClick={() => onSetEnabled(false)}>
              Disable
            </Button>
          </Stack>
        </FieldSet>
      )}
    </div>
  );
};

export default AppConfig;

function describeSaveFailure(error: unknown): string {
  const status = fetchErrorStatus(error);
  const reason = `Grafana answered: ${fetchErrorMessage(error)}.`;
  if (status === 401 || status === 403) {
    return `${reason} Only organization Admins can change app settings: ask one of them to make this change.`;
  }
  return `${reason} Your input is still in the form. Check that Grafana is reachable and try again; if it keeps failing, Grafana's server log names the cause.`;
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    maxWidth: theme.breakpoints.values.lg,
  }),
  status: css({
    marginTop: theme.spacing(4),
  }),
});
