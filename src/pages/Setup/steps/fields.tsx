import React, { type ReactNode } from 'react';
import type { SetupForm } from '../form';

export type UpdateForm = (change: (f: SetupForm) => SetupForm, touchesPacks?: boolean) => void;

/** `invalid` and `error` props for a Field from the problems at that field (invalid left out when fine: Field passes it on). */
export type FieldErrors = (field: string) => { invalid?: boolean; error?: string };

/**
 * The child of a Field that holds several inputs: Field hands its child `invalid`, which a plain
 * layout element would write into the DOM.
 */
export function FieldGroup({ children }: { children: ReactNode; invalid?: boolean }) {
  return <>{children}</>;
}
