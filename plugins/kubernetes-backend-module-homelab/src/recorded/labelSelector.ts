/**
 * Whether an object's labels match a Kubernetes label selector, as the API
 * server reads the `labelSelector` query parameter: requirements joined by
 * commas, each `key`, `!key`, `key=value`, `key==value`, `key!=value`,
 * `key in (a,b)` or `key notin (a,b)`.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

type Requirement = (labels: Record<string, string>) => boolean;

/** Splits at the commas between requirements, not those inside `( )`. */
function requirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(part => part.trim()).filter(Boolean);
}

function requirement(text: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(text);
  if (set) {
    const [, key, operator, list] = set;
    const values = new Set(list.split(',').map(value => value.trim()));
    return operator === 'in'
      ? labels => key in labels && values.has(labels[key])
      : labels => !(key in labels) || !values.has(labels[key]);
  }
  const equality = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
  if (equality) {
    const [, key, operator, value] = equality;
    return operator === '!='
      ? labels => labels[key] !== value
      : labels => labels[key] === value;
  }
  const exists = /^(!?)([^=!\s(),]+)$/.exec(text);
  if (exists) {
    const [, not, key] = exists;
    return not ? labels => !(key in labels) : labels => key in labels;
  }
  throw new Error(`unable to parse requirement: "${text}"`);
}

/**
 * The matcher of a selector; throws with the requirement it cannot read, as
 * the API server answers 400 for it.
 */
export function parseLabelSelector(selector: string | null): LabelMatcher {
  const parsed = requirements(selector ?? '').map(requirement);
  return labels => parsed.every(matches => matches(labels ?? {}));
}
