import { Knex } from 'knex';
import { CollectedBackupSet } from '../backups/CollectedBackupSet';
import { CollectedCertificate } from '../certificates/parseCertificate';
import { BackupStore, CertificateFilter } from './BackupStore';
import { BackupSetRow, CertificateRow, INSERT_CHUNK } from './tables';

const BACKUP_SETS = 'homelab_backup_sets';
const CERTIFICATES = 'homelab_certificates';

/** Backups and certificates of each cluster, in knex. */
export class DatabaseBackupStore implements BackupStore {
  constructor(private readonly knex: Knex) {}

  async replaceBackupSets(
    cluster: string,
    sets: CollectedBackupSet[],
    collectedAt: Date,
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx<BackupSetRow>(BACKUP_SETS).where({ cluster }).delete();
      const rows: BackupSetRow[] = sets.map(set => ({
        cluster,
        id: set.id,
        tool: set.tool,
        namespace: set.namespace ?? null,
        data: JSON.stringify(set),
        collected_at: collectedAt,
      }));
      await tx.batchInsert(BACKUP_SETS, rows, INSERT_CHUNK);
    });
  }

  async replaceCertificates(
    cluster: string,
    certificates: CollectedCertificate[],
    collectedAt: Date,
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx<CertificateRow>(CERTIFICATES).where({ cluster }).delete();
      const rows: CertificateRow[] = certificates.map(certificate => ({
        cluster,
        namespace: certificate.namespace,
        name: certificate.name,
        entity_ref: certificate.entityRef ?? null,
        not_after: certificate.notAfter ? new Date(certificate.notAfter) : null,
        data: JSON.stringify(certificate),
        collected_at: collectedAt,
      }));
      await tx.batchInsert(CERTIFICATES, rows, INSERT_CHUNK);
    });
  }

  async backupSets(
    filter: { cluster?: string } = {},
  ): Promise<CollectedBackupSet[]> {
    const query = this.knex<BackupSetRow>(BACKUP_SETS).orderBy([
      'cluster',
      'id',
    ]);
    if (filter.cluster) query.where('cluster', filter.cluster);
    return (await query).map(row => JSON.parse(row.data));
  }

  async certificates(
    filter: CertificateFilter = {},
  ): Promise<CollectedCertificate[]> {
    const query = this.knex<CertificateRow>(CERTIFICATES).orderBy([
      'cluster',
      'namespace',
      'name',
    ]);
    if (filter.cluster) query.where('cluster', filter.cluster);
    if (filter.namespace) query.where('namespace', filter.namespace);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    return (await query).map(row => JSON.parse(row.data));
  }
}
