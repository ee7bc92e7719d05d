/** @jest-environment node */
import { INTEGRATIONS, integration, type IntegrationType } from '../../alerting/contact-points';
import type { ChoiceProblem } from '../../engine';
import {
  buildDesiredNotifications,
  contactPointBody,
  REDACTED,
  type DesiredContactPoint,
} from '../../engine/notifications';
import {
  CONTACT_POINT_INPUTS,
  emptyContactPoint,
  initialForm,
  SECRET_INPUTS,
  toSetupChoices,
  withoutSecrets,
  type ContactPointInput,
} from './form';

/*
 * The registry is only worth having if a secret typed into Setup is one the engine hides from
 * plans and keeps on later writes, and one the form forgets after apply. These build every kind
 * from a form with every input filled in, so a new integration or input that is not wired through
 * the registry fails here instead of leaking a secret or losing a stored one.
 */

function everyInputFilled(kind: ContactPointInput['kind'], slackMode: 'webhook' | 'bot'): ContactPointInput {
  const cp: ContactPointInput = {
    ...emptyContactPoint(),
    kind,
    emailAddresses: ['ops@example.com'],
    webhookBearer: true,
    slackMode,
  };
  for (const input of SECRET_INPUTS) {
    cp[input] = 'https://secret.example.com/typed';
  }
  return { ...cp, webhookUrl: 'https://hooks.example.com', slackRecipient: '#alerts' };
}

function desired(contactPoint: ContactPointInput): DesiredContactPoint {
  const problems: ChoiceProblem[] = [];
  const choices = toSetupChoices({ ...initialForm('prom'), exporterIds: ['node'], notify: true, contactPoint });
  const built = buildDesiredNotifications(choices.notifications!, problems);
  expect(problems).toEqual([]);
  return built.contactPoint!;
}

interface Case {
  name: string;
  kind: IntegrationType;
  slackMode: 'webhook' | 'bot';
}

const cases: Case[] = INTEGRATIONS.flatMap((i): Case[] =>
  i.type === 'slack'
    ? [
        { name: 'slack, incoming webhook', kind: i.type, slackMode: 'webhook' },
        { name: 'slack, bot token', kind: i.type, slackMode: 'bot' },
      ]
    : [{ name: i.type, kind: i.type, slackMode: 'webhook' }]
);

describe('contact point secrets: form, registry and engine agree', () => {
  it.each(cases)(
    '$name: each typed secret is a registry secret, sent once and kept as [REDACTED] after',
    ({ kind, slackMode }) => {
      const want = desired(everyInputFilled(kind, slackMode));
      // Only email has no secret; an empty list here would make the checks below prove nothing.
      expect(Object.keys(want.secrets).length > 0).toBe(kind !== 'email');
      const registrySecrets = integration(want.type)!
        .settings.filter((s) => s.secret)
        .map((s) => s.key);
      for (const key of Object.keys(want.secrets)) {
        expect(registrySecrets).toContain(key);
        expect(want.secretKeys).toContain(key);
        expect(want.settings).not.toHaveProperty(key);
      }

      // What Grafana holds after the first write: every secret redacted.
      const stored = { ...contactPointBody(want, undefined) };
      stored.settings = Object.fromEntries(
        Object.entries(stored.settings).map(([k, v]) => [k, want.secrets[k] !== undefined ? REDACTED : v])
      );

      // Apply cleared the typed secrets; planning again must keep the stored ones, not drop them.
      const again = desired(withoutSecrets(everyInputFilled(kind, slackMode)));
      expect(again.secrets).toEqual({});
      const body = contactPointBody(again, stored);
      for (const key of Object.keys(want.secrets)) {
        expect(body.settings[key]).toBe(REDACTED);
      }
    }
  );

  it('maps every form input to a setting the registry describes, and clears exactly the secret ones', () => {
    for (const [input, { type, key }] of Object.entries(CONTACT_POINT_INPUTS)) {
      const setting = integration(type)?.settings.find((s) => s.key === key);
      expect({ input, described: setting !== undefined }).toEqual({ input, described: true });
      expect({ input, cleared: (SECRET_INPUTS as readonly string[]).includes(input) }).toEqual({
        input,
        cleared: setting!.secret,
      });
    }
  });
});
