/**
 * The modules Grafana shares with plugins, from the same npm packages (and versions) the plugin is
 * built against. Each is registered once, so the plugin, its nested datasource and the host share
 * one React, one @grafana/runtime (the services the host sets are the ones the plugin reads), etc.
 * Names follow .config/bundler/externals.ts; anything the plugin imports that is not here fails to
 * load with a message naming it, as it would in Grafana.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as i18next from 'i18next';
import * as lodash from 'lodash';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactRouter from 'react-router';
import * as reactRouterDom from 'react-router-dom';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { registerSharedModule } from './amd';
import { SandboxPanelRenderer } from './panels';
import { SandboxPluginPage } from './SandboxPluginPage';

/**
 * Grafana replaces runtime's placeholders PluginPage (its page chrome) and PanelRenderer (its panel
 * plugins) at start-up through internal setters that the npm build does not export; a view of the
 * module with those exports swapped does the same for plugins. Getters keep every other export live
 * (services set later).
 */
const REPLACED: Record<string, unknown> = { PluginPage: SandboxPluginPage, PanelRenderer: SandboxPanelRenderer };

function runtimeWithPluginPage(): object {
  const view: Record<string, unknown> = {};
  for (const key of Object.keys(grafanaRuntime)) {
    Object.defineProperty(view, key, {
      enumerable: true,
      get: () => REPLACED[key] ?? (grafanaRuntime as Record<string, unknown>)[key],
    });
  }
  Object.defineProperty(view, '__esModule', { value: true });
  return view;
}

export const sharedRuntime = runtimeWithPluginPage();

export function registerGrafanaExternals(): void {
  registerSharedModule('react', React);
  registerSharedModule('react-dom', ReactDOM);
  registerSharedModule('react/jsx-runtime', jsxRuntime);
  registerSharedModule('react-router', reactRouter);
  registerSharedModule('react-router-dom', reactRouterDom);
  registerSharedModule('@grafana/data', grafanaData);
  registerSharedModule('@grafana/ui', grafanaUi);
  registerSharedModule('@grafana/runtime', sharedRuntime);
  registerSharedModule('rxjs', rxjs);
  registerSharedModule('rxjs/operators', rxjsOperators);
  registerSharedModule('@emotion/css', emotionCss);
  registerSharedModule('@emotion/react', emotionReact);
  registerSharedModule('emotion', emotionCss);
  registerSharedModule('i18next', i18next);
  registerSharedModule('lodash', lodash);
}
