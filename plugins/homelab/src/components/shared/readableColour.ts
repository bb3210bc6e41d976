import {
  darken,
  getContrastRatio,
  lighten,
  Theme,
} from '@material-ui/core/styles';

/** WCAG 2 AA for text under 18pt, which chips, scores and table text are. */
export const READABLE_CONTRAST = 4.5;

/**
 * What {@link readableText} aims for: a little above the bar, as MUI rounds
 * luminances to three decimals and browsers' checkers (axe) do not; a colour
 * MUI puts at 4.50:1 measured 4.48:1 in Chromium.
 */
const TEXT_TARGET = READABLE_CONTRAST + 0.1;

const WHITE = '#fff';
const BLACK = '#000';

/**
 * A status colour (the palette's warning orange, success green...) as text
 * that can be read on the theme's pages and cards: the same hue, darkened on
 * a light theme and lightened on a dark one until it reaches
 * {@link READABLE_CONTRAST} on both backgrounds. The palette's main colours
 * are meant for fills and reach 2-3.7:1 as text (#ff9800 on white: 2.15).
 */
export function readableText(theme: Theme, colour: string): string {
  const { paper, default: page } = theme.palette.background;
  const shift = theme.palette.type === 'dark' ? lighten : darken;
  // In steps of 5%, so that the hue stays as close to the palette's as it can.
  for (let step = 0; step < 20; step++) {
    const candidate = shift(colour, step / 20);
    if (
      getContrastRatio(candidate, paper) >= TEXT_TARGET &&
      getContrastRatio(candidate, page) >= TEXT_TARGET
    )
      return candidate;
  }
  return theme.palette.text.primary;
}

/**
 * The text colour for a chip filled with a status colour: white where it
 * reaches {@link READABLE_CONTRAST} (with the margin of {@link TEXT_TARGET}),
 * black otherwise, which then always does (a fill under 4.6:1 with white has
 * a luminance above 0.178, so over 4.56:1 with black).
 */
export function readableFill(colour: string): {
  backgroundColor: string;
  color: string;
} {
  const color = getContrastRatio(colour, WHITE) >= TEXT_TARGET ? WHITE : BLACK;
  return { backgroundColor: colour, color };
}
