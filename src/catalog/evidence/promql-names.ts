/**
 * Metric and label names a PromQL expression uses, read with Prometheus' own grammar
 * (@prometheus-io/lezer-promql) rather than a regex, so `by (…)`, `on (…)`, `group_left (…)` and
 * matchers are told apart from metric names, functions and keywords. Test and build time only (the
 * generator reads the metrics of signals that need a switch); never shipped.
 */
import { parser } from '@prometheus-io/lezer-promql';

type SyntaxNode = ReturnType<ReturnType<typeof parser.parse>['cursor']>['node'];

export interface QueryNames {
  /** Metric names of the selectors, in order of appearance. */
  metrics: string[];
  /** Label matchers with the metric of their selector (`undefined` for a selector without a name). */
  matchers: Array<{ metric: string | undefined; label: string }>;
  /** Labels named in by/without/on/ignoring/group_left/group_right lists. */
  groupingLabels: string[];
  /** Labels the query itself writes (the destination of label_replace / label_join): no exporter needs to send them. */
  madeLabels: string[];
  /** Metrics read as counters: the selector inside rate(), irate() or increase(), which read a fall as a reset. */
  counterReads: string[];
  /** Text around each syntax error; empty when the expression parses. */
  errors: string[];
}

const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

export function promqlNames(expr: string): QueryNames {
  const names = noNames();
  const text = (node: SyntaxNode) => expr.slice(node.from, node.to);
  const cursor = parser.parse(expr).cursor();
  do {
    const node = cursor.node;
    if (node.type.isError) {
      names.errors.push(`at ${node.from}: …${expr.slice(Math.max(0, node.from - 20), node.to + 20)}…`);
    } else if (node.name === 'VectorSelector') {
      selectorNames(node, text, names);
    } else if (node.name === 'FunctionCall') {
      const fn = node.getChild('FunctionIdentifier');
      if (fn && (text(fn) === 'label_replace' || text(fn) === 'label_join')) {
        const destination = node.getChild('FunctionCallBody')?.getChildren('StringLiteral')[0];
        if (destination) {
          names.madeLabels.push(JSON.parse(text(destination)) as string);
        }
      }
      const selector = node.getChild('FunctionCallBody')?.getChild('MatrixSelector')?.getChild('VectorSelector');
      if (fn && selector && COUNTER_FUNCTIONS.has(text(fn))) {
        // The cursor reaches this selector next and records its names and errors; here only its metric counts.
        const read = noNames();
        selectorNames(selector, text, read);
        names.counterReads.push(...read.metrics);
      }
    } else if (node.name === 'GroupingLabels') {
      for (const label of node.getChildren('LabelName')) {
        names.groupingLabels.push(text(label));
      }
    }
  } while (cursor.next());
  return names;
}

const noNames = (): QueryNames => ({
  metrics: [],
  matchers: [],
  groupingLabels: [],
  madeLabels: [],
  counterReads: [],
  errors: [],
});

/** `Prefix_.+`: every metric whose name is a fixed prefix and a free identifier. */
const NAME_FAMILY = /^[a-zA-Z_:][a-zA-Z0-9_:]*\.\+$/;

function selectorNames(node: SyntaxNode, text: (node: SyntaxNode) => string, names: QueryNames): void {
  const identifier = node.getChild('Identifier');
  let metric = identifier ? text(identifier) : undefined;
  const matchers = node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? [];
  const labels: string[] = [];
  for (const matcher of matchers) {
    const label = matcher.getChild('LabelName');
    if (!label) {
      continue;
    }
    const name = text(label);
    if (name === '__name__') {
      const op = matcher.getChild('MatchOp');
      const value = matcher.getChild('StringLiteral');
      // Only an exact name can be checked; a regex over names must be written as separate selectors.
      // Two exceptions: a fixed prefix followed by `.+` (an exporter that puts an identifier, such as
      // ClickHouse's disk or error-code names, into the metric name) is read as that name family and
      // needs evidence under the same pattern; and `!=` only leaves one name out, reading none.
      const literal = value ? (JSON.parse(text(value)) as string) : undefined;
      if (op && text(op) === '=' && literal !== undefined) {
        metric = literal;
      } else if (op && text(op) === '=~' && literal !== undefined && NAME_FAMILY.test(literal)) {
        metric = literal;
      } else if (op && text(op) === '!=' && literal !== undefined) {
        continue;
      } else {
        names.errors.push(`a __name__ matcher other than "=" hides which metrics are read: ${text(matcher)}`);
      }
      continue;
    }
    labels.push(name);
  }
  if (node.getChild('LabelMatchers')?.getChild('QuotedLabelMatcher')) {
    names.errors.push(`quoted (UTF-8) label names are not checked: ${text(node)}`);
  }
  if (metric !== undefined) {
    names.metrics.push(metric);
  }
  for (const label of labels) {
    names.matchers.push({ metric, label });
  }
}
