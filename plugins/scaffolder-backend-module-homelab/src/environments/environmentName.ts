import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { DNS_LABEL } from '../names/dnsLabel';

/**
 * An environment's inventory name, from that name or from its System entity
 * reference ("system:default/staging"), which is what a template's catalog
 * picker yields.
 */
export function environmentName(value: string): string {
  let name = value;
  if (value.includes(':') || value.includes('/')) {
    const ref = parseEntityRef(value, { defaultKind: 'system' });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'system') {
      throw new InputError(
        `${value} is not an environment: environments are System entities`,
      );
    }
    name = ref.name;
  }
  if (!DNS_LABEL.test(name)) {
    throw new InputError(
      `"${value}" is not an environment name (lowercase letters, digits and dashes)`,
    );
  }
  return name;
}
