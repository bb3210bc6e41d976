import { FitState, FitVerdict } from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { StatusChip } from '../shared/StatusChip';

const STATUS = {
  fits: 'ok',
  'above-target': 'warning',
  'does-not-fit': 'error',
  unknown: 'unknown',
} as const;

/** What each answer reads, so the chip never relies on colour alone. */
const FIT_LABEL: Record<FitState, string> = {
  fits: 'Fits',
  'above-target': 'Fits, past the target',
  'does-not-fit': 'Does not fit',
  unknown: 'Not known',
};

/** A fit's verdict under a title, with each check's answer and reason. */
export function FitVerdictView(props: {
  title: string;
  subtitle?: string;
  verdict: FitVerdict;
  testId?: string;
}) {
  const { title, subtitle, verdict, testId } = props;
  return (
    <Box marginBottom={2} data-testid={testId}>
      <Typography variant="subtitle1" component="h3">
        {title}{' '}
        <StatusChip
          status={STATUS[verdict.state]}
          label={FIT_LABEL[verdict.state]}
        />
      </Typography>
      {subtitle && (
        <Typography variant="body2" color="textSecondary">
          {subtitle}
        </Typography>
      )}
      <Box component="ul" paddingLeft={0} style={{ listStyle: 'none' }}>
        {verdict.checks.map(check => (
          <li key={check.what}>
            <StatusChip
              status={STATUS[check.state]}
              label={`${check.what} · ${FIT_LABEL[check.state]}`}
            />{' '}
            <Typography variant="body2" component="span">
              {check.reason}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}
