import { CERTIFICATE_FACTS } from '../retrievers/certificateFactRetriever';
import { HomelabCheckDefinition } from './HomelabCheckDefinition';
import { HOMELAB_CHECK_TYPE } from './checkType';

/** Days a certificate must still be valid for the check to pass. */
const MINIMUM_DAYS_VALID = 14;

/**
 * Every cert-manager Certificate of the app is Ready and valid for more
 * than 14 more days. An app with no Certificate of its own is not known to
 * pass or fail.
 */
export const certificatesValid: HomelabCheckDefinition = {
  check: {
    id: 'homelabCertificatesValid',
    type: HOMELAB_CHECK_TYPE,
    name: `Certificates valid > ${MINIMUM_DAYS_VALID} days`,
    description: `Every cert-manager Certificate of the app is Ready and valid for more than ${MINIMUM_DAYS_VALID} days.`,
    factIds: [CERTIFICATE_FACTS],
  },
  evaluate: facts => {
    const certificates = Number(facts.certificates ?? 0);
    const notValid = (facts.notValid as string[] | undefined) ?? [];
    const days = facts.minDaysToExpiry as number | undefined;
    const soonest = `${String(facts.soonest)} in ${Math.floor(days ?? 0)} days`;
    if (!certificates) {
      return {
        result: null,
        reason: 'no cert-manager Certificate belongs to it',
      };
    }
    if (notValid.length) return { result: false, reason: notValid.join('; ') };
    return days !== undefined && days > MINIMUM_DAYS_VALID
      ? { result: true, reason: `${certificates} valid; soonest ${soonest}` }
      : { result: false, reason: `expires soon: ${soonest}` };
  },
};
