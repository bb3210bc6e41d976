import { useTheme } from '@material-ui/core/styles';
import { Fragment } from 'react';
import { readableText } from './readableColour';

/** What a line of a unified diff is, by its first characters. */
function lineKind(line: string): 'meta' | 'added' | 'removed' | 'context' {
  if (/^(---|\+\+\+|@@|diff |index )/.test(line)) return 'meta';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  return 'context';
}

/**
 * A unified diff as text, its added lines green and removed ones red in
 * shades that read 4.5:1 on the theme's card in both themes, each still
 * marked by its + or -. A syntax highlighter's diff theme drew the file
 * names and removed lines in greys of 2-3:1 (axe: color-contrast).
 */
export function UnifiedDiff(props: { text: string }) {
  const theme = useTheme();
  // File names and hunk headers in bold: the secondary text colour is
  // under 4.5:1 on some page backgrounds (54% black on #f5f5f5).
  const styles = {
    meta: { color: theme.palette.text.primary, fontWeight: 'bold' as const },
    added: { color: readableText(theme, theme.palette.success.main) },
    removed: { color: readableText(theme, theme.palette.error.main) },
    context: { color: theme.palette.text.primary },
  };
  return (
    <pre
      style={{
        margin: 0,
        padding: theme.spacing(1.5),
        overflowX: 'auto',
        fontSize: '0.8125rem',
        background: theme.palette.background.default,
        borderRadius: theme.shape.borderRadius,
      }}
    >
      {props.text.split('\n').map((line, i) => (
        // Spans and newlines, so the diff copies and reads as text.
        <Fragment key={i}>
          <span style={styles[lineKind(line)]}>{line}</span>
          {'\n'}
        </Fragment>
      ))}
    </pre>
  );
}
