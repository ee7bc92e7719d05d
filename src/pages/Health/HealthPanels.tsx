import React, { useEffect, useMemo, useRef, useState } from 'react';
import { catchError, from, map, mergeMap, of, startWith } from 'rxjs';
import {
  dateTime,
  LoadingState,
  rangeUtil,
  toDataFrame,
  transformDataFrame,
  type DataFrame,
  type DataQueryError,
  type PanelData,
  type RawTimeRange,
  type TimeRange,
} from '@grafana/data';
import { getDataSourceSrv, PanelRenderer, toDataQueryError } from '@grafana/runtime';
import { PanelChrome, RefreshPicker, Stack, Text, TimeRangePicker } from '@grafana/ui';
import type { QueryContext } from '../../catalog/types';
import { healthContext, type HealthSection } from '../../health/checks';
import { packSections } from '../../health/layout';
import { tableColumns, healthPanels, type HealthPanel } from '../../health/panels';
import { panelDescription, panelFieldConfig, panelOptions, panelRequest } from './panelRequest';

interface HealthPanelsProps {
  datasourceUid: string;
  clusterLabel: string;
  replicaLabels: readonly string[];
}

// The grid: 24 columns like a dashboard, 40 px rows. Section headings span 2 rows, stats 3, graphs and
// tables 6; packSections places the panels (as on the generated dashboard) and may stretch them.
const ROW_PIXELS = 40;
const GAP_PIXELS = 8;
const HEADING_ROWS = 2;
const STAT_ROWS = 3;
const DEFAULT_RANGE: RawTimeRange = { from: 'now-1h', to: 'now' };
const REFRESH_INTERVALS = ['1m', '5m'];

/**
 * The panels below the Health verdict, one section per component, the same panels as the bundled
 * "Monitoring stack health" dashboard (minus those that need a dashboard variable), over the app's
 * Prometheus datasource, with a time range and refresh picker like a dashboard's.
 */
function HealthPanels({ datasourceUid, clusterLabel, replicaLabels }: HealthPanelsProps) {
  const q = useMemo(
    () => healthContext({ clusterLabel, replicaLabels, range: '$__rate_interval' }),
    [clusterLabel, replicaLabels]
  );
  const sections = useMemo(
    () =>
      packSections(
        healthPanels(clusterLabel, replicaLabels).filter((p) => !p.dashboardOnly),
        STAT_ROWS,
        HEADING_ROWS
      ),
    [clusterLabel, replicaLabels]
  );
  const [raw, setRaw] = useState<RawTimeRange>(DEFAULT_RANGE);
  const [refresh, setRefresh] = useState('');
  const [tick, setTick] = useState(0);
  // Relative ranges ("now-1h") move on: each refresh evaluates them again.
  const range = useMemo(() => rangeUtil.convertRawToRange(raw), [raw, tick]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!refresh) {
      return;
    }
    const timer = setInterval(() => setTick((t) => t + 1), rangeUtil.intervalToMs(refresh));
    return () => clearInterval(timer);
  }, [refresh]);

  const shift = (factor: number) => {
    const span = range.to.valueOf() - range.from.valueOf();
    const from = dateTime(range.from.valueOf() + factor * span);
    const to = dateTime(range.to.valueOf() + factor * span);
    setRaw({ from, to });
  };
  const zoomOut = () => {
    const span = range.to.valueOf() - range.from.valueOf();
    setRaw({ from: dateTime(range.from.valueOf() - span / 2), to: dateTime(range.to.valueOf() + span / 2) });
  };

  return (
    <Stack direction="column" gap={1}>
      <Stack justifyContent="flex-end" gap={1}>
        <TimeRangePicker
          value={range}
          onChange={(r) => setRaw(r.raw)}
          onChangeTimeZone={() => undefined}
          onMoveBackward={() => shift(-0.5)}
          onMoveForward={() => shift(0.5)}
          onZoom={zoomOut}
        />
        <RefreshPicker
          value={refresh}
          intervals={REFRESH_INTERVALS}
          onIntervalChanged={setRefresh}
          onRefresh={() => setTick((t) => t + 1)}
          // Without it the icon-only run button has no accessible name.
          tooltip="Refresh the panels"
        />
      </Stack>
      <div
        data-testid="health-grid"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(24, minmax(0, 1fr))',
          gridAutoRows: `${ROW_PIXELS}px`,
          gap: GAP_PIXELS,
        }}
      >
        {sections.flatMap(({ section, top, places }) => [
          <div key={section.id} style={{ gridColumn: '1 / -1', gridRow: `${top + 1} / span ${HEADING_ROWS}` }}>
            <SectionHeading section={section} />
          </div>,
          ...places.map(({ panel, x, y, w, h }) => (
            <div key={panel.id} style={{ gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}` }}>
              <HealthPanelView panel={panel} rows={h} datasourceUid={datasourceUid} q={q} range={range} />
            </div>
          )),
        ])}
      </div>
    </Stack>
  );
}

function SectionHeading({ section }: { section: HealthSection }) {
  return (
    <Stack direction="column" gap={0}>
      <h2 id={section.id} style={{ margin: 0 }}>
        {section.title}
      </h2>
      <Text color="secondary">{section.description}</Text>
    </Stack>
  );
}

interface PanelViewProps {
  panel: HealthPanel;
  /** Grid rows the panel spans. */
  rows: number;
  datasourceUid: string;
  q: QueryContext;
  range: TimeRange;
}

function HealthPanelView({ panel, rows, datasourceUid, q, range }: PanelViewProps) {
  const [ref, width] = useWidth();
  const height = rows * ROW_PIXELS + (rows - 1) * GAP_PIXELS;
  const data = usePanelData(panel, datasourceUid, q, range, width);
  const fieldConfig = useMemo(() => panelFieldConfig(panel), [panel]);
  const options = useMemo(() => panelOptions(panel), [panel]);
  return (
    <div ref={ref} style={{ height }}>
      {width > 0 && (
        <PanelChrome
          title={panel.title}
          description={panelDescription(panel)}
          width={width}
          height={height}
          loadingState={data?.state}
          statusMessage={data?.errors?.[0]?.message}
        >
          {(innerWidth: number, innerHeight: number) =>
            data ? (
              <PanelRenderer
                pluginId={panel.kind}
                title={panel.title}
                data={data}
                options={options}
                fieldConfig={fieldConfig}
                width={innerWidth}
                height={innerHeight}
              />
            ) : null
          }
        </PanelChrome>
      )}
    </div>
  );
}

/** The element's width in pixels, following resizes. */
function useWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) {
      return;
    }
    setWidth(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Runs the panel's query through the datasource (as a dashboard panel does: Grafana's Prometheus
 * datasource applies $__rate_interval and legends) whenever the range changes; tables lose their
 * Time column.
 */
function usePanelData(
  panel: HealthPanel,
  datasourceUid: string,
  q: QueryContext,
  range: TimeRange,
  width: number
): PanelData | undefined {
  const [data, setData] = useState<PanelData>();
  // Steps follow the width in 200 px buckets: a resize by a few pixels does not query again.
  const widthBucket = width > 0 ? Math.ceil(width / 200) * 200 : 0;
  useEffect(() => {
    if (widthBucket === 0) {
      return;
    }
    const request = panelRequest(panel, datasourceUid, q, range, widthBucket);
    const loading: PanelData = { state: LoadingState.Loading, series: [], timeRange: range };
    const subscription = from(getDataSourceSrv().get({ type: 'prometheus', uid: datasourceUid }))
      .pipe(
        mergeMap((datasource) => from(datasource.query(request))),
        mergeMap((response) => {
          const errors: DataQueryError[] | undefined = response.errors;
          const series: DataFrame[] = (response.data ?? []).map((frame) => toDataFrame(frame));
          const frames = panel.kind === 'table' ? transformDataFrame([tableColumns(panel)], series) : of(series);
          return frames.pipe(
            map((transformed): PanelData => ({
              state: errors?.length ? LoadingState.Error : LoadingState.Done,
              series: transformed,
              errors,
              timeRange: range,
              request,
            }))
          );
        }),
        catchError((error: unknown) =>
          of<PanelData>({ state: LoadingState.Error, series: [], errors: [toDataQueryError(error)], timeRange: range })
        ),
        startWith(loading)
      )
      .subscribe(setData);
    return () => subscription.unsubscribe();
  }, [panel, datasourceUid, q, range, widthBucket]);
  return data;
}

export default HealthPanels;
