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

/** Error budget left, as a bar; an overspent budget reads as negative, in red. */
export function ErrorBudgetBar(props: { remaining: number | null }) {
  const theme = useTheme();
  const { remaining } = props;
  let colour = theme.palette.success.main;
  if (remaining !== null && remaining < 0) colour = theme.palette.error.dark;
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
          aria-label={`error budget remaining ${percent(remaining, 1)}`}
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
        {remaining < 0 ? ' overspent' : ''}
      </Typography>
    </Box>
  );
}
