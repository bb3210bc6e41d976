import {
  BackupSet,
  BackupState,
  Certificate,
  CertificateState,
} from '@homelab/plugin-homelab-common';

type Status = 'ok' | 'warning' | 'error' | 'unknown';

/** Each backup state as a status and a word. */
export const BACKUP_STATES: Record<
  BackupState,
  { status: Status; label: string }
> = {
  failed: { status: 'error', label: 'Failed' },
  'never-succeeded': { status: 'error', label: 'Never succeeded' },
  'outside-rpo': { status: 'error', label: 'Outside RPO' },
  missed: { status: 'warning', label: 'Missed' },
  unknown: { status: 'unknown', label: 'Unknown' },
  ok: { status: 'ok', label: 'OK' },
};

/** Each certificate state as a status and a word. */
export const CERTIFICATE_STATES: Record<
  CertificateState,
  { status: Status; label: string }
> = {
  expired: { status: 'error', label: 'Expired' },
  'not-ready': { status: 'error', label: 'Not ready' },
  expiring: { status: 'warning', label: 'Expiring' },
  unknown: { status: 'unknown', label: 'Unknown' },
  valid: { status: 'ok', label: 'Valid' },
};

const TOOLS: Record<BackupSet['tool'], string> = {
  velero: 'Velero schedule',
  longhorn: 'Longhorn volume',
  'k3s-etcd': 'k3s etcd snapshots',
};

/** "Velero schedule daily-apps", "k3s etcd snapshots". */
export const backupSetTitle = (set: BackupSet) =>
  set.tool === 'k3s-etcd' ? TOOLS[set.tool] : `${TOOLS[set.tool]} ${set.name}`;

/** "26h", "3d 4h": how old a backup is. */
function ageText(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  if (hours < 1) return `${Math.max(1, Math.round(seconds / 60))}m`;
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** "12h ago (RPO 24h)", "never", with the objective when one is stated. */
export function lastSuccessText(set: BackupSet): string {
  const age =
    set.ageSeconds === undefined ? 'never' : `${ageText(set.ageSeconds)} ago`;
  return set.rpo ? `${age} (RPO ${set.rpo})` : `${age} (no RPO stated)`;
}

/** "in 5 days", "expired 5 days ago", "no expiry stated". */
export function expiryText(certificate: Certificate): string {
  const days = certificate.daysToExpiry;
  if (days === undefined) return 'no expiry stated';
  if (days < 0) return `expired ${Math.ceil(-days)} day(s) ago`;
  return `in ${Math.floor(days)} day(s)`;
}
