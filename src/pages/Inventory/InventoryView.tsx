import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { applyFieldOverrides, type DataFrame, type GrafanaTheme2, type InterpolateFunction } from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import {
  Alert,
  Button,
  EmptyState,
  LoadingPlaceholder,
  Stack,
  Table,
  Text,
  TextLink,
  useStyles2,
  useTheme2,
} from '@grafana/ui';
import { TARGET_FIELDS as F } from '../../inventory/frames';
import { canvasTextWidth, fitColumns } from './columnWidths';
import { useInventory } from './useInventory';

const TABLE_HEIGHT = 640;

/** The inventory of datasource `uid`: per-layer summary, then every target (unhealthy first) in a virtualised table. */
export default function InventoryView({ uid }: { uid: string }) {
  const { state, reload } = useInventory(uid);
  const styles = useStyles2(getStyles);

  if (state.kind === 'loading') {
    return <LoadingPlaceholder text="Asking Prometheus for its targets…" />;
  }
  if (state.kind === 'error') {
    return (
      <Alert severity="error" title="Could not load the inventory">
        <Stack direction="column" gap={1} alignItems="flex-start">
          {/* Rendered as text: messages may quote what a proxy or Prometheus answered. */}
          <Text>{state.message}</Text>
          <Button variant="secondary" size="sm" icon="sync" onClick={reload}>
            Retry
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (state.targets.length === 0) {
    return (
      <EmptyState variant="not-found" message="Prometheus has no active targets">
        <Text element="p">Nothing is scraped yet: add scrape jobs to Prometheus and they will be listed here.</Text>
      </EmptyState>
    );
  }
  const notUp = valuesOf<string>(state.targets, F.health).flatMap((h, i) => (h === 'up' ? [] : [i]));
  return (
    <div className={styles.page}>
      <LayerSummary coverage={state.coverage} />
      <TargetsNotUp frame={state.targets} notUp={notUp} />
      <TargetsTable frame={state.targets} notUpCount={notUp.length} onRefresh={reload} />
    </div>
  );
}

/** The values of a frame's field `name`; none when the frame lacks it. */
function valuesOf<T>(frame: DataFrame, name: string): T[] {
  return (frame.fields.find((f) => f.name === name)?.values ?? []) as T[];
}

/** More would bury the table; the table lists them all, first. */
const NOT_UP_SHOWN = 20;

/**
 * The targets that are not up (`notUp`: their rows in the frame), each with Prometheus' scrape error.
 * The table lists them first too, but its Last error column is the ninth: at 1280 px it sits past the
 * right edge, and why a target is down is what a user opens the page for.
 */
function TargetsNotUp({ frame, notUp }: { frame: DataFrame; notUp: number[] }) {
  const [health, exporter, job, instance, lastError, dashboardUrl] = [
    F.health,
    F.exporterTitle,
    F.job,
    F.instance,
    F.lastError,
    F.dashboardUrl,
  ].map((name) => valuesOf<string>(frame, name));
  if (notUp.length === 0) {
    return null;
  }
  return (
    <section aria-label="Targets not up">
      <Text element="h3" variant="h5">
        Targets not up
      </Text>
      <Stack direction="column" gap={0.5} data-testid="targets-not-up">
        {notUp.slice(0, NOT_UP_SHOWN).map((i) => (
          <Text key={i} element="p">
            {dashboardUrl[i] ? (
              <TextLink href={dashboardUrl[i]} inline>{`${exporter[i]} ${instance[i]} (${job[i]})`}</TextLink>
            ) : (
              `${exporter[i]} ${instance[i]} (${job[i]})`
            )}
            {` — ${health[i]}${lastError[i] ? `: ${lastError[i]}` : ''}`}
          </Text>
        ))}
        {notUp.length > NOT_UP_SHOWN && (
          <Text
            color="secondary"
            element="p"
          >{`and ${notUp.length - NOT_UP_SHOWN} more, first in the table below.`}</Text>
        )}
      </Stack>
    </section>
  );
}

function LayerSummary({ coverage }: { coverage: DataFrame }) {
  const styles = useStyles2(getStyles);
  const titles = valuesOf<string>(coverage, 'layerTitle');
  const up = valuesOf<number>(coverage, 'targetsUp');
  const total = valuesOf<number>(coverage, 'targetsTotal');
  const exporters = valuesOf<string>(coverage, 'exporters');
  return (
    <section aria-label="Layers" className={styles.summary}>
      {titles.map((title, i) =>
        total[i] === 0 && title !== titles[0] && !exporters[i] ? null : (
          <div key={title} className={styles.card} data-testid="layer-summary">
            <Text weight="medium">{title}</Text>
            <Text color={total[i] > 0 && up[i] < total[i] ? 'error' : 'success'} variant="h4">
              {up[i]} / {total[i]} up
            </Text>
            <Text color="secondary" variant="bodySmall">
              {exporters[i] || (total[i] > 0 ? 'Unknown exporters' : 'No exporters')}
            </Text>
          </div>
        )
      )}
    </section>
  );
}

function TargetsTable({
  frame,
  notUpCount,
  onRefresh,
}: {
  frame: DataFrame;
  notUpCount: number;
  onRefresh: () => void;
}) {
  const theme = useTheme2();
  const [width, setWidth] = useState(0);
  const processed = useMemo(() => {
    // Grafana's template service resolves the row link (${__data.fields.dashboardUrl:raw}).
    const replaceVariables: InterpolateFunction = (value, scopedVars, format) => {
      try {
        return getTemplateSrv().replace(value, scopedVars, format);
      } catch {
        return value;
      }
    };
    // Set on the fields, not as a default: applyFieldOverrides fills `custom` defaults only for the
    // options a panel plugin registers, and this page has none, so the headers had no filter button.
    const filterable = frame.fields.map((f) => ({
      ...f,
      config: { ...f.config, custom: { filterable: true, ...f.config.custom } },
    }));
    const [withDisplay] = applyFieldOverrides({
      data: [{ ...frame, fields: filterable }],
      fieldConfig: { defaults: {}, overrides: [] },
      replaceVariables,
      theme,
      timeZone: 'browser',
    });
    return fitColumns(withDisplay, canvasTextWidth(theme));
  }, [frame, theme]);

  return (
    <Stack direction="column" gap={1}>
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Text>
          {frame.length.toLocaleString()} {frame.length === 1 ? 'target' : 'targets'}
          {notUpCount > 0 ? `, ${notUpCount} not up (listed first)` : ', all up'}. Sort by any column; filter from a
          column&apos;s header.
        </Text>
        <Button variant="secondary" size="sm" icon="sync" onClick={onRefresh}>
          Refresh
        </Button>
      </Stack>
      {/* Table virtualises its rows; it needs a pixel width, measured from this wrapper. */}
      <div ref={(el) => el && el.clientWidth !== width && setWidth(el.clientWidth)} style={{ width: '100%' }}>
        <Table data={processed} width={width || 1000} height={TABLE_HEIGHT} resizable />
      </div>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  summary: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: theme.spacing(1),
  }),
  card: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
});
