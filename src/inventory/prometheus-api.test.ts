/** @jest-environment node */
import { InventoryError, unwrapPrometheus, vectorResult } from './prometheus-api';
import { parseScrapeTime, parseTargets } from './targets';

const fail = (body: unknown) => {
  try {
    unwrapPrometheus(body, 'the targets request');
  } catch (error) {
    return error as InventoryError;
  }
  throw new Error('expected a failure');
};

describe('reading Prometheus answers', () => {
  it('returns data and warnings of a success envelope', () => {
    expect(unwrapPrometheus({ status: 'success', data: { a: 1 }, warnings: ['slow'] }, 'x')).toEqual({
      data: { a: 1 },
      warnings: ['slow'],
    });
    expect(unwrapPrometheus('{"status":"success","data":[]}', 'x').data).toEqual([]);
  });

  it('names an HTML page (a login page, a proxy) and quotes only its beginning', () => {
    const error = fail(`<!doctype html><html><title>Sign in</title>${'x'.repeat(100_000)}</html>`);
    expect(error.kind).toBe('not-prometheus');
    expect(error.message).toContain('is an HTML page');
    expect(error.message).toContain('Sign in');
    expect(error.message.length).toBeLessThan(400);
  });

  it('recognises JSON cut off in the middle', () => {
    const error = fail('{"status":"success","data":{"activeTargets":[{"labels":{"job":"no');
    expect(error.kind).toBe('truncated');
    expect(error.message).toMatch(/incomplete JSON \(\d+ characters received/);
  });

  it('rejects text that is not JSON, and JSON that is not Prometheus', () => {
    expect(fail('upstream connect error or disconnect/reset before headers').message).toContain('is not JSON');
    expect(fail({ message: 'hello' }).message).toContain('not a Prometheus API response');
    expect(fail([1, 2]).kind).toBe('not-prometheus');
    expect(fail(null).kind).toBe('not-prometheus');
    expect(fail('').message).toContain('was empty');
  });

  it("passes on Prometheus' own error", () => {
    const error = fail({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' });
    expect(error.kind).toBe('prometheus-error');
    expect(error.message).toBe('Prometheus refused the targets request: parse error at char 3');
  });

  it('insists on an instant vector', () => {
    expect(() => vectorResult({ resultType: 'matrix', result: [] }, 'q')).toThrow(
      'Expected an instant vector for q, got "matrix"'
    );
    expect(vectorResult({ resultType: 'vector', result: [{ metric: { a: 'b' }, value: [1, '2'] }] }, 'q')).toEqual([
      { metric: { a: 'b' }, value: [1, '2'] },
    ]);
  });

  it('refuses a malformed series with what is wrong with it, instead of a TypeError later', () => {
    const cases: Array<[unknown, string]> = [
      [null, '#1 of 2: not an object'],
      [{ metric: null }, '#1 of 2: "metric" is not a map of labels'],
      [{ metric: { job: 7 } }, '#1 of 2: label "job" is not a string'],
      [{ metric: {}, value: '1' }, '#1 of 2: "value" is not [time, "number"]'],
    ];
    for (const [bad, problem] of cases) {
      expect(() => vectorResult({ resultType: 'vector', result: [bad, { metric: {} }] }, 'q')).toThrow(
        `The answer to q has a malformed series (${problem})`
      );
    }
  });
});

describe('reading targets', () => {
  it('keeps label values with quotes, newlines and markup exactly as they are', () => {
    const nasty = 'a"b\nc<script>alert(1)</script>';
    const { targets } = parseTargets({
      activeTargets: [
        {
          labels: { job: nasty, instance: 'h:1', note: nasty },
          health: 'down',
          lastError: nasty,
          lastScrape: '2024-05-01T10:00:00.123456789Z',
          lastScrapeDuration: 0.25,
          scrapePool: 'p',
          scrapeUrl: 'http://h:1/metrics',
        },
      ],
    });
    expect(targets[0]).toMatchObject({ job: nasty, lastError: nasty, health: 'down', labels: { note: nasty } });
  });

  it('skips and counts malformed entries instead of failing them all', () => {
    const { targets, skipped } = parseTargets({
      activeTargets: [
        null,
        'x',
        { labels: null },
        { labels: { job: 'a', instance: 'b', port: 9100 }, health: 'weird' },
      ],
    });
    expect(skipped).toBe(3);
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({
      health: 'unknown',
      lastScrapeMs: null,
      scrapeDurationS: null,
      labels: { port: '9100' },
    });
  });

  it('says so when the answer has no target list', () => {
    expect(() => parseTargets({ resultType: 'vector' })).toThrow(/no activeTargets list/);
  });

  it('reads scrape times with nanoseconds, offsets, and Go zero time as "never"', () => {
    expect(parseScrapeTime('2024-05-01T10:00:00.123456789Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(parseScrapeTime('2024-05-01T10:00:00Z')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(parseScrapeTime('2024-05-01T12:00:00.5+02:00')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 500));
    expect(parseScrapeTime('0001-01-01T00:00:00Z')).toBeNull();
    expect(parseScrapeTime('garbage')).toBeNull();
  });
});
