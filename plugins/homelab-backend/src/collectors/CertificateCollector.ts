import { ClusterClient } from '@homelab/plugin-homelab-node';
import { CERTIFICATE_RESOURCE } from '../backups/backupResources';
import {
  parseCertificate,
  RawCertificate,
} from '../certificates/parseCertificate';
import { BackupStore } from '../database/BackupStore';
import { ClusterCollector } from './ClusterCollector';
import { Collection } from './recordCollection';
import { ToolReader } from './ToolReader';

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
    const reader = new ToolReader(
      client,
      await client.servedVersions(),
      signal,
    );
    const certificates = (
      await reader.list<RawCertificate>('cert-manager', CERTIFICATE_RESOURCE)
    ).map(raw => parseCertificate(cluster, raw));
    signal?.throwIfAborted();
    await this.store.replaceCertificates(cluster, certificates, collectedAt);
    return { itemCount: certificates.length, warnings: reader.warnings };
  }
}
