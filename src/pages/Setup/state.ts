import type { ApplyProgress, ApplyResult, ExistingProvenance, Plan } from '../../engine';
import type { ContactPoint } from '../../grafana-api';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../utils/utils.routing';
import type { SetupForm } from './form';
import type { SavedChoicesRead } from './saved-choices';
import type { DetectionResult } from './setupApi';

/*
 * The Setup flow's state, apart from the page so the steps can type their props without
 * importing the page that renders them.
 */

export const SETUP_STEPS = [
  { id: 'detect', title: 'Detect' },
  { id: 'choose', title: 'Choose' },
  { id: 'plan', title: 'Plan' },
  { id: 'apply', title: 'Apply' },
] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number]['id'];

export function setupStepUrl(step: SetupStepId): string {
  return prefixRoute(`${ROUTES.Setup}/${step}`);
}

export type DetectionState =
  | { status: 'idle' }
  | { status: 'loading'; datasourceUid: string }
  | { status: 'done'; result: DetectionResult }
  | { status: 'error'; datasourceUid: string; message: string };

/** What Grafana holds already, read once when Setup opens. */
export type ExistingState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'done';
      provenance: ExistingProvenance;
      /** Packs whose rules are in the plugin's folder. */
      installedPacks: string[];
      contactPointNames: string[];
      /** The plugin's own contact point, if it exists (secrets redacted by Grafana). */
      ourContactPoint?: ContactPoint;
      /** The choices the last apply saved in the app's settings. */
      saved: SavedChoicesRead;
    };

/**
 * Whether Grafana still holds what the saved choices would write: a plan of them, made when Setup
 * opens (it reads, never writes). A rule someone edited in Grafana, or deleted, shows here.
 */
export type DriftState =
  { status: 'idle' } | { status: 'checking' } | { status: 'done'; plan: Plan } | { status: 'error'; error: unknown };

export interface PlanState {
  status: 'idle' | 'loading' | 'done' | 'error';
  plan?: Plan;
  error?: unknown;
  /** The form the plan was made from: a later edit makes the plan stale. */
  form?: SetupForm;
}

export interface ApplyState {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: ApplyProgress[];
  result?: ApplyResult;
  error?: unknown;
}
