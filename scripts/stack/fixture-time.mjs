// What a served fixture says as of a moment: `grows` counters advanced and Unix times moved (fixture-server.mjs
// serves it; tests/support/healthy-fixture.ts applies the same directives to promtool series, and
// tests/support/fixture-time.test.ts holds both to them). Directives (tests/fixtures/exporters/README.md):
//
//   # fsm-stack: grows NAME PER_SECOND                  every sample of NAME grows by PER_SECOND from its written
//   # fsm-stack: grows NAME{label="value",…} PER_SECOND   value, counted from the server's start; with labels, only
//                                                        the samples with those values (the first matching line wins)
//   # fsm-stack: timestamp NAME [ms]   the time of an event (a boot, a process start, a certificate's expiry): served
//                                      at its written distance from the fixture's now as of the server's start, then
//                                      left alone, so it ages as the real one would and changes() sees no restart
//   # fsm-stack: clock NAME [ms]       a reading that follows the clock (a device's time, the newest sample sent):
//                                      kept at its written distance from now on every scrape
//   # fsm-stack: now UNIX              the fixture's "now" in seconds (default 2026-11-18T10:00:00Z)
//
// `ms` says the value counts milliseconds (MongoDB's optimeDate), not seconds. A 0 is an exporter's "never" (the
// Pushgateway's push_failure_time_seconds of a group that never failed) and stays 0: moved, it would be a time in
// January 1970, above the `> 0` with which rules skip "never". (The promtool side moves it: its clock starts at 0.)
//
// No dependencies on purpose: the stack must start without node_modules.

/** "Now" of the derived fixtures (tests/fixtures/exporters/README.md). */
export const DEFAULT_FIXTURE_NOW = Date.parse('2026-11-18T10:00:00Z') / 1000;

const GROWS = /^# fsm-stack: grows ([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([0-9.eE+-]+)\s*$/gm;
const UNIX_TIME = /^# fsm-stack: (timestamp|clock) ([a-zA-Z_:][a-zA-Z0-9_:]*)(?: (ms))?\s*$/gm;
const FIXTURE_NOW = /^# fsm-stack: now (\d+)\s*$/m;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** `{a="1",b="2"}` → [["a", "1"], ["b", "2"]]; kept as written (escapes included), as lines are compared as written. */
function labelPairs(text) {
  return [...(text ?? '').matchAll(LABEL_PAIR)].map((m) => [m[1], m[2]]);
}

/**
 * The exposition as of `now`, for a server started at `startedAt` (both epoch milliseconds, as Date.now()).
 */
export function asOf(text, { now, startedAt }) {
  const rules = [...text.matchAll(GROWS)].map((m) => ({ name: m[1], labels: labelPairs(m[2]), rate: Number(m[3]) }));
  const times = new Map(
    [...text.matchAll(UNIX_TIME)].map((m) => [m[2], { clock: m[1] === 'clock', perSecond: m[3] ? 1000 : 1 }])
  );
  if (rules.length === 0 && times.size === 0) {
    return text;
  }
  const seconds = (now - startedAt) / 1000;
  const fixtureNow = Number(FIXTURE_NOW.exec(text)?.[1] ?? DEFAULT_FIXTURE_NOW);
  return text.replace(/^([a-zA-Z_:][a-zA-Z0-9_:]*)((?:\{[^}]*\})?) (\S+)$/gm, (line, name, labels, value) => {
    const time = times.get(name);
    if (time) {
      const written = Number(value);
      const shift = ((time.clock ? now : startedAt) / 1000 - fixtureNow) * time.perSecond;
      return written === 0 ? line : `${name}${labels} ${Math.round(written + shift)}`;
    }
    const sample = new Map(labelPairs(labels));
    const rule = rules.find((r) => r.name === name && r.labels.every(([k, v]) => sample.get(k) === v));
    return rule ? `${name}${labels} ${Math.floor(Number(value) + rule.rate * seconds)}` : line;
  });
}
