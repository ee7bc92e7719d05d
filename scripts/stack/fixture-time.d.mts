/** Types of fixture-time.mjs (plain JavaScript: the stack starts without node_modules). */
export declare const DEFAULT_FIXTURE_NOW: number;
export declare function asOf(text: string, moment: { now: number; startedAt: number }): string;
