import {
  InventoryListSection,
  inventoryListSections,
  inventorySectionSchemas,
} from '@homelab/plugin-homelab-common';

/** The list sections of an inventory file, with the schema of their items. */
export const sectionSchemas = inventorySectionSchemas;

/** The name of a list section. */
export type ListSection = InventoryListSection;

/** The list sections, in the order files present them. */
export const listSections: readonly ListSection[] = inventoryListSections;
