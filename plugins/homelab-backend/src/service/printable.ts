/** Characters of user input that are kept in a message; the rest is cut. */
export const PRINTABLE_LENGTH = 100;

/**
 * Characters that break or disguise a line of a log: control characters
 * (newlines forge log lines, escape sequences recolour terminals), line and
 * paragraph separators, and bidirectional overrides.
 */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * User input as it may appear in an error message or an audit entry:
 * without characters that could forge or disguise log lines, and cut to
 * PRINTABLE_LENGTH characters (or `length`, for text meant to be read whole,
 * like a notification's), so that a message never echoes a whole input.
 */
export function printable(input: string, length = PRINTABLE_LENGTH): string {
  const characters = Array.from(input.replace(UNPRINTABLE, ''));
  return characters.length > length
    ? `${characters.slice(0, length).join('')}…`
    : characters.join('');
}
