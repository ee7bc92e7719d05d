import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type PluginInclude, usePluginContext } from '@grafana/data';
import type { PluginPageProps } from '@grafana/runtime';
import { Stack, Text, useStyles2 } from '@grafana/ui';

/**
 * Stand-in for Grafana's page chrome around an app page: breadcrumb, title and the app's
 * navigation (plugin.json page includes with addToNav). Grafana's real chrome (mega menu, top
 * bar, return-to-previous, page actions) is not reproduced; this only gives pages their frame.
 */
export function SandboxPluginPage({ children, pageNav, subTitle, actions, renderTitle }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const context = usePluginContext();
  const meta = context?.meta;
  const pages: PluginInclude[] = (meta?.includes ?? []).filter((i) => i.type === 'page' && i.addToNav && i.path);
  const path = window.location.pathname;
  const current = pages.find((p) => path.startsWith(resolvePath(p.path!, meta?.id)));
  const title: string = pageNav?.text ?? current?.name ?? meta?.name ?? '';

  // Grafana's own pages (datasource settings) have no plugin context: Connections breadcrumb, no app nav.
  const breadcrumb = meta ? `Apps › ${meta.name} › ${title}` : `Connections › Data sources › ${title}`;
  return (
    <div className={styles.layout}>
      <nav className={styles.nav} aria-label="App navigation">
        <Text weight="medium">{meta?.name ?? ''}</Text>
        {pages.map((page) => {
          const href = resolvePath(page.path!, meta?.id);
          return (
            <a key={href} href={href} className={page === current ? styles.active : styles.link}>
              {page.name}
            </a>
          );
        })}
      </nav>
      <main className={styles.main}>
        <Stack direction="column" gap={2}>
          <Text color="secondary" variant="bodySmall">
            {breadcrumb}
          </Text>
          <Stack direction="row" justifyContent="space-between" alignItems="center">
            {renderTitle ? renderTitle(title) : <h1 className={styles.title}>{title}</h1>}
            {actions}
          </Stack>
          {subTitle && <Text color="secondary">{subTitle}</Text>}
          <div>{children}</div>
        </Stack>
      </main>
    </div>
  );
}

function resolvePath(path: string, pluginId?: string): string {
  return path.replace('%PLUGIN_ID%', pluginId ?? '');
}

const getStyles = (theme: GrafanaTheme2) => ({
  layout: css({ display: 'flex', minHeight: '100vh' }),
  nav: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    width: 220,
    flexShrink: 0,
    padding: theme.spacing(2),
    background: theme.colors.background.primary,
    borderRight: `1px solid ${theme.colors.border.weak}`,
  }),
  link: css({ color: theme.colors.text.secondary, padding: theme.spacing(0.5, 1) }),
  active: css({
    color: theme.colors.text.primary,
    padding: theme.spacing(0.5, 1),
    borderLeft: `3px solid ${theme.colors.primary.main}`,
    background: theme.colors.action.selected,
  }),
  main: css({ flexGrow: 1, padding: theme.spacing(3), background: theme.colors.background.canvas }),
  title: css({ margin: 0, fontSize: theme.typography.h2.fontSize }),
});
