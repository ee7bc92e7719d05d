import { emptyContactPoint, initialForm, type SetupForm } from './form';
import { readSavedChoices, SAVED_CHOICES_KEY, savedChoicesOf } from './saved-choices';

function chosen(): SetupForm {
  const form = initialForm('prom');
  return {
    ...form,
    exporterIds: ['node', 'postgres'],
    thresholds: { 'node.cpuUtilisation': { warning: '70' } },
    labelFilters: [{ label: 'cluster', values: ['eu-1'], exclude: false }],
    notify: true,
    contactPoint: {
      ...form.contactPoint,
      kind: 'slack',
      values: {
        ...form.contactPoint.values,
        slack: { url: 'https://hooks.slack.com/services/T/B/secret', token: '', recipient: '' },
      },
    },
    muteTimings: [{ name: 'Sunday', weekdays: ['sunday'], start: '02:00', end: '04:00' }],
  };
}

const FORMAT = savedChoicesOf(initialForm('prom')).format;

describe('saved Setup choices', () => {
  it('come back as they were saved, without any secret', () => {
    const saved = savedChoicesOf(chosen());
    expect(JSON.stringify(saved)).not.toContain('secret');
    const read = readSavedChoices({ other: 'kept', [SAVED_CHOICES_KEY]: JSON.parse(JSON.stringify(saved)) });
    expect(read).toEqual({
      status: 'ok',
      form: {
        ...chosen(),
        contactPoint: {
          ...chosen().contactPoint,
          values: { ...chosen().contactPoint.values, slack: { url: '', token: '', recipient: '' } },
        },
      },
    });
  });

  it('are absent on a first run', () => {
    expect(readSavedChoices(undefined)).toEqual({ status: 'none' });
    expect(readSavedChoices({ prometheusDatasourceUid: 'prom' })).toEqual({ status: 'none' });
  });

  it('keep the defaults for fields an older save lacks, and drop packs this version no longer ships', () => {
    const { muteTimings: _m, ...older } = savedChoicesOf(chosen()).form;
    const read = readSavedChoices({
      [SAVED_CHOICES_KEY]: { format: FORMAT, form: { ...older, exporterIds: ['node', 'gone-pack'] } },
    });
    expect(read.status).toBe('ok');
    const form = (read as { form: SetupForm }).form;
    expect(form.muteTimings).toEqual([]);
    expect(form.exporterIds).toEqual(['node']);
  });

  it.each([
    [
      'a threshold that is not text',
      { thresholds: { 'node.cpuUtilisation': { warning: 70 } } },
      /thresholds\.node\.cpuUtilisation\.warning is not text/,
    ],
    [
      'an unknown threshold level',
      { thresholds: { 'node.cpuUtilisation': { extreme: '1' } } },
      /unknown level "extreme"/,
    ],
    [
      'a severity Setup does not know',
      { severities: ['critical', 'page-everyone'] },
      /severities holds "page-everyone"/,
    ],
    ['a label filter that is not a list', { labelFilters: 'cluster=eu' }, /labelFilters is not a list/],
    [
      'a contact point kind Setup does not offer',
      { contactPoint: { kind: 'carrier-pigeon' } },
      /contactPoint\.kind "carrier-pigeon"/,
    ],
    [
      'a contact point mode the integration does not have',
      { contactPoint: { kind: 'slack', modes: { slack: 'carrier-pigeon' } } },
      /contactPoint\.modes\.slack "carrier-pigeon" is not one of webhook, bot/,
    ],
    [
      'a setting value of the wrong shape',
      { contactPoint: { kind: 'email', values: { email: { addresses: 'ops@example.com' } } } },
      /contactPoint\.values\.email\.addresses is not a list/,
    ],
    [
      'a weekday that is not one',
      { muteTimings: [{ name: 'x', weekdays: ['caturday'], start: '', end: '' }] },
      /caturday/,
    ],
  ])('refuse %s with a message, and Setup starts from the defaults', (_what, change, message) => {
    const form = { ...savedChoicesOf(chosen()).form, ...change };
    const read = readSavedChoices({ [SAVED_CHOICES_KEY]: { format: FORMAT, form } });
    expect(read.status).toBe('invalid');
    expect((read as { problem: string }).problem).toMatch(message);
    expect((read as { problem: string }).problem).toMatch(/starts from the defaults/);
  });

  it('refuse a save from an unknown format', () => {
    const read = readSavedChoices({ [SAVED_CHOICES_KEY]: { format: FORMAT + 1, form: {} } });
    expect(read).toEqual(expect.objectContaining({ status: 'invalid' }));
  });
});

/*
 * Format 1, as Setup saved it before the contact point registry (one field per input, secrets
 * saved empty): the shape of `ContactPointInput` at commit 1d7d959, written by hand from it.
 */
const FORMAT_1_CONTACT_POINT = {
  kind: 'slack',
  existingName: '',
  name: 'On-call',
  emailAddresses: ['ops@example.com', 'db@example.com'],
  webhookUrl: 'https://hooks.example.com/grafana',
  webhookBearer: true,
  webhookToken: '',
  slackMode: 'bot',
  slackWebhookUrl: '',
  slackToken: '',
  slackRecipient: '#alerts',
  teamsWebhookUrl: '',
  pagerdutyKey: '',
};

describe('saved Setup choices from before the contact point registry (format 1)', () => {
  const format1 = (contactPoint: Record<string, unknown>) => {
    const { contactPoint: _cp, ...rest } = savedChoicesOf(chosen()).form;
    return readSavedChoices({ [SAVED_CHOICES_KEY]: { format: 1, form: { ...rest, contactPoint } } });
  };

  it('load with every non-secret input and mode where the registry keeps it, and are saved again in the new format', () => {
    const read = format1(FORMAT_1_CONTACT_POINT);
    expect(read.status).toBe('ok');
    const cp = (read as { form: SetupForm }).form.contactPoint;
    expect(cp).toMatchObject({
      kind: 'slack',
      name: 'On-call',
      modes: { slack: 'bot', webhook: 'bearer' },
      values: {
        email: { addresses: ['ops@example.com', 'db@example.com'] },
        webhook: { url: 'https://hooks.example.com/grafana', authorization_credentials: '' },
        slack: { recipient: '#alerts', token: '', url: '' },
      },
    });
    expect(savedChoicesOf((read as { form: SetupForm }).form).format).toBe(FORMAT);
    // The pre-registry defaults (no bearer, incoming webhook) come back as the registry's defaults.
    const plain = format1({ ...FORMAT_1_CONTACT_POINT, webhookBearer: false, slackMode: 'webhook' });
    expect((plain as { form: SetupForm }).form.contactPoint.modes).toEqual(emptyContactPoint().modes);
  });

  it('drop a secret an older save holds, and refuse what that format refused', () => {
    const withSecret = format1({ ...FORMAT_1_CONTACT_POINT, slackToken: 'xoxb-kept-by-hand' });
    expect(JSON.stringify(withSecret)).not.toContain('xoxb');
    expect(format1({ ...FORMAT_1_CONTACT_POINT, slackMode: 'carrier-pigeon' })).toEqual({
      status: 'invalid',
      problem: expect.stringMatching(/contactPoint\.modes\.slack "carrier-pigeon"/),
    });
    expect(format1({ ...FORMAT_1_CONTACT_POINT, webhookBearer: 'yes' })).toEqual({
      status: 'invalid',
      problem: expect.stringMatching(/contactPoint\.webhookBearer is not true or false/),
    });
  });
});
