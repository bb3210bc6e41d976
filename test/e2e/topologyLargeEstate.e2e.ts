import type {
  TopologyGraph,
  TopologyNode,
} from '../../plugins/homelab-common/src';
import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * Past 300 nodes the topology page takes another path: its own layered
 * layout, a first frame of what the first view shows, and the rest of the
 * graph added to the canvas a slice at a time after it. The example homelab
 * is smaller, so here the page is given the backend's own topology of it
 * copied side by side until it is larger: the real answer's shape, at a size
 * that takes that path.
 */

/** More than this many nodes and the page lays the graph out itself (TopologyGraphView's LARGE_GRAPH). */
const LARGE_GRAPH = 300;

/** The graph with each node and edge once per copy, each copy's ids and labels marked with its number. */
function copied(graph: TopologyGraph, copies: number): TopologyGraph {
  const id = (copy: number, of: string) => `copy-${copy}/${of}`;
  const nodes: TopologyNode[] = [];
  const edges: TopologyGraph['edges'] = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const node of graph.nodes)
      nodes.push({
        ...node,
        id: id(copy, node.id),
        label: `${node.label} · copy ${copy}`,
      });
    for (const edge of graph.edges)
      edges.push({
        ...edge,
        source: id(copy, edge.source),
        target: id(copy, edge.target),
      });
  }
  return { ...graph, nodes, edges };
}

test('the topology of an estate past 300 nodes is drawn first as its first view, then whole; a node of its last copy, out of the first view, is found, centred and clicked on the canvas', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  let copies = 0;
  let nodes = 0;
  let withBoards = false;
  await page.route('**/api/homelab/topology*', async route => {
    const response = await route.fetch();
    const graph = (await response.json()) as TopologyGraph;
    withBoards = graph.nodes.some(node => node.label === 'Raspberry Pi 4B');
    copies = Math.floor(LARGE_GRAPH / graph.nodes.length) + 2;
    const large = copied(graph, copies);
    nodes = large.nodes.length;
    await route.fulfill({ response, json: large });
  });
  const topology = page.getByTestId('topology');
  // Run first after the portal starts, the backend's graph is built before
  // the catalog holds the inventory's devices (39 nodes, no board): the
  // page is opened again until the graph it draws is the one with them.
  await expect(async () => {
    await page.goto('/homelab/topology');
    await expect(topology).toHaveAttribute('data-drawn-ms', /^\d+$/, {
      timeout: 20_000,
    });
    expect(withBoards).toBe(true);
    expect(Number(await topology.getAttribute('data-drawn-nodes'))).toBe(nodes);
  }).toPass({ timeout: 120_000 });
  expect(nodes).toBeGreaterThan(LARGE_GRAPH);
  // Only the large path adds the rest after the first frame and says so.
  await expect(topology).toHaveAttribute('data-complete-ms', /^\d+$/);
  await expect(
    page.getByRole('img', { name: `Homelab topology: ${nodes} nodes` }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('topology-large.png') });

  // The last copy's board, below the first view (the first copies' boards
  // fill it).
  const board = `Raspberry Pi 4B · copy ${copies}`;
  await page.getByLabel('Find a node').fill(board);
  await page.getByRole('option', { name: board }).click();
  const details = page.getByTestId('topology-node-details');
  await expect(details.getByText(board)).toBeVisible();
  // Selected, it is centred on the canvas: with the search cleared the
  // panel closes, and a click on the canvas's centre selects it again. (Not
  // a click on the background, as on the example homelab: here a corner of
  // the canvas may well hold a node.)
  const canvas = page.getByTestId('topology-graph');
  const box = (await canvas.boundingBox())!;
  await page.waitForTimeout(400);
  await page.getByLabel('Find a node').focus();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(details).toBeHidden();
  await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(details.getByText(board)).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('topology-large-node.png'),
  });
});
