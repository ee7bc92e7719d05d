/** @jest-environment node */
import { validateSetupChoices, type ChoiceProblem } from '../../engine';
import { buildDesiredNotifications } from '../../engine/notifications';
import { formProblems, initialForm, prefillContactPoint, toSetupChoices, type SetupForm } from './form';

function form(change: Partial<SetupForm> = {}): SetupForm {
  return { ...initialForm('prom'), exporterIds: ['node'], ...change };
}

describe('Setup form → engine choices', () => {
  it('turns typed thresholds into overrides: blank keeps the default, text is reported as not a number', () => {
    const choices = toSetupChoices(
      form({
        thresholds: {
          'node.cpuUtilisation': { warning: ' 85,5 ', critical: '' },
          'node.memoryUtilisation': { warning: '9O' },
          // A pack that is not chosen: ignored, so it cannot block the plan.
          'postgres.connectionsUsed': { warning: 'junk' },
        },
      })
    );
    expect(choices.overrides).toEqual({
      'node.cpuUtilisation': { warning: 85.5 },
      'node.memoryUtilisation': { warning: NaN },
    });
    expect(validateSetupChoices(choices)).toContainEqual({
      field: 'threshold:node.memoryUtilisation',
      message: 'Memory utilisation: the warning level must be a number.',
    });
  });

  it('refuses "1,000" (one thousand, or one?) at its field, while "85,5" stays a decimal comma', () => {
    const typed = form({
      thresholds: { 'node.cpuUtilisation': { warning: '1,000' }, 'node.memoryUtilisation': { warning: '85,5' } },
    });
    expect(formProblems(typed)).toEqual([
      {
        field: 'threshold:node.cpuUtilisation',
        message: expect.stringMatching(/"1,000" could mean 1000 or 1: write it without a thousands separator \(1000\)/),
      },
    ]);
    // Not read as 1: the engine never sees it, so the only message is the one above.
    expect(toSetupChoices(typed).overrides).toEqual({ 'node.memoryUtilisation': { warning: 85.5 } });
  });

  it('sends a secret only when one was typed (empty keeps the stored one) and leaves notifications out when off', () => {
    const slack = (url: string) => {
      const cp = initialForm('prom').contactPoint;
      const choices = toSetupChoices(
        form({ notify: true, contactPoint: { ...cp, kind: 'slack', values: { ...cp.values, slack: { url } } } })
      );
      const problems: ChoiceProblem[] = [];
      const built = buildDesiredNotifications(choices.notifications!, problems);
      expect(problems).toEqual([]);
      return built.contactPoint!;
    };
    expect(slack('https://hooks.slack.com/x')).toMatchObject({
      type: 'slack',
      name: 'Full-Stack Monitoring',
      settings: {},
      secrets: { url: 'https://hooks.slack.com/x' },
    });
    expect(slack('  ')).toMatchObject({ type: 'slack', name: 'Full-Stack Monitoring', settings: {}, secrets: {} });
    expect(toSetupChoices(form()).notifications).toBeUndefined();
  });

  it("prefills the plugin's contact point as Grafana holds it: plain settings, lists split, the mode its settings show", () => {
    const empty = initialForm('prom').contactPoint;
    const prefill = (type: string, settings: Record<string, unknown>) =>
      prefillContactPoint(empty, { uid: 'fsm-contact-point', name: 'Ops', type, settings });
    const bot = prefill('slack', { token: '[REDACTED]', recipient: '#alerts' });
    expect(bot).toMatchObject({ kind: 'slack', name: 'Ops', modes: { slack: 'bot' } });
    expect(bot.values.slack).toEqual({ url: '', token: '', recipient: '#alerts' });
    expect(prefill('slack', { url: '[REDACTED]' }).modes.slack).toBe('webhook');
    const webhook = prefill('webhook', {
      url: 'https://hooks.example.com',
      httpMethod: 'POST',
      authorization_scheme: 'Bearer',
      authorization_credentials: '[REDACTED]',
    });
    expect(webhook.modes.webhook).toBe('bearer');
    expect(webhook.values.webhook).toEqual({ url: 'https://hooks.example.com', authorization_credentials: '' });
    expect(prefill('webhook', { url: 'https://hooks.example.com', httpMethod: 'POST' }).modes.webhook).toBe('none');
    // Grafana reads addresses split on ; , and newlines (the email receiver's NewConfig).
    expect(prefill('email', { addresses: 'a@example.com;b@example.com, c@example.com' }).values.email).toEqual({
      addresses: ['a@example.com', 'b@example.com', 'c@example.com'],
    });
  });

  it('asks for at least one pack, and for both ends of a maintenance window', () => {
    expect(
      formProblems(
        form({ exporterIds: [], notify: true, muteTimings: [{ name: 'w', weekdays: [], start: '02:00', end: '' }] })
      )
    ).toEqual([
      { field: 'exporters', message: 'Choose at least one pack.' },
      {
        field: 'notifications.muteTimings.0.times',
        message: 'Maintenance window "w": enter both a start and an end time, or neither for the whole day.',
      },
    ]);
  });
});
