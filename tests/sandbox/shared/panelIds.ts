/** Panel plugin ids the sandbox provides stand-ins for (host/panels.tsx), and their meta for boot data. */
export const PANEL_IDS = ['timeseries', 'stat', 'gauge', 'bargauge', 'piechart', 'state-timeline', 'table', 'text'];

export function panelMeta(id: string) {
  return {
    id,
    name: `${id} (sandbox stand-in)`,
    type: 'panel',
    module: `core:plugin/${id}`,
    baseUrl: `public/app/plugins/panel/${id}`,
    sort: 0,
    skipDataQuery: id === 'text',
    info: {
      author: { name: 'sandbox' },
      description: 'stand-in',
      links: [],
      logos: {
        small: `public/app/plugins/panel/${id}/img/icon.svg`,
        large: `public/app/plugins/panel/${id}/img/icon.svg`,
      },
      screenshots: [],
      updated: '',
      version: '',
    },
  };
}
