import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Stack, Tab, TabsBar, Text } from '@grafana/ui';
import {
  apply,
  buildDesiredState,
  detectRuleProvenance,
  FSM_CONTACT_POINT_UID,
  FSM_FOLDER_UID,
  FSM_RULE_UID_PREFIX,
  plan,
  validateSetupChoices,
} from '../../alerting/engine';
import type { ContactPoint, GrafanaApi } from '../../alerting/grafana-api';
import { EXPORTERS } from '../../catalog';
import { NotConfigured } from '../../components/NotConfigured/NotConfigured';
import { ROUTES } from '../../constants';
import type { AppPageProps } from '../../types';
import { datasourceName } from '../../utils/datasourceName';
import { ApplyStep } from './steps/ApplyStep';
import { ChooseStep } from './steps/ChooseStep';
import { DetectStep } from './steps/DetectStep';
import { PlanStep } from './steps/PlanStep';
import {
  formProblems,
  initialForm,
  SECRET_INPUTS,
  toSetupChoices,
  type ContactPointInput,
  type SetupForm,
} from './form';
import { detectCoverage, loadGrafanaApi } from './setupApi';
import {
  SETUP_STEPS,
  setupStepUrl,
  type ApplyState,
  type DetectionState,
  type ExistingState,
  type PlanState,
} from './state';

/*
 * Setup: detect → choose → plan → apply, one sub-route each (setup/detect, setup/choose,
 * setup/plan, setup/apply) so a step can be linked to and the browser's back button works. The
 * state lives here, above the routes, so moving between steps keeps it; a reload starts over
 * (secrets are never stored anywhere but in this page's memory). The engine does the work;
 * the steps only render its results.
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
  return <SetupFlow defaultDatasourceUid={uid} />;
}

export default SetupPage;

function SetupFlow({ defaultDatasourceUid }: { defaultDatasourceUid: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const apiPromise = useRef<Promise<GrafanaApi>>();
  const getApi = useCallback(() => (apiPromise.current ??= loadGrafanaApi()), []);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const [form, setForm] = useState<SetupForm>(() => initialForm(defaultDatasourceUid));
  const [packsTouched, setPacksTouched] = useState(false);
  const [detection, setDetection] = useState<DetectionState>({ status: 'idle' });
  const [existing, setExisting] = useState<ExistingState>({ status: 'loading' });
  const [planState, setPlanState] = useState<PlanState>({ status: 'idle' });
  const [overwrite, setOverwrite] = useState<string[]>([]);
  const [applyState, setApplyState] = useState<ApplyState>({ status: 'idle', progress: [] });

  const detect = useCallback(async (datasourceUid: string) => {
    setDetection({ status: 'loading', datasourceUid });
    try {
      const result = await detectCoverage(datasourceUid);
      if (mounted.current) {
        setDetection({ status: 'done', result });
      }
    } catch (error) {
      if (mounted.current) {
        setDetection({
          status: 'error',
          datasourceUid,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }, []);

  // Detect on opening Setup and whenever the chosen datasource changes.
  useEffect(() => {
    detect(form.datasourceUid);
  }, [detect, form.datasourceUid]);

  // What the plugin wrote before: provenance to lock, packs to keep selected, contact points to offer.
  useEffect(() => {
    let current = true;
    (async () => {
      const api = await getApi();
      const [provenance, rules, contactPoints] = await Promise.all([
        detectRuleProvenance(api),
        api.listAlertRules(),
        api.listContactPoints(),
      ]);
      const installedPacks = [
        ...new Set(
          rules
            .filter((r) => r.folderUID === FSM_FOLDER_UID && r.uid.startsWith(FSM_RULE_UID_PREFIX))
            .map((r) => r.ruleGroup.replace(/^fsm-/, ''))
            .filter((id) => EXPORTERS.some((e) => e.id === id))
        ),
      ];
      return {
        status: 'done' as const,
        provenance,
        installedPacks,
        contactPointNames: contactPoints.map((cp) => cp.name),
        ourContactPoint: contactPoints.find((cp) => cp.uid === FSM_CONTACT_POINT_UID),
      };
    })().then(
      (state) => current && setExisting(state),
      (error: unknown) => current && setExisting({ status: 'error', error })
    );
    return () => {
      current = false;
    };
  }, [getApi]);

  // Once detection and Grafana's state are known, pre-select packs (detected + installed), lock the
  // provenance the rules were written with, and prefill the plugin's contact point — unless the
  // admin has already made those choices.
  const detectionSettled = detection.status === 'done' || detection.status === 'error';
  useEffect(() => {
    if (!detectionSettled || existing.status === 'loading' || packsTouched) {
      return;
    }
    const detected =
      detection.status === 'done' ? detection.result.coverage.flatMap((c) => c.detected.map((d) => d.exporter.id)) : [];
    const installed = existing.status === 'done' ? existing.installedPacks : [];
    const wanted = new Set([...detected, ...installed]);
    setForm((f) => ({ ...f, exporterIds: EXPORTERS.filter((e) => wanted.has(e.id)).map((e) => e.id) }));
  }, [detectionSettled, detection, existing, packsTouched]);

  useEffect(() => {
    if (existing.status !== 'done') {
      return;
    }
    const { provenance, ourContactPoint } = existing;
    setForm((f) => ({
      ...f,
      editable: provenance === 'api' ? false : provenance === 'none' ? true : f.editable,
      ...(ourContactPoint ? { notify: true, contactPoint: prefillContactPoint(f.contactPoint, ourContactPoint) } : {}),
    }));
  }, [existing]);

  const updateForm = useCallback((change: (f: SetupForm) => SetupForm, touchesPacks = false) => {
    if (touchesPacks) {
      setPacksTouched(true);
    }
    setForm(change);
  }, []);

  const problems = useMemo(() => {
    const choices = toSetupChoices(form);
    return [...formProblems(form), ...validateSetupChoices(choices)];
  }, [form]);

  const runPlan = useCallback(
    async (planned: SetupForm, overwriteUids: string[]) => {
      setPlanState((s) => ({ ...s, status: 'loading', error: undefined }));
      try {
        const desired = buildDesiredState(toSetupChoices(planned));
        const api = await getApi();
        const result = await plan(api, desired, { overwriteUserChanged: overwriteUids });
        if (mounted.current) {
          setPlanState({ status: 'done', plan: result, form: planned });
        }
      } catch (error) {
        if (mounted.current) {
          setPlanState({ status: 'error', error, form: planned });
        }
      }
    },
    [getApi]
  );

  const onPlan = useCallback(() => {
    setOverwrite([]);
    setApplyState({ status: 'idle', progress: [] });
    navigate(setupStepUrl('plan'));
    runPlan(form, []);
  }, [navigate, runPlan, form]);

  const onToggleOverwrite = useCallback(
    (uid: string, ticked: boolean) => {
      const next = ticked ? [...new Set([...overwrite, uid])] : overwrite.filter((u) => u !== uid);
      setOverwrite(next);
      // The ticks belong to the plan on screen: re-plan the same choices, not later edits.
      runPlan(planState.form ?? form, next);
    },
    [overwrite, runPlan, planState.form, form]
  );

  const onApply = useCallback(async () => {
    const p = planState.plan;
    if (!p) {
      return;
    }
    setApplyState({ status: 'running', progress: [] });
    navigate(setupStepUrl('apply'));
    try {
      const api = await getApi();
      const result = await apply(api, p, {
        overwriteUserChanged: overwrite,
        onProgress: (progress) =>
          mounted.current &&
          setApplyState((s) => ({
            ...s,
            progress: [...s.progress.filter((x) => x.step !== progress.step), progress],
          })),
      });
      if (mounted.current) {
        setApplyState((s) => ({ ...s, status: 'done', result }));
        // Secrets are entered once: they are in Grafana now, and leaving the fields empty keeps them.
        setForm((f) => ({ ...f, contactPoint: withoutSecrets(f.contactPoint) }));
        setPlanState({ status: 'idle' });
        setOverwrite([]);
      }
    } catch (error) {
      if (mounted.current) {
        setApplyState((s) => ({ ...s, status: 'error', error }));
        setPlanState({ status: 'idle' });
      }
    }
  }, [planState.plan, overwrite, navigate, getApi]);

  const onPlanAgain = useCallback(() => {
    setOverwrite([]);
    navigate(setupStepUrl('plan'));
    runPlan(form, []);
  }, [navigate, runPlan, form]);

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
                onDetect={() => detect(form.datasourceUid)}
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
                problems={problems}
                detection={detection}
                existing={existing}
                onPlan={onPlan}
              />
            }
          />
          <Route
            path="plan"
            element={
              <PlanStep
                planState={planState}
                stale={planState.form !== undefined && planState.form !== form}
                overwrite={overwrite}
                onToggleOverwrite={onToggleOverwrite}
                onApply={onApply}
                onReplan={() => runPlan(form, overwrite)}
                onChoose={() => navigate(setupStepUrl('choose'))}
                applying={applyState.status === 'running'}
              />
            }
          />
          <Route
            path="apply"
            element={
              <ApplyStep
                applyState={applyState}
                onPlanAgain={onPlanAgain}
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

function withoutSecrets(cp: ContactPointInput): ContactPointInput {
  const cleared = { ...cp };
  for (const key of SECRET_INPUTS) {
    cleared[key] = '';
  }
  return cleared;
}

/** The plugin's contact point as Grafana holds it: non-secret settings only (secrets read back as [REDACTED]). */
function prefillContactPoint(input: ContactPointInput, cp: ContactPoint): ContactPointInput {
  const text = (key: string) => (typeof cp.settings?.[key] === 'string' ? String(cp.settings[key]) : '');
  const base = { ...input, name: cp.name };
  switch (cp.type) {
    case 'email':
      return {
        ...base,
        kind: 'email',
        emailAddresses: text('addresses')
          .split(/[;,\n]/)
          .map((a) => a.trim())
          .filter(Boolean),
      };
    case 'webhook':
      return {
        ...base,
        kind: 'webhook',
        webhookUrl: text('url'),
        webhookBearer: text('authorization_scheme') === 'Bearer',
      };
    case 'slack':
      return {
        ...base,
        kind: 'slack',
        slackMode: text('recipient') ? 'bot' : 'webhook',
        slackRecipient: text('recipient'),
      };
    case 'teams':
      return { ...base, kind: 'teams' };
    case 'pagerduty':
      return { ...base, kind: 'pagerduty' };
    default:
      return input;
  }
}
