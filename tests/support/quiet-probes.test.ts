/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promtoolTest } from './promtool';
import { judgeQuietCases, lastSampleMinute, type ProbedRule, type QuietCase } from './quiet-probes';

const hasPromtool = (() => {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// A queue alert as the catalog writes them: the depth over 100 for 5 minutes, while the consumer is up.
const QUEUE: ProbedRule = {
  alert: 'QueueBacklog',
  for: '5m',
  value: 'max_over_time(queue_depth[3m])',
  condition: 'max_over_time(queue_depth[3m]) > 100 and on () (consumer_up == 1)',
  unfiltered: 'max_over_time(queue_depth[3m]) > 100',
  reads: ['queue_depth'],
};
// One that selects the bad state itself.
const LINK: ProbedRule = {
  alert: 'LinkDown',
  for: '5m',
  value: 'count(link_info{state!="up"})',
  condition: 'count(link_info{state!="up"}) > 0',
  reads: ['link_info'],
};

// One that smooths a blip away: a peer must be unreachable for 2 minutes, then 3 more.
const PEERS: ProbedRule = {
  alert: 'PeersUnreachable',
  for: '3m',
  value: 'min_over_time(unreachable_peers[2m])',
  condition: 'min_over_time(unreachable_peers[2m]) > 0',
  reads: ['unreachable_peers'],
};

const depth = (values: string) => ({ series: 'queue_depth{queue="orders"}', values });
const consumer = (values: string) => ({ series: 'consumer_up', values });
const quiet = (name: string, c: Partial<QuietCase>): QuietCase => ({
  name,
  alert: 'QueueBacklog',
  series: [],
  evalTime: '20m',
  ...c,
});

// a burst of 500 at minutes 6–8, in the 3-minute maximum from 6 to 11
const BURST = [depth('10x5 500x2 10x20'), consumer('1x27')];

const HEALTHY = [depth('10x30'), consumer('1x30')];
const link = (values: string, evalTime = '20m') => ({
  alert: 'LinkDown',
  series: [{ series: 'link_info{state="up"}', values }],
  evalTime,
});
// a peer unreachable at minutes 3–4, in the 2-minute window at minutes 3–6 (RabbitMQ's case once was evaluated at 15)
const blip = (evalTime: string) => ({
  alert: 'PeersUnreachable',
  series: [{ series: 'unreachable_peers', values: '0x2 1 1 0x20' }],
  evalTime,
});

const CASES: QuietCase[] = [
  quiet('healthy depth', { series: HEALTHY }),
  quiet('healthy depth, evaluated before its for could elapse', { series: HEALTHY, evalTime: '3m' }),
  quiet('healthy depth that starts late', { series: [depth('_x17 10x10'), consumer('1x30')] }),
  quiet('no depth at all', { series: [consumer('1x30')] }),
  quiet('burst, evaluated inside it', { series: BURST, evalTime: '10m' }),
  quiet('burst, evaluated after it', { series: BURST, evalTime: '20m' }),
  quiet('burst, evaluated before it', { series: BURST, evalTime: '4m' }),
  quiet('burst, after it, with a reason', { series: BURST, evalTime: '20m', afterFault: 'the burst has drained' }),
  quiet('healthy depth, with a reason', { series: HEALTHY, afterFault: 'no reason at all' }),
  quiet('backlog while the consumer is down', { series: [depth('500x30'), consumer('1x9 0x20')] }),
  quiet('healthy link', link('1x30')),
  quiet('healthy link, evaluated before its for could elapse', link('1x30', '2m')),
  quiet('a link that appears late', link('_x18 1x10')),
  quiet('blip, evaluated inside it', blip('4m')),
  quiet('blip, evaluated after it', blip('15m')),
  quiet('a look-alike of a link', {
    alert: 'LinkDown',
    series: [{ series: 'port_info{state="up"}', values: '1x30' }],
    lookAlike: 'this family sends port_info',
  }),
];

describe('the quiet-case probes (quiet-probes.ts)', () => {
  (hasPromtool ? it : it.skip)('find the last sample of promtool series notation where promtool puts it', async () => {
    const notations = ['0x5 0+50x2 100x23', '_x17 10x10', '1 _ stale 4', '100-1x120', '7'];
    const dir = mkdtempSync(join(tmpdir(), 'fsm-quiet-probes-'));
    try {
      const { ok, output } = await promtoolTest(dir, 'last-sample', {
        tests: notations.map((values) => {
          const last = lastSampleMinute(values);
          return {
            interval: '1m',
            input_series: [{ series: 'x', values }],
            // a minute later the series is still there (staleness is 5 minutes), and its newest sample is the last
            promql_expr_test: [
              { expr: 'timestamp(x)', eval_time: `${last + 1}m`, exp_samples: [{ value: last * 60 }] },
            ],
          };
        }),
      });
      expect(output).toMatch(/SUCCESS/);
      expect(ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (hasPromtool ? it : it.skip)(
    'pass a quiet case that only the rule keeps quiet, and name why the others prove nothing',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fsm-quiet-probes-'));
      try {
        const verdicts = await judgeQuietCases(dir, 'probes', [QUEUE, LINK, PEERS], CASES);
        const said = Object.fromEntries(
          [...verdicts].map(([name, v]) => [name, v.kind === 'problem' ? v.problem : v.kind])
        );
        expect(said).toEqual({
          'healthy depth': 'comparison',
          'healthy depth, evaluated before its for could elapse': expect.stringMatching(
            /has a value at minute 3 but not at every minute of its 5-minute `for` before: it would stay quiet whatever the comparison/
          ),
          'healthy depth that starts late': expect.stringMatching(/not at every minute of its 5-minute `for`/),
          'no depth at all': expect.stringMatching(/holds no series of a metric its query reads/),
          'burst, evaluated inside it': 'held-off',
          'burst, evaluated after it': expect.stringMatching(
            /hold a fault \(the condition, its windows read at their worst sample, holds at minutes 6–11\) but it is evaluated at minute 20, outside it/
          ),
          'burst, evaluated before it': expect.stringMatching(/minutes 6–11\) but it is evaluated at minute 4/),
          'blip, evaluated inside it': 'held-off',
          'blip, evaluated after it': expect.stringMatching(/holds at minutes 3–6\) but it is evaluated at minute 15/),
          'burst, after it, with a reason': 'after-fault',
          'healthy depth, with a reason': expect.stringMatching(/its series hold no fault: drop the reason/),
          'backlog while the consumer is down': 'filter',
          'healthy link': 'selector',
          'healthy link, evaluated before its for could elapse': expect.stringMatching(
            /series of link_info are not there at every minute of its 5-minute `for` before minute 2/
          ),
          'a link that appears late': expect.stringMatching(/missing at minutes 15–17/),
          'a look-alike of a link': 'selector',
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  );
});
