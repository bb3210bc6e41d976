import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

/**
 * How the `yaml` library reads inventory files: every key unique, and
 * `<<: *anchor` merge keys, common in homelab YAML for repeated hardware.
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  merge: true,
};
