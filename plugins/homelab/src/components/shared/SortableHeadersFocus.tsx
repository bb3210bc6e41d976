import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => {
  const outline = {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: 2,
    borderRadius: 2,
  };
  return {
    // A sortable header is a TableSortLabel (a ButtonBase without outline):
    // focused from the keyboard it only changes colour, which the theme's
    // header colour hides. The outline shows where the keyboard is. Two
    // rules, so that a browser without :focus-visible keeps MUI's class.
    root: {
      '& .MuiTableSortLabel-root.Mui-focusVisible': outline,
      '& .MuiTableSortLabel-root:focus-visible': outline,
    },
  };
});

/**
 * Table options for our Backstage Tables: no column reordering. For it
 * material-table puts a drag handle (a focusable role="button") in each
 * header, inside the sort button where the column sorts: a button in a
 * button (axe: nested-interactive), and two Tab stops per header.
 */
export const FIXED_COLUMN_ORDER = { draggable: false } as const;

/** Wraps a sortable table so that its headers show keyboard focus. */
export function SortableHeadersFocus(props: { children: ReactNode }) {
  const classes = useStyles();
  return <div className={classes.root}>{props.children}</div>;
}
