import { Certificate } from '@homelab/plugin-homelab-common';
import { CollectedCertificate } from './parseCertificate';

const DAY_MS = 86_400_000;

function renewalFailures(certificate: CollectedCertificate): string {
  const attempts = certificate.failedIssuanceAttempts;
  if (!attempts) return '';
  const since = certificate.lastFailureTime
    ? `, last at ${certificate.lastFailureTime}`
    : '';
  return `; renewal failed ${attempts} time${
    attempts === 1 ? '' : 's'
  } in a row${since}`;
}

/**
 * A certificate as it stands at `now`: expired past notAfter, not-ready
 * when its Ready condition is not True, expiring within `expiringDays` of
 * notAfter, else valid; unknown when cert-manager states neither.
 */
export function judgeCertificate(
  certificate: CollectedCertificate,
  now: Date,
  expiringDays: number,
): Certificate {
  const notAfter = Date.parse(certificate.notAfter ?? '');
  const daysToExpiry = Number.isNaN(notAfter)
    ? undefined
    : Math.floor(((notAfter - now.getTime()) / DAY_MS) * 10) / 10;
  const failures = renewalFailures(certificate);
  const readyText = `Ready is ${certificate.ready}${
    certificate.readyReason ? ` (${certificate.readyReason})` : ''
  }`;
  const judged = (state: Certificate['state'], reason: string) => ({
    ...certificate,
    ...(daysToExpiry !== undefined ? { daysToExpiry } : {}),
    state,
    reason: reason + failures,
  });
  if (daysToExpiry !== undefined && daysToExpiry < 0)
    return judged('expired', `Expired on ${certificate.notAfter}`);
  if (certificate.ready === 'False')
    return judged(
      'not-ready',
      `${readyText}${
        certificate.readyMessage ? `: ${certificate.readyMessage}` : ''
      }`,
    );
  if (daysToExpiry === undefined)
    return certificate.ready === 'True'
      ? judged('valid', `${readyText}; cert-manager states no expiry`)
      : judged('unknown', 'cert-manager has not reported on it yet');
  if (daysToExpiry < expiringDays)
    return judged(
      'expiring',
      `Expires in ${Math.floor(daysToExpiry)} days, on ${certificate.notAfter}`,
    );
  return judged(
    'valid',
    `Valid for ${Math.floor(daysToExpiry)} more days${
      certificate.renewalTime ? `; renewal at ${certificate.renewalTime}` : ''
    }`,
  );
}
