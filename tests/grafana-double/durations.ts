/*
 * Durations the way Grafana's alerting API reads and writes them: Prometheus' `model.Duration`
 * (prometheus/common model/time.go `ParseDuration` / `Duration.String`). Grafana parses what it is
 * sent and prints it back in canonical form, so `for: "300s"` reads back as `"5m"`.
 */

const DAY = 24 * 3600 * 1000;
const UNIT_MS: Record<string, number> = {
  y: 365 * DAY,
  w: 7 * DAY,
  d: DAY,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};

// ParseDuration's regexp: every unit at most once, largest first ("1h30m" yes, "30m1h" no).
const DURATION_RE =
  /^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;
const ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/** Milliseconds, or undefined when the text is not a Prometheus duration. */
export function parseDurationMs(text: string): number | undefined {
  // ParseDuration: "0" is special-cased; "" is "empty duration string".
  if (text === '0') {
    return 0;
  }
  if (text === '') {
    return undefined;
  }
  const match = DURATION_RE.exec(text);
  if (!match) {
    return undefined;
  }
  let total = 0;
  ORDER.forEach((unit, i) => {
    if (match[i + 1] !== undefined) {
      total += Number(match[i + 1]) * UNIT_MS[unit];
    }
  });
  return total;
}

/**
 * Canonical form, as `model.Duration.String()` prints it: y and w only when they divide the
 * whole duration exactly ("it is often easier to read 90d than 12w6d"), so 8d stays 8d and
 * 14d is 2w.
 */
export function formatDurationMs(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  let rest = ms;
  let out = '';
  const unit = (name: string, exact: boolean) => {
    const size = UNIT_MS[name];
    if (exact && rest % size !== 0) {
      return;
    }
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      out += `${amount}${name}`;
      rest -= amount * size;
    }
  };
  unit('y', true);
  unit('w', true);
  for (const name of ['d', 'h', 'm', 's', 'ms']) {
    unit(name, false);
  }
  return out;
}

/** Go's time.Duration.String() for whole seconds (15s, 1m0s, 1h0m0s), used in Grafana's error texts. */
export function goDurationSeconds(seconds: number): string {
  if (seconds === 0) {
    return '0s';
  }
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  if (h > 0) {
    return `${sign}${h}h${m}m${s}s`;
  }
  if (m > 0) {
    return `${sign}${m}m${s}s`;
  }
  return `${sign}${s}s`;
}
