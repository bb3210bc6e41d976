import { z } from 'zod';
import { PathSegment } from './problems';
import { closestMatch } from './suggestions';

/**
 * Turns zod's issues into plain-English problems: "is required" rather than
 * "expected string, received undefined", allowed values listed, and a "did
 * you mean" for misspelt fields and values. Messages the schema wrote itself
 * are kept as they are.
 */

interface ExplainedIssue {
  path: PathSegment[];
  message: string;
  /** The problem is the key itself (an unknown field), not its value. */
  atKey: boolean;
}

/** How sizes of each kind of value are counted, for "must be at least 3 items". */
const UNITS: Record<string, string> = {
  array: ' items',
  string: ' characters',
};

const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized key)/;

type AnySchema = z.core.$ZodType;

/** The schema that applies at a path inside `schema`, where it can be known. */
function schemaAt(
  schema: AnySchema,
  path: readonly PathSegment[],
): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (!current) return undefined;
    const def = (current as any)._zod.def;
    if (def.type === 'object' && typeof segment === 'string') {
      current = def.shape[segment];
    } else if (def.type === 'array' && typeof segment === 'number') {
      current = def.element;
    } else {
      return undefined;
    }
  }
  return unwrap(current);
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  while (current) {
    const def = (current as any)._zod.def;
    if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'nullable'
    ) {
      current = def.innerType;
    } else {
      return current;
    }
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the text "${
      value.length > 40 ? `${value.slice(0, 40)}...` : value
    }"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(
    value,
  )}`;
}

const article = (word: string) =>
  /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;

function explainOne(
  issue: z.core.$ZodIssue,
  schema: AnySchema,
): ExplainedIssue[] {
  const path = issue.path as PathSegment[];
  const last = path[path.length - 1];

  // A missing field, whatever the schema of its value: enum, union or plain type.
  if (
    issue.code !== 'unrecognized_keys' &&
    'input' in issue &&
    issue.input === undefined &&
    path.length > 0
  ) {
    const target = schemaAt(schema, path);
    const options =
      target && (target as any)._zod.def.type === 'enum'
        ? `: one of ${Object.values((target as any)._zod.def.entries)
            .map(v => `"${String(v)}"`)
            .join(', ')}`
        : '';
    return [
      {
        path: path.slice(0, -1),
        atKey: false,
        message: `"${String(last)}" is required${options}`,
      },
    ];
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const target = schemaAt(schema, path);
      const known = target
        ? Object.keys((target as any)._zod.def.shape ?? {})
        : [];
      return issue.keys.map(key => {
        const suggestion = closestMatch(key, known);
        return {
          path: [...path, key],
          atKey: true,
          message: `unknown field "${key}"${
            suggestion ? `; did you mean "${suggestion}"?` : ''
          }${known.length ? ` Known fields: ${known.join(', ')}.` : ''}`,
        };
      });
    }
    case 'invalid_type': {
      return [
        {
          path,
          atKey: false,
          message: `must be ${article(issue.expected)}, but is ${describeValue(
            issue.input,
          )}`,
        },
      ];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(value => String(value));
      const input = typeof issue.input === 'string' ? issue.input : undefined;
      const suggestion = input ? closestMatch(input, allowed) : undefined;
      const message =
        DEFAULT_MESSAGE.test(issue.message) || !issue.message
          ? `must be one of ${allowed.map(value => `"${value}"`).join(', ')}${
              issue.input !== undefined
                ? `, but is ${describeValue(issue.input)}`
                : ''
            }`
          : issue.message;
      return [
        {
          path,
          atKey: false,
          message: suggestion
            ? `${message}; did you mean "${suggestion}"?`
            : message,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      if (!DEFAULT_MESSAGE.test(issue.message)) {
        return [{ path, atKey: false, message: issue.message }];
      }
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const comparison = issue.code === 'too_small' ? 'at least' : 'at most';
      const unit = UNITS[issue.origin] ?? '';
      return [
        {
          path,
          atKey: false,
          message: `must be ${comparison} ${String(bound)}${unit}`,
        },
      ];
    }
    default:
      return [
        {
          path,
          atKey: false,
          message: DEFAULT_MESSAGE.test(issue.message)
            ? `is not valid: ${issue.message.replace(/^Invalid input: /, '')}`
            : issue.message,
        },
      ];
  }
}

export function explainZodError(
  error: z.ZodError,
  schema: AnySchema,
): ExplainedIssue[] {
  return error.issues.flatMap(issue => explainOne(issue, schema));
}
