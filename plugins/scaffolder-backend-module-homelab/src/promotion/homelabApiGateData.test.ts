import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { homelabAnswers } from '../__testUtils__/homelabApiAnswers';
import { startHomelabApiStandIn } from '../__testUtils__/homelabApiStandIn';
import { homelabApiGateData } from './homelabApiGateData';

describe('homelabApiGateData', () => {
  const user = mockCredentials.user('user:default/ada');

  async function gateDataFrom(answers: Record<string, unknown>) {
    const api = await startHomelabApiStandIn(answers);
    const data = homelabApiGateData(
      {
        discovery: {
          getBaseUrl: async () => api.url,
          getExternalBaseUrl: async () => api.url,
        },
        auth: mockServices.auth(),
      },
      user,
    );
    return { api, data };
  }

  it("asks homelab-backend with a token on behalf of the template's user", async () => {
    const answers = homelabAnswers({
      running: { podinfo: '6.9.2' },
      readyHoursAgo: 48,
    });
    const { api, data } = await gateDataFrom(answers);
    try {
      expect(await data.drift()).toEqual(answers['/api/homelab/drift']);
      await data.criticalFindings('production', 'media apps');
      await data.slos();
      const authorization = mockCredentials.service.header({
        onBehalfOf: user,
        targetPluginId: 'homelab',
      });
      expect(api.requests).toEqual([
        { path: '/api/homelab/drift', authorization },
        {
          path: '/api/homelab/posture/findings?cluster=production&namespace=media+apps&severity=critical&limit=500',
          authorization,
        },
        { path: '/api/homelab/slos', authorization },
      ]);
    } finally {
      await api.close();
    }
  });

  it("rejects with the status homelab-backend answered and the backend's words", async () => {
    const { api, data } = await gateDataFrom({});
    try {
      const error = await data.slos().catch(e => e);
      expect(error.message).toBe(
        'Request failed with 404 Not Found: no /api/homelab/slos',
      );
      expect(error.cause).toMatchObject({
        name: 'ResponseError',
        statusCode: 404,
      });
    } finally {
      await api.close();
    }
  });
});
