import React, { type ComponentType, useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import {
  AppPlugin,
  type AppPluginMeta,
  type DataSourcePluginMeta,
  type DataSourceSettings,
  type KeyValue,
  PluginContextProvider,
  type TestDataSourceResponse,
  urlUtil,
} from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, isFetchError } from '@grafana/runtime';
import { Alert, Button, Field, Input, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { importAmdModule } from './amd';
import { type AnyDataSourcePlugin, importDataSourcePlugin } from './dataSourceSrv';
import { SandboxPluginPage } from './SandboxPluginPage';
import type { PluginMetaLite } from '../shared/bootData';

export function sandboxBoot(): { pluginMetas: Record<string, PluginMetaLite> } {
  return (window as unknown as { __sandboxBoot: { pluginMetas: Record<string, PluginMetaLite> } }).__sandboxBoot;
}

function errorText(error: unknown): string {
  if (isFetchError(error)) {
    return `${error.data?.message ?? error.statusText ?? 'request failed'} (HTTP ${error.status})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** What Grafana's importAppPlugin does: load module.js, take `plugin`, init it with its meta. */
async function loadAppPlugin(pluginId: string): Promise<AppPlugin> {
  const meta = await getBackendSrv().get<AppPluginMeta>(`/api/plugins/${pluginId}/settings`);
  const exports = (await importAmdModule(`/${meta.module}`)) as { plugin?: AppPlugin };
  const plugin = exports.plugin ?? new AppPlugin();
  plugin.init(meta);
  plugin.meta = meta;
  plugin.setComponentsFromLegacyExports(exports as KeyValue);
  return plugin;
}

function useAppPlugin(pluginId: string | undefined) {
  const [state, setState] = useState<{ plugin?: AppPlugin; error?: string }>({});
  useEffect(() => {
    if (pluginId) {
      loadAppPlugin(pluginId).then(
        (plugin) => setState({ plugin }),
        (error) => setState({ error: errorText(error) })
      );
    }
  }, [pluginId]);
  return state;
}

function LoadError({ what, error }: { what: string; error: string }) {
  return (
    <Alert severity="error" title={`Sandbox: could not load ${what}`} data-testid="sandbox-load-error">
      {error}
    </Alert>
  );
}

/** /a/<pluginId>/*: Grafana's AppRootPage. */
export function AppRootPage() {
  const { pluginId } = useParams();
  const location = useLocation();
  const { plugin, error } = useAppPlugin(pluginId);
  if (error) {
    return <LoadError what={`app ${pluginId}`} error={error} />;
  }
  if (!plugin) {
    return <LoadingPlaceholder text="Loading plugin…" />;
  }
  if (!plugin.meta.enabled) {
    return (
      <Alert severity="warning" title="App not enabled" data-testid="sandbox-app-disabled">
        Enable the app on its configuration page first.
      </Alert>
    );
  }
  const Root = plugin.root as ComponentType<any> | undefined;
  if (!Root) {
    return <LoadError what={`app ${pluginId}`} error="The plugin has no root page (setRootPage was not called)." />;
  }
  return (
    <PluginContextProvider meta={plugin.meta}>
      <Root
        meta={plugin.meta}
        basename={`/a/${pluginId}`}
        onNavChanged={() => undefined}
        query={urlUtil.getUrlSearchParams()}
        path={location.pathname}
      />
    </PluginContextProvider>
  );
}

/** /plugins/<pluginId>: Grafana's plugin details page, reduced to the app's config pages. */
export function PluginConfigPage() {
  const { pluginId } = useParams();
  const { plugin, error } = useAppPlugin(pluginId);
  if (error) {
    return <LoadError what={`the configuration of ${pluginId}`} error={error} />;
  }
  if (!plugin) {
    return <LoadingPlaceholder text="Loading plugin…" />;
  }
  return (
    <PluginContextProvider meta={plugin.meta}>
      <SandboxPluginPage pageNav={{ text: `${plugin.meta.name} — configuration` }}>
        {(plugin.configPages ?? []).map((page) => (
          <section key={page.id} aria-label={page.title}>
            <page.body plugin={plugin} query={urlUtil.getUrlSearchParams() as KeyValue} />
          </section>
        ))}
      </SandboxPluginPage>
    </PluginContextProvider>
  );
}

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'done'; result: TestDataSourceResponse };

/**
 * /connections/datasources/edit/<uid>: Grafana's datasource settings page, reduced to the name, the
 * plugin's ConfigEditor and "Save & test" (PUT the settings, reload the datasource list, then the
 * plugin's testDatasource()), with Grafana's e2e selectors on its controls.
 */
export function DataSourceEditPage() {
  const { uid } = useParams();
  const [options, setOptions] = useState<DataSourceSettings>();
  const [plugin, setPlugin] = useState<AnyDataSourcePlugin>();
  const [loadError, setLoadError] = useState<string>();
  const [test, setTest] = useState<TestState>({ kind: 'idle' });

  useEffect(() => {
    (async () => {
      const settings = await getBackendSrv().get<DataSourceSettings>(`/api/datasources/uid/${uid}`);
      const meta = sandboxBoot().pluginMetas[settings.type];
      if (!meta) {
        throw new Error(`No plugin is installed for datasource type "${settings.type}".`);
      }
      const dsPlugin = await importDataSourcePlugin(meta.module);
      dsPlugin.meta = meta as unknown as DataSourcePluginMeta;
      setPlugin(dsPlugin);
      setOptions(settings);
    })().catch((error) => setLoadError(errorText(error)));
  }, [uid]);

  if (loadError) {
    return <LoadError what={`datasource ${uid}`} error={loadError} />;
  }
  if (!options || !plugin) {
    return <LoadingPlaceholder text="Loading datasource…" />;
  }
  const ConfigEditor = plugin.components.ConfigEditor;

  const saveAndTest = async () => {
    setTest({ kind: 'testing' });
    try {
      const saved = await getBackendSrv().put<{ datasource: DataSourceSettings }>(
        `/api/datasources/uid/${options.uid}`,
        options,
        { showErrorAlert: false }
      );
      setOptions(saved.datasource);
      await getDataSourceSrv().reload();
      const ds = await getDataSourceSrv().get(options.uid);
      const result = await ds.testDatasource();
      setTest({ kind: 'done', result });
    } catch (error) {
      setTest({ kind: 'done', result: { status: 'error', message: errorText(error) } });
    }
  };

  return (
    <SandboxPluginPage pageNav={{ text: options.name }}>
      <Stack direction="column" gap={2}>
        <Field label="Name">
          <Input
            aria-label="Data source settings page name input field"
            data-testid="data-testid Data source settings page name input field"
            value={options.name}
            onChange={(e) => setOptions({ ...options, name: e.currentTarget.value })}
          />
        </Field>
        {ConfigEditor ? (
          <ConfigEditor options={options} onOptionsChange={setOptions} />
        ) : (
          <Text>This datasource has no config editor.</Text>
        )}
        {test.kind === 'done' && (
          <div data-testid="data-testid Data source settings page Alert">
            <Alert
              severity={
                test.result.status === 'success' ? 'success' : test.result.status === 'warning' ? 'warning' : 'error'
              }
              title={test.result.message}
              aria-label="Data source settings page Alert"
            />
          </div>
        )}
        <Stack direction="row" gap={2}>
          <Button
            type="submit"
            data-testid="data-testid Data source settings page Save and Test button"
            disabled={test.kind === 'testing'}
            onClick={saveAndTest}
          >
            {test.kind === 'testing' ? 'Testing…' : 'Save & test'}
          </Button>
        </Stack>
      </Stack>
    </SandboxPluginPage>
  );
}

export function NotFoundPage() {
  return (
    <Alert severity="error" title="Sandbox: no such page">
      {window.location.pathname} is not one of the pages the sandbox hosts (/a/&lt;app&gt;/…, /plugins/&lt;app&gt;,
      /connections/datasources/edit/&lt;uid&gt;).
    </Alert>
  );
}
