import React, { useState } from 'react';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, LinkButton, Stack, Text } from '@grafana/ui';
import { INVENTORY_DATASOURCE_UID } from '../../datasource/types';
import { upsertInventoryDatasource, type UpsertResult } from '../../datasource/upsert';

type State =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; result: UpsertResult } | { kind: 'failed'; message: string };

interface Props {
  /** The app's saved Prometheus datasource; the inventory mirrors its URL and auth mode. */
  prometheusDatasourceUid?: string;
  /** Called after a successful create/update, e.g. to reload so Grafana lists the new datasource. */
  onDone?: (result: UpsertResult) => void;
}

const ACTION_WORDS: Record<UpsertResult['action'], string> = {
  created: 'Created the inventory datasource',
  updated: 'Updated the inventory datasource',
  unchanged: 'The inventory datasource already matches',
};

/** Admin action: create or update the inventory datasource (uid fsm-inventory) from the app's Prometheus settings. */
export function InventoryDatasourceSetup({ prometheusDatasourceUid, onDone }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const exists = Boolean(getDataSourceSrv().getInstanceSettings(INVENTORY_DATASOURCE_UID));

  const run = async () => {
    if (!prometheusDatasourceUid) {
      return;
    }
    setState({ kind: 'working' });
    try {
      const result = await upsertInventoryDatasource(prometheusDatasourceUid);
      setState({ kind: 'done', result });
      onDone?.(result);
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Stack direction="column" gap={1} alignItems="flex-start">
      <Text color="secondary">
        The Inventory page and inventory panels read targets through the Full-Stack Inventory datasource, which reaches
        Prometheus through Grafana&apos;s server so credentials stay there. This {exists ? 'updates' : 'creates'} it
        (uid &quot;{INVENTORY_DATASOURCE_UID}&quot;) with the saved Prometheus datasource&apos;s URL and authentication
        method.
      </Text>
      <Button
        variant="secondary"
        icon={state.kind === 'working' ? 'spinner' : 'database'}
        disabled={!prometheusDatasourceUid || state.kind === 'working'}
        onClick={run}
      >
        {exists ? 'Update the inventory datasource' : 'Create the inventory datasource'}
      </Button>
      {!prometheusDatasourceUid && <Text color="secondary">Save a Prometheus datasource first.</Text>}
      {state.kind === 'failed' && (
        <Alert severity="error" title="The inventory datasource was not saved">
          {state.message}
        </Alert>
      )}
      {state.kind === 'done' && (
        <Alert
          severity={state.result.credentialsNeeded || state.result.credentialsDropped ? 'warning' : 'success'}
          title={ACTION_WORDS[state.result.action]}
        >
          <Stack direction="column" gap={1}>
            {state.result.credentialsDropped && <Text>{state.result.credentialsDropped}</Text>}
            {state.result.credentialsNeeded && (
              <Text>Enter {state.result.credentialsNeeded} in the datasource settings, then Save &amp; test.</Text>
            )}
            <div>
              <LinkButton variant="secondary" fill="outline" size="sm" icon="cog" href={state.result.editUrl}>
                Open its settings
              </LinkButton>
            </div>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
