/** @jest-environment node */
import { INTEGRATIONS, integration, type IntegrationType } from '../../alerting/contact-points';
import type { ChoiceProblem } from '../../engine';
import {
  buildDesiredNotifications,
  contactPointBody,
  REDACTED,
  type DesiredContactPoint,
} from '../../engine/notifications';
import { emptyContactPoint, initialForm, toSetupChoices, withoutSecrets, type ContactPointInput } from './form';

/*
 * The registry is only worth having if a secret typed into Setup is one the engine hides from
 * plans and keeps on later writes, and one the form forgets after apply. These build every kind
 * and mode from a form with every input filled in, so a new integration or input that is not wired
 * through the registry fails here instead of leaking a secret or losing a stored one.
 */

/** A value each plain setting accepts, found by its own check rather than written per setting. */
const PLAIN = ['https://hooks.example.com/typed', 'ops@example.com', '#alerts'];

function everyInputFilled(kind: IntegrationType, mode: string | undefined): ContactPointInput {
  const cp = emptyContactPoint();
  const values = Object.fromEntries(
    integration(kind)!
      .settings.filter((s) => !s.notOffered)
      .map((s) => {
        const plain = PLAIN.find((v) => !s.check?.(v))!;
        const value = s.secret ? 'https://secret.example.com/typed' : plain;
        return [s.key, s.list ? [value] : value];
      })
  );
  return {
    ...cp,
    kind,
    values: { ...cp.values, [kind]: values },
    modes: mode ? { ...cp.modes, [kind]: mode } : cp.modes,
  };
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
  mode?: string;
}

const cases: Case[] = INTEGRATIONS.flatMap((i): Case[] =>
  i.modes
    ? i.modes.options.map((m) => ({ name: `${i.type}, ${m.label}`, kind: i.type, mode: m.id }))
    : [{ name: i.type, kind: i.type }]
);

describe('contact point secrets: form, registry and engine agree', () => {
  it.each(cases)(
    '$name: each typed secret is a registry secret, sent once and kept as [REDACTED] after',
    ({ kind, mode }) => {
      const want = desired(everyInputFilled(kind, mode));
      // A kind or mode with a secret must send it; none sent would make the checks below prove nothing.
      const secretInMode = want.requiredSecrets.length > 0;
      expect(Object.keys(want.secrets).length > 0).toBe(secretInMode);
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
      const again = desired(withoutSecrets(everyInputFilled(kind, mode)));
      expect(again.secrets).toEqual({});
      const body = contactPointBody(again, stored);
      for (const key of Object.keys(want.secrets)) {
        expect(body.settings[key]).toBe(REDACTED);
      }
    }
  );

  it('keeps an input for every setting the registry offers, and clears exactly the secret ones', () => {
    const filled = INTEGRATIONS.reduce(
      (cp, i) => ({ ...cp, values: { ...cp.values, [i.type]: everyInputFilled(i.type, undefined).values[i.type] } }),
      emptyContactPoint()
    );
    const cleared = withoutSecrets(filled);
    for (const i of INTEGRATIONS) {
      for (const s of i.settings) {
        const kept = cleared.values[i.type][s.key];
        expect({ type: i.type, key: s.key, offered: kept !== undefined }).toEqual({
          type: i.type,
          key: s.key,
          offered: !s.notOffered,
        });
        if (kept !== undefined) {
          expect({ type: i.type, key: s.key, cleared: kept === '' }).toEqual({
            type: i.type,
            key: s.key,
            cleared: s.secret,
          });
        }
      }
    }
  });
});
