/** @jest-environment node */
/*
 * The release check (`npm run package` → scripts/secret-scan.ts): credentials planted in a copy of
 * dist/ are each refused, by secretlint's recommended rules or by this project's own rule, and the
 * clean copy passes. The scan runs as the release runs it, in its own process (secretlint is ESM-only).
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const REPO = resolve(__dirname, '../..');
const DIST = join(REPO, 'dist');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const run = promisify(execFile);

async function scan(dir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [join(REPO, 'scripts/secret-scan.ts'), dir], { cwd: REPO });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** The stack's own value, read the way the stack reads it (not with the scanner's parser). */
async function stackPassword(): Promise<string> {
  const { stdout } = await run('bash', ['-c', 'source scripts/stack/lib.sh && printf %s "$FSM_PROM_AUTH_PASSWORD"'], {
    cwd: REPO,
    env: { ...process.env, FSM_PROM_AUTH_PASSWORD: '' },
  });
  return stdout;
}

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'fsm-dist-'));
  // A copy of the real build when there is one, so the clean run also proves no false positives on it;
  // before a build, the shipped sources (tests left out: they plant fake secrets of their own) stand in for it.
  if (existsSync(DIST)) {
    cpSync(DIST, copy, { recursive: true });
  } else {
    cpSync(join(REPO, 'src'), copy, { recursive: true, filter: (file) => !/\.test\.tsx?$/.test(file) });
  }
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the release secret scan', () => {
  it('passes the clean copy', async () => {
    const result = await scan(copy);
    expect(result).toEqual({ code: 0, out: expect.stringMatching(/no credentials found/) });
  }, 60_000);

  it('refuses every planted credential, each by name and file, without printing it', async () => {
    const privateKey = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    const password = await stackPassword();
    expect(password.length).toBeGreaterThan(5);
    // Shapes of real credentials; none of them is one. Built from pieces so this file trips no scanner.
    const planted: Record<string, { text: string; rule: RegExp }> = {
      'aws-key-id.js': {
        text: `const id="${'AKIA'}Z7VRSQ5TEXBQ3YWD";`,
        rule: /secretlint-rule-aws: found AWS Access Key ID/,
      },
      'aws-secret.js': {
        text: `aws_secret_access_key = "${'Zk3JdLq8pW2xV9mN4bR7'}tY1uE6oA0sC5gH2jK8lQ"`,
        rule: /secretlint-rule-aws: found AWS Secret Access Key/,
      },
      'github.js': {
        text: `token:"${'ghp_'}wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx"`,
        rule: /secretlint-rule-github: found GitHub Token/,
      },
      'slack.js': {
        text: `t="${'xoxb-'}123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"`,
        rule: /secretlint-rule-slack: found slack token/,
      },
      'jwt.js': {
        text: `h="Bearer ${'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'}.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"`,
        rule: /fsm\/project-credentials: found a JSON Web Token/,
      },
      'basic-auth-dotted.js': {
        text: `fetch("https://deploy:${'hunter2x'}@metrics.example.com/api")`,
        rule: /secretlint-rule-basicauth: found basic auth credential/,
      },
      // The preset wants a dotted host; Prometheus at "prometheus:9090" is the usual case here.
      'basic-auth-compose-host.js': {
        text: `fetch("http://grafana:${'s3cr3t!Pw'}@prometheus:9090/api/v1/query")`,
        rule: /fsm\/project-credentials: found credentials in a URL/,
      },
      'private-key.js': {
        text: `k=${JSON.stringify(privateKey)}`,
        rule: /secretlint-rule-privatekey: found private key/,
      },
      'datasource/stack-password.js': {
        text: `p="${password}"`,
        rule: /fsm\/project-credentials: found the value of scripts\/stack\/lib\.sh FSM_PROM_AUTH_PASSWORD/,
      },
    };
    mkdirSync(join(copy, 'datasource'), { recursive: true });
    for (const [file, { text }] of Object.entries(planted)) {
      writeFileSync(join(copy, file), text);
    }
    try {
      const result = await scan(copy);
      expect(result.code).toBe(1);
      for (const [file, { rule }] of Object.entries(planted)) {
        const lines = result.out.split('\n').filter((line) => line.trim().startsWith(`${file}:`));
        expect({ file, refused: lines.some((line) => rule.test(line)) }).toEqual({ file, refused: true });
      }
      // Named, not repeated: the report must not become the leak.
      expect(result.out).not.toContain(password);
      expect(result.out).not.toContain('hunter2x');
      expect(result.out).not.toContain('wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx');
    } finally {
      for (const file of Object.keys(planted)) {
        rmSync(join(copy, file), { force: true });
      }
    }
  }, 60_000);
});
