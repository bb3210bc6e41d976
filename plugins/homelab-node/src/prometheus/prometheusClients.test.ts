import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PrometheusTestServer } from '../testing/PrometheusTestServer';
import { parseSampleValue } from './PrometheusClient';
import { readPrometheusClient } from './readPrometheusClient';
import { recordedAnswerFile } from './SnapshotPrometheusClient';

jest.setTimeout(120_000);

const HOUR = 3600;
// Two days of a counter growing by 10 per minute, ending six hours ago.
const end = Math.floor(Date.now() / 1000 / 60) * 60 - 6 * HOUR;
const start = end - 48 * HOUR;

function history(): string {
  const lines = ['# TYPE requests counter'];
  for (let t = start; t <= end; t += 60) {
    lines.push(`requests_total{job="api"} ${((t - start) / 60) * 10} ${t}`);
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

describe('readPrometheusClient against a real Prometheus with backfilled history', () => {
  let prometheus: PrometheusTestServer;
  beforeAll(async () => {
    prometheus = await PrometheusTestServer.start(history());
  });
  afterAll(() => prometheus?.stop());

  const client = () =>
    readPrometheusClient(
      new ConfigReader({ homelab: { prometheus: { url: prometheus.url } } }),
    )!;

  it('answers instant queries from the history', async () => {
    const at = new Date(end * 1000);
    const [sample] = await client().query(
      'increase(requests_total{job="api"}[1h])',
      at,
    );
    expect(sample.labels).toEqual({ job: 'api' });
    expect(sample.value).toBeCloseTo(600, 6);
    const [rate] = await client().query('rate(requests_total[10m])', at);
    expect(rate.value).toBeCloseTo(10 / 60, 9);
  });

  it('answers range queries and scalars, including NaN and infinities', async () => {
    const series = await client().queryRange(
      'requests_total',
      new Date((end - HOUR) * 1000),
      new Date(end * 1000),
      1800,
    );
    // 10 per minute since the start: 47 h, 47.5 h and 48 h in.
    expect(series[0].values).toEqual([
      [end - HOUR, 28200],
      [end - HOUR / 2, 28500],
      [end, 28800],
    ]);
    const at = new Date(end * 1000);
    expect(
      (await client().query('scalar(vector(0) / vector(0))', at))[0].value,
    ).toBeNaN();
    expect((await client().query('vector(1) / vector(0)', at))[0].value).toBe(
      Infinity,
    );
  });

  it("reports Prometheus's own error for a bad query", async () => {
    await expect(
      client().query('sum(rate(requests_total[5m]', new Date(end * 1000)),
    ).rejects.toThrow(
      new RegExp(`^Prometheus at ${prometheus.url}: bad_data: .*parse error`),
    );
  });

  it('says when Prometheus cannot be reached, without its credentials', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>(resolve => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const unreachable = readPrometheusClient(
      new ConfigReader({
        homelab: { prometheus: { url, token: 'prom-secret-token' } },
      }),
    )!;
    const error = await unreachable.query('up', new Date()).catch(e => e);
    expect(error.message).toBe(
      `Prometheus at ${url} cannot be reached: ECONNREFUSED`,
    );
    expect(error.message).not.toContain('prom-secret-token');
  });
});

describe('recorded Prometheus answers', () => {
  it('answers the expressions that were recorded, and nothing for others', async () => {
    const mockDir = createMockDirectory();
    const expr = 'sum(rate(http_requests_total[5m]))';
    mockDir.setContent({
      [recordedAnswerFile('query', expr)]: JSON.stringify({
        query: expr,
        response: {
          status: 'success',
          data: {
            resultType: 'vector',
            result: [{ metric: {}, value: [1, '12.5'] }],
          },
        },
      }),
    });
    const client = readPrometheusClient(
      new ConfigReader({
        homelab: { prometheus: { snapshotDirectory: mockDir.path } },
      }),
    )!;
    expect(await client.query(expr, new Date())).toEqual([
      { labels: {}, value: 12.5 },
    ]);
    expect(await client.query('up', new Date())).toEqual([]);
    expect(
      fs.existsSync(path.join(mockDir.path, recordedAnswerFile('query', 'up'))),
    ).toBe(false);
  });

  it('refuses a configuration with both or neither source', () => {
    expect(() =>
      readPrometheusClient(new ConfigReader({ homelab: { prometheus: {} } })),
    ).toThrow(
      'homelab.prometheus needs exactly one of url or snapshotDirectory',
    );
    expect(readPrometheusClient(new ConfigReader({}))).toBeUndefined();
  });
});

describe('parseSampleValue', () => {
  it('reads Prometheus sample strings', () => {
    expect(parseSampleValue('0.25')).toBe(0.25);
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
    expect(parseSampleValue('NaN')).toBeNaN();
  });
});
