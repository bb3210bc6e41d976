import {
  INVENTORY_API_VERSION,
  INVENTORY_KIND,
} from '@homelab/plugin-homelab-common';
import {
  InventoryInputFile,
  ParseOptions,
  parseInventoryFiles,
} from '../inventory/parseInventory';
import { InventoryProblem, countErrors } from '../inventory/problems';
import { problemAt } from '../inventory/sourceMap';
import {
  InventoryValidation,
  validateInventoryFiles,
} from '../inventory/validateInventory';
import { MappedItem } from './netboxMapping';
import { NetboxDrift, netboxDifferences } from './netboxDrift';
import { NetboxSnapshot } from './netboxObjects';
import { NetboxSource } from './netboxSources';
import { netboxToInventory } from './netboxToInventory';

/**
 * What one NetBox contributes to a refresh: the source and what was read
 * from it (the last good read when this one failed).
 *
 * @public
 */
export interface NetboxContribution {
  /** The source, with its per-section modes. */
  source: NetboxSource;
  /** What was read from it. */
  snapshot: NetboxSnapshot;
}

/**
 * An inventory validated with its NetBox items, and where the two disagree.
 *
 * @public
 */
export interface NetboxInventoryValidation extends InventoryValidation {
  /** Where YAML items of a merge section and NetBox's disagree. */
  drift: NetboxDrift[];
}

const SECTIONS = ['devices', 'networks'] as const;
type Section = (typeof SECTIONS)[number];

type YamlItems = Record<Section, Map<string, object>>;

function sourceUrl(source: NetboxSource): string {
  return 'api' in source ? source.api.url : 'http://netbox.invalid';
}

/**
 * Each NetBox item as a file of its own, named by the object's NetBox page:
 * the validator's problems, and the entities' source links, then point at
 * the object in NetBox.
 */
function itemFile(section: Section, mapped: MappedItem): InventoryInputFile {
  return {
    name: mapped.url,
    // JSON is YAML, and much faster to write than YAML.
    content: JSON.stringify({
      apiVersion: INVENTORY_API_VERSION,
      kind: INVENTORY_KIND,
      [section]: [mapped.item],
    }),
  };
}

/**
 * A problem said of NetBox objects rather than of the files generated for
 * them: no line in a NetBox item, its path within the item, and NetBox pages
 * in the message without a line either.
 */
function ofNetboxObjects(
  problem: InventoryProblem,
  netboxFiles: ReadonlySet<string>,
): InventoryProblem {
  const message = problem.message.replace(/(\S+?):\d+\b/g, (text, file) =>
    netboxFiles.has(file) ? file : text,
  );
  if (!netboxFiles.has(problem.file)) return { ...problem, message };
  const { line: _line, column: _column, ...rest } = problem;
  return {
    ...rest,
    message,
    path: problem.path.replace(/^(devices|networks)\[0\]\.?/, ''),
  };
}

interface Merge {
  files: InventoryInputFile[];
  problems: InventoryProblem[];
  drift: NetboxDrift[];
}

function mergeSection(
  contribution: NetboxContribution,
  section: Section,
  items: MappedItem[],
  yaml: YamlItems,
  merge: Merge,
  origins: InventoryValidation['origins'],
) {
  const { source } = contribution;
  const mode = source.sections[section];
  if (mode === 'netbox') {
    for (const declared of yaml[section].values()) {
      const origin = origins.get(declared);
      if (!origin) continue;
      merge.problems.push(
        problemAt(origin, ['name'], {
          severity: 'error',
          rule: 'netbox-owned-section',
          message: `${section} come only from NetBox "${source.name}" (homelab.inventory.netbox sections.${section}: netbox); declare this one in NetBox, or set the section to merge`,
        }),
      );
    }
  }
  for (const mapped of items) {
    const declared = yaml[section].get(mapped.item.name);
    if (!declared) {
      merge.files.push(itemFile(section, mapped));
    } else if (mode === 'merge') {
      merge.drift.push(
        ...netboxDifferences(
          source.name,
          section,
          declared as Record<string, unknown> & { name: string },
          mapped.item,
        ),
      );
    }
  }
}

/**
 * Validates an inventory's YAML files together with the devices and
 * networks of its NetBox sources, through the same rules: a NetBox item is
 * checked like a YAML one (overlapping prefixes, addresses outside their
 * network, unknown references), and its problems name its NetBox page. Per
 * section, merge keeps the YAML's item where both declare one (differences
 * become drift); netbox makes every YAML item of the section an error.
 *
 * @public
 */
export function validateWithNetbox(
  files: readonly InventoryInputFile[],
  contributions: readonly NetboxContribution[],
  options: ParseOptions = {},
): NetboxInventoryValidation {
  if (contributions.length === 0) {
    return { ...validateInventoryFiles(files, options), drift: [] };
  }
  const declared = parseInventoryFiles(files, options);
  const yaml = Object.fromEntries(
    SECTIONS.map(section => [
      section,
      new Map(
        ((declared.inventory?.[section] ?? []) as Array<{ name: string }>).map(
          item => [item.name, item],
        ),
      ),
    ]),
  ) as YamlItems;
  const merge: Merge = { files: [...files], problems: [], drift: [] };
  const netboxFiles = new Set<string>();
  for (const contribution of contributions) {
    const mapped = netboxToInventory(
      contribution.snapshot,
      sourceUrl(contribution.source),
    );
    merge.problems.push(...mapped.problems);
    for (const section of SECTIONS) {
      for (const item of mapped[section]) netboxFiles.add(item.url);
      mergeSection(
        contribution,
        section,
        mapped[section],
        yaml,
        merge,
        declared.origins,
      );
    }
  }
  const validation = validateInventoryFiles(merge.files, options);
  const problems = [
    ...merge.problems,
    ...validation.problems.map(problem =>
      ofNetboxObjects(problem, netboxFiles),
    ),
  ];
  const errorCount = countErrors(problems);
  return {
    ...validation,
    inventory: errorCount > 0 ? undefined : validation.inventory,
    problems,
    errorCount,
    warningCount: problems.length - errorCount,
    drift: merge.drift,
  };
}
