/** @jest-environment node */
/*
 * Property: whatever label values an admin types in Setup, the generated PromQL keeps its shape
 * and gains exactly the chosen matcher with exactly the chosen value — no broken string, no
 * injected matcher. Checked structurally with a small lexer of PromQL selectors; the integration
 * suite (tests/integration/alert-selector.test.ts) sends samples through Prometheus' own parser.
 */
import fc from 'fast-check';
import { EXPORTERS } from '../catalog';
import { labelValueError } from '../catalog/promql';
import { buildDesiredState, buildSelector, type LabelFilterChoice } from './desired-state';

interface Matcher {
  name: string;
  op: string;
  value: string;
}

/** Every `{…}` selector in an expression, with its matchers decoded; throws on anything malformed. */
function selectorsOf(expr: string): Matcher[][] {
  const selectors: Matcher[][] = [];
  let i = 0;
  const readString = (): string => {
    const quote = expr[i];
    let out = '';
    i++;
    while (i < expr.length && expr[i] !== quote) {
      if (expr[i] === '\n') {
        throw new Error(`raw newline in a string at ${i}`);
      }
      if (expr[i] === '\\' && quote !== '`') {
        const next = expr[i + 1];
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'" };
        if (!(next in escapes)) {
          throw new Error(`unknown escape \\${next} at ${i}`);
        }
        out += escapes[next];
        i += 2;
        continue;
      }
      out += expr[i++];
    }
    if (expr[i] !== quote) {
      throw new Error('unterminated string');
    }
    i++;
    return out;
  };
  const skipSpace = () => {
    while (/\s/.test(expr[i] ?? '')) {
      i++;
    }
  };
  while (i < expr.length) {
    const c = expr[i];
    if (c === '"' || c === "'" || c === '`') {
      readString();
    } else if (c === '{') {
      i++;
      const matchers: Matcher[] = [];
      skipSpace();
      while (expr[i] !== '}') {
        const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(expr.slice(i))?.[0];
        if (!name) {
          throw new Error(`expected a label name at ${i}: ${expr.slice(i, i + 20)}`);
        }
        i += name.length;
        skipSpace();
        const op = /^(=~|!~|!=|=)/.exec(expr.slice(i))?.[0];
        if (!op) {
          throw new Error(`expected an operator at ${i}`);
        }
        i += op.length;
        skipSpace();
        if (expr[i] !== '"' && expr[i] !== "'" && expr[i] !== '`') {
          throw new Error(`expected a string at ${i}`);
        }
        matchers.push({ name, op, value: readString() });
        skipSpace();
        if (expr[i] === ',') {
          i++;
          skipSpace();
        } else if (expr[i] !== '}') {
          throw new Error(`expected , or } at ${i}`);
        }
      }
      i++;
      selectors.push(matchers);
    } else if (c === '}') {
      throw new Error(`unbalanced } at ${i}`);
    } else {
      i++;
    }
  }
  return selectors;
}

const withAlerts = EXPORTERS.filter((e) => e.alerts.length > 0);
const exprsOf = (labelFilters: LabelFilterChoice[]) =>
  buildDesiredState({
    exporterIds: withAlerts.map((e) => e.id),
    datasourceUid: 'prom',
    editable: true,
    labelFilters,
  }).groups.flatMap((g) => g.rules.map((r) => String((r.data[0].model as { expr: string }).expr)));
// The shape to compare against: every selector carries a probe matcher where the chosen one will go
// (bare metric names gain braces, so comparing with the unfiltered query would not line up).
const PROBE = { name: 'fsm_probe', op: '=', value: 'probe' };
const probeSelectors = exprsOf([{ label: PROBE.name, values: [PROBE.value] }]).map(selectorsOf);

// Values Setup accepts: surrounding whitespace and values no escaping can make safe are refused (see
// the properties below and tests/integration/promql-properties.test.ts); anything else goes: quotes,
// backslashes, newlines inside, braces, commas, regex characters, unicode.
const untrimmed = (v: string) => v !== v.trim();
const anyValue = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    fc.constantFrom('node"} or up{job=~".+', 'a\\"b', '\\', '"', 'a\nb', '.*', 'x",instance!="', '}[5m]', "'", '`')
  )
  .filter((v) => !untrimmed(v) && labelValueError(v) === undefined);
const labelName = fc.constantFrom('job', 'instance', 'cluster', 'env', 'datacenter');

describe('label filters chosen in Setup', () => {
  it('add exactly one matcher with exactly the chosen value to every selector, and nothing else', () => {
    fc.assert(
      fc.property(labelName, anyValue, fc.boolean(), (label, value, exclude) => {
        const exprs = exprsOf([{ label, values: [value], exclude }]);
        expect(exprs).toHaveLength(probeSelectors.length);
        exprs.forEach((expr, n) => {
          const selectors = selectorsOf(expr);
          // No selector appears or disappears (the value cannot close one and open another), and each
          // is the probe's with the probe replaced by exactly the chosen matcher and value.
          const expected = probeSelectors[n].map((matchers) =>
            matchers.map((m) => (m.name === PROBE.name ? { name: label, op: exclude ? '!=' : '=', value } : m))
          );
          if (JSON.stringify(selectors) !== JSON.stringify(expected)) {
            expect({ expr, selectors }).toEqual({ expr, selectors: expected });
          }
        });
      }),
      // Each run rebuilds every pack (~240 rules); 40 runs keep the suite to a few seconds.
      { numRuns: 40 }
    );
  });

  it('match several values literally: the regex matches each chosen value and nothing the values do not spell', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 12 }).filter((v) => !untrimmed(v) && labelValueError(v) === undefined),
          { minLength: 2, maxLength: 4 }
        ),
        fc.string({ maxLength: 12 }),
        (values, other) => {
          const selector = buildSelector([{ label: 'job', values }]);
          const [matchers] = selectorsOf(`up{${selector}}`);
          expect(matchers).toHaveLength(1);
          expect(matchers[0]).toMatchObject({ name: 'job', op: '=~' });
          // Prometheus anchors the regex; JS and RE2 agree on escaped literals.
          const re = new RegExp(`^(?:${matchers[0].value})$`, 'u');
          for (const v of values) {
            expect(re.test(v)).toBe(true);
          }
          expect(re.test(other)).toBe(values.includes(other));
        }
      ),
      { numRuns: 200 }
    );
  });

  it('refuse a value with spaces around it, saying so, instead of trimming it or matching nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(' ', '\t', '\n', ' \u00a0'),
        fc.boolean(),
        (core, space, before) => {
          const value = before ? `${space}${core}` : `${core}${space}`;
          const problems: Array<{ field: string; message: string }> = [];
          expect(buildSelector([{ label: 'job', values: [value] }], problems)).toBe('');
          expect(problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/spaces around it/) })]);
        }
      )
    );
  });

  it('refuse a label filtered twice, saying when the rules could never fire', () => {
    const problemsOf = (filters: LabelFilterChoice[]) => {
      const problems: Array<{ field: string; message: string }> = [];
      buildSelector(filters, problems);
      return problems.map((p) => p.message);
    };
    expect(
      problemsOf([
        { label: 'env', values: ['prod'] },
        { label: 'env', values: ['prod'], exclude: true },
      ])
    ).toEqual([expect.stringMatching(/both includes and excludes "prod".*could never fire/)]);
    expect(
      problemsOf([
        { label: 'env', values: ['prod'] },
        { label: 'env', values: ['dev'] },
      ])
    ).toEqual([expect.stringMatching(/filtered twice.*could never fire/)]);
    expect(
      problemsOf([
        { label: 'env', values: ['a'], exclude: true },
        { label: 'env', values: ['b'], exclude: true },
      ])
    ).toEqual([expect.stringMatching(/filtered twice: put its values in one filter/)]);
    expect(
      problemsOf([
        { label: 'env', values: ['prod'] },
        { label: 'job', values: ['node'] },
      ])
    ).toEqual([]);
  });

  it('reject label names that are not label names instead of pasting them into a query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (label) => {
        const problems: Array<{ field: string; message: string }> = [];
        const selector = buildSelector([{ label, values: ['x'] }], problems);
        const valid = /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label) && !label.startsWith('__');
        expect(problems.length === 0).toBe(valid);
        expect(selector).toBe(valid ? `${label}="x"` : '');
      })
    );
  });
});
