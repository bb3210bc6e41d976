import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import { ScorecardResult } from '../../../api/scorecardChecks';
import { formatTime } from '../../shared/formatTime';
import { StatusChip } from '../../shared/StatusChip';

const useStyles = makeStyles(theme => ({
  // Room for the widest result ("Not known") beside the text.
  item: { paddingRight: theme.spacing(16) },
  // A reason may quote a tool's message with long paths and URLs.
  reason: { overflowWrap: 'anywhere' },
}));

/** A check's result in words, beside its icon. */
function resultText(result: ScorecardResult['result']) {
  if (result === null) return 'Not known';
  return result ? 'Passed' : 'Failed';
}

const statusOf = (result: ScorecardResult['result']) => {
  if (result === null) return 'unknown';
  return result ? 'ok' : 'error';
};

/**
 * One check: its name, why it passed, failed or is not known, and when the
 * data it judged was collected (or, without that, when its facts were read).
 */
export function ScorecardCheck(props: { result: ScorecardResult }) {
  const { check, result, reason } = props.result;
  const asOf = props.result.collectedAt ?? props.result.retrievedAt;
  const classes = useStyles();
  return (
    // Backstage's status icons are hidden from screen readers: the item
    // says its result in words.
    <ListItem
      classes={{ secondaryAction: classes.item }}
      title={check.description}
      aria-label={`${check.name}: ${resultText(result)}. ${reason}`}
    >
      <ListItemText
        primary={check.name}
        secondary={asOf ? `${reason} · as of ${formatTime(asOf)}` : reason}
        secondaryTypographyProps={{ className: classes.reason }}
      />
      <ListItemSecondaryAction>
        <StatusChip status={statusOf(result)} label={resultText(result)} />
      </ListItemSecondaryAction>
    </ListItem>
  );
}
