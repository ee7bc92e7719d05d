/*
 * The contact point integrations the plugin can create, described once. The engine validates and
 * builds them from here, restore knows their secrets from here, and Setup renders their inputs
 * from here, so adding an integration or a secret cannot leave one of them behind (a secret the
 * restore does not know would show as a difference; one the form does not clear would stay in
 * memory after apply). Plain data: no React, no Grafana calls.
 */

export type IntegrationType = 'email' | 'webhook' | 'slack' | 'teams' | 'pagerduty';

export interface IntegrationSetting {
  /** Grafana's settings key. */
  key: string;
  /** Beside the input. */
  label: string;
  /** In running text ("Enter the … for …"), where the integration may not be named otherwise. */
  noun: string;
  /** Grafana stores it encrypted and reads it back only as `[REDACTED]`. */
  secret: boolean;
  input: 'text' | 'password' | 'tags';
  placeholder?: string;
  /** Where problems with it are reported: `notifications.contactPoint.<choiceField>`. */
  choiceField: string;
  /** Message when it is left empty; without one an empty value is fine (or, for a secret, the stored one is kept). */
  required?: string;
  /** Message for one entered value (each one, for a list) that is not acceptable. */
  check?: (value: string) => string | undefined;
}

export interface Integration {
  type: IntegrationType;
  label: string;
  settings: IntegrationSetting[];
}

const EMAIL_ADDRESS = /^[^\s@;,]+@[^\s@;,]+$/;

export function isHttpUrl(value: string | undefined): boolean {
  if (!value) {
    return false;
  }
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const httpUrl = (message: string) => (value: string) => (isHttpUrl(value) ? undefined : message);

export const INTEGRATIONS: readonly Integration[] = [
  {
    type: 'email',
    label: 'Email',
    settings: [
      {
        key: 'addresses',
        label: 'Email addresses',
        noun: 'email addresses',
        secret: false,
        input: 'tags',
        placeholder: 'Address, then Enter',
        choiceField: 'addresses',
        required: 'Enter at least one email address.',
        check: (a) => (EMAIL_ADDRESS.test(a) ? undefined : `"${a}" is not an email address.`),
      },
    ],
  },
  {
    type: 'webhook',
    label: 'Webhook',
    settings: [
      {
        key: 'url',
        label: 'Webhook URL',
        noun: 'webhook URL',
        secret: false,
        input: 'text',
        placeholder: 'https://',
        choiceField: 'url',
        required: 'Enter the webhook URL, starting with http:// or https://.',
        check: httpUrl('Enter the webhook URL, starting with http:// or https://.'),
      },
      // Setup never sets it, but a webhook restored or edited in Grafana may hold one.
      {
        key: 'password',
        label: 'Password',
        noun: 'webhook password',
        secret: true,
        input: 'password',
        choiceField: 'password',
      },
      {
        key: 'authorization_credentials',
        label: 'Bearer token',
        noun: 'webhook bearer token',
        secret: true,
        input: 'password',
        choiceField: 'authorization_credentials',
      },
    ],
  },
  {
    type: 'slack',
    label: 'Slack',
    settings: [
      {
        key: 'url',
        label: 'Slack webhook URL',
        noun: 'Slack webhook URL',
        secret: true,
        input: 'password',
        choiceField: 'webhookUrl',
        check: httpUrl('The Slack webhook URL must start with https://.'),
      },
      {
        key: 'token',
        label: 'Slack bot token',
        noun: 'Slack bot token',
        secret: true,
        input: 'password',
        choiceField: 'token',
      },
      {
        key: 'recipient',
        label: 'Channel',
        noun: 'Slack channel',
        secret: false,
        input: 'text',
        placeholder: '#alerts',
        choiceField: 'recipient',
      },
    ],
  },
  {
    type: 'teams',
    label: 'Microsoft Teams',
    settings: [
      {
        key: 'url',
        label: 'Microsoft Teams webhook URL',
        noun: 'Microsoft Teams webhook URL',
        secret: true,
        input: 'password',
        choiceField: 'webhookUrl',
        check: httpUrl('The Microsoft Teams webhook URL must start with https://.'),
      },
    ],
  },
  {
    type: 'pagerduty',
    label: 'PagerDuty',
    settings: [
      {
        key: 'integrationKey',
        label: 'PagerDuty integration key',
        noun: 'PagerDuty integration key',
        secret: true,
        input: 'password',
        choiceField: 'integrationKey',
      },
    ],
  },
];

export function integration(type: string): Integration | undefined {
  return INTEGRATIONS.find((i) => i.type === type);
}

/** A setting the registry describes; throws for one it does not, since that is a programming error. */
export function integrationSetting(type: IntegrationType, key: string): IntegrationSetting {
  const setting = integration(type)?.settings.find((s) => s.key === key);
  if (!setting) {
    throw new Error(`The ${type} integration has no setting "${key}".`);
  }
  return setting;
}

/** Every secret settings key of the integration; none for a type the plugin does not create. */
export function secretKeys(type: string): string[] {
  return (integration(type)?.settings ?? []).filter((s) => s.secret).map((s) => s.key);
}

/** How to name a setting in a message; a type or key from elsewhere (a bundle, Grafana) still gets a name. */
export function settingNoun(type: string, key: string): string {
  return integration(type)?.settings.find((s) => s.key === key)?.noun ?? `${type} secret "${key}"`;
}

/**
 * The problems with the values entered for one setting (a list is checked value by value). The
 * values are trimmed and empty ones dropped first, as the engine sends them.
 */
export function settingProblems(type: IntegrationType, key: string, values: readonly string[]): string[] {
  const setting = integrationSetting(type, key);
  const entered = values.map((v) => v.trim()).filter((v) => v !== '');
  if (entered.length === 0) {
    return setting.required ? [setting.required] : [];
  }
  return entered.flatMap((v) => setting.check?.(v) ?? []);
}

/**
 * Integrations whose webhook URL is itself the credential (the token sits in the path or query):
 * anyone holding the URL can post to the channel. Grafana encrypts some of these (Slack, Discord,
 * Google Chat) but not Microsoft Teams' `url` in any version (channels_config secret keys), so a
 * copy read back from Grafana can hold it in clear.
 */
const URL_IS_CREDENTIAL = new Set(['slack', 'teams', 'discord', 'googlechat']);
/** Query parameters that carry a credential in a webhook-style URL (Teams workflows' `sig`, `token`, `key`…). */
const CREDENTIAL_PARAM = /^(?:token|access_?token|api_?key|apikey|key|secret|sig|signature|auth|password|pass|code)$/i;

/** Whether a URL carries a credential: `user:password@`, or a token-like query parameter. */
export function urlCarriesCredential(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  return url.username !== '' || url.password !== '' || [...url.searchParams.keys()].some((k) => CREDENTIAL_PARAM.test(k));
}

/**
 * The settings keys of a contact point that hold, or may hold, a credential, so a backup leaves
 * them out and restore asks for them: what Grafana redacts, what the plugin treats as secret, the
 * URL of integrations whose URL is the credential, and any URL that carries one.
 */
export function credentialKeys(type: string, settings: Record<string, unknown>): string[] {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value !== 'string' || value === '') {
      continue;
    }
    if (
      value === '[REDACTED]' ||
      secretKeys(type).includes(key) ||
      (key === 'url' && URL_IS_CREDENTIAL.has(type)) ||
      (/^https?:/i.test(value) && urlCarriesCredential(value))
    ) {
      keys.add(key);
    }
  }
  return [...keys].sort();
}
