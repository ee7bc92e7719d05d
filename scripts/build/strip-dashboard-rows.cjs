// Webpack loader, shipped build only (webpack.config.ts): an exporter file's `dashboard` rows are read
// by the generator alone (src/generate/ builds the dashboards at build time; no shipped module reads
// `exporter.dashboard`, tests/unit/shipped-catalog.test.ts checks it), so the catalog chunk every page
// that builds rules loads drops them: about 7 KiB gzip of titles, widths and panel descriptions.
// Exporter files are prettier-formatted: the property runs from `  dashboard: [` to the next `  ],`
// at the same two-space indent. A file that writes its rows in another form fails the build rather
// than ship them unnoticed.
const START = '\n  dashboard: [\n';
const END = '\n  ],';

module.exports = function stripDashboardRows(source) {
  const start = source.indexOf(START);
  if (start < 0) {
    if (/\n {2}dashboard:/.test(source)) {
      throw new Error(`${this.resourcePath}: write the dashboard rows as "  dashboard: [" … "  ]," (prettier's form)`);
    }
    return source;
  }
  const end = source.indexOf(END, start + START.length);
  if (end < 0) {
    throw new Error(`${this.resourcePath}: the dashboard rows have no closing "  ]," at two spaces`);
  }
  return `${source.slice(0, start)}\n  dashboard: [],${source.slice(end + END.length)}`;
};
