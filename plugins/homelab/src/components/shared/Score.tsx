import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { readableText } from './readableColour';

/** A 0-100 score coloured by how good it is; a dash when nothing measured it. */
export function Score(props: {
  value: number | null;
  variant?: 'h3' | 'h6' | 'body2';
}) {
  const theme = useTheme();
  const { value } = props;
  if (value === null) {
    return (
      <Typography
        variant={props.variant ?? 'body2'}
        color="textSecondary"
        component="span"
        title="Nothing measured this"
      >
        —
      </Typography>
    );
  }
  let colour = theme.palette.error.main;
  if (value >= 90) colour = theme.palette.success.main;
  else if (value >= 70) colour = theme.palette.warning.main;
  return (
    <Typography
      variant={props.variant ?? 'body2'}
      component="span"
      style={{ color: readableText(theme, colour), fontWeight: 600 }}
    >
      {Math.round(value)}
    </Typography>
  );
}
