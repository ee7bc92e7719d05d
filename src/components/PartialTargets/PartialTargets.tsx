import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, LoadingPlaceholder, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { exporterDashboardUrl } from '../../catalog/links';
import type { Detection } from '../../inventory/detect';
import { detectCoverage } from '../../inventory/detect-coverage';
import { findPartialTargets, type PartialTarget } from '../../inventory/requirements-check';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; checked: number; partial: PartialTarget[] };

/** More would bury the page; the rest are counted. */
const SHOWN = 50;

/**
 * Targets whose dashboards are partly empty because a collector, flag or input their exporter
 * leaves off is not on, decided from what Prometheus holds for each target (never assumed from a
 * version). Given the detections when the page has them already; otherwise it detects first.
 */
export function PartialTargets({ datasourceUid, detections }: { datasourceUid: string; detections?: Detection[] }) {
  // An answer counts only for the inputs it was asked for: new inputs show as loading at once.
  const input = useMemo(() => ({ datasourceUid, detections }), [datasourceUid, detections]);
  const [answer, setAnswer] = useState<{ input: typeof input; state: State }>();
  const state: State = answer?.input === input ? answer.state : { status: 'loading' };
  const styles = useStyles2(getStyles);

  useEffect(() => {
    let current = true;
    (async () => {
      const detected = detections ?? (await detectCoverage(datasourceUid)).coverage.flatMap((layer) => layer.detected);
      const partial = await findPartialTargets(datasourceUid, detected);
      return { checked: detected.filter((d) => d.exporter.requirements?.length).length, partial };
    })().then(
      (result) => current && setAnswer({ input, state: { status: 'done', ...result } }),
      (error: unknown) =>
        current &&
        setAnswer({
          input,
          state: { status: 'error', message: error instanceof Error ? error.message : String(error) },
        })
    );
    return () => {
      current = false;
    };
  }, [input, datasourceUid, detections]);

  if (state.status === 'loading') {
    return <LoadingPlaceholder text="Checking which targets lack a collector their dashboards need…" />;
  }
  if (state.status === 'error') {
    return (
      <Alert severity="warning" title="Could not check for targets with a partial view">
        {state.message}
      </Alert>
    );
  }
  if (state.checked === 0) {
    return (
      <Text color="secondary" element="p" data-testid="partial-targets-none-applies">
        None of the detected exporters has panels that need a switch it leaves off.
      </Text>
    );
  }
  if (state.partial.length === 0) {
    return (
      <Text color="secondary" element="p" data-testid="partial-targets-none">
        Every detected target has the collectors its dashboards need.
      </Text>
    );
  }
  // One line per switch: run together in one sentence, a target missing three switches read as a
  // paragraph of flags and panel names.
  return (
    <Stack direction="column" gap={0.5}>
      <ul className={styles.targets} data-testid="partial-targets">
        {state.partial.slice(0, SHOWN).map((t) => (
          <li key={`${t.exporter.id} ${t.job} ${t.instance}`}>
            <TextLink href={exporterDashboardUrl(t.exporter, t)} inline>
              {`${t.exporter.title} ${t.instance} (${t.job})`}
            </TextLink>
            {' — partial: enable'}
            <ul className={styles.switches} aria-label="Switches to enable">
              {t.missing.map((r) => (
                <li key={r.text}>
                  {r.text}
                  <Text color="secondary">{` for ${r.panels.join(', ')}`}</Text>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {state.partial.length > SHOWN && (
        <Text color="secondary" element="p">
          …and {state.partial.length - SHOWN} more targets.
        </Text>
      )}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  targets: css({
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  switches: css({
    paddingLeft: theme.spacing(3),
    margin: 0,
  }),
});
