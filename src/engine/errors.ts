import { isGrafanaApiError } from '../grafana-api/errors';

/*
 * Errors the Setup page shows. Each carries a `userMessage` that says what failed and what to do;
 * the page renders it as is.
 */

/** A Setup choice that cannot be turned into rules (bad threshold, unknown pack, bad label name…). */
export interface ChoiceProblem {
  /** Which form field: `datasource`, `exporters`, `threshold:<exporter>.<threshold>`, `selector.0.label`, `notifications.contactPoint.url`… */
  field: string;
  message: string;
}

export class SetupChoiceError extends Error {
  constructor(readonly problems: ChoiceProblem[]) {
    super(`Setup choices need fixing: ${problems.map((p) => p.message).join(' ')}`);
    this.name = 'SetupChoiceError';
  }

  get userMessage(): string {
    return this.message;
  }
}

export type PlanBlockerKind =
  | 'datasource-missing'
  | 'datasource-not-prometheus'
  | 'provenance-conflict'
  | 'provisioned-from-file'
  | 'missing-secret'
  | 'contact-point-missing'
  | 'contact-point-name-taken'
  | 'folder-uid-taken'
  | 'foreign-org-unconfirmed'
  | 'provenance-mixed'
  | 'app-not-installed'
  | 'destination-unconfirmed'
  | 'routing-target-missing';

/** Something that makes applying this plan impossible or unsafe; the plan lists them, apply refuses. */
export interface PlanBlocker {
  kind: PlanBlockerKind;
  message: string;
  /** uids or names of the objects concerned. */
  objects?: string[];
}

export class PlanBlockedError extends Error {
  constructor(readonly blockers: PlanBlocker[]) {
    super(blockers.map((b) => b.message).join(' '));
    this.name = 'PlanBlockedError';
  }

  get userMessage(): string {
    return `Nothing was written. ${this.message}`;
  }
}

/**
 * An object changed in Grafana between the plan and the write apply was about to make: apply
 * stops before writing it, so another admin's change is never overwritten unseen.
 */
export class PlanOutdatedError extends Error {
  constructor(
    /** e.g. `rule group "fsm-node"`, `notification policy tree`. */
    readonly object: string,
    /** What changed, in words. */
    readonly changes: string[]
  ) {
    super(`The ${object} changed in Grafana since the plan: ${changes.join('; ')}.`);
    this.name = 'PlanOutdatedError';
  }

  get userMessage(): string {
    return `${this.message} It was not written, so nothing another admin did is overwritten. Plan again to see the change and decide.`;
  }
}

export interface AppliedStep {
  /** 1-based. */
  step: number;
  label: string;
}

/** A write failed part-way; says which step, what was written before it, and that re-running finishes the job. */
export class ApplyError extends Error {
  constructor(
    readonly step: number,
    readonly totalSteps: number,
    readonly stepLabel: string,
    readonly completed: AppliedStep[],
    readonly cause: unknown
  ) {
    super(
      `Apply stopped at step ${step} of ${totalSteps} (${stepLabel}): ${cause instanceof Error ? cause.message : String(cause)}`
    );
    this.name = 'ApplyError';
  }

  get userMessage(): string {
    const done =
      this.completed.length === 0
        ? 'Nothing was written before it.'
        : this.completed.length === 1
          ? 'Step 1 was written.'
          : `Steps 1–${this.completed.length} were written.`;
    if (this.cause instanceof PlanOutdatedError) {
      return `Step ${this.step} of ${this.totalSteps} (${this.stepLabel}) was not written: ${this.cause.userMessage} ${done}`;
    }
    if (isGrafanaApiError(this.cause) && this.cause.isTransient) {
      // A 5xx is an answer, but like a timeout it leaves the step's outcome unknown.
      const what = this.cause.status ? `Grafana failed (HTTP ${this.cause.status})` : 'Grafana did not answer';
      return `${what} at step ${this.step} of ${this.totalSteps} (${this.stepLabel}). ${done} Nothing after step ${this.step} was written; step ${this.step} itself may or may not have been. Plan again, then apply: the new plan shows what is still missing.`;
    }
    const reason = isGrafanaApiError(this.cause)
      ? this.cause.userMessage
      : this.cause instanceof Error
        ? this.cause.message
        : String(this.cause);
    return `Step ${this.step} of ${this.totalSteps} (${this.stepLabel}) failed. ${reason} ${done} Nothing after it was written.`;
  }
}

/** The message to show for any error the engine throws. */
export function userMessageOf(error: unknown): string {
  if (
    error instanceof ApplyError ||
    error instanceof PlanOutdatedError ||
    error instanceof PlanBlockedError ||
    error instanceof SetupChoiceError ||
    isGrafanaApiError(error)
  ) {
    return error.userMessage;
  }
  return error instanceof Error ? error.message : String(error);
}
