import { CollectedBackupSet } from '../backups/CollectedBackupSet';
import { CollectedCertificate } from '../certificates/parseCertificate';

/** Which certificates to read; every field left out matches all. */
export interface CertificateFilter {
  cluster?: string;
  namespace?: string;
  entityRef?: string;
}

/**
 * Backups and certificates of each cluster's last successful collection,
 * as collected: readers judge them (age against the RPO, days to expiry) at
 * the time they read, so a reader that alerts (a notification of a missed
 * backup or an expiring certificate) sees the same facts as the API.
 */
export interface BackupStore {
  /** Replaces one cluster's backup sets as a whole. */
  replaceBackupSets(
    cluster: string,
    sets: CollectedBackupSet[],
    collectedAt: Date,
  ): Promise<void>;
  /** Replaces one cluster's certificates as a whole. */
  replaceCertificates(
    cluster: string,
    certificates: CollectedCertificate[],
    collectedAt: Date,
  ): Promise<void>;
  /** Every backup set, or one cluster's, by cluster and id. */
  backupSets(filter?: { cluster?: string }): Promise<CollectedBackupSet[]>;
  /** The certificates that match, by cluster, namespace and name. */
  certificates(filter?: CertificateFilter): Promise<CollectedCertificate[]>;
}
