/**
 * Whatever Prometheus, a proxy in front of it or the Pushgateway answers, a query ends in frames or
 * in an error that says what was wrong: never a TypeError from deep inside, never a message the size
 * of the answer, never the same upstream warning twice.
 */
import fc from 'fast-check';
import { of, throwError } from 'rxjs';
import type { DataQueryRequest, DataQueryResponse, DataSourceInstanceSettings } from '@grafana/data';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { DataSource } from './DataSource';
import type { InventoryDataSourceOptions, InventoryQuery, InventoryQueryKind } from './types';

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  setBackendSrv({ fetch: fetchMock } as unknown as BackendSrv);
});

const datasource = () =>
  new DataSource({
    uid: 'inventory-1',
    name: 'Full-Stack Inventory',
    type: 'fullstack-inventory-datasource',
    url: '/api/datasources/proxy/uid/inventory-1',
    jsonData: { prometheusUrl: 'http://prometheus:9090', pushgatewayUrl: 'http://pg:9091' },
  } as DataSourceInstanceSettings<InventoryDataSourceOptions>);

const run = (kind: InventoryQueryKind) =>
  datasource().query({
    targets: [{ refId: 'A', kind }],
  } as DataQueryRequest<InventoryQuery>) as Promise<DataQueryResponse>;

// Shapes that get past the envelope check and reach the readers: the interesting malformations.
const label = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object(), fc.array(fc.string()));
const metric = fc.oneof(
  fc.dictionary(fc.constantFrom('__name__', 'job', 'instance', 'version', 'x'), label),
  fc.constant(null),
  fc.string(),
  fc.array(fc.anything())
);
const sample = fc.oneof(
  fc.record({ metric, value: fc.oneof(fc.anything(), fc.tuple(fc.anything(), fc.anything())) }, { requiredKeys: [] }),
  fc.anything()
);
const target = fc.oneof(
  fc.record(
    {
      labels: fc.oneof(fc.dictionary(fc.constantFrom('job', 'instance', 'x'), label), fc.anything()),
      health: fc.oneof(fc.constantFrom('up', 'down', 'unknown'), fc.anything()),
      lastError: fc.anything(),
      lastScrape: fc.anything(),
      lastScrapeDuration: fc.anything(),
      scrapeUrl: fc.anything(),
    },
    { requiredKeys: [] }
  ),
  fc.anything()
);
const envelope = (data: fc.Arbitrary<unknown>) =>
  fc.record(
    {
      status: fc.constantFrom('success', 'error', 'success'),
      data,
      error: fc.oneof(fc.string(), fc.anything()),
      warnings: fc.oneof(fc.array(fc.anything(), { maxLength: 20 }), fc.anything()),
    },
    { requiredKeys: ['status'] }
  );
const vectorBody = envelope(
  fc.oneof(
    fc.record({ resultType: fc.constantFrom('vector', 'matrix'), result: fc.array(sample, { maxLength: 8 }) }),
    fc.anything()
  )
);
const targetsBody = envelope(
  fc.oneof(fc.record({ activeTargets: fc.oneof(fc.array(target, { maxLength: 8 }), fc.anything()) }), fc.anything())
);
const pushBody = envelope(fc.oneof(fc.array(fc.anything(), { maxLength: 5 }), fc.anything()));
/** A failed request as backendSrv reports it: a status and whatever body came with it. */
class Failure {
  constructor(readonly failure: unknown) {}
}
const hugeText = fc.constantFrom('E', '<html>', ' \n').map((s) => s.repeat(Math.ceil((2 * 1024 * 1024) / s.length)));
const failure = fc
  .record({
    status: fc.oneof(fc.integer({ min: 400, max: 599 }), fc.constant(0), fc.constant(undefined)),
    statusText: fc.oneof(fc.string(), hugeText),
    data: fc.oneof(fc.anything(), hugeText, fc.record({ message: fc.oneof(hugeText, fc.anything()) })),
  })
  .map((f) => new Failure(f));
const anyBody = fc.oneof(
  fc.anything(),
  fc.string(),
  hugeText,
  fc.string().map((s) => `{"status":"success","data":${s}`),
  failure
);

function answer(bodies: { targets: unknown; detection: unknown; versions: unknown; push: unknown }) {
  fetchMock.mockImplementation((request: BackendSrvRequest) => {
    const url = request.url;
    const query: string = request.params?.query ?? '';
    const body = url.endsWith('/api/v1/targets')
      ? bodies.targets
      : url.endsWith('/api/v1/metrics')
        ? bodies.push
        : query.startsWith('group by (job, instance, __name__)')
          ? bodies.detection
          : bodies.versions;
    return body instanceof Failure ? throwError(() => body.failure) : of({ status: 200, data: body });
  });
}

const TYPE_ERROR = /TypeError|Cannot read|Cannot convert|is not a function|is not iterable|\[object Object\]/;

describe('hostile upstream answers', () => {
  it.each<InventoryQueryKind>(['targets', 'exporters', 'coverage', 'pushgateway'])(
    '%s: frames or a clear error, never a crash',
    async (kind) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(targetsBody, anyBody),
          fc.oneof(vectorBody, anyBody),
          fc.oneof(vectorBody, anyBody),
          fc.oneof(pushBody, anyBody),
          async (targets, detection, versions, push) => {
            answer({ targets, detection, versions, push });
            const result = await run(kind);
            for (const error of result.errors ?? []) {
              expect(error.message).not.toMatch(TYPE_ERROR);
              expect(error.message!.length).toBeLessThan(1000);
            }
            for (const frame of result.data) {
              for (const notice of frame.meta?.notices ?? []) {
                expect(notice.text).not.toMatch(TYPE_ERROR);
                expect(notice.text.length).toBeLessThan(1000);
              }
            }
          }
        ),
        { numRuns: 200 }
      );
    }
  );
});
