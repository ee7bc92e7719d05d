import { compileJobRegex, jobRegexError, loadJobRegexEngine } from './filters';
import { unwrapPrometheus, warningsToShow, MAX_UPSTREAM_TEXT, MAX_UPSTREAM_WARNINGS } from './prometheus-api';

const matches = (pattern: string, job: string) => compileJobRegex(pattern)!.test(job);

beforeAll(() => loadJobRegexEngine('RE2'));

describe('the job filter has the syntax and semantics of a PromQL =~ (RE2)', () => {
  it('is anchored at both ends, as Prometheus anchors =~', () => {
    expect(matches('node', 'node')).toBe(true);
    expect(matches('node', 'node-2')).toBe(false);
    expect(matches('node', 'my-node')).toBe(false);
    // An alternation is anchored as a whole, not only its first and last branch.
    expect(matches('a|b', 'ab')).toBe(false);
  });

  it('accepts RE2 syntax that JavaScript reads differently or refuses', () => {
    // POSIX classes: a JavaScript RegExp reads `[[:alpha:]]` as the set "[:alph" followed by "]".
    expect(matches('[[:alpha:]]+', 'node')).toBe(true);
    // Inline flags: a JavaScript RegExp throws on `(?i)`.
    expect(matches('(?i)NODE', 'node')).toBe(true);
    // \z is RE2's end of text; JavaScript reads it as the letter z.
    expect(matches('node\\z', 'node')).toBe(true);
  });

  it('refuses what Prometheus refuses, saying it is RE2 syntax', () => {
    for (const pattern of ['(?=node)node', 'node(?!x)', '(a)\\1']) {
      expect(jobRegexError(pattern)).toMatch(
        /is not a valid regular expression .*RE2: no lookarounds or backreferences/
      );
    }
  });

  it('matches in linear time: a pattern that makes backtracking engines explode answers at once', () => {
    // With a JavaScript RegExp this call does not return (2^64 backtracking steps).
    expect(matches('(a+)+', `${'a'.repeat(64)}!`)).toBe(false);
    expect(matches('(a|aa)+', 'a'.repeat(10_000))).toBe(true);
  });

  it('quotes only the start of a huge bad pattern', () => {
    const message = jobRegexError(`(${'x'.repeat(100_000)}`)!;
    expect(message).toMatch(/^The job filter "\(x+…" is not a valid regular expression/);
    expect(message.length).toBeLessThan(600);
  });
});

describe('upstream texts in messages', () => {
  it('bounds an upstream error: a 2 MB body is quoted by its start, not whole', () => {
    const huge = 'E'.repeat(2 * 1024 * 1024);
    expect(() => unwrapPrometheus({ status: 'error', error: huge }, 'the query')).toThrow(
      new RegExp(`^Prometheus refused the query: E{${MAX_UPSTREAM_TEXT}}…$`)
    );
  });

  it('says "no reason given" instead of printing an error that is not text', () => {
    expect(() => unwrapPrometheus({ status: 'error', error: { nested: true } }, 'the query')).toThrow(
      'Prometheus refused the query: no reason given'
    );
  });

  it('lists each warning once, bounded, and counts what it leaves out', () => {
    const repeated = Array.from({ length: 1000 }, () => 'PromQL info: metric might not be a counter');
    expect(unwrapPrometheus({ status: 'success', data: {}, warnings: repeated }, 'q').warnings).toEqual([
      'PromQL info: metric might not be a counter',
    ]);
    expect(
      unwrapPrometheus({ status: 'success', data: {}, warnings: ['w'.repeat(5000), 42, null] }, 'q').warnings
    ).toEqual([`${'w'.repeat(MAX_UPSTREAM_TEXT)}…`]);
    const many = Array.from({ length: 12 }, (_, i) => `warning ${i}`);
    const shown = warningsToShow(many.slice(0, 8), many.slice(4));
    expect(shown).toHaveLength(MAX_UPSTREAM_WARNINGS + 1);
    expect(shown[MAX_UPSTREAM_WARNINGS]).toBe(`and ${12 - MAX_UPSTREAM_WARNINGS} more warnings`);
  });
});
