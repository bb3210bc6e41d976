import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 28,
    height: 28,
    flexShrink: 0,
  },
  rack: {
    fill: 'none',
    stroke: '#7df3e1',
    strokeWidth: 2.5,
  },
  light: {
    fill: '#7df3e1',
  },
});

/** A three-unit server rack, the portal's mark. */
export const LogoIcon = () => {
  const classes = useStyles();

  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      role="img"
      aria-label="Homelab Platform"
    >
      {[3, 12, 21].map(y => (
        <g key={y}>
          <rect
            className={classes.rack}
            x={3}
            y={y}
            width={26}
            height={8}
            rx={1.5}
          />
          <circle className={classes.light} cx={8} cy={y + 4} r={1.6} />
          <circle className={classes.light} cx={13} cy={y + 4} r={1.6} />
        </g>
      ))}
    </svg>
  );
};
