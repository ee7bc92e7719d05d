// Journey: a server still sends an expired certificate that no client needs (a stale cross-sign, as Let's Encrypt's
// DST Root CA X3 after 2021-09-30), and every client connects. Debian's blackbox_exporter (0.23, the binary the stack
// runs) probes a local openssl s_server that presents a valid leaf, the valid CA the module trusts (ca_file) and
// that CA cross-signed by an old root, expired. The old certificate query (the earliest presented certificate)
// reports the expired cross-sign; the pack's query reports the verified chain's expiry. Beside it: a probe that
// verifies nothing (insecure_skip_verify) falls back to the presented certificates, a trusted root that runs out
// before the certificates the server sends is judged, and a plaintext gRPC probe (which reports a presented expiry
// of 0 on 0.23) is no certificate at all.
//
// The stack's exporter has fixed modules, so the test runs the same package's binary with modules of its own; the
// certificates and that configuration live in the test's temporary directory. The queries are evaluated by the
// stack's promtool (Prometheus 2.42's engine) over the probes' samples, at the moment of the probes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { getExporter } from '../../src/catalog';
import { alertContext } from '../../src/catalog/promql';
import { promtoolTest } from '../support/promtool';
import { eventually } from './harness';

const run = promisify(execFile);
// The package the stack installs and launches (scripts/stack/start.sh).
const BLACKBOX = '/usr/bin/prometheus-blackbox-exporter';
// The certificate query before this change (blackbox.ts certificateLeft): the earliest certificate presented.
const OLD_QUERY = 'min_over_time(probe_ssl_earliest_cert_expiry[5m]) - time()';
const newQuery = () => {
  const alert = getExporter('blackbox').alerts.find((a) => a.id === 'cert-expiry-critical');
  if (!alert) {
    throw new Error('the blackbox pack has no alert cert-expiry-critical');
  }
  return alert.query(alertContext());
};

const openssl = (dir: string, args: string[]) => run('openssl', args, { cwd: dir });
const key = (dir: string, name: string) =>
  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', `${name}.key`]);
const CA_EXTENSIONS = [
  '-addext',
  'basicConstraints=critical,CA:true',
  '-addext',
  'keyUsage=critical,keyCertSign,cRLSign',
];
const selfSigned = (dir: string, name: string, subject: string, days: number) =>
  openssl(dir, [
    'req',
    '-x509',
    '-new',
    '-key',
    `${name}.key`,
    '-subj',
    subject,
    '-days',
    String(days),
    ...CA_EXTENSIONS,
    '-out',
    `${name}.pem`,
  ]);
/** A server certificate for 127.0.0.1, `days` long, signed by `ca` (its key is `caKey`). */
async function leaf(dir: string, name: string, ca: string, caKey: string, days: number) {
  await key(dir, name);
  await openssl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', '/CN=127.0.0.1', '-out', `${name}.csr`]);
  writeFileSync(
    join(dir, `${name}.ext`),
    'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:false\nextendedKeyUsage=serverAuth\n'
  );
  await openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${caKey}.key`,
    '-days',
    String(days),
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.pem`,
  ]);
}
/** The certificate's NotAfter as a Unix time, as openssl reads it. */
async function notAfter(dir: string, name: string): Promise<number> {
  const { stdout } = await openssl(dir, ['x509', '-in', `${name}.pem`, '-noout', '-enddate', '-dateopt', 'iso_8601']);
  const match = /notAfter=(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)Z/.exec(stdout);
  if (!match) {
    throw new Error(`cannot read the NotAfter of ${name}.pem: ${stdout}`);
  }
  return Date.parse(`${match[1]}T${match[2]}Z`) / 1000;
}

/**
 * The CA (trusted by the modules), the same CA cross-signed by an old root and expired on 2021-09-30 (openssl ca
 * sets both dates; OpenSSL 3.0's req and x509 set only a length from now), a leaf signed by the CA, and a root
 * that runs out in 2 days with a 90-day leaf of its own.
 */
async function makeCertificates(dir: string) {
  await key(dir, 'ca');
  await selfSigned(dir, 'ca', '/CN=FSM Test Root', 3650);
  await key(dir, 'old-root');
  await selfSigned(dir, 'old-root', '/CN=FSM Test Old Root', 3650);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'old-root.cnf'),
    [
      '[ca]',
      'default_ca = old_root',
      '[old_root]',
      'database = index.txt',
      'serial = serial',
      'new_certs_dir = .',
      'certificate = old-root.pem',
      'private_key = old-root.key',
      'default_md = sha256',
      'policy = any',
      'x509_extensions = cross_sign',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '[cross_sign]',
      'basicConstraints = critical,CA:true',
      'keyUsage = critical,keyCertSign,cRLSign',
      '',
    ].join('\n')
  );
  await openssl(dir, ['req', '-new', '-key', 'ca.key', '-subj', '/CN=FSM Test Root', '-out', 'cross.csr']);
  await openssl(dir, [
    'ca',
    '-batch',
    '-config',
    'old-root.cnf',
    '-startdate',
    '20010930140115Z',
    '-enddate',
    '20210930140115Z',
    '-notext',
    '-in',
    'cross.csr',
    '-out',
    'cross.pem',
  ]);
  await leaf(dir, 'leaf', 'ca', 'ca', 90);
  await key(dir, 'short-root');
  await selfSigned(dir, 'short-root', '/CN=FSM Short-lived Root', 2);
  await leaf(dir, 'short-leaf', 'short-root', 'short-root', 90);
}

const children: ChildProcess[] = [];
/** Starts a process of ours and resolves with the first match of `ready` in its output (stdout and stderr). */
function start(command: string, args: string[], cwd: string, ready: RegExp): Promise<RegExpExecArray> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)));
  });
}

describe('certificate expiry judged on the chain clients verify (Debian blackbox_exporter)', () => {
  let dir: string;
  let blackbox: string;
  let chainServer: string;
  let shortRootServer: string;
  let refusing: Server;
  const expiry: Record<string, number> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fsm-certificate-chain-'));
    await makeCertificates(dir);
    for (const name of ['ca', 'cross', 'leaf', 'short-root', 'short-leaf']) {
      expiry[name] = await notAfter(dir, name);
    }
    // The CA and its expired cross-sign after the leaf: s_server sends -cert_chain as it is, unverified.
    writeFileSync(
      join(dir, 'chain.pem'),
      ['ca.pem', 'cross.pem'].map((f) => readFileSync(join(dir, f), 'utf8')).join('')
    );
    const accept = /ACCEPT 127\.0\.0\.1:(\d+)/;
    const tls = (cert: string, certKey: string, chain: string[]) =>
      start(
        'openssl',
        ['s_server', '-accept', '127.0.0.1:0', '-cert', cert, '-key', certKey, ...chain, '-www'],
        dir,
        accept
      );
    chainServer = `127.0.0.1:${(await tls('leaf.pem', 'leaf.key', ['-cert_chain', 'chain.pem']))[1]}`;
    shortRootServer = `127.0.0.1:${(await tls('short-leaf.pem', 'short-leaf.key', []))[1]}`;
    // Where the gRPC probe connects: a listener that hangs up at once.
    refusing = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));

    const http = (tlsConfig: object) => ({
      prober: 'http',
      timeout: '3s',
      http: { preferred_ip_protocol: 'ip4', tls_config: tlsConfig },
    });
    writeFileSync(
      join(dir, 'blackbox.yml'),
      stringify({
        modules: {
          verified: http({ ca_file: join(dir, 'ca.pem') }),
          insecure: http({ insecure_skip_verify: true }),
          short_root: http({ ca_file: join(dir, 'short-root.pem') }),
          tcp_verified: {
            prober: 'tcp',
            timeout: '3s',
            tcp: { preferred_ip_protocol: 'ip4', tls: true, tls_config: { ca_file: join(dir, 'ca.pem') } },
          },
          grpc_plaintext: { prober: 'grpc', timeout: '3s', grpc: { preferred_ip_protocol: 'ip4' } },
        },
      })
    );
    const listening = /msg="Listening on" address=(127\.0\.0\.1:\d+)/;
    blackbox = (
      await start(BLACKBOX, ['--config.file=blackbox.yml', '--web.listen-address=127.0.0.1:0'], dir, listening)
    )[1];
  });

  afterAll(async () => {
    for (const child of children) {
      child.removeAllListeners('exit');
      child.kill();
    }
    await new Promise<void>((resolve) => (refusing ? refusing.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** One probe through the exporter's /probe: its exposition text. */
  async function probe(module: string, target: string): Promise<string> {
    const url = `http://${blackbox}/probe?${new URLSearchParams({ module, target })}`;
    return eventually(
      `an answer from ${url}`,
      async () => {
        const response = await fetch(url);
        return response.ok ? response.text() : '';
      },
      (text) => text !== ''
    );
  }
  const sample = (text: string, metric: string) => {
    const match = new RegExp(`^${metric} (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) : undefined;
  };

  it('reports the expired cross-sign as the old query’s expiry and the verified chain’s as the new one’s', async () => {
    const probes = {
      verified: await probe('verified', `https://${chainServer}/`),
      insecure: await probe('insecure', `https://${chainServer}/`),
      tcp: await probe('tcp_verified', chainServer),
      shortRoot: await probe('short_root', `https://${shortRootServer}/`),
      grpc: await probe('grpc_plaintext', `127.0.0.1:${(refusing.address() as { port: number }).port}`),
    };
    const at = Math.floor(Date.now() / 1000);
    const chain = (text: string) => sample(text, 'probe_ssl_last_chain_expiry_timestamp_seconds');

    // Clients connect: the chain verifies despite the expired certificate in it.
    expect(sample(probes.verified, 'probe_success')).toBe(1);
    expect(sample(probes.tcp, 'probe_success')).toBe(1);
    expect(sample(probes.shortRoot, 'probe_success')).toBe(1);
    // What the exporter itself reports: every presented certificate, and the verified chain (the trusted root
    // included, presented or not).
    expect(sample(probes.verified, 'probe_ssl_earliest_cert_expiry')).toBe(expiry.cross);
    expect(chain(probes.verified)).toBe(Math.min(expiry.leaf, expiry.ca));
    expect(chain(probes.tcp)).toBe(Math.min(expiry.leaf, expiry.ca));
    expect(chain(probes.shortRoot)).toBe(expiry['short-root']);
    // Nothing verified: the zero time (0.23; a later release may leave the series out, blackbox_exporter#653).
    expect(chain(probes.insecure) ?? 0).toBeLessThanOrEqual(0);
    expect(sample(probes.grpc, 'probe_ssl_earliest_cert_expiry')).toBe(0);

    // The samples as Prometheus would store them, one target each, at the moment of the probes: promtool's clock
    // starts at 0, so a single sample `at` seconds in (`_` leaves the first step empty) is evaluated at `at`.
    const targets = Object.keys(probes) as Array<keyof typeof probes>;
    const input_series = targets.flatMap((target) =>
      probes[target]
        .split('\n')
        .filter((line) => /^probe_ssl_(earliest_cert_expiry|last_chain_expiry_timestamp_seconds) /.test(line))
        .map((line) => {
          const [metric, value] = line.split(' ');
          return { series: `${metric}{job="certificates",instance="${target}"}`, values: `_ ${value}` };
        })
    );
    const left = (values: Partial<Record<keyof typeof probes, number>>) =>
      Object.entries(values).map(([instance, notAfterTime]) => ({
        labels: `{job="certificates",instance="${instance}"}`,
        value: (notAfterTime as number) - at,
      }));
    const test = (expr: string, values: Partial<Record<keyof typeof probes, number>>) => ({
      expr,
      eval_time: `${at}s`,
      exp_samples: left(values),
    });
    const verifiedChain = Math.min(expiry.leaf, expiry.ca);
    const { ok, output } = await promtoolTest(dir, 'certificate-chain', {
      rule_files: [],
      // promtool steps through rule evaluations from 0 to the last eval_time: one step, not one a minute.
      evaluation_interval: `${at}s`,
      tests: [
        {
          interval: `${at}s`,
          input_series,
          promql_expr_test: [
            // The old query: the expired cross-sign wherever it is presented, the trusted root's expiry nowhere,
            // and a plaintext gRPC probe's 0 as a certificate that ran out in 1970.
            test(OLD_QUERY, {
              verified: expiry.cross,
              insecure: expiry.cross,
              tcp: expiry.cross,
              shortRoot: expiry['short-leaf'],
              grpc: 0,
            }),
            // The pack's: the verified chain, the presented certificates where nothing was verified, no gRPC 0.
            test(newQuery(), {
              verified: verifiedChain,
              insecure: expiry.cross,
              tcp: verifiedChain,
              shortRoot: expiry['short-root'],
            }),
          ],
        },
      ],
    });
    expect({ ok, output }).toEqual({ ok: true, output: expect.stringContaining('SUCCESS') });
  });
});
