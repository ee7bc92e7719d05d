import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Stack, Text } from '@grafana/ui';
import type { Finding } from '../../rule-doctor/diagnose';
import {
  blindSpotText,
  coverText,
  FINDING_HEADINGS,
  findingText,
  SOURCE_NAMES,
  type FindingKind,
} from '../../rule-doctor/describe';
import type { DoctorProgress, DoctorReport } from '../../rule-doctor/run';
import { RuleBacktest } from './RuleBacktest';

type DoctorState =
  | { status: 'idle' }
  | { status: 'running'; progress: DoctorProgress }
  | { status: 'cancelled' }
  | { status: 'error'; message: string }
  | { status: 'done'; report: DoctorReport; checkedAt: Date };

const LIST_STYLE = { listStyle: 'none', paddingLeft: 0, margin: 0 } as const;

function progressText(progress: DoctorProgress): string {
  switch (progress.phase) {
    case 'reading rules':
      return 'Reading the rules from Grafana…';
    case 'checking rules':
      return `Checking rules: ${progress.done} of ${progress.total}…`;
    default:
      return 'Looking for what no rule watches…';
  }
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li>
      <Stack direction="column" gap={0}>
        <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
          <Text weight="medium">{finding.rule.name}</Text>
          <Badge text={SOURCE_NAMES[finding.rule.source]} color="blue" />
          <Text color="secondary" variant="bodySmall">
            {finding.rule.group}
          </Text>
        </Stack>
        <Text>{findingText(finding)}</Text>
      </Stack>
    </li>
  );
}

function Report({
  report,
  checkedAt,
  datasourceUid,
}: {
  report: DoctorReport;
  checkedAt: Date;
  datasourceUid: string;
}) {
  const byKind = new Map<FindingKind, Finding[]>();
  for (const finding of report.findings) {
    byKind.set(finding.kind, [...(byKind.get(finding.kind) ?? []), finding]);
  }
  const exporters = report.blindSpots.filter((s) => s.kind === 'exporter-unwatched');
  const targets = report.blindSpots.filter((s) => s.kind === 'target-unwatched');
  const failedSources = report.sources.filter((s) => s.error);
  const nothing = report.findings.length === 0 && report.blindSpots.length === 0;
  return (
    <Stack direction="column" gap={2}>
      <Text color="secondary" variant="bodySmall">
        {nothing
          ? `${report.checked} rules checked, nothing found.`
          : `${report.checked} rules checked at ${checkedAt.toLocaleTimeString()}: ${report.findings.length} findings, ${report.blindSpots.length} blind spots.`}
      </Text>
      {failedSources.map((source) => (
        <Alert key={source.label} severity="warning" title={`${source.label} could not be read`}>
          {source.error}
        </Alert>
      ))}
      {(Object.keys(FINDING_HEADINGS) as FindingKind[])
        .filter((kind) => byKind.has(kind))
        .map((kind) => (
          <section key={kind} aria-label={FINDING_HEADINGS[kind]}>
            <Text element="h4">{`${FINDING_HEADINGS[kind]} (${byKind.get(kind)!.length})`}</Text>
            <ul style={LIST_STYLE}>
              {byKind.get(kind)!.map((finding, i) => (
                <FindingItem
                  key={`${finding.rule.source}/${finding.rule.group}/${finding.rule.name}/${i}`}
                  finding={finding}
                />
              ))}
            </ul>
          </section>
        ))}
      {exporters.length > 0 && (
        <section aria-label="Exporters no rule watches">
          <Text element="h4">{`Exporters no rule watches (${exporters.length})`}</Text>
          <ul style={LIST_STYLE}>
            {exporters.map((spot) => (
              <li key={spot.kind === 'exporter-unwatched' ? spot.exporter : ''}>
                <Text>{blindSpotText(spot)}</Text>{' '}
                {spot.pack && <Text color="secondary">{`${coverText(spot.pack)} (Setup page).`}</Text>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {targets.length > 0 && (
        <section aria-label="Targets whose up no rule watches">
          <Text element="h4">{`Targets whose up no rule watches (${targets.length})`}</Text>
          <ul style={LIST_STYLE}>
            {targets.map((spot, i) => (
              <li key={i}>
                <Text>{blindSpotText(spot)}</Text>{' '}
                <Text color="secondary">
                  {spot.pack
                    ? `${coverText(spot.pack)} (Setup page).`
                    : 'No pack in the catalog matches this job; a rule on up for it would cover it.'}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.notAnalysed.length > 0 && (
        <section aria-label="Rules not analysed">
          <Text element="h4">{`Rules not analysed (${report.notAnalysed.length})`}</Text>
          <ul style={LIST_STYLE}>
            {report.notAnalysed.map(({ rule, reason }, i) => (
              <li key={i}>
                <Text>{`${rule.name} (${rule.group}): ${reason}.`}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RuleBacktest rules={report.sources.flatMap((s) => s.rules ?? [])} datasourceUid={datasourceUid} />
    </Stack>
  );
}

/**
 * The rule doctor on the Health page. It runs when asked, not on open: a check asks Prometheus one
 * query per selector of every rule and a 7-day range query per empty one (hundreds of queries for
 * our packs alone), and loads PromQL's grammar; the Health verdict must not wait for, or pay, that.
 * Reads only (a Viewer may run it, and backtest a rule): the rules APIs, a rule's definition and queries.
 */
export function RuleDoctor({ datasourceUid }: { datasourceUid: string }) {
  const [state, setState] = useState<DoctorState>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'running', progress: { phase: 'reading rules', done: 0, total: 0 } });
    try {
      const { checkRules } = await import(/* webpackChunkName: "rule-doctor" */ './ruleDoctorRun');
      const report = await checkRules(datasourceUid, abort.signal, (progress) => {
        if (!abort.signal.aborted) {
          setState({ status: 'running', progress });
        }
      });
      if (!abort.signal.aborted) {
        setState({ status: 'done', report, checkedAt: new Date() });
      }
    } catch (error) {
      if (abort.signal.aborted) {
        return;
      }
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [datasourceUid]);

  const cancel = () => {
    controller.current?.abort();
    setState({ status: 'cancelled' });
  };

  return (
    <section aria-label="Rule doctor">
      <Stack direction="column" gap={1} alignItems="flex-start">
        <Text element="h3">Rule doctor</Text>
        <Text color="secondary">
          Checks every alerting and recording rule (Grafana-managed and the Prometheus datasource’s own) against the
          data: rules in error, never evaluated or too slow, selectors that match no series now or over the last 7 days,
          joins that can never match, and what no rule watches.
        </Text>
        {state.status === 'running' ? (
          <Stack direction="row" gap={1} alignItems="center">
            <Text role="status">{progressText(state.progress)}</Text>
            <Button size="sm" variant="secondary" icon="times" onClick={cancel}>
              Cancel
            </Button>
          </Stack>
        ) : (
          <Button size="sm" variant={state.status === 'done' ? 'secondary' : 'primary'} icon="heart-rate" onClick={run}>
            {state.status === 'idle' ? 'Check rules' : 'Check again'}
          </Button>
        )}
        {state.status === 'cancelled' && <Text color="secondary">Check cancelled.</Text>}
        {state.status === 'error' && (
          <Alert severity="error" title="Could not check the rules">
            {state.message}
          </Alert>
        )}
        {state.status === 'done' && (
          <Report report={state.report} checkedAt={state.checkedAt} datasourceUid={datasourceUid} />
        )}
      </Stack>
    </section>
  );
}
