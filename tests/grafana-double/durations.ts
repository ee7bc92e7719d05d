/*
 * Durations the way Grafana's alerting API reads and writes them: Prometheus' `model.Duration`
 * (`1h30m`, `5m`, `0s`). Grafana parses what it is sent and prints it back in canonical form, so a
 * rule written with `for: "300s"` reads back as `for: "5m"`.
 */

const UNITS: Array<[string, number]> = [
  ['y', 365 * 24 * 3600 * 1000],
  ['w', 7 * 24 * 3600 * 1000],
  ['d', 24 * 3600 * 1000],
  ['h', 3600 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
];

const UNIT_MS: Record<string, number> = Object.fromEntries(UNITS);

/** Milliseconds, or undefined when the text is not a Prometheus duration. */
export function parseDurationMs(text: string): number | undefined {
  if (text === '0') {
    return 0;
  }
  if (!/^(?:[0-9]+(?:ms|s|m|h|d|w|y))+$/.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/([0-9]+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(amount) * UNIT_MS[unit];
  }
  return total;
}

/** Canonical form, as Prometheus' `model.Duration.String()` prints it. */
export function formatDurationMs(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  let rest = ms;
  let out = '';
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      out += `${amount}${unit}`;
      rest -= amount * size;
    }
  }
  return out;
}
