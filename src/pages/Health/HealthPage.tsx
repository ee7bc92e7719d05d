import React, { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { getDataSourceSrv, PluginPage } from '@grafana/runtime';
import { LoadingPlaceholder, Stack } from '@grafana/ui';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import { DEFAULT_CLUSTER_LABEL, DEFAULT_REPLICA_LABELS } from '../../constants';
import { capacityProblems, capacityReports } from '../../health/capacity';
import { healthChecks, healthContext } from '../../health/checks';
import { fetchCheckResults } from '../../health/query';
import { computeVerdict, type CheckResult } from '../../health/verdict';
import { readRetentions } from '../../health/retention-read';
import type { ServerRetention } from '../../health/retention';
import type { AppPageProps } from '../../types';
import { CapacityPlan } from './CapacityPlan';
import { RuleDoctor } from './RuleDoctor';
import { VerdictView, type VerdictState } from './VerdictView';

const HealthPanels = lazy(() => import('./HealthPanels'));

type ResultsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; results: CheckResult[]; checkedAt: Date };

interface HealthContentProps {
  datasourceUid: string;
  clusterLabel: string;
  /** The app's replica labels, as Setup's rules drop them: what tells the servers of an HA pair apart. */
  replicaLabels: readonly string[];
}

function HealthContent({ datasourceUid, clusterLabel, replicaLabels }: HealthContentProps) {
  const checks = useMemo(() => healthChecks(clusterLabel, replicaLabels), [clusterLabel, replicaLabels]);
  const [results, setResults] = useState<ResultsState>({ status: 'loading' });
  const [retentionDays, setRetentionDays] = useState<number | undefined>();
  const [servers, setServers] = useState<ServerRetention[] | undefined>();
  const [run, setRun] = useState(0);
  const recheck = useCallback(() => {
    setResults({ status: 'loading' });
    setRun((n) => n + 1);
  }, []);

  useEffect(() => {
    let current = true;
    const context = healthContext({ clusterLabel, replicaLabels });
    fetchCheckResults(checks, datasourceUid, (check) => check.query(context))
      .then((answer) => current && setResults({ status: 'done', results: answer, checkedAt: new Date() }))
      .catch(
        (error: unknown) =>
          current && setResults({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      );
    return () => {
      current = false;
    };
  }, [checks, datasourceUid, clusterLabel, replicaLabels, run]);

  // Each server's retention flags, once the checks said which servers there are: other Prometheus
  // datasources are read only when the store holds servers named by external labels (see retention.ts).
  useEffect(() => {
    if (results.status !== 'done') {
      return;
    }
    let current = true;
    const several = results.results
      .find((r) => r.checkId === 'capacity-active-series')
      ?.series.some((s) => [clusterLabel, ...replicaLabels].some((name) => s.labels[name]));
    const srv = getDataSourceSrv();
    const app = { uid: datasourceUid, name: srv.getInstanceSettings(datasourceUid)?.name ?? datasourceUid };
    readRetentions(app, several ? srv.getList({ type: 'prometheus' }) : []).then((read) => current && setServers(read));
    return () => {
      current = false;
    };
  }, [results, clusterLabel, replicaLabels, datasourceUid]);

  const reports = useMemo(
    () =>
      results.status === 'done'
        ? capacityReports(results.results, {
            clusterLabel,
            replicaLabels,
            retentionSeconds: retentionDays && retentionDays * 86400,
            servers,
          })
        : [],
    [results, clusterLabel, replicaLabels, retentionDays, servers]
  );
  const verdictState: VerdictState =
    results.status === 'done'
      ? {
          status: 'done',
          checkedAt: results.checkedAt,
          verdict: computeVerdict(checks, results.results, {
            clusterLabel,
            replicaLabels,
            extraProblems: capacityProblems(reports),
          }),
        }
      : results;

  return (
    <Stack direction="column" gap={2}>
      <VerdictView state={verdictState} onRecheck={recheck} />
      <RuleDoctor datasourceUid={datasourceUid} />
      <Suspense fallback={<LoadingPlaceholder text="Loading panels…" />}>
        <HealthPanels datasourceUid={datasourceUid} clusterLabel={clusterLabel} replicaLabels={replicaLabels} />
      </Suspense>
      {results.status === 'done' && (
        <CapacityPlan
          reports={reports}
          clusterLabel={clusterLabel}
          replicaLabels={replicaLabels}
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
        // Keyed: another datasource, cluster label or replica labels start over from "loading".
        <HealthContent
          key={`${uid}/${jsonData.clusterLabel ?? ''}/${jsonData.replicaLabels?.join(',') ?? ''}`}
          datasourceUid={uid}
          clusterLabel={jsonData.clusterLabel || DEFAULT_CLUSTER_LABEL}
          replicaLabels={jsonData.replicaLabels ?? DEFAULT_REPLICA_LABELS}
        />
      ) : (
        <NotConfigured whatNeedsIt="the health of your monitoring stack" />
      )}
    </PluginPage>
  );
}

export default HealthPage;
