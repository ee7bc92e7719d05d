/** @jest-environment node */
import { nodeExporter } from '../catalog/exporters/node';
import { exporterDashboardUrl } from '../catalog/links';
import { goQueryEscape, renderLabelTemplate, templateLabelNames } from './templates';

describe('rendering alert text as Prometheus does', () => {
  it('substitutes each label, with or without spaces inside the braces', () => {
    expect(renderLabelTemplate('{{ $labels.a }}-{{$labels.b}}-{{  $labels.a  }}', { a: '1', b: '2' })).toBe('1-2-1');
  });

  it('renders a missing label as the empty string (missingkey=zero over a string map)', () => {
    expect(renderLabelTemplate('[{{ $labels.absent }}]', {})).toBe('[]');
  });

  it('copies label values verbatim: no HTML escaping, no re-expansion, special replacement chars kept', () => {
    const value = '<a&b> "q" `tick` $& $1 {{ $labels.x }}';
    expect(renderLabelTemplate('v={{ $labels.v }}', { v: value, x: 'NO' })).toBe(`v=${value}`);
  });

  it('keeps backticks and braces in plain text', () => {
    expect(renderLabelTemplate('Run `systemctl status {{ $labels.name }}` }}', { name: 'a.service' })).toBe(
      'Run `systemctl status a.service` }}'
    );
  });

  it('lists the labels a template needs', () => {
    expect(templateLabelNames('{{ $labels.job }} {{ $labels.instance }}')).toEqual(['job', 'instance']);
  });

  it.each([
    '{{ $value }}',
    '{{ $labels.instance | toUpper }}',
    '{{- $labels.instance }}',
    '{{ $labels.instance -}}',
    '{{ .Labels.instance }}',
    '{{ $externalLabels.cluster }}',
    '{{ if $labels.x }}y{{ end }}',
    '{{ $labels.a.b }}',
    'unclosed {{ $labels.x',
  ])('rejects %p, naming where it was found', (template) => {
    expect(() => renderLabelTemplate(template, {}, 'The summary of alert "x"')).toThrow(
      /^The summary of alert "x" uses the template action/
    );
  });
});

describe('dashboard links', () => {
  it('point alerts at the exporter dashboard with the firing job and instance, URL-encoded by the engine', () => {
    expect(exporterDashboardUrl(nodeExporter)).toBe(
      '/d/fsm-infrastructure-node?var-job={{ $labels.job | urlquery }}&var-instance={{ $labels.instance | urlquery }}'
    );
    expect(templateLabelNames(exporterDashboardUrl(nodeExporter))).toEqual(['job', 'instance']);
  });

  it('keep a job with "&", "#", "=" or spaces one variable: the link cannot be cut short or gain a parameter', () => {
    const url = renderLabelTemplate(exporterDashboardUrl(nodeExporter), {
      job: 'a&var-instance=evil#x y',
      instance: 'h:9100/?',
    });
    expect(url).toBe('/d/fsm-infrastructure-node?var-job=a%26var-instance%3Devil%23x+y&var-instance=h%3A9100%2F%3F');
    const params = new URL(url, 'http://grafana.local').searchParams;
    expect(params.getAll('var-job')).toEqual(['a&var-instance=evil#x y']);
    expect(params.getAll('var-instance')).toEqual(['h:9100/?']);
  });

  it("encodes as Go's url.QueryEscape: only letters, digits and -_.~ stay, a space is +", () => {
    expect(goQueryEscape("a-_.~!*'() é😀")).toBe('a-_.~%21%2A%27%28%29+%C3%A9%F0%9F%98%80');
  });

  it('encode a concrete target for inventory rows', () => {
    expect(exporterDashboardUrl(nodeExporter, { job: 'node & co', instance: 'host-1:9100' })).toBe(
      '/d/fsm-infrastructure-node?var-job=node%20%26%20co&var-instance=host-1%3A9100'
    );
  });
});
