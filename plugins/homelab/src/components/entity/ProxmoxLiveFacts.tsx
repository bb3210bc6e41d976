import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';
import { Facts } from '../shared/Facts';
import { formatTime } from '../shared/formatTime';
import { memoryQuantityText } from '../shared/quantityText';
import { StatusChip } from '../shared/StatusChip';

/** Bytes as people read them; "?" when Proxmox did not say. */
export const bytesText = (value?: number) =>
  value === undefined ? '?' : memoryQuantityText(String(value));

/** What "used of allocated" reads, when Proxmox says what was allocated. */
export const usageText = (used?: number, allocated?: number) =>
  allocated ? `${bytesText(used)} of ${bytesText(allocated)}` : undefined;

/** What "x% of n" reads for a share of CPUs in use. */
export function cpuUseText(
  share: number | undefined,
  count: number | undefined,
  unit: string,
): string | undefined {
  return share !== undefined && count
    ? `${Number((share * 100).toFixed(1))}% of ${count} ${unit}`
    : undefined;
}

/**
 * The frame of what Proxmox VE says of a guest or a node: whether the facts
 * are live or recorded, stale (when, and why the last read failed), the
 * status (healthy or not), and the facts themselves.
 */
export function ProxmoxLiveFacts(props: {
  testId: string;
  live: {
    source: string;
    observedAt: string;
    stale: boolean;
    error?: string;
    recorded?: boolean;
    status: string;
  };
  healthy: boolean;
  notice?: ReactNode;
  rows: Array<[string, string | undefined]>;
}) {
  const { live } = props;
  return (
    <div data-testid={props.testId} style={{ marginTop: 12 }}>
      {props.notice}
      {live.stale && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          Stale: Proxmox VE {live.source} could not be read; facts from{' '}
          {formatTime(live.observedAt)}
          {live.error ? ` (${live.error})` : ''}.
        </Alert>
      )}
      <Typography variant="subtitle2" gutterBottom>
        {live.recorded ? 'Recorded (not a live server)' : 'Live'}{' '}
        <StatusChip
          status={props.healthy ? 'ok' : 'unknown'}
          label={live.status}
        />
      </Typography>
      <Facts
        rows={[...props.rows, ['Observed', formatTime(live.observedAt)]]}
      />
    </div>
  );
}
