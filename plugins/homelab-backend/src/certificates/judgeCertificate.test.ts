import { judgeCertificate } from './judgeCertificate';
import { parseCertificate } from './parseCertificate';

// Certificates in the shape of cert-manager's
// pkg/apis/certmanager/v1/types_certificate.go; values made up.
const NOW = new Date('2026-12-02T12:00:00Z');

const certificate = (status: object, spec: object = {}) =>
  parseCertificate('c', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'web', namespace: 'apps' },
    spec: {
      secretName: 'web-tls',
      issuerRef: { name: 'ca', kind: 'Issuer' },
      ...spec,
    },
    status,
  });

describe('certificates', () => {
  it('are not ready while Ready is False, with its message', () => {
    const pending = certificate(
      {
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'DoesNotExist',
            message: 'Issuing certificate as Secret does not exist',
          },
        ],
      },
      { commonName: 'web.example.org' },
    );
    expect(pending.dnsNames).toEqual(['web.example.org']);
    expect(judgeCertificate(pending, NOW, 14)).toMatchObject({
      state: 'not-ready',
      issuer: 'Issuer ca',
      reason:
        'Ready is False (DoesNotExist): Issuing certificate as Secret does not exist',
    });
  });

  it('are unknown until cert-manager reports, and valid with the days left otherwise', () => {
    expect(judgeCertificate(certificate({}), NOW, 14)).toMatchObject({
      ready: 'Unknown',
      state: 'unknown',
    });
    expect(
      judgeCertificate(
        certificate({
          conditions: [{ type: 'Ready', status: 'True', reason: 'Ready' }],
          notAfter: '2026-12-20T12:00:00Z',
          renewalTime: '2026-12-10T12:00:00Z',
        }),
        NOW,
        14,
      ),
    ).toMatchObject({
      state: 'valid',
      daysToExpiry: 18,
      reason: 'Valid for 18 more days; renewal at 2026-12-10T12:00:00Z',
    });
  });
});
