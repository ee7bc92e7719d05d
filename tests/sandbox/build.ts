/**
 * Builds the sandbox host bundle (node_modules/.cache/fsm-sandbox/<checkout>/grafana-host.js): the host
 * page code plus the externals Grafana provides to plugins, from the npm packages in node_modules. Skips
 * the build when the bundle is newer than every host source file (node_modules changes need --force).
 *
 *   npx tsx tests/sandbox/build.ts [--force]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import webpack, { type Configuration } from 'webpack';

export const SANDBOX_DIR = path.resolve(__dirname);
const ROOT = path.resolve(SANDBOX_DIR, '..', '..');
// Under node_modules/.cache: out of git, lint, prettier and jest's way, like other build caches. One directory
// per checkout: git worktrees share one node_modules (a symlink), and a bundle built from another checkout's
// host sources would otherwise pass for fresh here.
const CHECKOUT = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
export const BUILD_DIR = path.join(ROOT, 'node_modules', '.cache', 'fsm-sandbox', CHECKOUT);
export const HOST_BUNDLE = path.join(BUILD_DIR, 'grafana-host.js');

// Test support the host imports as well (tests/sandbox/host/index.tsx): a change there is a change of the host.
const HOST_SUPPORT_FILES = [path.join(ROOT, 'tests', 'support', 'grafana-transformers.ts')];

function newestSource(): number {
  const dirs = [path.join(SANDBOX_DIR, 'host'), path.join(SANDBOX_DIR, 'shared')];
  const files = [...dirs.flatMap((dir) => readdirSync(dir).map((f) => path.join(dir, f))), ...HOST_SUPPORT_FILES];
  return Math.max(statSync(__filename).mtimeMs, ...files.map((f) => statSync(f).mtimeMs));
}

export function hostBundleIsFresh(): boolean {
  return existsSync(HOST_BUNDLE) && statSync(HOST_BUNDLE).mtimeMs > newestSource();
}

const config: Configuration = {
  mode: 'production',
  context: ROOT,
  entry: { 'grafana-host': path.join(SANDBOX_DIR, 'host', 'index.tsx') },
  // A uniqueName of its own: the plugin's chunk loader must not share the host's JSONP array.
  output: { path: BUILD_DIR, filename: '[name].js', publicPath: '/sandbox/', uniqueName: 'grafana-sandbox-host' },
  devtool: false,
  // Minifying Grafana's packages costs a minute for nothing: the sandbox measures the plugin's bytes.
  optimization: { minimize: false, splitChunks: false },
  performance: { hints: false },
  cache: { type: 'filesystem', cacheDirectory: path.join(BUILD_DIR, 'cache') },
  resolve: {
    extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
    // One copy of each shared package, whoever imports it.
    alias: {
      react: path.join(ROOT, 'node_modules/react'),
      'react-dom': path.join(ROOT, 'node_modules/react-dom'),
      'react-router': path.join(ROOT, 'node_modules/react-router'),
    },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              target: 'es2020',
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
            },
          },
        },
      },
      // @grafana/ui's .mjs files default-import CommonJS modules that set __esModule (react-use/lib/*);
      // Grafana compiles @grafana/ui from source with that interop, so .mjs is not treated as strict ESM here.
      { test: /\.mjs$/, include: /node_modules/, type: 'javascript/auto', resolve: { fullySpecified: false } },
      { test: /\.js$/, resolve: { fullySpecified: false } },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(svg|png|woff2?|ttf|eot)$/, type: 'asset/resource' },
    ],
  },
  plugins: [new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify('production') })],
};

export function buildHostBundle(force = false): Promise<void> {
  if (!force && hostBundleIsFresh()) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) {
        reject(error);
        return;
      }
      if (stats?.hasErrors()) {
        reject(new Error(`Building the sandbox host bundle failed:\n${stats.toString({ all: false, errors: true })}`));
        return;
      }
      resolve();
    });
  });
}

if (require.main === module) {
  const started = Date.now();
  buildHostBundle(process.argv.includes('--force')).then(
    () => console.log(`sandbox host bundle ready: ${path.relative(ROOT, HOST_BUNDLE)} (${Date.now() - started} ms)`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  );
}
