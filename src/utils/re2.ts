import type { RE2JS } from 're2js';

/*
 * RE2 (re2js, ≈ 45 KiB gzip), the regex engine Prometheus matches `=~`/`!~` with, loaded the
 * first time a pattern needs it: most pages never do, and the datasource's entry module must stay
 * small (its budget is 25 KiB). Checking a pattern with JavaScript's RegExp instead would accept
 * lookarounds and backreferences that Prometheus refuses, and refuse `(?i)` that it accepts.
 */

let re2: typeof RE2JS | undefined;

/** Loads RE2 once; later calls return at once. */
export async function loadRegexEngine(): Promise<void> {
  if (re2 === undefined) {
    re2 = (await import(/* webpackChunkName: "re2" */ 're2js')).RE2JS;
  }
}

/** RE2, or undefined while it has not been loaded (await loadRegexEngine first). */
export function regexEngine(): typeof RE2JS | undefined {
  return re2;
}

/**
 * Why Prometheus would refuse `pattern` as a regex matcher value, or undefined when it compiles.
 * Throws when RE2 is not loaded yet: a caller that forgot to load it must not pass a bad pattern.
 */
export function promRegexError(pattern: string): string | undefined {
  if (re2 === undefined) {
    throw new Error('The regex engine is not loaded yet: await loadRegexEngine() first.');
  }
  try {
    re2.compile(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
  }
}
