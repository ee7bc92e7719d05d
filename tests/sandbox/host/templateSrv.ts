/**
 * Grafana's TemplateSrv as far as a plugin outside dashboards can observe it: no dashboard
 * variables (Scenes interpolates its own first), but Grafana's data-link macros — `${__data.…}`,
 * `${__value.…}`, `${__field.…}`, `${__series.name}` — resolved from the `__dataContext` that
 * @grafana/data's link supplier puts in scopedVars, so table cell links (e.g. the Inventory's
 * `${__data.fields.dashboardUrl:raw}`) get the row's values as in Grafana
 * (public/app/features/templating/macroRegistry.ts, dataMacros.ts).
 * Everything else is left as written, as Grafana leaves unknown variables.
 */
import {
  type DataFrame,
  type Field,
  formattedValueToString,
  getFieldDisplayValuesProxy,
  type ScopedVars,
  type TypedVariableModel,
} from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

// Grafana's variable syntax: $name, [[name:format]], ${name.path:format}
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/g;

interface DataContext {
  frame?: DataFrame;
  field?: Field;
  rowIndex?: number;
  calculatedValue?: { text: string; numeric: number; suffix?: string; prefix?: string };
}

function walk(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value == null ? undefined : (value as any)[key]), source);
}

/** The value of one macro, or undefined when the scope cannot resolve it (the text then stays as written). */
function macroValue(name: string, path: string | undefined, scopedVars?: ScopedVars): unknown {
  const context = (scopedVars?.__dataContext as { value?: DataContext } | undefined)?.value;
  if (!context?.frame) {
    return undefined;
  }
  const { frame, field, rowIndex } = context;
  switch (name) {
    case '__data': {
      if (rowIndex === undefined || !path) {
        return undefined;
      }
      const data = { name: frame.name, refId: frame.refId, fields: getFieldDisplayValuesProxy({ frame, rowIndex }) };
      return walk(data, path) ?? '';
    }
    case '__value': {
      if (!field) {
        return undefined;
      }
      const raw = rowIndex === undefined ? context.calculatedValue?.numeric : field.values[rowIndex];
      const display = rowIndex === undefined ? context.calculatedValue : field.display?.(raw);
      const text = display ? formattedValueToString(display) : String(raw ?? '');
      const parts: Record<string, unknown> = { raw, numeric: display?.numeric ?? raw, text };
      return path ? parts[path] : text;
    }
    case '__field':
      return field && path ? walk({ name: field.name, labels: field.labels ?? {} }, path) : undefined;
    case '__series':
      return path === 'name' ? frame.name : undefined;
    default:
      return undefined;
  }
}

function format(value: unknown, explicit: string | undefined, fallback: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  const chosen = explicit ?? (typeof fallback === 'string' ? fallback : undefined);
  if (typeof fallback === 'function' && !explicit) {
    return String(fallback(text));
  }
  switch (chosen) {
    case 'percentencode':
    case 'uriencode':
      return encodeURIComponent(text);
    default:
      return text;
  }
}

export const sandboxTemplateSrv: TemplateSrv = {
  getVariables: () => [] as TypedVariableModel[],
  replace: (target?: string, scopedVars?: ScopedVars, fallbackFormat?: string | Function) => {
    if (!target) {
      return target ?? '';
    }
    return target.replace(
      VARIABLE,
      (
        match,
        plain?: string,
        bracket?: string,
        bracketFormat?: string,
        braced?: string,
        path?: string,
        fmt?: string
      ) => {
        const name = plain ?? bracket ?? braced ?? '';
        const value = macroValue(name, path, scopedVars);
        return value === undefined ? match : format(value, bracketFormat ?? fmt, fallbackFormat);
      }
    );
  },
  containsTemplate: (target?: string) => Boolean(target && /\$\w+|\[\[\w+\]\]|\$\{\w+/.test(target)),
  updateTimeRange: () => undefined,
};
