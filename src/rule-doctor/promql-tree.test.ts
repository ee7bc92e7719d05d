import {
  blindness,
  parsePromql,
  PromqlSyntaxError,
  selectorsOf,
  unfiltered,
  vectorJoins,
  type Selector,
} from './promql-tree';

const emptyOnes =
  (...texts: string[]) =>
  (s: Selector) =>
    texts.includes(s.text);
const blindBecause = (query: string, ...empty: string[]) => {
  const verdict = blindness(parsePromql(query), emptyOnes(...empty));
  return verdict.blind ? verdict.because.map((s) => s.text) : 'sees';
};

describe('a rule query as the rule doctor reads it', () => {
  it('lists each selector once, with its metric and its own matchers', () => {
    const selectors = selectorsOf(
      parsePromql(
        'sum by (job) (rate(http_errors_total{code=~"5..",job="api"}[5m])) / sum by (job) (rate(http_errors_total{code=~"5..",job="api"}[5m]))'
      )
    );
    expect(selectors).toEqual([
      {
        kind: 'selector',
        text: 'http_errors_total{code=~"5..",job="api"}',
        metric: 'http_errors_total',
        matchers: [
          { label: 'code', text: 'code=~"5.."' },
          { label: 'job', text: 'job="api"' },
        ],
      },
    ]);
    expect(selectorsOf(parsePromql('{__name__="up",job="x"}'))[0]).toMatchObject({
      metric: 'up',
      matchers: [{ label: 'job' }],
    });
  });

  it('is blind through and/arithmetic when either side is empty, through or only when both are, through unless only on its left', () => {
    expect(blindBecause('a > 1 and on (job) b', 'b')).toEqual(['b']);
    expect(blindBecause('a / b', 'a')).toEqual(['a']);
    expect(blindBecause('a or b', 'a')).toBe('sees');
    expect(blindBecause('a or b', 'a', 'b')).toEqual(['a', 'b']);
    expect(blindBecause('a unless b', 'b')).toBe('sees');
    expect(blindBecause('a unless b', 'a')).toEqual(['a']);
    expect(blindBecause('sum by (job) (rate(a[5m])) > 0.5', 'a')).toEqual(['a']);
  });

  it('never calls absent() blind: an empty argument is what it waits for', () => {
    expect(blindBecause('absent(up{job="node"})', 'up{job="node"}')).toBe('sees');
    expect(blindBecause('absent_over_time(up{job="node"}[5m]) and on () vector(1)', 'up{job="node"}')).toBe('sees');
  });

  it('finds the vector joins (not or, not comparisons with a number) and the series a filtered side starts from', () => {
    const joins = vectorJoins(parsePromql('(rate(a[5m]) > 0) and on (job, instance) b * on (job) group_left c or d'));
    expect(joins.map((j) => [j.op, j.matching])).toEqual([
      ['and', { on: true, labels: ['job', 'instance'] }],
      ['*', { on: true, labels: ['job'] }],
    ]);
    expect(unfiltered(joins[0].left).text).toBe('rate(a[5m])');
    expect(vectorJoins(parsePromql('a > 5'))).toEqual([]);
    // Arithmetic of numbers is one number too: nothing to match (it once made the doctor ask count(10000 / 600)).
    expect(vectorJoins(parsePromql('a > 10000 / 600'))).toEqual([]);
    expect(vectorJoins(parsePromql('(2 * scalar(b)) < a'))).toEqual([]);
    expect(vectorJoins(parsePromql('a > b / 600')).map((j) => j.op)).toEqual(['>']);
  });

  it('reads by (…) and on (…) alike, a quoted UTF-8 name as its value (it once dropped it from on (…))', () => {
    const [join] = vectorJoins(parsePromql('a * on ("my.label", job) b'));
    expect(join.matching).toEqual({ on: true, labels: ['my.label', 'job'] });
    const sum = parsePromql('sum without ("my.label", job) (a)');
    expect(sum.kind === 'aggregate' && sum.grouping).toEqual({ without: true, labels: ['my.label', 'job'] });
  });

  it('refuses what Prometheus’ grammar refuses, saying where', () => {
    expect(() => parsePromql('sum(rate(up[5m])')).toThrow(PromqlSyntaxError);
    expect(() => parsePromql('sum(rate(up[5m])')).toThrow(/at character/);
  });
});
