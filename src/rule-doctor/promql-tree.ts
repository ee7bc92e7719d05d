/**
 * A rule's PromQL as the rule doctor needs it, read with Prometheus' own grammar
 * (@prometheus-io/lezer-promql): which selectors it reads, how they combine (an empty side of `or`
 * is harmless, an empty side of `and` blinds the rule), and where two vectors are matched by labels.
 * A regex cannot tell `on(job)` from a metric named `on`, nor which `or` a selector sits under.
 */
import { parser } from '@prometheus-io/lezer-promql';

type SyntaxNode = ReturnType<ReturnType<typeof parser.parse>['cursor']>['node'];

export interface LabelMatcher {
  label: string;
  /** As written, e.g. `job=~"node|windows"`. */
  text: string;
}

export interface Selector {
  kind: 'selector';
  /** As written, e.g. `up{job="node"}` (without a range or offset). */
  text: string;
  metric?: string;
  /** Its label matchers, the metric name's own left out. */
  matchers: LabelMatcher[];
}

export interface Matching {
  /** `on(...)` lists the labels that must match; `ignoring(...)` (or no clause) matches all labels but these. */
  on: boolean;
  labels: string[];
}

export interface Binary {
  kind: 'binary';
  op: string;
  left: Expr;
  right: Expr;
  text: string;
  matching?: Matching;
  /** `bool` comparisons return 0/1 instead of filtering. */
  bool: boolean;
  /** `group_left` / `group_right`: many-to-one matching, whose result has the "many" side's labels. */
  group?: 'left' | 'right';
}

export interface Call {
  kind: 'call';
  fn: string;
  args: Expr[];
  text: string;
}

export interface Aggregate {
  kind: 'aggregate';
  op: string;
  args: Expr[];
  text: string;
  /** `by (…)` keeps only these labels, `without (…)` all but these; absent: the result has no labels. */
  grouping?: { without: boolean; labels: string[] };
}

/** Numbers and strings: never empty. */
export interface Literal {
  kind: 'literal';
  text: string;
}

/** Parentheses, ranges, subqueries, offsets, unary minus: the inner expression's emptiness. */
export interface Wrapped {
  kind: 'wrapped';
  inner: Expr;
  text: string;
}

export type Expr = Selector | Binary | Call | Aggregate | Literal | Wrapped;

export const SET_OPERATORS = new Set(['and', 'or', 'unless']);
const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);

export class PromqlSyntaxError extends Error {
  constructor(
    readonly query: string,
    readonly position: number
  ) {
    super(
      `PromQL syntax error at character ${position + 1}: …${query.slice(Math.max(0, position - 20), position + 20)}…`
    );
    this.name = 'PromqlSyntaxError';
  }
}

/** The expression tree; throws PromqlSyntaxError where Prometheus' grammar does not accept the text. */
export function parsePromql(query: string): Expr {
  const tree = parser.parse(query);
  const cursor = tree.cursor();
  do {
    if (cursor.node.type.isError) {
      throw new PromqlSyntaxError(query, cursor.node.from);
    }
  } while (cursor.next());
  const top = tree.topNode.firstChild;
  if (!top) {
    throw new PromqlSyntaxError(query, 0);
  }
  return toExpr(top, query);
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out.push(child);
  }
  return out;
}

const EXPR_NODES = new Set([
  'AggregateExpr',
  'BinaryExpr',
  'FunctionCall',
  'MatrixSelector',
  'NumberDurationLiteral',
  'NumberLiteral',
  'OffsetExpr',
  'ParenExpr',
  'StringLiteral',
  'SubqueryExpr',
  'UnaryExpr',
  'VectorSelector',
  'StepInvariantExpr',
]);

/**
 * The labels of a `by`/`without` or `on`/`ignoring` clause. A quoted name (`"my.label"`, Prometheus 3's UTF-8
 * names) is the string's value.
 */
function groupingLabels(clause: SyntaxNode, query: string): string[] {
  const grouping = clause.getChild('GroupingLabels');
  return (grouping ? children(grouping) : [])
    .filter((l) => l.name === 'LabelName' || l.name === 'QuotedLabelName')
    .map((l) => query.slice(l.from, l.to))
    .map((l) => (l.startsWith('"') ? (JSON.parse(l) as string) : l));
}

/** The expressions between a function's or an aggregation's parentheses (parameters included). */
function bodyArgs(node: SyntaxNode, query: string): Expr[] {
  const body = node.getChild('FunctionCallBody');
  return body
    ? children(body)
        .filter((c) => EXPR_NODES.has(c.name))
        .map((a) => toExpr(a, query))
    : [];
}

function toExpr(node: SyntaxNode, query: string): Expr {
  const text = query.slice(node.from, node.to);
  const exprChildren = () => children(node).filter((c) => EXPR_NODES.has(c.name));
  switch (node.name) {
    case 'VectorSelector': {
      const identifier = node.getChild('Identifier');
      const labelMatchers = node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? [];
      const slice = (n: SyntaxNode | null) => (n ? query.slice(n.from, n.to) : '');
      const isName = (m: SyntaxNode) =>
        slice(m.getChild('LabelName')) === '__name__' && slice(m.getChild('MatchOp')) === '=';
      const nameMatcher = labelMatchers.find(isName);
      const nameLiteral = nameMatcher?.getChild('StringLiteral');
      const metric = identifier
        ? query.slice(identifier.from, identifier.to)
        : nameLiteral
          ? (JSON.parse(query.slice(nameLiteral.from, nameLiteral.to).replace(/^'|'$/g, '"')) as string)
          : undefined;
      const matchers = labelMatchers
        .filter((m) => !isName(m))
        .map((m) => ({ label: slice(m.getChild('LabelName')), text: slice(m) }));
      return { kind: 'selector', text, matchers, ...(metric === undefined ? {} : { metric }) };
    }
    case 'BinaryExpr': {
      const [left, right] = exprChildren();
      const opNode = children(node).find(
        (c) => !EXPR_NODES.has(c.name) && c.name !== 'MatchingModifierClause' && c.name !== 'BoolModifier'
      );
      const op = opNode ? query.slice(opNode.from, opNode.to).toLowerCase() : '?';
      const clause = node.getChild('MatchingModifierClause');
      let matching: Matching | undefined;
      if (clause) {
        matching = { on: clause.getChild('On') !== null, labels: groupingLabels(clause, query) };
      }
      const group = clause?.getChild('GroupLeft') ? 'left' : clause?.getChild('GroupRight') ? 'right' : undefined;
      return {
        kind: 'binary',
        op,
        left: toExpr(left, query),
        right: toExpr(right, query),
        text,
        bool: node.getChild('BoolModifier') !== null,
        ...(matching ? { matching } : {}),
        ...(group ? { group } : {}),
      };
    }
    case 'FunctionCall': {
      const identifier = node.getChild('FunctionIdentifier');
      const fn = identifier ? query.slice(identifier.from, identifier.to) : '?';
      return { kind: 'call', fn, args: bodyArgs(node, query), text };
    }
    case 'AggregateExpr': {
      const op = node.getChild('AggregateOp');
      const modifier = node.getChild('AggregateModifier');
      const labels = modifier ? groupingLabels(modifier, query) : [];
      return {
        kind: 'aggregate',
        op: op ? query.slice(op.from, op.to).toLowerCase() : '?',
        args: bodyArgs(node, query),
        text,
        ...(modifier ? { grouping: { without: modifier.getChild('Without') !== null, labels } } : {}),
      };
    }
    case 'NumberDurationLiteral':
    case 'NumberLiteral':
    case 'StringLiteral':
      return { kind: 'literal', text };
    default: {
      const [inner] = exprChildren();
      return inner ? { kind: 'wrapped', inner: toExpr(inner, query), text } : { kind: 'literal', text };
    }
  }
}

/** Functions made to answer when their argument has no series: an empty argument is their purpose. */
const ANSWERS_EMPTY = new Set(['absent', 'absent_over_time']);
/** Functions whose result does not depend on series at all. */
const NO_SERIES = new Set([
  'time',
  'vector',
  'pi',
  'minute',
  'hour',
  'day_of_month',
  'day_of_week',
  'day_of_year',
  'days_in_month',
  'month',
  'year',
]);

export interface Blindness {
  blind: boolean;
  /** The empty selectors that make it so (all of them for an `or`, the one that decides for `and`). */
  because: Selector[];
}

/**
 * Whether the expression can return nothing because of empty selectors, and which ones: an `or`
 * is blind only when both sides are, `unless` only when its left side is, anything else that
 * combines vectors when either side is. `absent(x)` is never blind: it answers when `x` is empty.
 */
export function blindness(expr: Expr, isEmpty: (selector: Selector) => boolean): Blindness {
  const seeing: Blindness = { blind: false, because: [] };
  const either = (parts: Blindness[]): Blindness => {
    const blind = parts.filter((p) => p.blind);
    return blind.length > 0 ? { blind: true, because: blind.flatMap((p) => p.because) } : seeing;
  };
  switch (expr.kind) {
    case 'selector':
      return isEmpty(expr) ? { blind: true, because: [expr] } : seeing;
    case 'literal':
      return seeing;
    case 'wrapped':
      return blindness(expr.inner, isEmpty);
    case 'call':
      if (ANSWERS_EMPTY.has(expr.fn) || NO_SERIES.has(expr.fn)) {
        return seeing;
      }
      return either(expr.args.map((a) => blindness(a, isEmpty)));
    case 'aggregate':
      return either(expr.args.map((a) => blindness(a, isEmpty)));
    case 'binary': {
      const left = blindness(expr.left, isEmpty);
      const right = blindness(expr.right, isEmpty);
      if (expr.op === 'or') {
        return left.blind && right.blind ? { blind: true, because: [...left.because, ...right.because] } : seeing;
      }
      if (expr.op === 'unless') {
        return left;
      }
      return either([left, right]);
    }
  }
}

/** Every selector of the expression, each once (by text). */
export function selectorsOf(expr: Expr): Selector[] {
  const found = new Map<string, Selector>();
  const visit = (e: Expr) => {
    switch (e.kind) {
      case 'selector':
        found.set(e.text, e);
        return;
      case 'literal':
        return;
      case 'wrapped':
        visit(e.inner);
        return;
      case 'binary':
        visit(e.left);
        visit(e.right);
        return;
      default:
        e.args.forEach(visit);
    }
  };
  visit(expr);
  return [...found.values()];
}

/** Whether an expression is a plain number or string (a scalar side of a binary operation). */
export function isLiteral(expr: Expr): boolean {
  return expr.kind === 'literal' || (expr.kind === 'wrapped' && isLiteral(expr.inner));
}

/**
 * Binary operations that match two vectors by labels (`and`, `unless`, arithmetic, comparisons): the
 * places where a label one side lacks makes the result empty whatever the data. `or` is left out:
 * a mismatch there only adds series.
 */
export function vectorJoins(expr: Expr): Binary[] {
  const joins: Binary[] = [];
  const visit = (e: Expr) => {
    switch (e.kind) {
      case 'selector':
      case 'literal':
        return;
      case 'wrapped':
        visit(e.inner);
        return;
      case 'binary':
        if (e.op !== 'or' && !isScalar(e.left) && !isScalar(e.right)) {
          joins.push(e);
        }
        visit(e.left);
        visit(e.right);
        return;
      default:
        e.args.forEach(visit);
    }
  };
  visit(expr);
  return joins;
}

/**
 * A side that is one number, not series to match: a literal, a scalar function, or arithmetic of those
 * (`x > 10000 / 600`), which Prometheus folds into a scalar and which no `count(…)` could be asked about.
 */
export function isScalar(expr: Expr): boolean {
  return (
    isLiteral(expr) ||
    isScalarCall(expr) ||
    (expr.kind === 'binary' && isScalar(expr.left) && isScalar(expr.right)) ||
    (expr.kind === 'wrapped' && isScalar(expr.inner))
  );
}

function isScalarCall(expr: Expr): boolean {
  return (
    (expr.kind === 'call' &&
      (expr.fn === 'scalar' || expr.fn === 'time' || (NO_SERIES.has(expr.fn) && expr.fn !== 'vector'))) ||
    (expr.kind === 'wrapped' && isScalarCall(expr.inner))
  );
}

/**
 * The side of a join as its series are before a filtering comparison (`x > 0.9` keeps only some of
 * `x`'s series, and is empty on a healthy system): label matching is decided by `x`'s labels.
 */
export function unfiltered(expr: Expr): Expr {
  if (expr.kind === 'wrapped') {
    const inner = unfiltered(expr.inner);
    return inner === expr.inner ? expr : inner;
  }
  if (expr.kind === 'binary' && COMPARISONS.has(expr.op) && !expr.bool) {
    if (isLiteral(expr.right) || isScalarCall(expr.right)) {
      return unfiltered(expr.left);
    }
    if (isLiteral(expr.left) || isScalarCall(expr.left)) {
      return unfiltered(expr.right);
    }
    // vector > vector keeps the left side's series (labels of the left side).
    return unfiltered(expr.left);
  }
  if (expr.kind === 'binary' && (expr.op === 'and' || expr.op === 'unless')) {
    // `a and b` returns a's series: a's labels decide what it can match further out.
    return unfiltered(expr.left);
  }
  return expr;
}
