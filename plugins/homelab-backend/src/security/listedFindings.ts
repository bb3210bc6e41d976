import { Finding } from '@homelab/plugin-homelab-common';
import { StagedFindings } from '../database/PostureStore';
import { FindingIds, readFindingId } from './findingId';
import { Int32Slab } from './int32Slab';
import {
  listedSeverity,
  ListedVulnerabilities,
  ListedVulnerability,
  ReportTarget,
} from './reports';

/** The check id of a vulnerability its report names no id of. */
const UNKNOWN_VULNERABILITY = 'unknown vulnerability';

/** Where a scan's findings belong: its workload and entity. */
interface ListedPlacement {
  workload?: ReportTarget;
  /** The workload as findings show it. */
  shown?: { kind: string; name: string };
  entityRef?: string;
}

/** One listed vulnerability as a finding, made when it is stored. */
function findingOf(
  listed: ListedVulnerabilities,
  placement: ListedPlacement,
  index: number,
  id: string,
): Finding {
  const { shared } = listed;
  const vulnerability = listed.items[index];
  const checkId = vulnerability.vulnerabilityID || UNKNOWN_VULNERABILITY;
  const finding: Finding = {
    id,
    cluster: shared.cluster,
    source: shared.source,
    severity: listedSeverity(vulnerability),
    checkId,
    title: vulnerability.title || checkId,
  };
  if (shared.namespace) finding.namespace = shared.namespace;
  if (shared.message) finding.message = shared.message;
  if (placement.shown) finding.workload = placement.shown;
  if (shared.container) finding.container = shared.container;
  if (vulnerability.resource) finding.resource = vulnerability.resource;
  if (vulnerability.installedVersion)
    finding.installedVersion = vulnerability.installedVersion;
  if (vulnerability.fixedVersion)
    finding.fixedVersion = vulnerability.fixedVersion;
  if (vulnerability.primaryLink) finding.link = vulnerability.primaryLink;
  if (placement.entityRef) finding.entityRef = placement.entityRef;
  return finding;
}

/** A scan's vulnerabilities, staged, and each one's key in its image scan. */
interface StagedVulnerabilities {
  findings: StagedFindings;
  /**
   * The id of each listed vulnerability's vulnerability id alone, two 32-bit
   * values each, which ImageScans.of tells a scan's vulnerabilities apart by.
   */
  keys: Int32Array;
}

/**
 * A scan's vulnerabilities, placed, with their ids: the ids are hashed now
 * (what they share once), the findings made only when they are stored. The
 * hashes and keys are cut from `arrays`, which only arrays that are let go
 * with the staged findings should share.
 */
export function stagedVulnerabilities(
  report: string,
  listed: ListedVulnerabilities,
  placement: ListedPlacement,
  ids: FindingIds,
  arrays: Int32Slab,
): StagedVulnerabilities {
  const { shared, items } = listed;
  ids.start(
    shared.cluster,
    shared.source,
    shared.namespace,
    placement.workload?.kind,
    placement.workload?.name,
    shared.container,
  );
  const hashes = arrays.take(2 * items.length);
  const keys = arrays.take(2 * items.length);
  for (let index = 0; index < items.length; index++) {
    const vulnerability: ListedVulnerability = items[index];
    ids
      .begin()
      .addAndKey(
        vulnerability.vulnerabilityID || UNKNOWN_VULNERABILITY,
        keys,
        index,
      )
      .add(vulnerability.resource)
      .add(vulnerability.installedVersion)
      .add(vulnerability.target)
      .add(vulnerability.packagePath)
      .add(vulnerability.packagePURL)
      .write(hashes, index);
  }
  return {
    findings: {
      report,
      length: items.length,
      at: index =>
        findingOf(listed, placement, index, readFindingId(hashes, index)),
    },
    keys,
  };
}
