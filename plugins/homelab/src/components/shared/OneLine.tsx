import Tooltip from '@material-ui/core/Tooltip';
import { ReactNode } from 'react';

/**
 * Content kept to one line of at most maxWidth, cut with an ellipsis, with
 * the whole text in a tooltip (on hover, and on focus of a link inside):
 * for ids and names in dense tables, where wrapping made rows 4-6 lines tall.
 */
export function OneLine(props: {
  text: string;
  maxWidth: number | string;
  children?: ReactNode;
}) {
  return (
    <Tooltip title={props.text}>
      <span
        style={{
          display: 'inline-block',
          maxWidth: props.maxWidth,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          verticalAlign: 'bottom',
        }}
      >
        {props.children ?? props.text}
      </span>
    </Tooltip>
  );
}
