import fs from 'node:fs';
import path from 'node:path';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { markdownTables, MarkdownTable } from './__testUtils__/markdownTables';
import { generateInventoryDocs } from './generateInventoryDocs';

const fixture = path.resolve(
  __dirname,
  '../../test-fixtures/docs/reference-tables.md',
);
const example = path.resolve(__dirname, '../../../../examples/homelab');

/**
 * Where each reference table's facts stand in the generated docs: the page,
 * the heading of the table there, and which generated column holds each
 * reference column. The first reference column identifies the row.
 * `within` columns may carry more text than the reference (the inventory's
 * network descriptions say more than the reference's "business value").
 */
const PLACES: Record<
  string,
  {
    page: string;
    heading: string;
    columns: Record<string, string>;
    within?: string[];
  }
> = {
  'cluster-architecture.md: Production (Turing Pi 2)': {
    page: 'docs/hardware.md',
    heading: '### Production cluster (Turing Pi 2)',
    columns: { Component: 'Component', Specification: 'Specification' },
  },
  'cluster-architecture.md: Staging (Raspberry Pi)': {
    page: 'docs/hardware.md',
    heading: '### Staging cluster (Raspberry Pi 4B)',
    columns: { Component: 'Component', Specification: 'Specification' },
  },
  'cluster-architecture.md: Storage Classes': {
    page: 'docs/storage.md',
    heading: '## Storage classes of Production cluster',
    columns: {
      Class: 'Class',
      Replicas: 'Replicas',
      'Use Case': 'Use Case',
      Performance: 'Performance',
    },
  },
  'enterprise-architecture-reference.md: Production VLAN Configuration': {
    page: 'docs/network.md',
    heading: '## VLANs',
    columns: {
      VLAN: 'VLAN',
      Name: 'Name',
      Network: 'Network',
      Purpose: 'Purpose',
      'WiFi SSID': 'Wi-Fi SSID',
      'Business Value': 'Description',
    },
    within: ['Business Value'],
  },
  'enterprise-architecture-reference.md: WiFi Network Strategy': {
    page: 'docs/network.md',
    heading: '## Wi-Fi',
    columns: {
      SSID: 'SSID',
      VLAN: 'VLAN',
      Network: 'Network',
      Purpose: 'Purpose',
      'Security Model': 'Access',
    },
  },
};

/** A reference cell as the generated docs write it: no bold, a dash for nothing. */
const normalise = (cell: string) => {
  const text = cell.replace(/\*\*/g, '').trim();
  return text === '-' ? '—' : text;
};

describe('the docs generated from the example homelab', () => {
  const referenceTables = markdownTables(fs.readFileSync(fixture, 'utf8'));

  let generated: Record<string, string>;
  beforeAll(async () => {
    const { inventory } = validateInventoryFiles(
      await readInventoryFromPath(example),
    );
    generated = Object.fromEntries(
      generateInventoryDocs(inventory!).map(f => [f.path, f.content]),
    );
  });

  it('know where every table of the reference documents belongs', () => {
    expect(referenceTables.map(t => t.heading.replace(/^## /, ''))).toEqual(
      Object.keys(PLACES),
    );
    expect(referenceTables.flatMap(t => t.rows)).toHaveLength(24);
  });

  it.each(
    markdownTables(fs.readFileSync(fixture, 'utf8')).flatMap(table =>
      table.rows.map(row => [table.heading.replace(/^## /, ''), row] as const),
    ),
  )('state the fact of %s: %j', (tableName, row) => {
    const place = PLACES[tableName];
    const reference = referenceTables.find(
      t => t.heading === `## ${tableName}`,
    )!;
    const target: MarkdownTable | undefined = markdownTables(
      generated[place.page],
    ).find(t => t.heading === place.heading);
    expect(target).toBeDefined();
    const columnOf = (referenceColumn: string) =>
      target!.headers.indexOf(place.columns[referenceColumn]);
    const key = normalise(row[0]);
    const generatedRow = target!.rows.find(
      r => r[columnOf(reference.headers[0])] === key,
    );
    expect(generatedRow).toBeDefined();
    // Each reference cell, and the generated cell or the part of it that
    // must equal it.
    const pairs = reference.headers.map((header, i) => {
      const expected = normalise(row[i]);
      const actual = generatedRow![columnOf(header)];
      const within =
        place.within?.includes(header) && actual.includes(expected);
      return [expected, within ? expected : actual];
    });
    expect(pairs.map(([, actual]) => actual)).toEqual(
      pairs.map(([expected]) => expected),
    );
  });
});
