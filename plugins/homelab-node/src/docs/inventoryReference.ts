import {
  INVENTORY_API_VERSION,
  LEGACY_INVENTORY_API_VERSION,
  UNKNOWN,
  inventoryJsonSchema,
} from '@homelab/plugin-homelab-common';
import { table } from './markdown';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const FORMATS: Record<string, string> = {
  ipv4: 'IP address',
  ipv6: 'IP address',
  cidrv4: 'CIDR block',
  cidrv6: 'CIDR block',
  uri: 'URL',
};

/** The sections in reading order, each with what it holds when the schema does not say. */
const SECTIONS: Array<[string, string]> = [
  ['site', 'The homelab site.'],
  ['environments', 'Environments, like staging and production.'],
  ['networks', 'Networks and VLANs, with their address plan and Wi-Fi.'],
  ['wan', 'Internet uplinks.'],
  ['devices', 'Hardware and virtual machines.'],
  [
    'clusters',
    'Kubernetes clusters with their nodes, pools and platform services.',
  ],
  [
    'storage',
    'Pools, volume groups, directories, shares, object stores, databases and storage classes.',
  ],
  ['backups', 'Backup, snapshot and replication jobs.'],
  ['recoveryObjectives', 'RPO and RTO targets.'],
  ['externalServices', 'Services outside the homelab it relies on.'],
];

/** A field's type in words: "integer 1–4094", "one of `l2`, `bgp`", "list of IP address". */
function typeText(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.enum)
    return `one of ${schema.enum.map(v => `\`${v}\``).join(', ')}`;
  if (schema.anyOf) {
    return [...new Set(schema.anyOf.map(typeText))].join(' or ');
  }
  if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format];
  if (schema.properties?.min && schema.properties?.max)
    return 'range `{ min, max }`';
  const type = Array.isArray(schema.type)
    ? schema.type.join(' or ')
    : schema.type;
  if (type === 'array') {
    const item =
      schema.items?.type === 'object'
        ? 'objects'
        : typeText(schema.items ?? {});
    return `list of ${item}${
      schema.minItems ? ` (at least ${schema.minItems})` : ''
    }`;
  }
  if (type === 'integer' || type === 'number') {
    // zod's int() bounds every integer by MAX_SAFE_INTEGER: no real limit.
    const max =
      schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER
        ? schema.maximum
        : undefined;
    if (schema.minimum !== undefined && max !== undefined)
      return `${type} ${schema.minimum}–${max}`;
    if (schema.minimum !== undefined) return `${type} ≥ ${schema.minimum}`;
    if (schema.exclusiveMinimum !== undefined)
      return `${type} > ${schema.exclusiveMinimum}`;
    if (max !== undefined) return `${type} ≤ ${max}`;
    return type;
  }
  return type ?? 'any';
}

/** Rows for the fields of an object schema, nested objects and lists of objects flattened with dotted paths. */
function fieldRows(schema: JsonSchema, prefix: string): string[][] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const row = [
      `\`${path}\``,
      typeText(field),
      required.has(name) ? 'yes' : '',
      [
        field.description,
        field.default !== undefined
          ? `Default: \`${JSON.stringify(field.default)}\`.`
          : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    ];
    if (field.type === 'object') return [row, ...fieldRows(field, `${path}.`)];
    if (field.type === 'array' && field.items?.type === 'object')
      return [row, ...fieldRows(field.items, `${path}[].`)];
    return [row];
  });
}

/**
 * The inventory format's reference, as Markdown: every section and field
 * with its type, whether it is required, and its description, all taken
 * from the JSON Schema that validation uses, so it cannot fall behind.
 *
 * @public
 */
export function inventoryReferenceMarkdown(): string {
  const schema = inventoryJsonSchema() as JsonSchema;
  const blocks = [
    '<!-- Generated from the inventory schema by `homelab-inventory reference`. Edit the schema in @homelab/plugin-homelab-common, not this page. -->',
    '# Inventory reference',
    `An inventory is one YAML file or a folder of them. Every file starts with \`apiVersion: ${INVENTORY_API_VERSION}\` and \`kind: Inventory\` and holds any of the sections below; the sections of all files are merged. ${
      schema.description ?? ''
    }`.trim(),
    `Files of the previous version, \`${LEGACY_INVENTORY_API_VERSION}\`, are still read: each is converted as it is read (a virtual machine's \`cpu.cores\` become its \`vcpus\`; a cluster whose platform services name Flux or Argo CD gets \`gitops.tool\`), and a network without \`internet\` is no longer taken to have full access. \`homelab-inventory migrate <path>\` shows these changes and writes them into the files.`,
    '## Names',
    'Names are lower-case letters, digits and `-`, `_` or `.` (at most 63 characters), unique within their section; nodes, address pools and platform services are unique within their cluster. Every item also becomes a catalog entity named after it, and the catalog needs each name once per kind: networks, uplinks, devices, clusters, storage, backup jobs, external services and address pools all become Resources (a node becomes the Resource `<cluster>-<node>`), so a cluster and a network cannot share a name; platform services become the Components `<cluster>-<service>`; environments become Systems, as do the shared areas `<site>-network`, `<site>-storage` and `<site>-compute`. References name another item of the inventory.',
    '## Facts not known, and lifecycle',
    `Where people often do not know a fact the format otherwise requires (a disk's \`type\`, a device's \`kind\`, a network's \`cidr\`, an uplink's \`type\`, a cluster's \`distribution\`, the GitOps \`tool\`), write \`${UNKNOWN}\`: the generated docs then say "not stated", and the rules that need the fact skip it, as each field's description says. Leave optional facts out rather than guessing: the docs never fill in a default. Devices, networks, uplinks, storage, pools, platform services, backup jobs and external services take a lifecycle \`status\`: \`active\` (the default), \`planned\`, \`optional\` (added if needed) or \`retired\`; devices also \`spare\`. Totals and capacity checks count active items (over-commit checks count planned VMs too); the docs show the status of the rest. Where a plan gives a range rather than one number (\`memoryGB\`, \`vcpus\`, a disk's \`sizeGB\`, \`usableTB\`), write \`{ min: 8, max: 16 }\`.`,
  ];
  for (const [section, summary] of SECTIONS) {
    const field = schema.properties?.[section];
    if (!field) continue;
    const item = field.type === 'array' ? field.items! : field;
    blocks.push(
      `## \`${section}\``,
      field.description ?? item.description ?? summary,
      // A blank, not a dash, where a field is optional or undocumented.
      table(
        ['Field', 'Type', 'Required', 'Description'],
        fieldRows(item, ''),
        '',
      ),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}
