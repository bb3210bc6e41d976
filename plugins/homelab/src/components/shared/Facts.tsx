import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** Labelled facts, one per line; a fact without a value is left out. */
export function Facts(props: { rows: Array<[string, ReactNode | undefined]> }) {
  return (
    <dl style={{ margin: 0 }}>
      {props.rows
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([label, value]) => (
          <div
            key={label}
            style={{ display: 'flex', gap: 12, marginBottom: 4 }}
          >
            <dt style={{ minWidth: 140 }}>
              <Typography variant="body2" color="textSecondary">
                {label}
              </Typography>
            </dt>
            <dd style={{ margin: 0 }}>
              <Typography variant="body2" component="div">
                {value}
              </Typography>
            </dd>
          </div>
        ))}
    </dl>
  );
}
