import {
  alertContext,
  dashboardContext,
  escapeLabelValue,
  escapeRegexValue,
  fleetContext,
  joinMatchers,
  labelValueError,
  matcher,
  sel,
} from './promql';

describe('PromQL building blocks', () => {
  it('escapes quotes, backslashes and newlines so a user value cannot end the matcher', () => {
    const hostile = 'a"} or vector(1) #\\\n';
    const built = matcher('job', '=', hostile);
    expect(built).toBe('job="a\\"} or vector(1) #\\\\\\n"');
    // Exactly two unescaped quotes: the value stays one string.
    expect(built.replace(/\\\\/g, '').replace(/\\"/g, '').split('"').length - 1).toBe(2);
  });

  it('refuses label names that are not Prometheus label names', () => {
    expect(() => matcher('job"} or up{a', '=', 'x')).toThrow(/not a valid Prometheus label name/);
    expect(() => matcher('__name__', '=', 'x')).toThrow();
    expect(matcher('datacenter', '=~', 'eu-.*')).toBe('datacenter=~"eu-.*"');
  });

  it('escapes regex metacharacters for literal regex matching', () => {
    expect(escapeRegexValue('10.0.0.1:9100')).toBe('10\\\\.0\\\\.0\\\\.1:9100');
    expect(escapeLabelValue('plain')).toBe('plain');
  });

  it('joins matchers without stray commas', () => {
    expect(joinMatchers('', 'a="1"', '  ', 'b="2"')).toBe('a="1",b="2"');
    expect(sel('up', { selector: '', fleetSelector: '', range: '5m', by: 'job' })).toBe('up');
    expect(sel('up', { selector: 'job="x"', fleetSelector: '', range: '5m', by: 'job' }, 'mode="idle"')).toBe(
      'up{mode="idle",job="x"}'
    );
  });
});

describe('query contexts', () => {
  it('keeps only the cluster matcher for series that are not the target’s own', () => {
    const q = dashboardContext('dc');
    expect(sel('up', q)).toBe('up{dc=~"$cluster",job=~"$job",instance=~"$instance"}');
    expect(sel('up', fleetContext(q))).toBe('up{dc=~"$cluster"}');
  });

  it('narrows alerts by the Setup selector for the target and the fleet alike', () => {
    const q = alertContext('region="eu"');
    expect(sel('up', q)).toBe('up{region="eu"}');
    expect(sel('up', fleetContext(q))).toBe('up{region="eu"}');
    expect(q.range).toBe('5m');
  });
});

describe('label values no escaping can make safe', () => {
  it.each([
    ['a lone high surrogate', 'node\uD83D'],
    ['a lone low surrogate', '\uDE00node'],
    ['U+FFFD', 'no\uFFFDde'],
  ])('refuses %s: Prometheus cannot parse it', (_what, value) => {
    expect(labelValueError(value)).toMatch(
      /^contains a broken character .* which Prometheus cannot parse: retype the value/
    );
    expect(() => matcher('job', '=', value)).toThrow(/^The label value ".*" contains a broken character/);
    expect(() => escapeRegexValue(value)).toThrow(/broken character/);
  });

  it.each(['$__interval', 'a$__range', '$__rate_interval', 'x$__'])(
    'refuses the Grafana macro in %s: Grafana would substitute it inside the string',
    (value) => {
      expect(labelValueError(value)).toMatch(/^contains "\$__", which Grafana replaces with its own values/);
      expect(() => escapeLabelValue(value)).toThrow(/contains "\$__"/);
    }
  );

  it('accepts what escaping handles, including whole emoji and a lone "$"', () => {
    for (const value of ['😀 node', 'a"b\\c\nd', '$job', '$_x', '__name__', '{}']) {
      expect(labelValueError(value)).toBeUndefined();
      expect(() => matcher('job', '=', value)).not.toThrow();
    }
  });
});
