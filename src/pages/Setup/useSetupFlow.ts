import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  apply,
  buildDesiredState,
  detectRuleProvenance,
  FSM_CONTACT_POINT_UID,
  FSM_FOLDER_UID,
  FSM_RULE_UID_PREFIX,
  plan,
  validateSetupChoices,
  type ApplyProgress,
  type ApplyResult,
  type ChoiceProblem,
  type Plan,
} from '../../engine';
import type { GrafanaApi } from '../../grafana-api';
import { EXPORTERS } from '../../catalog';
import { formProblems, initialForm, prefillContactPoint, toSetupChoices, withoutSecrets, type SetupForm } from './form';
import { setupPrometheusRuleFileText } from '../../engine/prometheus-rule-file';
import { existingReceivers } from '../../engine/receivers';
import { detectCoverage, loadGrafanaApi, type DetectionResult } from './setupApi';
import { readSavedChoices, withSavedChoices } from './saved-choices';
import {
  setupStepUrl,
  type ApplyState,
  type DetectionState,
  type DriftState,
  type ExistingState,
  type PlanState,
} from './state';
import { PLUGIN_ID } from '../../constants';
import { canConfigureApp } from '../../utils/permissions';
import { loadRegexEngine, regexEngine } from '../../utils/re2';

/*
 * The Setup flow: detect → choose → plan → apply. It lives above the step routes so moving
 * between steps keeps it; a reload starts over, because secrets must live nowhere but in this
 * memory. Every transition is an action of one reducer, so what a step sees follows from the
 * actions alone and not from the order in which effects happened to run.
 */

export interface SetupFlowState {
  form: SetupForm;
  /** Once the admin picks packs, detection and installed packs no longer overwrite the choice. */
  packsTouched: boolean;
  detection: DetectionState;
  existing: ExistingState;
  plan: PlanState;
  /** Rules changed in Grafana that the admin ticked to overwrite; they belong to the plan on screen. */
  overwrite: string[];
  apply: ApplyState;
  drift: DriftState;
}

export type SetupFlowAction =
  | { type: 'form-changed'; change: (f: SetupForm) => SetupForm; touchesPacks: boolean }
  | { type: 'detect-started'; datasourceUid: string }
  | { type: 'detected'; result: DetectionResult }
  | { type: 'detect-failed'; datasourceUid: string; message: string }
  | { type: 'existing-read'; existing: ExistingState }
  | { type: 'plan-requested'; keepApply: boolean }
  | { type: 'overwrite-changed'; overwrite: string[] }
  | { type: 'plan-started' }
  | { type: 'planned'; plan: Plan; form: SetupForm }
  | { type: 'plan-failed'; error: unknown; form: SetupForm }
  | { type: 'apply-started' }
  | { type: 'apply-progress'; progress: ApplyProgress }
  | { type: 'applied'; result: ApplyResult }
  | { type: 'apply-failed'; error: unknown }
  | { type: 'drift-checked'; drift: DriftState };

export function initialSetupFlowState(datasourceUid: string): SetupFlowState {
  return {
    form: initialForm(datasourceUid),
    packsTouched: false,
    detection: { status: 'idle' },
    existing: { status: 'loading' },
    plan: { status: 'idle' },
    overwrite: [],
    apply: { status: 'idle', progress: [] },
    drift: { status: 'idle' },
  };
}

export function setupFlowReducer(state: SetupFlowState, action: SetupFlowAction): SetupFlowState {
  switch (action.type) {
    case 'form-changed':
      return {
        ...state,
        form: action.change(state.form),
        packsTouched: state.packsTouched || action.touchesPacks,
      };
    case 'detect-started':
      return { ...state, detection: { status: 'loading', datasourceUid: action.datasourceUid } };
    case 'detected':
      return preselectPacks({ ...state, detection: { status: 'done', result: action.result } });
    case 'detect-failed':
      return preselectPacks({
        ...state,
        detection: { status: 'error', datasourceUid: action.datasourceUid, message: action.message },
      });
    case 'existing-read':
      return prefillFromExisting(preselectPacks(fromSavedChoices({ ...state, existing: action.existing })));
    case 'plan-requested':
      return { ...state, overwrite: [], apply: action.keepApply ? state.apply : { status: 'idle', progress: [] } };
    case 'overwrite-changed':
      return { ...state, overwrite: action.overwrite };
    case 'plan-started':
      return { ...state, plan: { ...state.plan, status: 'loading', error: undefined } };
    case 'planned':
      return { ...state, plan: { status: 'done', plan: action.plan, form: action.form } };
    case 'plan-failed':
      return { ...state, plan: { status: 'error', error: action.error, form: action.form } };
    case 'apply-started':
      return { ...state, apply: { status: 'running', progress: [] } };
    case 'apply-progress':
      return {
        ...state,
        apply: {
          ...state.apply,
          progress: [...state.apply.progress.filter((x) => x.step !== action.progress.step), action.progress],
        },
      };
    case 'applied':
      return {
        ...state,
        apply: { ...state.apply, status: 'done', result: action.result },
        // Secrets are entered once: they are in Grafana now, and leaving the fields empty keeps them.
        form: { ...state.form, contactPoint: withoutSecrets(state.form.contactPoint) },
        plan: { status: 'idle' },
        overwrite: [],
      };
    case 'apply-failed':
      return { ...state, apply: { ...state.apply, status: 'error', error: action.error }, plan: { status: 'idle' } };
    case 'drift-checked':
      return { ...state, drift: action.drift };
  }
}

/**
 * Packs to start from: those detected plus those installed. Waits for both answers (a failed one
 * counts as nothing found) so the selection does not jump, and stops once the admin has chosen.
 */
function preselectPacks(state: SetupFlowState): SetupFlowState {
  const { detection, existing } = state;
  const detectionSettled = detection.status === 'done' || detection.status === 'error';
  if (!detectionSettled || existing.status === 'loading' || state.packsTouched) {
    return state;
  }
  const detected =
    detection.status === 'done' ? detection.result.coverage.flatMap((c) => c.detected.map((d) => d.exporter.id)) : [];
  const installed = existing.status === 'done' ? existing.installedPacks : [];
  const wanted = new Set([...detected, ...installed]);
  return { ...state, form: { ...state.form, exporterIds: EXPORTERS.filter((e) => wanted.has(e.id)).map((e) => e.id) } };
}

/** The choices the last apply saved: the form starts from them, and detection no longer picks the packs. */
function fromSavedChoices(state: SetupFlowState): SetupFlowState {
  const { existing } = state;
  if (existing.status !== 'done' || existing.saved.status !== 'ok' || state.packsTouched) {
    return state;
  }
  const saved = existing.saved.form;
  return {
    ...state,
    form: { ...saved, datasourceUid: saved.datasourceUid || state.form.datasourceUid },
    packsTouched: true,
  };
}

/**
 * Rules written with provenance cannot be made editable (nor the reverse) without rewriting them,
 * so the provenance found decides; and the plugin's own contact point is offered as it is.
 */
function prefillFromExisting(state: SetupFlowState): SetupFlowState {
  const { existing, form } = state;
  if (existing.status !== 'done') {
    return state;
  }
  const { provenance, ourContactPoint, saved } = existing;
  // Saved choices already say how to notify; the contact point found is offered only without them.
  const prefill = ourContactPoint && saved.status !== 'ok';
  return {
    ...state,
    form: {
      ...form,
      editable: provenance === 'api' ? false : provenance === 'none' ? true : form.editable,
      ...(prefill ? { notify: true, contactPoint: prefillContactPoint(form.contactPoint, ourContactPoint) } : {}),
    },
  };
}

/**
 * The policy tree is read only where Grafana's receiver list cannot be (existingReceivers): on
 * Grafana main a role may read contact points and receivers (`alert.notifications.receivers:read`)
 * without the tree (`alert.notifications.routes:read`, authorization.go), and Setup needs no more.
 */
export async function readExisting(api: GrafanaApi): Promise<ExistingState> {
  const [provenance, rules, contactPoints, settings] = await Promise.all([
    detectRuleProvenance(api),
    api.listAlertRules(),
    api.listContactPoints(),
    api.getPluginSettings(PLUGIN_ID),
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
    status: 'done',
    provenance,
    installedPacks,
    contactPointNames: await existingReceivers(api, {
      listed: contactPoints,
      rules,
      policyTree: () => api.getPolicyTree(),
    }),
    ourContactPoint: contactPoints.find((cp) => cp.uid === FSM_CONTACT_POINT_UID),
    saved: readSavedChoices(settings?.jsonData),
  };
}

/**
 * What applying this form means: its rules and notification objects, and saving the form itself,
 * where the user may save the app's settings (plugins:write, an Admin's: an Editor granted the
 * Setup permission would otherwise fail at the last step, after the rules were written).
 */
function desiredFor(form: SetupForm, replicaLabels?: readonly string[], clusterLabel?: string) {
  const desired = buildDesiredState(toSetupChoices(form, replicaLabels, clusterLabel));
  return canConfigureApp() ? withSavedChoices(desired, form, PLUGIN_ID) : desired;
}

/** Regex matchers are checked with RE2, loaded only when a per-target override uses one. */
function usesRegex(form: SetupForm): boolean {
  return form.targetOverrides.some((o) => o.matchers.some((m) => m.op === '=~' || m.op === '!~'));
}

async function regexReadyFor(form: SetupForm): Promise<void> {
  if (usesRegex(form)) {
    await loadRegexEngine();
  }
}

export interface SetupFlow {
  form: SetupForm;
  updateForm: (change: (f: SetupForm) => SetupForm, touchesPacks?: boolean) => void;
  problems: ChoiceProblem[];
  detection: DetectionState;
  existing: ExistingState;
  planState: PlanState;
  /** The form changed since the plan on screen was made. */
  stale: boolean;
  overwrite: string[];
  applyState: ApplyState;
  drift: DriftState;
  detect: () => void;
  onPlan: () => void;
  onToggleOverwrite: (uid: string, ticked: boolean) => void;
  onReplan: () => void;
  onApply: () => void;
  onPlanAgain: () => void;
  /**
   * The planned choices as a Prometheus rule file, with the app's replica labels as the rules Setup
   * writes have them (undefined before a plan). Nothing is written to Grafana.
   */
  prometheusRules: () => string | undefined;
}

export function useSetupFlow(
  defaultDatasourceUid: string,
  replicaLabels?: readonly string[],
  clusterLabel?: string
): SetupFlow {
  const navigate = useNavigate();
  const [state, dispatch] = useReducer(setupFlowReducer, defaultDatasourceUid, initialSetupFlowState);
  const { form, detection, existing, plan: planState, overwrite, apply: applyState, drift } = state;

  const apiPromise = useRef<Promise<GrafanaApi>>();
  const getApi = useCallback(() => (apiPromise.current ??= loadGrafanaApi()), []);

  // Answers that arrive after the page is gone are dropped: aborted with the page, not checked against a flag.
  const lifetime = useRef<AbortController>();
  useEffect(() => {
    const controller = new AbortController();
    lifetime.current = controller;
    return () => controller.abort();
  }, []);
  const dispatcher = useCallback(() => {
    const signal = lifetime.current?.signal;
    return (action: SetupFlowAction) => {
      if (!signal?.aborted) {
        dispatch(action);
      }
    };
  }, []);

  const detectDatasource = useCallback(
    async (datasourceUid: string) => {
      const send = dispatcher();
      send({ type: 'detect-started', datasourceUid });
      try {
        send({ type: 'detected', result: await detectCoverage(datasourceUid) });
      } catch (error) {
        send({ type: 'detect-failed', datasourceUid, message: error instanceof Error ? error.message : String(error) });
      }
    },
    [dispatcher]
  );

  useEffect(() => {
    detectDatasource(form.datasourceUid);
  }, [detectDatasource, form.datasourceUid]);

  useEffect(() => {
    const controller = new AbortController();
    const send = (action: SetupFlowAction) => !controller.signal.aborted && dispatch(action);
    getApi()
      .then(async (api) => {
        const existing = await readExisting(api);
        send({ type: 'existing-read', existing });
        if (existing.status === 'done' && existing.saved.status === 'ok') {
          const savedForm = existing.saved.form;
          // Reads only: does Grafana still hold what the saved choices would write?
          send({ type: 'drift-checked', drift: { status: 'checking' } });
          try {
            await regexReadyFor(savedForm);
            send({
              type: 'drift-checked',
              drift: { status: 'done', plan: await plan(api, desiredFor(savedForm, replicaLabels, clusterLabel)) },
            });
          } catch (error) {
            send({ type: 'drift-checked', drift: { status: 'error', error } });
          }
        }
      })
      .catch((error: unknown) => send({ type: 'existing-read', existing: { status: 'error', error } }));
    return () => controller.abort();
  }, [getApi, replicaLabels, clusterLabel]);

  const updateForm = useCallback(
    (change: (f: SetupForm) => SetupForm, touchesPacks = false) =>
      dispatch({ type: 'form-changed', change, touchesPacks }),
    []
  );

  // Problems are checked as the admin types; a regex is checked once RE2 has loaded (until then it says so).
  const [regexLoaded, setRegexLoaded] = useState(() => regexEngine() !== undefined);
  const needsRegex = usesRegex(form);
  useEffect(() => {
    if (needsRegex && !regexLoaded) {
      loadRegexEngine().then(
        () => setRegexLoaded(true),
        () => undefined
      );
    }
  }, [needsRegex, regexLoaded]);
  const problems = useMemo(
    () => [...formProblems(form), ...validateSetupChoices(toSetupChoices(form, replicaLabels, clusterLabel))],
    // regexLoaded: the same form has other problems once RE2 can check its regexes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, regexLoaded, replicaLabels, clusterLabel]
  );

  const runPlan = useCallback(
    async (planned: SetupForm, overwriteUids: string[]) => {
      const send = dispatcher();
      send({ type: 'plan-started' });
      try {
        await regexReadyFor(planned);
        const desired = desiredFor(planned, replicaLabels, clusterLabel);
        const api = await getApi();
        send({
          type: 'planned',
          plan: await plan(api, desired, { overwriteUserChanged: overwriteUids }),
          form: planned,
        });
      } catch (error) {
        send({ type: 'plan-failed', error, form: planned });
      }
    },
    [dispatcher, getApi, replicaLabels, clusterLabel]
  );

  const onPlan = useCallback(() => {
    dispatch({ type: 'plan-requested', keepApply: false });
    navigate(setupStepUrl('plan'));
    runPlan(form, []);
  }, [navigate, runPlan, form]);

  const onPlanAgain = useCallback(() => {
    dispatch({ type: 'plan-requested', keepApply: true });
    navigate(setupStepUrl('plan'));
    runPlan(form, []);
  }, [navigate, runPlan, form]);

  const onToggleOverwrite = useCallback(
    (uid: string, ticked: boolean) => {
      const next = ticked ? [...new Set([...overwrite, uid])] : overwrite.filter((u) => u !== uid);
      dispatch({ type: 'overwrite-changed', overwrite: next });
      // The ticks belong to the plan on screen: re-plan the same choices, not later edits.
      runPlan(planState.form ?? form, next);
    },
    [overwrite, runPlan, planState.form, form]
  );

  const onReplan = useCallback(() => runPlan(form, overwrite), [runPlan, form, overwrite]);

  const onApply = useCallback(async () => {
    const p = planState.plan;
    if (!p) {
      return;
    }
    const send = dispatcher();
    send({ type: 'apply-started' });
    navigate(setupStepUrl('apply'));
    try {
      const api = await getApi();
      const result = await apply(api, p, {
        overwriteUserChanged: overwrite,
        onProgress: (progress) => send({ type: 'apply-progress', progress }),
      });
      send({ type: 'applied', result });
    } catch (error) {
      send({ type: 'apply-failed', error });
    }
  }, [planState.plan, overwrite, navigate, getApi, dispatcher]);

  const detect = useCallback(() => detectDatasource(form.datasourceUid), [detectDatasource, form.datasourceUid]);
  const prometheusRules = useCallback(
    () =>
      planState.form
        ? setupPrometheusRuleFileText(toSetupChoices(planState.form, replicaLabels, clusterLabel))
        : undefined,
    [planState.form, replicaLabels, clusterLabel]
  );

  return {
    form,
    updateForm,
    problems,
    detection,
    existing,
    planState,
    stale: planState.form !== undefined && planState.form !== form,
    overwrite,
    applyState,
    drift,
    detect,
    onPlan,
    onToggleOverwrite,
    onReplan,
    onApply,
    onPlanAgain,
    prometheusRules,
  };
}
