/*
 * The contact point integrations the plugin can create, described once: their settings, which
 * are secret, how each is checked, how it is sent (a list joined into one string, fixed
 * settings), the modes an integration offers, and how Setup renders it. The engine builds and
 * validates a contact point from here (buildIntegration), restore knows the secrets from here,
 * and Setup keeps, clears and renders its inputs from here, so adding an integration is adding an
 * entry to INTEGRATIONS and nothing else (contact-point-registry.test.ts adds one to prove it). A
 * secret the restore did not know would show as a difference; one the form did not clear would
 * stay in memory after apply. Plain data and pure functions: no React, no Grafana calls.
 */

/** Grafana's integration type (`slack`, `email`…): a key of INTEGRATIONS, not a closed list. */
export type IntegrationType = string;

export interface IntegrationSetting {
  /** Grafana's settings key. */
  key: string;
  /** Beside the input. */
  label: string;
  /** In running text ("Enter the … for …"), where the integration may not be named otherwise. */
  noun: string;
  /** Grafana stores it encrypted and reads it back only as `[REDACTED]`; rendered as a password input. */
  secret: boolean;
  /**
   * Must be given. A plain setting left empty is reported at its input; a secret left empty keeps
   * the one Grafana stores, so only a plan that finds none stored asks for it.
   */
  required?: boolean;
  /** The message for a required plain setting left empty, where "Enter the <noun>." would not say enough. */
  emptyMessage?: string;
  /** Message for one entered value (each one, for a list) that is not acceptable. */
  check?: (value: string) => string | undefined;
  /** Entered as a list (tags) and sent as one string: `join` between the values; `split` reads it back. */
  list?: { join: string; split: RegExp };
  /** Setup does not offer it: described so that restore and backups treat a stored one as a secret. */
  notOffered?: boolean;
  placeholder?: string;
  /** Input width in Grafana's grid units; 60 unless said. */
  width?: number;
}

/** One way of connecting: the settings only it uses, and settings it sends as they are. */
export interface IntegrationMode {
  id: string;
  label: string;
  /** Keys of settings used in this mode only; a setting no mode names is used in every mode. */
  settings: string[];
  fixed?: Record<string, unknown>;
}

export interface Integration {
  type: IntegrationType;
  label: string;
  settings: IntegrationSetting[];
  /** Sent as they are, whatever was entered. */
  fixed?: Record<string, unknown>;
  /**
   * Ways of connecting, the first the default. `checkbox`: two modes, the second while the box
   * labelled `label` is ticked; `radio`: one button per mode.
   */
  modes?: { label: string; control: 'radio' | 'checkbox'; options: IntegrationMode[] };
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

/** Read by everything below at call time, so an entry added here (or by a test) reaches every reader. */
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
        required: true,
        emptyMessage: 'Enter at least one email address.',
        check: (a) => (EMAIL_ADDRESS.test(a) ? undefined : `"${a}" is not an email address.`),
        // Grafana's email receiver splits on all three (grafana/alerting receivers/email NewConfig, as
        // tests/grafana-double/notifications.ts cites it).
        list: { join: ';', split: /[;,\n]/ },
        placeholder: 'Address, then Enter',
      },
    ],
    fixed: { singleEmail: false },
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
        required: true,
        emptyMessage: 'Enter the webhook URL, starting with http:// or https://.',
        check: httpUrl('Enter the webhook URL, starting with http:// or https://.'),
        placeholder: 'https://',
      },
      // Setup never sets it, but a webhook restored or edited in Grafana may hold one.
      { key: 'password', label: 'Password', noun: 'webhook password', secret: true, notOffered: true },
      {
        key: 'authorization_credentials',
        label: 'Bearer token',
        noun: 'webhook bearer token',
        secret: true,
        required: true,
      },
    ],
    fixed: { httpMethod: 'POST' },
    modes: {
      label: 'Send a bearer token',
      control: 'checkbox',
      options: [
        { id: 'none', label: 'No authentication', settings: [] },
        {
          id: 'bearer',
          label: 'Bearer token',
          settings: ['authorization_credentials'],
          fixed: { authorization_scheme: 'Bearer' },
        },
      ],
    },
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
        required: true,
        check: httpUrl('The Slack webhook URL must start with https://.'),
      },
      { key: 'token', label: 'Slack bot token', noun: 'Slack bot token', secret: true, required: true },
      // Grafana refuses the chat API without one ("recipient must be specified when using the Slack chat API").
      {
        key: 'recipient',
        label: 'Channel',
        noun: 'Slack channel',
        secret: false,
        required: true,
        placeholder: '#alerts',
        width: 30,
      },
    ],
    modes: {
      label: 'Slack connection',
      control: 'radio',
      options: [
        { id: 'webhook', label: 'Incoming webhook', settings: ['url'] },
        { id: 'bot', label: 'Bot token', settings: ['token', 'recipient'] },
      ],
    },
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
        required: true,
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
        required: true,
      },
    ],
    // PagerDuty takes critical|error|warning|info: our severities, grouped per severity by the route.
    fixed: {
      severity: '{{ .CommonLabels.severity }}',
      class: '{{ .CommonLabels.layer }}',
      component: '{{ .CommonLabels.exporter }}',
    },
  },
];

export function integration(type: string): Integration | undefined {
  return INTEGRATIONS.find((i) => i.type === type);
}

/** Every secret settings key of the integration; none for a type the plugin does not create. */
export function secretKeys(type: string): string[] {
  return (integration(type)?.settings ?? []).filter((s) => s.secret).map((s) => s.key);
}

/** How to name a setting in a message; a type or key from elsewhere (a bundle, Grafana) still gets a name. */
export function settingNoun(type: string, key: string): string {
  return integration(type)?.settings.find((s) => s.key === key)?.noun ?? `${type} secret "${key}"`;
}

/** The mode of that id; the default (first) one when none is given. Undefined for an unknown id. */
export function integrationMode(found: Integration, id: string | undefined): IntegrationMode | undefined {
  const options = found.modes?.options ?? [];
  return id === undefined ? options[0] : options.find((m) => m.id === id);
}

/** The settings Setup offers and sends in that mode, in the registry's order. */
export function modeSettings(found: Integration, mode: IntegrationMode | undefined): IntegrationSetting[] {
  const modal = new Set((found.modes?.options ?? []).flatMap((m) => m.settings));
  return found.settings.filter((s) => !s.notOffered && (!modal.has(s.key) || mode?.settings.includes(s.key)));
}

/**
 * The problems with the values entered for one plain setting (a list is checked value by value),
 * or with a typed secret. Values are trimmed and empty ones dropped first, as the engine sends them.
 */
export function settingProblems(setting: IntegrationSetting, values: readonly string[]): string[] {
  const entered = values.map((v) => v.trim()).filter((v) => v !== '');
  if (entered.length === 0) {
    return setting.required && !setting.secret ? [setting.emptyMessage ?? `Enter the ${setting.noun}.`] : [];
  }
  return entered.flatMap((v) => setting.check?.(v) ?? []);
}

/**
 * The mode a stored contact point is in: modes are not settings of their own, so the one whose
 * fixed settings and own settings are all there, the most specific first; the default otherwise.
 */
export function storedMode(found: Integration, settings: Record<string, unknown>): IntegrationMode | undefined {
  const present = (key: string) => settings[key] !== undefined && settings[key] !== '';
  const fits = (m: IntegrationMode) =>
    m.settings.every(present) && Object.entries(m.fixed ?? {}).every(([k, v]) => settings[k] === v);
  const weight = (m: IntegrationMode) => m.settings.length + Object.keys(m.fixed ?? {}).length;
  const fitting = (found.modes?.options ?? []).filter(fits).sort((a, b) => weight(b) - weight(a));
  return fitting[0] ?? integrationMode(found, undefined);
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
  return (
    url.username !== '' || url.password !== '' || [...url.searchParams.keys()].some((k) => CREDENTIAL_PARAM.test(k))
  );
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
