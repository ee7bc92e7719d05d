import type { BundleProblem } from './validate';

/*
 * Errors the Backup page shows as they are: each `userMessage` says what failed, that nothing was
 * written, and what to do.
 */

/** The bundle itself is unacceptable (not a bundle, newer format, tampered…): nothing is read or written. */
export class BundleRejectedError extends Error {
  constructor(readonly problems: BundleProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'BundleRejectedError';
  }

  get userMessage(): string {
    return this.message;
  }
}

/** Something in this Grafana keeps the restore from being applied; the plan lists each with what to change. */
export interface RestoreBlocker {
  kind:
    | 'foreign-org-unconfirmed'
    | 'provenance-mixed'
    | 'app-not-installed'
    | 'datasource-missing'
    | 'provenance-conflict'
    | 'provisioned-from-file'
    | 'missing-secret'
    | 'contact-point-missing'
    | 'contact-point-name-taken'
    | 'datasource-not-prometheus'
    | 'folder-uid-taken';
  message: string;
  objects?: string[];
}

export class RestoreBlockedError extends Error {
  constructor(readonly blockers: RestoreBlocker[]) {
    super(blockers.map((b) => b.message).join(' '));
    this.name = 'RestoreBlockedError';
  }

  get userMessage(): string {
    return `Nothing was written. ${this.message}`;
  }
}
