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
