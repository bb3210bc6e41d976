import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import exampleComponents from '../__fixtures__/exampleComponents.json';
import exampleHomelabAnswers from '../__fixtures__/exampleHomelabAnswers.json';
import { homelabSources } from '../sources/HomelabSources';

/** The recorded answers (see __fixtures__/README.md), by path. */
type RecordedAnswers = Record<string, any>;

/** A copy of the example homelab's recorded answers, to change for a test. */
export const exampleAnswers = (): RecordedAnswers =>
  structuredClone(exampleHomelabAnswers);

/**
 * homelab-backend and the homelab catalog module as the example homelab
 * answered them, served over HTTP from the recorded answers, recording each
 * request; a path in `failing` answers 503 in Backstage's error body, as a
 * backend that cannot serve it does.
 */
export async function startRecordedHomelab(
  options: { answers?: RecordedAnswers; failing?: string[] } = {},
) {
  const answers = options.answers ?? exampleAnswers();
  const requests: Array<{ path: string; authorization?: string }> = [];
  const server = http.createServer((req, res) => {
    const path = req.url!;
    requests.push({ path, authorization: req.headers.authorization });
    let status = path in answers ? 200 : 404;
    if (options.failing?.some(prefix => path.startsWith(prefix))) status = 503;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        status === 200
          ? answers[path]
          : {
              error: { name: 'Error', message: `cannot serve ${path}` },
              response: { statusCode: status },
            },
      ),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sources = homelabSources({
    discovery: {
      getBaseUrl: async pluginId => `${url}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId => `${url}/api/${pluginId}`,
    },
    auth: mockServices.auth(),
    catalog: catalogServiceMock({
      entities: exampleComponents as unknown as Entity[],
    }),
  });
  return {
    sources,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
