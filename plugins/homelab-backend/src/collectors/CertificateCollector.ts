import { ClusterClient } from '@homelab/plugin-homelab-node';
import { CERTIFICATE_RESOURCE } from '../backups/backupResources';
import {
  CollectedCertificate,
  parseCertificate,
  RawCertificate,
} from '../certificates/parseCertificate';
import { BackupStore } from '../database/BackupStore';
import { ClusterCollector } from './ClusterCollector';
import { listIfServed } from './listIfServed';
import { Collection } from './recordCollection';

const { group, version, plural } = CERTIFICATE_RESOURCE;

/**
 * cert-manager Certificates of a cluster; the app of each (the one owning
 * its namespace's workloads) is worked out when served. cert-manager not
 * installed is a warning; installed but unreadable fails the collection,
 * keeping the last good certificates.
 */
export class CertificateCollector implements ClusterCollector {
  readonly source = 'certificates';

  constructor(private readonly store: BackupStore) {}

  async collect(
    client: ClusterClient,
    collectedAt: Date,
    signal?: AbortSignal,
  ): Promise<Collection> {
    const cluster = client.cluster;
    const versions = (await client.servedVersions()).get(group) ?? [];
    const certificates: CollectedCertificate[] = [];
    const served =
      versions.includes(version) &&
      (await listIfServed<RawCertificate>(
        client,
        CERTIFICATE_RESOURCE,
        page =>
          certificates.push(...page.map(raw => parseCertificate(cluster, raw))),
        signal,
      ));
    const warnings = served
      ? []
      : [
          `cert-manager is not installed: the cluster does not serve ${plural}.${group}/${version}`,
        ];
    signal?.throwIfAborted();
    await this.store.replaceCertificates(cluster, certificates, collectedAt);
    return { itemCount: certificates.length, warnings };
  }
}
