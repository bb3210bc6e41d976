import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';

const LABELS = {
  ok: 'Healthy',
  warning: 'Degraded',
  error: 'Failing',
  unknown: 'Unknown',
} as const;

/** A health status as Backstage shows statuses: icon and word, never colour alone. */
export function StatusChip(props: {
  status: keyof typeof LABELS;
  label?: string;
}) {
  const label = props.label ?? LABELS[props.status];
  switch (props.status) {
    case 'ok':
      return <StatusOK>{label}</StatusOK>;
    case 'warning':
      return <StatusWarning>{label}</StatusWarning>;
    case 'error':
      return <StatusError>{label}</StatusError>;
    default:
      return <StatusAborted>{label}</StatusAborted>;
  }
}
