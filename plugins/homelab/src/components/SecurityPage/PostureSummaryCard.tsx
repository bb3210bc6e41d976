import { InfoCard } from '@backstage/core-components';
import { PostureSummary } from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { formatTime } from '../shared/formatTime';
import { Score } from '../shared/Score';
import {
  GRADED_SEVERITIES,
  SEVERITIES,
  SeverityChip,
} from '../shared/SeverityChip';

/** Reports whose own summary disagrees with what they list: both, so that neither is hidden. */
function Discrepancies({ summary }: { summary: PostureSummary }) {
  if (!summary.discrepancies?.length) return null;
  return (
    <Box mt={2}>
      <Typography variant="body2" color="error" gutterBottom>
        {summary.discrepancies.length === 1
          ? 'A report disagrees'
          : `${summary.discrepancies.length} reports disagree`}{' '}
        with its own summary; the counts above follow the summaries
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {summary.discrepancies.map(d => (
          <li key={`${d.kind}/${d.namespace ?? ''}/${d.name}`}>
            <Typography variant="body2">
              {d.kind} {d.namespace ? `${d.namespace}/` : ''}
              {d.name}: its summary says {countsText(d.summary)}; it lists{' '}
              {countsText(d.listed)}
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

/** A card title that selects the card, as its body does. */
function SelectingTitle(props: {
  title: string;
  selected: boolean;
  onSelect(): void;
}) {
  return (
    <MuiLink
      component="button"
      variant="h5"
      color="textPrimary"
      underline="hover"
      aria-pressed={props.selected}
      onClick={props.onSelect}
      style={{ fontWeight: props.selected ? 700 : undefined }}
    >
      {props.title}
    </MuiLink>
  );
}

/** One scope's posture: score, vulnerabilities, misconfigurations, policies, compliance. */
export function PostureSummaryCard(props: {
  summary: PostureSummary;
  title: string;
  selected?: boolean;
  onSelect?(): void;
}) {
  const { summary, title } = props;
  const row = (label: string, value: React.ReactNode) => (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 6 }}
      mb={1}
    >
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ minWidth: 130 }}
      >
        {label}
      </Typography>
      {value}
    </Box>
  );
  return (
    <InfoCard
      title={
        props.onSelect ? (
          <SelectingTitle
            title={title}
            selected={!!props.selected}
            onSelect={props.onSelect}
          />
        ) : (
          title
        )
      }
      subheader={`collected ${formatTime(summary.collectedAt)}`}
      variant="gridItem"
    >
      <div
        role={props.onSelect ? 'button' : undefined}
        tabIndex={props.onSelect ? 0 : undefined}
        aria-pressed={props.onSelect ? !!props.selected : undefined}
        onClick={props.onSelect}
        onKeyDown={event => {
          if (event.key === 'Enter') props.onSelect?.();
        }}
        style={{ cursor: props.onSelect ? 'pointer' : undefined }}
      >
        <Box display="flex" alignItems="baseline" style={{ gap: 8 }} mb={2}>
          <Score value={summary.score} variant="h3" />
          <Typography variant="body2" color="textSecondary">
            posture score of {summary.workloads} workloads
          </Typography>
        </Box>
        {row(
          'Vulnerabilities',
          SEVERITIES.map(severity => (
            <SeverityChip
              key={severity}
              severity={severity}
              count={summary.vulnerabilities[severity]}
            />
          )),
        )}
        {row(
          'Misconfigurations',
          GRADED_SEVERITIES.map(severity => (
            <SeverityChip
              key={severity}
              severity={severity}
              count={summary.misconfigurations[severity]}
            />
          )),
        )}
        {row(
          'Exposed secrets',
          <Typography variant="body2">{summary.exposedSecrets}</Typography>,
        )}
        {row(
          'Policy results',
          <Typography variant="body2">{policyText(summary.policy)}</Typography>,
        )}
        {row(
          'Scores',
          <Typography variant="body2" component="span">
            vulnerabilities <Score value={summary.vulnerabilityScore} />,
            configuration <Score value={summary.configScore} />, policy{' '}
            <Score value={summary.policyScore} />
          </Typography>,
        )}
        {summary.compliance?.map(report =>
          row(
            report.title ?? report.name,
            <Typography variant="body2">
              {report.pass} pass, {report.fail} fail
            </Typography>,
          ),
        )}
        <Discrepancies summary={summary} />
      </div>
    </InfoCard>
  );
}

/** "139 pass, 17 fail, 0 warn", with errors and unknown results where there are any. */
function policyText(policy: PostureSummary['policy']): string {
  const parts = [
    `${policy.pass} pass`,
    `${policy.fail} fail`,
    `${policy.warn} warn`,
  ];
  if (policy.error) parts.push(`${policy.error} error`);
  if (policy.unknown) parts.push(`${policy.unknown} without a result`);
  return parts.join(', ');
}

/** "critical 2, low 9", or "nothing". */
function countsText(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length
    ? entries.map(([key, value]) => `${key} ${value}`).join(', ')
    : 'nothing';
}
