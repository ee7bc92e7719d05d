import { initialForm, type SetupForm } from './form';
import { readSavedChoices, SAVED_CHOICES_KEY, savedChoicesOf } from './saved-choices';

function chosen(): SetupForm {
  const form = initialForm('prom');
  return {
    ...form,
    exporterIds: ['node', 'postgres'],
    thresholds: { 'node.cpuUtilisation': { warning: '70' } },
    targetOverrides: [
      {
        threshold: 'node.filesystemFree',
        matchers: [{ label: 'instance', op: '=~', value: 'db-.*' }],
        warning: '10',
        critical: '',
      },
    ],
    labelFilters: [{ label: 'cluster', values: ['eu-1'], exclude: false }],
    notify: true,
    contactPoint: {
      ...form.contactPoint,
      kind: 'slack',
      slackWebhookUrl: 'https://hooks.slack.com/services/T/B/secret',
    },
    muteTimings: [{ name: 'Sunday', weekdays: ['sunday'], start: '02:00', end: '04:00' }],
  };
}

describe('saved Setup choices', () => {
  it('come back as they were saved, without any secret', () => {
    const saved = savedChoicesOf(chosen());
    expect(JSON.stringify(saved)).not.toContain('secret');
    const read = readSavedChoices({ other: 'kept', [SAVED_CHOICES_KEY]: JSON.parse(JSON.stringify(saved)) });
    expect(read).toEqual({
      status: 'ok',
      form: { ...chosen(), contactPoint: { ...chosen().contactPoint, slackWebhookUrl: '' } },
    });
  });

  it('are absent on a first run', () => {
    expect(readSavedChoices(undefined)).toEqual({ status: 'none' });
    expect(readSavedChoices({ prometheusDatasourceUid: 'prom' })).toEqual({ status: 'none' });
  });

  it('keep the defaults for fields an older save lacks, and drop packs this version no longer ships', () => {
    // A save from before per-target thresholds (and mute timings) existed.
    const { muteTimings: _m, targetOverrides: _t, ...older } = savedChoicesOf(chosen()).form;
    const read = readSavedChoices({
      [SAVED_CHOICES_KEY]: { format: 1, form: { ...older, exporterIds: ['node', 'gone-pack'] } },
    });
    expect(read.status).toBe('ok');
    const form = (read as { form: SetupForm }).form;
    expect(form.muteTimings).toEqual([]);
    expect(form.targetOverrides).toEqual([]);
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
    [
      'a per-target matcher with an operator PromQL does not have',
      {
        targetOverrides: [
          {
            threshold: 'node.cpuUtilisation',
            matchers: [{ label: 'instance', op: '~=', value: 'x' }],
            warning: '1',
            critical: '',
          },
        ],
      },
      /targetOverrides\.0\.matchers\.0\.op "~=" is not one of/,
    ],
    ['a label filter that is not a list', { labelFilters: 'cluster=eu' }, /labelFilters is not a list/],
    [
      'a contact point kind Setup does not offer',
      { contactPoint: { kind: 'carrier-pigeon' } },
      /contactPoint\.kind "carrier-pigeon"/,
    ],
    [
      'a weekday that is not one',
      { muteTimings: [{ name: 'x', weekdays: ['caturday'], start: '', end: '' }] },
      /caturday/,
    ],
  ])('refuse %s with a message, and Setup starts from the defaults', (_what, change, message) => {
    const form = { ...savedChoicesOf(chosen()).form, ...change };
    const read = readSavedChoices({ [SAVED_CHOICES_KEY]: { format: 1, form } });
    expect(read.status).toBe('invalid');
    expect((read as { problem: string }).problem).toMatch(message);
    expect((read as { problem: string }).problem).toMatch(/starts from the defaults/);
  });

  it('refuse a save from an unknown format', () => {
    const read = readSavedChoices({ [SAVED_CHOICES_KEY]: { format: 2, form: {} } });
    expect(read).toEqual(expect.objectContaining({ status: 'invalid' }));
  });
});
