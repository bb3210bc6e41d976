import type { KubernetesObject } from '@kubernetes/client-node';
import { Certificate } from '@homelab/plugin-homelab-common';
import { definedFields, stringList } from '../backups/backupRuns';

/** A cert-manager Certificate as cert-manager.io/v1 serves it (pkg/apis/certmanager/v1/types_certificate.go). */
export interface RawCertificate extends KubernetesObject {
  spec?: {
    secretName?: string;
    commonName?: string;
    dnsNames?: string[];
    issuerRef?: { name?: string; kind?: string; group?: string };
  };
  status?: {
    conditions?: Array<{
      type?: string;
      status?: string;
      reason?: string;
      message?: string;
    }>;
    notBefore?: string;
    notAfter?: string;
    renewalTime?: string;
    failedIssuanceAttempts?: number;
    lastFailureTime?: string;
  };
}

/** A Certificate as collected, before it is judged at the time it is served. */
export type CollectedCertificate = Omit<
  Certificate,
  'daysToExpiry' | 'state' | 'reason'
>;

const READY_STATUSES = new Set(['True', 'False']);

/** The facts of one Certificate: its Ready condition, validity and renewal failures. */
export function parseCertificate(
  cluster: string,
  raw: RawCertificate,
): CollectedCertificate {
  const namespace = raw.metadata?.namespace ?? '';
  const name = raw.metadata?.name ?? '';
  const { spec = {}, status = {} } = raw;
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  const ready = conditions.find(c => c?.type === 'Ready');
  const issuer = spec.issuerRef?.name
    ? `${spec.issuerRef.kind ?? 'Issuer'} ${spec.issuerRef.name}`
    : undefined;
  const named = stringList(spec.dnsNames);
  const dnsNames = named.length ? named : stringList([spec.commonName]);
  return definedFields({
    id: `${cluster}/${namespace}/${name}`,
    cluster,
    namespace,
    name,
    secretName: spec.secretName,
    dnsNames,
    issuer,
    ready: READY_STATUSES.has(ready?.status ?? '')
      ? (ready!.status as 'True' | 'False')
      : 'Unknown',
    readyReason: ready?.reason,
    readyMessage: ready?.message,
    notBefore: status.notBefore,
    notAfter: status.notAfter,
    renewalTime: status.renewalTime,
    failedIssuanceAttempts: status.failedIssuanceAttempts,
    lastFailureTime: status.lastFailureTime,
  });
}
