import { ClusterClient } from '@homelab/plugin-homelab-node';
import { CERTIFICATE_RESOURCE } from '../backups/backupResources';
import {
  CollectedCertificate,
  parseCertificate,
  RawCertificate,
} from '../certificates/parseCertificate';
import { namespaceApps } from '../backups/namespaceApps';
import { BackupStore } from '../database/BackupStore';
import { ClusterSnapshotStore } from '../database/ClusterSnapshotStore';
import { EntityIndex } from '../workloads/EntityIndex';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { ClusterCollector } from './ClusterCollector';
import { listIfServed } from './listIfServed';
import { Collection } from './recordCollection';

const { group, version, plural } = CERTIFICATE_RESOURCE;

/**
 * cert-manager Certificates of a cluster, each given the entity its labels
 * name, else the app that owns its namespace's workloads. cert-manager not installed is a warning;
 * installed but unreadable fails the collection, keeping the last good
 * certificates.
 */
export class CertificateCollector implements ClusterCollector {
  readonly source = 'certificates';

  constructor(
    private readonly store: BackupStore,
    private readonly snapshots: ClusterSnapshotStore,
    private readonly entities: () => Promise<EntityIndex>,
  ) {}

  async collect(
    client: ClusterClient,
    collectedAt: Date,
    signal?: AbortSignal,
  ): Promise<Collection> {
    const cluster = client.cluster;
    const versions = (await client.servedVersions()).get(group) ?? [];
    const entities = await this.entities();
    const [workloads] = (
      await this.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads')
    ).filter(snapshot => snapshot.cluster === cluster);
    const apps = namespaceApps(cluster, workloads?.data, entities);
    const certificates: CollectedCertificate[] = [];
    const served =
      versions.includes(version) &&
      (await listIfServed<RawCertificate>(
        client,
        CERTIFICATE_RESOURCE,
        page =>
          certificates.push(
            ...page.map(raw =>
              parseCertificate(
                cluster,
                raw,
                entities.entityFor(
                  cluster,
                  raw.metadata?.namespace,
                  raw.metadata?.labels,
                ) ?? apps.get(raw.metadata?.namespace ?? ''),
              ),
            ),
          ),
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
