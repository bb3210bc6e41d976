import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import { LABEL_MAX_WIDTH } from './topologyStyle';

/** Between namespace columns: the widest label and a gap; between rows: a shape, its label and a gap. */
const COLUMN = LABEL_MAX_WIDTH + 10;
const ROW = 58;
/** Between the estate above and the clusters' band, and between blocks of the band. */
const GAP = 40;
/** A cluster's namespaces fill this many rows before a new column would be too narrow a block. */
const ROWS = 3;

/**
 * The clusters and their namespaces of a graph whose workloads are folded:
 * what layOutNamespaceColumns places in columns. None once workloads are
 * drawn, as then each namespace leads to its own column of workloads.
 */
export function namespaceBand(instance: Core): NodeCollection | undefined {
  if (instance.nodes('[kind = "workload"]').nonempty()) return undefined;
  const namespaces = instance.nodes('[kind = "namespace"]');
  if (namespaces.empty()) return undefined;
  return namespaces.union(namespaces.incomers('node[kind = "cluster"]'));
}

/**
 * Places each cluster and its namespaces in a block under the rest of the
 * estate (already laid out): the cluster on the left, its namespaces in
 * columns of a few rows to its right, blocks side by side while they fit the
 * estate's width. A cluster's dozen or more namespaces made one column as
 * tall as the rest of the estate twice over, which the first view could show
 * readably only in part. The cluster's edges to its namespaces are marked
 * in-block (the stylesheet hides them).
 */
export function layOutNamespaceColumns(instance: Core, band: NodeCollection) {
  const rest = instance.elements().not(band).not(band.connectedEdges());
  const box = rest.nonempty()
    ? rest.boundingBox({})
    : { x1: 0, x2: COLUMN * 6, y2: -GAP };
  const width = Math.max(box.x2 - box.x1, COLUMN * 3);
  const left = box.x1 + COLUMN / 2;
  let x = left;
  let top = box.y2 + GAP + ROW / 2;
  let rowHeight = 0;
  const clusters = band
    .filter('[kind = "cluster"]')
    .sort((a, b) => String(a.data('label')).localeCompare(b.data('label')));
  clusters.forEach(cluster => {
    const namespaces = cluster
      .outgoers('node[kind = "namespace"]')
      .sort((a, b) => String(a.data('label')).localeCompare(b.data('label')));
    const fit = Math.max(1, Math.floor((width - COLUMN) / COLUMN));
    const columns = Math.max(
      1,
      Math.min(fit, Math.ceil(namespaces.length / ROWS)),
    );
    const rows = Math.max(1, Math.ceil(namespaces.length / columns));
    const blockWidth = COLUMN * (columns + 1);
    if (x > left && x - left + blockWidth > width) {
      x = left;
      top += rowHeight + GAP;
      rowHeight = 0;
    }
    cluster.position({ x, y: top + ((rows - 1) * ROW) / 2 });
    namespaces.forEach((namespace, i) => {
      namespace.position({
        x: x + COLUMN * (1 + Math.floor(i / rows)),
        y: top + (i % rows) * ROW,
      });
    });
    // The block says which cluster a namespace is in; drawn, the edges to
    // its far columns ran over the namespaces between.
    cluster.edgesTo(namespaces).addClass('in-block');
    x += blockWidth + GAP;
    rowHeight = Math.max(rowHeight, rows * ROW);
  });
  // Namespaces of no cluster in the graph (a filter left it out): a row below.
  const orphans = band
    .filter('[kind = "namespace"]')
    .filter((namespace: NodeSingular) =>
      namespace.incomers('node[kind = "cluster"]').empty(),
    );
  orphans.forEach((namespace, i) => {
    namespace.position({
      x: left + COLUMN * (i % Math.max(1, Math.floor(width / COLUMN))),
      y:
        top +
        rowHeight +
        GAP +
        ROW * Math.floor(i / Math.max(1, Math.floor(width / COLUMN))),
    });
  });
}
