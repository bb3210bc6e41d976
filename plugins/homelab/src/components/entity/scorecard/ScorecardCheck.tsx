import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import { ScorecardResult } from '../../../api/scorecardChecks';
import { formatTime } from '../../shared/formatTime';
import { StatusChip } from '../../shared/StatusChip';

/** A check's result in words, beside its icon. */
function resultText(result: ScorecardResult['result']) {
  if (result === null) return 'Not known';
  return result ? 'Passed' : 'Failed';
}

const statusOf = (result: ScorecardResult['result']) => {
  if (result === null) return 'unknown';
  return result ? 'ok' : 'error';
};

/** One check: its name, why it passed, failed or is not known, and when its facts were read. */
export function ScorecardCheck(props: { result: ScorecardResult }) {
  const { check, result, reason, retrievedAt } = props.result;
  return (
    <ListItem title={check.description}>
      <ListItemText
        primary={check.name}
        secondary={
          retrievedAt ? `${reason} · as of ${formatTime(retrievedAt)}` : reason
        }
      />
      <ListItemSecondaryAction>
        <StatusChip status={statusOf(result)} label={resultText(result)} />
      </ListItemSecondaryAction>
    </ListItem>
  );
}
