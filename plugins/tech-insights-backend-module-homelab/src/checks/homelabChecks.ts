import { FLUX_FACTS } from '../retrievers/fluxFactRetriever';
import { INVENTORY_FACTS } from '../retrievers/inventoryFactRetriever';
import { SLO_FACTS } from '../retrievers/sloFactRetriever';
import { VULNERABILITY_FACTS } from '../retrievers/vulnerabilityFactRetriever';
import { certificatesValid } from './certificatesValid';
import { backupsWithinRpo } from './backupsWithinRpo';
import { HomelabCheckDefinition, StoredFacts } from './HomelabCheckDefinition';
import { HOMELAB_CHECK_TYPE } from './checkType';

const list = (facts: StoredFacts, name: string) =>
  (facts[name] as string[] | undefined) ?? [];
const count = (facts: StoredFacts, name: string) => Number(facts[name] ?? 0);

const check = (
  id: string,
  factId: string,
  name: string,
  description: string,
): HomelabCheckDefinition['check'] => ({
  id,
  type: HOMELAB_CHECK_TYPE,
  name,
  description,
  factIds: [factId],
});

const sloDefined: HomelabCheckDefinition = {
  check: check(
    'homelabSloDefined',
    SLO_FACTS,
    'SLO defined',
    'The app has at least one SLO (OpenSLO, Sloth or Pyrra).',
  ),
  evaluate: facts =>
    count(facts, 'sloCount') > 0
      ? { result: true, reason: `SLOs: ${list(facts, 'slos').join(', ')}` }
      : { result: false, reason: 'no SLO is defined for it' },
};

const noCriticalVulnerabilities: HomelabCheckDefinition = {
  check: check(
    'homelabNoCriticalVulnerabilities',
    VULNERABILITY_FACTS,
    'No critical vulnerabilities',
    "Trivy Operator reports no critical vulnerability in the app's workloads in any cluster.",
  ),
  evaluate: facts => {
    const critical = count(facts, 'criticalVulnerabilities');
    const where = `in ${list(facts, 'clusters').join(', ')}`;
    return critical === 0
      ? {
          result: true,
          reason: `none critical ${where} (${count(
            facts,
            'highVulnerabilities',
          )} high)`,
        }
      : { result: false, reason: `${critical} critical ${where}` };
  },
};

const fluxReady: HomelabCheckDefinition = {
  check: check(
    'homelabFluxReady',
    FLUX_FACTS,
    'Flux Ready',
    'Every Flux object that deploys the app is Ready.',
  ),
  evaluate: facts => {
    const notReady = list(facts, 'notReady');
    const suspended = list(facts, 'suspended');
    const suspendedText = suspended.length
      ? `; suspended: ${suspended.join(', ')}`
      : '';
    return notReady.length
      ? { result: false, reason: `${notReady.join('; ')}${suspendedText}` }
      : {
          result: true,
          reason: `${count(facts, 'fluxObjects')} Ready${suspendedText}`,
        };
  },
};

const inventoryValid: HomelabCheckDefinition = {
  check: check(
    'homelabInventoryValid',
    INVENTORY_FACTS,
    'Inventory valid',
    'The homelab inventory passed its last validation, so the catalog shows it as it is.',
  ),
  evaluate: facts => ({
    result: count(facts, 'invalidInventories') === 0,
    reason: list(facts, 'inventories').join('; '),
  }),
};

/** The homelab scorecard's checks, in the order the scorecard lists them. */
export const homelabChecks: HomelabCheckDefinition[] = [
  sloDefined,
  backupsWithinRpo,
  noCriticalVulnerabilities,
  fluxReady,
  certificatesValid,
  inventoryValid,
];
