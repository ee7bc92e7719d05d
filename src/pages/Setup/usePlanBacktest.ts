import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { rulesToWrite, type Plan } from '../../engine';
import { backtestRules, backtestSentence, type BacktestRule, type RangeQueryApi } from '../../rule-doctor/backtest';
import { grafanaRangeApi } from '../../rule-doctor/grafana-backtest';
import { grafanaBacktestRule, grafanaRuleDatasource } from '../../rule-doctor/grafana-condition';
import { fetchErrorMessage } from '../../utils/fetchError';
import type { RuleNote } from '../../components/PlanView/PlanView';

/*
 * Setup's backtest: for each rule the plan would create or change, what it would have done over
 * the last 7 days. Lazy (the admin asks for it: it costs one range query per rule), one rule at a
 * time with progress, cancellable, and a rule whose query fails shows its error without blocking
 * Apply. Results are kept per condition, so a re-plan (an overwrite ticked) does not ask again.
 */

export type RuleBacktestView = RuleNote;

export interface PlanBacktest {
  status: 'idle' | 'running' | 'done' | 'cancelled';
  done: number;
  total: number;
  /** By rule uid, for the rules to create or change. */
  rules: Record<string, RuleBacktestView>;
  start: () => void;
  cancel: () => void;
}

interface Candidate {
  uid: string;
  key: string;
  datasourceUid?: string;
  rule: BacktestRule | string;
}

/** The rules the plan would create or change (a user's edit ticked for overwrite included), as backtests. */
export function backtestCandidates(plan: Plan): Candidate[] {
  return rulesToWrite(plan).map(({ rule, interval, payload }) => {
    const backtestRule = grafanaBacktestRule(payload, interval);
    const datasourceUid = grafanaRuleDatasource(payload);
    return { uid: rule.uid, rule: backtestRule, datasourceUid, key: JSON.stringify([datasourceUid, backtestRule]) };
  });
}

export function usePlanBacktest(
  plan: Plan | undefined,
  apiFor: (datasourceUid: string) => RangeQueryApi = grafanaRangeApi
): PlanBacktest {
  const candidates = useMemo(() => (plan ? backtestCandidates(plan) : []), [plan]);
  // Results by condition (datasource, expression, for, interval): a re-plan keeps what was learnt.
  // The state renders; the ref is what start() reads, so an answer that lands just before a resume
  // is never asked for again.
  const [results, setResults] = useState<ReadonlyMap<string, RuleBacktestView>>(() => new Map());
  const known = useRef(new Map<string, RuleBacktestView>());
  const record = useCallback((entries: Array<[string, RuleBacktestView]>) => {
    entries.forEach(([key, view]) => known.current.set(key, view));
    setResults(new Map(known.current));
  }, []);
  const controller = useRef<AbortController>();
  const [run, setRun] = useState<{ status: PlanBacktest['status']; done: number; total: number }>({
    status: 'idle',
    done: 0,
    total: 0,
  });

  useEffect(() => () => controller.current?.abort(new Error('Setup left the plan.')), []);

  const cancel = useCallback(() => {
    controller.current?.abort(new Error('The backtest was cancelled.'));
    controller.current = undefined;
    setRun((r) => (r.status === 'running' ? { ...r, status: 'cancelled' } : r));
  }, []);

  const start = useCallback(() => {
    controller.current?.abort(new Error('A new backtest started.'));
    const abort = new AbortController();
    controller.current = abort;
    const todo = candidates.filter((c) => !known.current.has(c.key));
    const unfit = todo.filter((t) => typeof t.rule === 'string' || !t.datasourceUid);
    record(
      unfit.map((c) => [
        c.key,
        {
          status: 'not-backtested',
          text: `Not backtested: ${typeof c.rule === 'string' ? c.rule : 'it names no datasource'}.`,
        },
      ])
    );
    let done = unfit.length;
    const runnable = todo.filter(
      (t): t is Candidate & { rule: BacktestRule; datasourceUid: string } =>
        typeof t.rule !== 'string' && t.datasourceUid !== undefined
    );
    setRun({ status: 'running', done, total: todo.length });
    const byDatasource = new Map<string, typeof runnable>();
    runnable.forEach((c) => byDatasource.set(c.datasourceUid, [...(byDatasource.get(c.datasourceUid) ?? []), c]));
    (async () => {
      for (const [datasourceUid, group] of byDatasource) {
        await backtestRules(
          group.map((c) => c.rule),
          apiFor(datasourceUid),
          { signal: abort.signal },
          (p) => {
            const c = group[p.index];
            record([
              [
                c.key,
                p.result
                  ? { status: 'done', text: backtestSentence(p.result, c.rule) }
                  : { status: 'error', text: `Backtest failed: ${fetchErrorMessage(p.error)}` },
              ],
            ]);
            done++;
            if (controller.current === abort) {
              setRun((r) => ({ ...r, done }));
            }
          }
        );
      }
      if (controller.current === abort) {
        setRun((r) => ({ ...r, status: 'done' }));
      }
    })().catch(() => {
      // Aborted: cancel() or a new start already said so.
    });
  }, [candidates, apiFor, record]);

  const rules: Record<string, RuleBacktestView> = {};
  for (const c of candidates) {
    rules[c.uid] = results.get(c.key) ?? { status: 'queued', text: '' };
  }
  const untested = candidates.some((c) => !results.has(c.key));
  const status = run.status === 'done' && untested ? 'idle' : run.status;
  return { ...run, status, rules, start, cancel };
}
