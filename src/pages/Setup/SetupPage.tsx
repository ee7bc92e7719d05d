import React from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Stack, Tab, TabsBar, Text } from '@grafana/ui';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import { DEFAULT_CLUSTER_LABEL, ROUTES } from '../../constants';
import type { AppPageProps } from '../../types';
import { datasourceName } from '../../utils/datasourceName';
import { ApplyStep } from './steps/ApplyStep';
import { ChooseStep } from './steps/ChooseStep';
import { DetectStep } from './steps/DetectStep';
import { PlanStep } from './steps/PlanStep';
import { SETUP_STEPS, setupStepUrl } from './state';
import { useSetupFlow } from './useSetupFlow';

/*
 * Setup: detect → choose → plan → apply, one sub-route each (setup/detect, setup/choose,
 * setup/plan, setup/apply) so a step can be linked to and the browser's back button works. The
 * flow (useSetupFlow) is held here, above the routes, so moving between steps keeps it. The
 * engine does the work; the steps only render its results.
 */

function SetupPage({ jsonData }: AppPageProps) {
  const uid = jsonData.prometheusDatasourceUid;
  if (!uid) {
    return (
      <PluginPage>
        <NotConfigured whatNeedsIt="which exporters you run and the alert rules they need" />
      </PluginPage>
    );
  }
  return (
    <SetupFlow
      defaultDatasourceUid={uid}
      replicaLabels={jsonData.replicaLabels}
      clusterLabel={jsonData.clusterLabel || DEFAULT_CLUSTER_LABEL}
    />
  );
}

export default SetupPage;

function SetupFlow({
  defaultDatasourceUid,
  replicaLabels,
  clusterLabel,
}: {
  defaultDatasourceUid: string;
  replicaLabels?: readonly string[];
  clusterLabel: string;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const flow = useSetupFlow(defaultDatasourceUid, replicaLabels, clusterLabel);
  const { form, updateForm, detection, existing, planState, overwrite, applyState } = flow;

  const activeStep = SETUP_STEPS.find((s) => location.pathname.includes(`/${ROUTES.Setup}/${s.id}`))?.id ?? 'detect';

  return (
    <PluginPage>
      <Stack direction="column" gap={2}>
        <Text element="p">
          Setup will bring dashboards and alert rules in line with the exporters {datasourceName(form.datasourceUid)}{' '}
          scrapes. Nothing is written before you have reviewed the plan.
        </Text>
        <TabsBar>
          {SETUP_STEPS.map((step, index) => (
            <Tab
              key={step.id}
              label={`${index + 1}. ${step.title}`}
              active={activeStep === step.id}
              onChangeTab={() => navigate(setupStepUrl(step.id))}
              data-testid={`setup-tab-${step.id}`}
            />
          ))}
        </TabsBar>
        <Routes>
          <Route
            path="detect"
            element={
              <DetectStep
                datasourceUid={form.datasourceUid}
                detection={detection}
                onDetect={flow.detect}
                onChangeDatasource={(uid) => updateForm((f) => ({ ...f, datasourceUid: uid }))}
                onNext={() => navigate(setupStepUrl('choose'))}
              />
            }
          />
          <Route
            path="choose"
            element={
              <ChooseStep
                form={form}
                updateForm={updateForm}
                problems={flow.problems}
                detection={detection}
                existing={existing}
                drift={flow.drift}
                onPlan={flow.onPlan}
              />
            }
          />
          <Route
            path="plan"
            element={
              <PlanStep
                planState={planState}
                stale={flow.stale}
                overwrite={overwrite}
                onToggleOverwrite={flow.onToggleOverwrite}
                onApply={flow.onApply}
                onReplan={flow.onReplan}
                onChoose={() => navigate(setupStepUrl('choose'))}
                applying={applyState.status === 'running'}
                prometheusRules={flow.prometheusRules}
              />
            }
          />
          <Route
            path="apply"
            element={
              <ApplyStep
                applyState={applyState}
                onPlanAgain={flow.onPlanAgain}
                onChoose={() => navigate(setupStepUrl('choose'))}
              />
            }
          />
          <Route index element={<Navigate to={setupStepUrl('detect')} replace />} />
          <Route path="*" element={<Navigate to={setupStepUrl('detect')} replace />} />
        </Routes>
      </Stack>
    </PluginPage>
  );
}
