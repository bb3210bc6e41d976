import { stringify } from 'yaml';

/**
 * One item of a starter inventory's list section as YAML, indented under
 * its section, after a comment saying where it came from.
 */
export function commentedItem(value: object, comment?: string): string {
  const lines = stringify([value], { flowCollectionPadding: false })
    .trimEnd()
    .split('\n')
    .map(line => `  ${line}`);
  return [...(comment ? [`  # ${comment}`] : []), ...lines].join('\n');
}
