import { Origin } from '../kustomize/Origin';
import { Resource } from '../kustomize/Resource';

/**
 * A postBuild variable: its value and where it is set, or no value when it
 * comes from somewhere the repository does not hold (a Secret).
 *
 * @public
 */
export interface SubstitutionVariable {
  value?: string;
  origin?: Origin;
}

/**
 * A string value that held variables before substitution, as written.
 *
 * @public
 */
export interface SubstitutedValue {
  template: string;
  variables: Record<string, SubstitutionVariable>;
}

const TOKEN = /\$\$\{|\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([^}]*))?\}/g;

/**
 * Flux's postBuild substitution (fluxcd/pkg envsubst) on the string values of
 * an object: `${VAR}`, `${VAR:=default}`, `${VAR:-default}`, and `$${VAR}`
 * for a literal. A variable Flux would read from a Secret or ConfigMap that
 * the repository does not hold stays as written, so nothing unknown is taken
 * for empty. Values that were whole variables (`${VERSION}`) are traced to
 * where the variable is set; every substituted value is recorded.
 */
export function substituteVariables(
  resource: Resource,
  variables: ReadonlyMap<string, SubstitutionVariable>,
  unknownSources: boolean,
  templates: Map<string, SubstitutedValue>,
): void {
  const labels = resource.object.metadata?.labels ?? {};
  const annotations = resource.object.metadata?.annotations ?? {};
  const disabled = 'kustomize.toolkit.fluxcd.io/substitute';
  if (labels[disabled] === 'disabled' || annotations[disabled] === 'disabled') {
    return;
  }
  const walk = (value: any, path: Array<string | number>) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const next = walk(item, [...path, i]);
        if (next !== undefined) value[i] = next;
      });
      return undefined;
    }
    if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const next = walk(item, [...path, key]);
        if (next !== undefined) value[key] = next;
      }
      return undefined;
    }
    if (typeof value !== 'string' || !value.includes('${')) return undefined;
    const used: Record<string, SubstitutionVariable> = {};
    let unresolved = false;
    const result = value.replace(TOKEN, (match, name, operator, fallback) => {
      if (match === '$${') return '${';
      const variable = variables.get(name);
      used[name] = variable ?? {};
      if (
        variable?.value !== undefined &&
        !(operator?.startsWith(':') && variable.value === '')
      ) {
        return variable.value;
      }
      if (!variable && unknownSources) {
        unresolved = true;
        return match;
      }
      if (variable && variable.value === undefined) {
        unresolved = true;
        return match;
      }
      return fallback ?? '';
    });
    if (!Object.keys(used).length) return result === value ? undefined : result;
    templates.set(JSON.stringify(path), { template: value, variables: used });
    const whole = value.match(/^\$\{([_a-zA-Z][_a-zA-Z0-9]*)\}$/);
    if (whole && !unresolved && used[whole[1]].origin) {
      resource.provenance.set(path, result, used[whole[1]].origin!);
    }
    return result;
  };
  walk(resource.object, []);
}
