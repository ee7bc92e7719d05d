import React, { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { PluginPage } from '@grafana/runtime';
import { LoadingPlaceholder, Stack } from '@grafana/ui';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import { DEFAULT_CLUSTER_LABEL } from '../../constants';
import { capacityProblems, capacityReports } from '../../health/capacity';
import { healthChecks, healthContext } from '../../health/checks';
import { fetchCheckResults } from '../../health/query';
import { computeVerdict, type CheckResult } from '../../health/verdict';
import type { AppPageProps } from '../../types';
import { CapacityPlan } from './CapacityPlan';
import { RuleDoctor } from './RuleDoctor';
import { VerdictView, type VerdictState } from './VerdictView';

const HealthPanels = lazy(() => import('./HealthPanels'));

type ResultsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; results: CheckResult[]; checkedAt: Date };

function HealthContent({ datasourceUid, clusterLabel }: { datasourceUid: string; clusterLabel: string }) {
  const checks = useMemo(() => healthChecks(clusterLabel), [clusterLabel]);
  const [results, setResults] = useState<ResultsState>({ status: 'loading' });
  const [retentionDays, setRetentionDays] = useState<number | undefined>();
  const [run, setRun] = useState(0);
  const recheck = useCallback(() => {
    setResults({ status: 'loading' });
    setRun((n) => n + 1);
  }, []);

  useEffect(() => {
    let current = true;
    const context = healthContext({ clusterLabel });
    fetchCheckResults(checks, datasourceUid, (check) => check.query(context))
      .then((answer) => current && setResults({ status: 'done', results: answer, checkedAt: new Date() }))
      .catch(
        (error: unknown) =>
          current && setResults({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      );
    return () => {
      current = false;
    };
  }, [checks, datasourceUid, clusterLabel, run]);

  const reports = useMemo(
    () =>
      results.status === 'done'
        ? capacityReports(results.results, { clusterLabel, retentionSeconds: retentionDays && retentionDays * 86400 })
        : [],
    [results, clusterLabel, retentionDays]
  );
  const verdictState: VerdictState =
    results.status === 'done'
      ? {
          status: 'done',
          checkedAt: results.checkedAt,
          verdict: computeVerdict(checks, results.results, {
            clusterLabel,
            extraProblems: capacityProblems(reports),
          }),
        }
      : results;

  return (
    <Stack direction="column" gap={2}>
      <VerdictView state={verdictState} onRecheck={recheck} />
      <RuleDoctor datasourceUid={datasourceUid} />
      <Suspense fallback={<LoadingPlaceholder text="Loading panels…" />}>
        <HealthPanels datasourceUid={datasourceUid} clusterLabel={clusterLabel} />
      </Suspense>
      {results.status === 'done' && (
        <CapacityPlan
          reports={reports}
          clusterLabel={clusterLabel}
          retentionDays={retentionDays}
          onRetentionDaysChange={setRetentionDays}
        />
      )}
    </Stack>
  );
}

function HealthPage({ jsonData }: AppPageProps) {
  const uid = jsonData.prometheusDatasourceUid;
  return (
    <PluginPage>
      {uid ? (
        // Keyed: another datasource or cluster label starts over from "loading".
        <HealthContent
          key={`${uid}/${jsonData.clusterLabel ?? ''}`}
          datasourceUid={uid}
          clusterLabel={jsonData.clusterLabel || DEFAULT_CLUSTER_LABEL}
        />
      ) : (
        <NotConfigured whatNeedsIt="the health of your monitoring stack" />
      )}
    </PluginPage>
  );
}

export default HealthPage;
