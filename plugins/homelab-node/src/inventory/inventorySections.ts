import {
  clusterSchema,
  deviceSchema,
  environmentSchema,
  networkSchema,
  storageSchema,
  wanLinkSchema,
} from '@homelab/plugin-homelab-common';

/** The list sections of an inventory file, with the schema of their items. */
export const sectionSchemas = {
  environments: environmentSchema,
  networks: networkSchema,
  wan: wanLinkSchema,
  devices: deviceSchema,
  clusters: clusterSchema,
  storage: storageSchema,
} as const;

/** The name of a list section. */
export type ListSection = keyof typeof sectionSchemas;

/** The list sections, in the order files present them. */
export const listSections = Object.keys(sectionSchemas) as ListSection[];
