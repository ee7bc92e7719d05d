import CopyWebpackPlugin from 'copy-webpack-plugin';
import path from 'node:path';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

// Extends the scaffolded config (kept as create-plugin made it): the generated dashboards live in
// the repository's top-level dashboards/ (reviewed like code), and Grafana expects them beside
// plugin.json, at the paths named by its `includes`.
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    // The app (module.js) and the nested datasource (datasource/module.js) are two entries, two webpack runtimes,
    // that load shared lazy chunks. Webpack 5 tree-shakes and mangles exports per runtime by default, so a module
    // in a shared chunk could lack an export the other runtime calls ("(0, y.iW) is not a function" on Inventory).
    // One global view of used exports keeps every copy alike.
    optimization: { usedExports: 'global' },
    module: {
      rules: [
        {
          // Exporter files without their dashboard rows, which only the generator reads (the loader says why).
          test: /src\/catalog\/exporters\/[^/.]+\.ts$/,
          enforce: 'pre',
          use: path.resolve(__dirname, 'scripts/build/strip-dashboard-rows.cjs'),
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: '../dashboards', to: 'dashboards' },
          // The Runbooks page fetches these (public/plugins/<id>/runbooks/<exporter>.md) instead of bundling them.
          { from: '../docs/runbooks', to: 'runbooks' },
          // create-plugin copies only the root plugin's logos; the nested datasource needs its own.
          { from: 'datasource/img', to: 'datasource/img' },
        ],
      }),
    ],
  });
};

export default config;
