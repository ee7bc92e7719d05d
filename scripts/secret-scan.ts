/**
 * The release check's secret scan, run by `npm run package` on dist/ before anything is zipped:
 * secretlint with its recommended preset (AWS, GCP, GitHub, Slack, npm, OpenAI, private keys, basic
 * auth in well-formed URLs, database connection strings, …) plus one rule of this project's own:
 *   - the credentials its local stacks define (scripts/stack/lib.sh, docker-compose.yaml, provisioning's
 *     secureJsonData) and the release machine's tokens ($GRAFANA_ACCESS_POLICY_TOKEN, $GRAFANA_API_KEY);
 *   - credentials in any URL (`scheme://user:password@host`, also without a dot in the host name, which
 *     the preset's rule needs), JSON Web Tokens, and Grafana service account and access policy tokens.
 *
 *   npx tsx scripts/secret-scan.ts <dir>    lists every finding (values masked) and exits 1; exits 0 when clean
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';

const REPO = path.resolve(__dirname, '..');

/** Tokens the release machine holds; the archive must not carry them (e.g. baked in by a build). */
const TOKEN_ENV_VARS = ['GRAFANA_ACCESS_POLICY_TOKEN', 'GRAFANA_API_KEY'];
const SECRET_NAME = /pass(word)?|secret|token|api_?key|credential/i;
// Very short values ("admin", "guest") would match ordinary words in a bundle.
const MIN_SECRET_LENGTH = 6;

export interface ProjectSecret {
  /** Where the value is defined, for the message (never the value itself). */
  source: string;
  value: string;
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  /** secretlint's message, with the secret masked. */
  message: string;
}

/** Secret values this repository's own stacks define, and the release machine's tokens. */
export function projectSecrets(repo = REPO, env: NodeJS.ProcessEnv = process.env): ProjectSecret[] {
  const found: ProjectSecret[] = [];
  // lib.sh gives defaults as `: "${NAME:=value}"`; the test stack's credentials are among them.
  const libSh = path.join(repo, 'scripts', 'stack', 'lib.sh');
  if (fs.existsSync(libSh)) {
    for (const match of fs.readFileSync(libSh, 'utf8').matchAll(/\$\{([A-Z0-9_]+):=([^}]*)\}/g)) {
      if (SECRET_NAME.test(match[1])) {
        found.push({ source: `scripts/stack/lib.sh ${match[1]}`, value: match[2] });
      }
    }
  }
  const composeFile = path.join(repo, 'docker-compose.yaml');
  if (fs.existsSync(composeFile)) {
    const compose = parse(fs.readFileSync(composeFile, 'utf8')) as {
      services?: Record<string, { environment?: Record<string, unknown> | string[] }>;
    };
    for (const [service, definition] of Object.entries(compose.services ?? {})) {
      const environment = definition.environment ?? {};
      const pairs = Array.isArray(environment)
        ? environment.map((entry) => entry.split(/=(.*)/s, 2) as [string, string])
        : Object.entries(environment).map(([key, value]) => [key, String(value ?? '')] as [string, string]);
      for (const [key, value] of pairs) {
        // $VAR is read from the environment by compose: not a value in the repository.
        if (SECRET_NAME.test(key) && value && !value.startsWith('$')) {
          found.push({ source: `docker-compose.yaml ${service}.${key}`, value });
        }
      }
    }
  }
  const provisioning = path.join(repo, 'provisioning');
  if (fs.existsSync(provisioning)) {
    for (const file of filesUnder(provisioning).filter((f) => /\.ya?ml$/.test(f))) {
      const where = path.relative(repo, file);
      collectSecureJsonData(parse(fs.readFileSync(file, 'utf8')), (key, value) => {
        if (!value.startsWith('$')) {
          found.push({ source: `${where} secureJsonData.${key}`, value });
        }
      });
    }
  }
  for (const name of TOKEN_ENV_VARS) {
    const value = env[name];
    if (value) {
      found.push({ source: `$${name}`, value });
    }
  }
  return found.filter((secret) => secret.value.length >= MIN_SECRET_LENGTH);
}

function collectSecureJsonData(node: unknown, add: (key: string, value: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item) => collectSecureJsonData(item, add));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'secureJsonData' && value && typeof value === 'object') {
        Object.entries(value).forEach(([name, secret]) => add(name, String(secret ?? '')));
      } else {
        collectSecureJsonData(value, add);
      }
    }
  }
}

export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // A symlink to a directory (src/img/screenshots) is walked like the directory the build copies.
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(full).isDirectory());
    return isDirectory ? filesUnder(full) : [full];
  });
}

/** Shapes of credentials the preset has no rule for. */
const SHAPES: Array<{ name: string; pattern: RegExp }> = [
  // user:password@ in any URL. The preset's basicauth rule wants a dotted host and [-\w] passwords.
  {
    name: 'credentials in a URL',
    pattern:
      /\b[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:/?#@"'`<>{}$]{1,256}):([^\s/?#@"'`<>{}$]{1,256})@[a-z0-9[][^\s/?#"'`<>]*/gi,
  },
  { name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { name: 'a Grafana service account token', pattern: /\bglsa_[A-Za-z0-9]{32}_[0-9a-f]{8}\b/g },
  { name: 'a Grafana Cloud access policy token', pattern: /\bglc_[A-Za-z0-9+/=]{32,}/g },
];
// Placeholders that name a credential without being one, as in documentation strings of bundled libraries.
const PLACEHOLDER = /^(user(name)?|pass(word)?|secret|token|x+|\*+|<[^>]*>)$/i;

/** A secretlint rule's context (the `SecretLintRuleContext` shape, typed here: @secretlint/types is ESM-only). */
interface RuleContext {
  report(descriptor: { message: { message: string; messageId: string }; range: [number, number] }): void;
  createTranslator<T>(messages: T): (id: keyof T & string) => { message: string; messageId: string };
}

export function projectRule(secrets: readonly ProjectSecret[]) {
  // Messages carry no data: secretlint's maskSecrets masks every data value, and these name no secret.
  const messages: Record<string, { en: () => string }> = {};
  secrets.forEach((secret, i) => (messages[`SECRET_${i}`] = { en: () => `found the value of ${secret.source}` }));
  SHAPES.forEach((shape, i) => (messages[`SHAPE_${i}`] = { en: () => `found ${shape.name}` }));
  return {
    messages,
    meta: {
      id: 'fsm/project-credentials',
      recommended: true,
      type: 'scanner' as const,
      supportedContentTypes: ['text' as const],
      docs: {
        url: 'https://github.com/fullstack-monitoring/fullstack-monitoring-app/blob/main/scripts/secret-scan.ts',
      },
    },
    create(context: RuleContext) {
      const t = context.createTranslator(messages);
      return {
        file(source: { content: string }) {
          secrets.forEach((secret, i) => {
            for (
              let at = source.content.indexOf(secret.value);
              at !== -1;
              at = source.content.indexOf(secret.value, at + 1)
            ) {
              context.report({ message: t(`SECRET_${i}`), range: [at, at + secret.value.length] });
            }
          });
          SHAPES.forEach(({ name, pattern }, i) => {
            for (const match of source.content.matchAll(pattern)) {
              if (name === 'credentials in a URL' && (PLACEHOLDER.test(match[1]) || PLACEHOLDER.test(match[2]))) {
                continue;
              }
              const at = match.index ?? 0;
              context.report({ message: t(`SHAPE_${i}`), range: [at, at + match[0].length] });
            }
          });
        },
      };
    },
  };
}

/** Every finding in the files under `dir`. */
export async function scanDirectory(dir: string, secrets = projectSecrets()): Promise<Finding[]> {
  // Both packages are ES modules only; a dynamic import loads them from this CommonJS script.
  const { lintSource } = await import('@secretlint/core');
  const preset = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = {
    rules: [
      {
        id: '@secretlint/secretlint-rule-preset-recommend',
        rule: preset.creator,
        // Access key ids are off by default (noisy in source trees); a built plugin has no business holding one.
        rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
      },
      { id: 'fsm/project-credentials', rule: projectRule(secrets) },
    ],
  };
  const findings: Finding[] = [];
  for (const file of filesUnder(dir)) {
    const content = fs.readFileSync(file, 'utf8');
    const result = await lintSource({
      source: { filePath: file, content, ext: path.extname(file), contentType: 'text' },
      // maskSecrets: the report names the kind and place of a secret without printing it again.
      options: { config: config as never, maskSecrets: true },
    });
    for (const message of result.messages) {
      findings.push({
        file: path.relative(dir, file),
        line: message.loc.start.line,
        rule: message.ruleId,
        // A masked 3 kB private key is 3 kB of asterisks: one run says the same.
        message: message.message.replace(/\*{8,}/g, '********'),
      });
    }
  }
  return findings;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write('secret-scan: give the directory to scan, e.g. `npx tsx scripts/secret-scan.ts dist`.\n');
    process.exit(2);
  }
  const findings = await scanDirectory(dir);
  if (findings.length > 0) {
    process.stderr.write(
      `secret-scan: ${dir} holds credentials:\n  ${findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`).join('\n  ')}\n` +
        'Remove them from the source and build again.\n'
    );
    process.exit(1);
  }
  process.stdout.write(`secret-scan: ${filesUnder(dir).length} files in ${dir}, no credentials found.\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`secret-scan: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  });
}
