import type { Requirement, Signal } from './types';

/**
 * How a requirement reads wherever the user meets it (panel descriptions, the requirements table,
 * Home and Inventory), so the three never word the same switch differently.
 */
export function requirementText(requirement: Requirement): string {
  const facts = [
    requirement.offByDefault ? `${requirement.kind}, off by default` : requirement.kind,
    requirement.versions,
  ].filter(Boolean);
  return `${requirement.enable} (${facts.join('; ')})`;
}

/** The distinct requirements of some signals, in signal order (a panel may draw several signals needing the same switch). */
export function requirementsOf(signals: ReadonlyArray<Pick<Signal, 'requires'>>): Requirement[] {
  const seen = new Map<string, Requirement>();
  for (const { requires } of signals) {
    if (requires && !seen.has(requires.enable)) {
      seen.set(requires.enable, requires);
    }
  }
  return [...seen.values()];
}

/** The sentence a panel's description ends with, or '' when its signals need nothing switched on. */
export function requirementSentence(signals: ReadonlyArray<Pick<Signal, 'requires'>>): string {
  return needsSentence(requirementsOf(signals));
}

/** ` Needs A and B.`, or '' for none. */
export function needsSentence(requirements: readonly Requirement[]): string {
  return requirements.length === 0 ? '' : ` Needs ${requirements.map(requirementText).join(' and ')}.`;
}
