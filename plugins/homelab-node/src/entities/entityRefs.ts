import { stringifyEntityRef } from '@backstage/catalog-model';

/** The full ref of a Resource named after an inventory item, as relations take it. */
export const resourceRef = (name: string) =>
  stringifyEntityRef({ kind: 'resource', name });

/** The full ref of a System named after an environment. */
export const systemRef = (name: string) =>
  stringifyEntityRef({ kind: 'system', name });
