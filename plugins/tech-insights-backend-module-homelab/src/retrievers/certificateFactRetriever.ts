import { HomelabSources } from '../sources/HomelabSources';
import { allPages } from './allPages';
import { freshnessProblem } from './freshnessProblem';
import { oldestCollection } from './oldestCollection';
import {
  collectedAtSchema,
  homelabFactRetriever,
  UNKNOWN_REASON,
} from './homelabFactRetriever';

/** Id (and config key) of the certificate fact retriever. */
export const CERTIFICATE_FACTS = 'homelabCertificateFactRetriever';

/**
 * Each app's cert-manager Certificates (GET /certificates): how many, the
 * one that expires first and in how many days, and those not Ready or
 * expired.
 */
export const certificateFactRetriever = (sources: HomelabSources) =>
  homelabFactRetriever(sources, {
    id: CERTIFICATE_FACTS,
    title: 'Homelab certificates',
    description:
      'The cert-manager Certificates of each homelab app and the days until the first expires.',
    schema: {
      certificates: { type: 'integer', description: 'Its Certificates.' },
      minDaysToExpiry: {
        type: 'float',
        description: 'Days until the first of them expires.',
      },
      soonest: { type: 'string', description: 'The one that expires first.' },
      notValid: {
        type: 'set',
        description: 'Those not Ready, expired or unknown, with the reason.',
      },
      ...collectedAtSchema,
    },
    read: ({ homelab }) => allPages(query => homelab.getCertificates(query)),
    factsOf: ({ items, freshness }, { ref }) => {
      const certificates = items.filter(c => c.entityRef === ref);
      const clusters = [...new Set(certificates.map(c => c.cluster))];
      // With none of its own, every cluster's collection must be fresh to say so.
      const scope = clusters.length ? clusters : undefined;
      const problem = freshnessProblem(freshness, 'certificates', scope);
      if (problem) return { [UNKNOWN_REASON]: problem };
      const dated = certificates
        .filter(c => c.daysToExpiry !== undefined)
        .sort((a, b) => a.daysToExpiry! - b.daysToExpiry!);
      return {
        certificates: certificates.length,
        minDaysToExpiry: dated[0]?.daysToExpiry,
        soonest: dated[0]?.id,
        notValid: certificates
          .filter(c => !['valid', 'expiring'].includes(c.state))
          .map(c => `${c.id}: ${c.reason}`),
        collectedAt: oldestCollection(freshness, 'certificates', scope),
      };
    },
  });
