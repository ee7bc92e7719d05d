/**
 * The sandbox host page: boots like Grafana's app.ts does for what plugins can observe — services
 * set on @grafana/runtime, boot data, theme, router over locationService — then renders the page
 * for the URL. Built by tests/sandbox/build.ts into one bundle that also carries the externals.
 */
import React, { type ReactNode, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Router, Routes } from 'react-router';
import { EventBusSrv, standardFieldConfigEditorRegistry, ThemeContext } from '@grafana/data';
import {
  config,
  FakeEchoSrv,
  LocationServiceProvider,
  locationService,
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setEchoSrv,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginExtensionGetter,
  setPluginExtensionsHook,
  setPluginImportUtils,
  setPluginLinksHook,
  setRunRequest,
  setTemplateSrv,
} from '@grafana/runtime';
import { ErrorBoundaryAlert, GlobalStyles, PortalContainer } from '@grafana/ui';
import { installAmdLoader, sharedModuleNames } from './amd';
import { recordedRequests, SandboxBackendSrv, shownAlerts } from './backendSrv';
import { SandboxDataSourceSrv } from './dataSourceSrv';
import { registerGrafanaExternals } from './externals';
import { AppRootPage, DataSourceEditPage, NotFoundPage, PluginConfigPage } from './pages';
import { getPanelPluginFromCache, importPanelPlugin, standardFieldConfigs } from './panels';
import { runRequest } from './queryRunner';
import { sandboxTemplateSrv } from './templateSrv';
import { registerStandardTransformers } from '../../support/grafana-transformers';

installAmdLoader();
registerGrafanaExternals();

const appEvents = new EventBusSrv();
setAppEvents(appEvents);
setBackendSrv(new SandboxBackendSrv());
setDataSourceSrv(new SandboxDataSourceSrv(config.datasources));
setEchoSrv(new FakeEchoSrv());
setRunRequest(runRequest);
setPluginImportUtils({ importPanelPlugin, getPanelPluginFromCache });
// No other plugin extends this one in the sandbox: every extension point is empty.
setPluginExtensionGetter(() => ({ extensions: [] }));
setPluginExtensionsHook(() => ({ extensions: [], isLoading: false }));
setPluginLinksHook(() => ({ links: [], isLoading: false }));
setPluginComponentsHook(() => ({ components: [], isLoading: false }));
setPluginComponentHook(() => ({ component: null, isLoading: false }));

setTemplateSrv(sandboxTemplateSrv);

registerStandardTransformers();

// As Grafana does at start-up (app.ts): the field options panels share, which carry a panel's units and thresholds.
standardFieldConfigEditorRegistry.setInit(standardFieldConfigs);

/** Grafana's router: react-router v6 driven by locationService's history (v4 API, like Grafana's CompatRouter). */
function LocationServiceRouter({ children }: { children: ReactNode }) {
  const history = locationService.getHistory();
  const [state, setState] = useState({ location: history.location, action: history.action });
  useLayoutEffect(
    () =>
      history.listen((location: typeof history.location, action: typeof history.action) =>
        setState({ location, action })
      ),
    [history]
  );
  return (
    <Router location={state.location} navigationType={state.action as never} navigator={history as never}>
      {children}
    </Router>
  );
}

function SandboxApp() {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <LocationServiceProvider service={locationService}>
        <LocationServiceRouter>
          <ErrorBoundaryAlert style="page">
            <Routes>
              <Route path="/a/:pluginId/*" element={<AppRootPage />} />
              <Route path="/plugins/:pluginId" element={<PluginConfigPage />} />
              <Route path="/connections/datasources/edit/:uid" element={<DataSourceEditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </ErrorBoundaryAlert>
        </LocationServiceRouter>
      </LocationServiceProvider>
      <PortalContainer />
    </ThemeContext.Provider>
  );
}

// What journeys read from the page: requests made through backendSrv, error toasts Grafana would show.
Object.assign(window, {
  __sandbox: { requests: recordedRequests, alerts: shownAlerts, sharedModules: sharedModuleNames(), appEvents },
});

createRoot(document.getElementById('reactRoot')!).render(<SandboxApp />);
