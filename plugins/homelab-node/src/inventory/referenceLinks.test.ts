import fs from 'node:fs';
import path from 'node:path';
import { inventoryReferenceMarkdown } from '../docs/inventoryReference';
import { loadInvalidCorpus } from '../testing/corpus';
import { InventoryProblem, formatProblem } from './problems';
import { REFERENCE_ANCHORS, referenceLink } from './referenceLinks';
import { validateInventoryFiles } from './validateInventory';

/** A heading's anchor as MkDocs makes it (Python-Markdown's toc slugify). */
const mkdocsAnchor = (heading: string) =>
  heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');

/** A heading's anchor as GitHub makes it: lower case, punctuation out, each space a hyphen. */
const githubAnchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');

/** The headings of the reference page as rendered: inline code shows its text. */
const headings = inventoryReferenceMarkdown()
  .split('\n')
  .filter(line => /^#{1,6} /.test(line))
  .map(line => line.replace(/^#+ /, '').replace(/`/g, ''));

const anchors = new Set(headings.map(mkdocsAnchor));

const anchorOf = (link: string) => {
  const [page, anchor] = link.split('#');
  expect(page).toBe('inventory-reference.md');
  return anchor;
};

const corpusDir = path.resolve(__dirname, '../../test-corpus');

/**
 * Every problem the corpora make the validator report. Validated inside the
 * test that reads them, not as the file loads, so that mutation testing
 * can tell which test runs which rule.
 */
const corpusProblems = (): InventoryProblem[] => [
  ...loadInvalidCorpus().flatMap(
    corpusCase => validateInventoryFiles(corpusCase.files).problems,
  ),
  ...fs.readdirSync(path.join(corpusDir, 'warnings')).flatMap(
    name =>
      validateInventoryFiles([
        {
          name,
          content: fs.readFileSync(path.join(corpusDir, 'warnings', name)),
        },
      ]).problems,
  ),
];

describe('links from problems to the inventory reference', () => {
  it('point at headings whose anchor MkDocs and GitHub make alike', () => {
    expect(headings.map(githubAnchor)).toEqual(headings.map(mkdocsAnchor));
  });

  it('can only name anchors the reference page has', () => {
    expect(REFERENCE_ANCHORS.filter(anchor => !anchors.has(anchor))).toEqual(
      [],
    );
  });

  it('are on every problem of the bad-input and warning corpora, each to an anchor the page has', () => {
    const problems = corpusProblems();
    expect(problems.length).toBeGreaterThan(150);
    const broken = problems.filter(
      problem =>
        !problem.reference || !anchors.has(anchorOf(problem.reference)),
    );
    expect(broken.map(formatProblem)).toEqual([]);
    // Each kind of link the validator makes is exercised by the corpora.
    expect(
      new Set(problems.map(problem => anchorOf(problem.reference!))),
    ).toEqual(new Set(REFERENCE_ANCHORS));
  });

  it('lead to the section of the field, to "Names" for name clashes, and to the top for a whole file', () => {
    expect(
      [
        { rule: 'address-in-dhcp-range', path: 'devices[2].interfaces[0]' },
        { rule: 'schema', path: 'recoveryObjectives[0].rpo' },
        {
          rule: 'pool-overlaps-dhcp',
          path: 'clusters[0].loadBalancerPools[0]',
        },
        { rule: 'entity-name-collision', path: 'networks[1].name' },
        { rule: 'site-missing', path: '' },
        { rule: 'yaml-syntax', path: '' },
        { rule: 'schema', path: 'netwroks' },
      ].map(referenceLink),
    ).toEqual([
      'inventory-reference.md#devices',
      'inventory-reference.md#recoveryobjectives',
      'inventory-reference.md#clusters',
      'inventory-reference.md#names',
      'inventory-reference.md#site',
      'inventory-reference.md#inventory-reference',
      'inventory-reference.md#inventory-reference',
    ]);
  });

  it('end every formatted problem line', () => {
    const [problem] = validateInventoryFiles([
      {
        name: 'lab.yaml',
        content:
          'apiVersion: homelab.dev/v1alpha2\nkind: Inventory\nsite: { name: lab, owner: group:admins }\nnetworks:\n  - { name: lan, cidr: 10.0.0.0/24, gateway: 10.0.0.0 }\n',
      },
    ]).problems;
    expect(formatProblem(problem)).toMatch(
      /^lab\.yaml:5:\d+: error: networks\[0\]\.gateway: .* \[[a-z-]+\] \(see inventory-reference\.md#networks\)$/,
    );
  });
});
