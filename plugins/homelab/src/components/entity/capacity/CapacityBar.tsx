import { CapacityFigure } from '@homelab/plugin-homelab-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { figureText, headroomText, trendText } from './capacityText';

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: 14,
    borderRadius: 3,
    background: theme.palette.action.hover,
    border: `1px solid ${theme.palette.divider}`,
    overflow: 'hidden',
  },
  requests: {
    position: 'absolute',
    top: 0,
    left: 0,
    height: '100%',
    background: theme.palette.primary.main,
    opacity: 0.45,
  },
  use: {
    position: 'absolute',
    top: 4,
    left: 0,
    height: 6,
    background: theme.palette.primary.dark,
  },
  target: {
    position: 'absolute',
    top: 0,
    width: 2,
    height: '100%',
    background: theme.palette.error.main,
  },
  unknown: {
    height: 14,
    borderRadius: 3,
    border: `1px dashed ${theme.palette.text.secondary}`,
  },
}));

const share = (value: number | null, of: number) =>
  value === null ? 0 : Math.min(100, (100 * value) / of);

/**
 * One figure as a headroom bar: the track is all that is allocatable, the
 * pale fill the requests, the dark line inside it the use, the red mark the
 * target; under it the figures, the headroom and the trend in words. A
 * figure whose allocatable is unknown draws no bar: a dashed outline says
 * so rather than an empty one.
 */
export function CapacityBar(props: { label: string; figure: CapacityFigure }) {
  const classes = useStyles();
  const { label, figure } = props;
  const text = `${label}: ${figureText(figure)}; ${headroomText(figure)}`;
  const allocatable = figure.allocatable;
  return (
    <div data-testid={`capacity-${figure.resource}-${label}`}>
      <Typography variant="body2">{text}</Typography>
      {allocatable ? (
        <div className={classes.track} role="img" aria-label={text}>
          <div
            className={classes.requests}
            style={{ width: `${share(figure.requests, allocatable)}%` }}
          />
          <div
            className={classes.use}
            style={{ width: `${share(figure.use, allocatable)}%` }}
          />
          {figure.targetPercent !== undefined && (
            <div
              className={classes.target}
              style={{ left: `calc(${figure.targetPercent}% - 1px)` }}
            />
          )}
        </div>
      ) : (
        <div className={classes.unknown} role="img" aria-label={text} />
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        {trendText(figure)}
      </Typography>
    </div>
  );
}
