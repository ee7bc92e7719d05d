/** Milliseconds per unit of a Prometheus duration (prometheus/common model.ParseDuration). */
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** A Prometheus duration (`1h30m`, `90s`, `0`) in milliseconds; undefined when it is not one. */
export function promDurationMs(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^(?:[0-9]+(?:ms|s|m|h|d|w|y))+$|^0$/.test(text)) {
    return undefined;
  }
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(/([0-9]+)(ms|s|m|h|d|w|y)/g)) {
    ms += Number(amount) * UNIT_MS[unit];
  }
  return ms;
}
