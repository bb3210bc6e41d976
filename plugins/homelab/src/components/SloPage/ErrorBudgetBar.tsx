import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { readableText } from '../shared/readableColour';
import { percent } from './sloFormat';

const useStyles = makeStyles({
  root: { height: 8, borderRadius: 4 },
  bar: (props: { colour: string }) => ({ backgroundColor: props.colour }),
});

/**
 * Error budget left, as a bar; an overspent budget reads as negative, in
 * red. The budget of an SLO with too few events to judge (`unjudged`) is
 * shown grey and not called overspent: one failed request of a handful
 * would read as an alarm.
 */
export function ErrorBudgetBar(props: {
  remaining: number | null;
  unjudged?: boolean;
}) {
  const theme = useTheme();
  const { remaining, unjudged } = props;
  let colour = theme.palette.success.main;
  if (unjudged) colour = theme.palette.text.secondary;
  else if (remaining !== null && remaining < 0)
    colour = theme.palette.error.dark;
  else if (remaining !== null && remaining < 0.25)
    colour = theme.palette.error.main;
  else if (remaining !== null && remaining < 0.5)
    colour = theme.palette.warning.main;
  const classes = useStyles({ colour });
  if (remaining === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        —
      </Typography>
    );
  }
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8, minWidth: 140 }}>
      <Box flexGrow={1} minWidth={60}>
        <LinearProgress
          variant="determinate"
          // An overspent budget is a full bar in red, never an empty one.
          value={remaining < 0 ? 100 : Math.min(1, remaining) * 100}
          aria-label={`error budget remaining ${percent(remaining, 1)}${
            unjudged ? ', not judged: too few events' : ''
          }`}
          classes={{ root: classes.root, bar: classes.bar }}
        />
      </Box>
      <Typography
        variant="body2"
        style={{
          color: readableText(theme, colour),
          minWidth: 56,
          whiteSpace: 'nowrap',
        }}
      >
        {percent(remaining, 1)}
        {unjudged && ' · not judged'}
        {!unjudged && remaining < 0 ? ' overspent' : ''}
      </Typography>
    </Box>
  );
}
