import { TopologyEdge, TopologyNode } from '@homelab/plugin-homelab-common';
import { Theme, useTheme } from '@material-ui/core/styles';
import cytoscape, { Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef, useState } from 'react';
import { canvasLabel } from './filterTopology';
import { GraphPart, splitFirstView } from './firstView';
import {
  GraphViewport,
  placedBox,
  READABLE_ZOOM,
  readableViewport,
  shownBox,
} from './graphViewport';
import { LayoutPosition, layeredLayout } from './layeredLayout';
import { layOutNamespaceColumns, namespaceBand } from './namespaceColumns';
import { topologyStylesheet } from './topologyStyle';

cytoscape.use(dagre);

/**
 * A layout that leaves the nodes where their elements placed them. Cytoscape
 * runs a layout over the elements it is created with, and its preset layout
 * sets every node's position again, a position event each (a tenth of the
 * 1,000-device overview's first frame in a profile); dagre places a small
 * graph after.
 */
function PlacedLayout(this: any, options: any) {
  this.options = options;
}
PlacedLayout.prototype.run = function run(this: any) {
  this.emit('layoutstart');
  this.emit('layoutready');
  this.emit('layoutstop');
  return this;
};
PlacedLayout.prototype.stop = function stop(this: any) {
  return this;
};
cytoscape('layout', 'placed', PlacedLayout);

/** The class of a large graph's first-frame nodes beyond its first view (splitFirstView's farEnds): unlabelled until that frame is drawn. */
const FAR = 'far';

/**
 * Beyond this many nodes dagre takes seconds on the main thread (8 to 12 s
 * for the 1,367 nodes of a 1,000-device estate's overview on a loaded
 * 2-core machine), so a large graph is laid out in layers by layeredLayout,
 * in tens of milliseconds; below it dagre's tidier layout is cheap.
 */
const LARGE_GRAPH = 300;

/** Between the layers of a large graph: a 140 px label and room to tell columns apart. */
const LAYER_SPACING = { layer: 180, node: 56 };

/** Around the first view of a large graph: nodes this close to it are in its first frame too. */
const FIRST_VIEW_MARGIN = LAYER_SPACING.layer;

/** Nodes (then edges) added to a large graph at a time after its first frame, so the page answers in between. */
const ADD_SLICE = 250;

const MAX_ZOOM = 3;
const PADDING = 24;

/**
 * The nodes, labelled for the canvas and placed if laid out already, and the
 * edges as Cytoscape takes them. Nodes of `far` are drawn without their
 * labels (class far) until it is taken off.
 */
function cytoscapeElements(
  nodes: TopologyNode[],
  edges: TopologyEdge[],
  positions?: ReadonlyMap<string, LayoutPosition>,
  far?: ReadonlySet<string>,
) {
  return [
    ...nodes.map(node => ({
      group: 'nodes' as const,
      data: { ...node, label: canvasLabel(node) },
      ...(positions ? { position: positions.get(node.id) } : {}),
      ...(far?.has(node.id) ? { classes: FAR } : {}),
    })),
    ...edges.map(edge => ({
      group: 'edges' as const,
      data: {
        id: `${edge.source}->${edge.target}`,
        source: edge.source,
        target: edge.target,
        relation: edge.relation,
      },
    })),
  ];
}

/** The tallest the canvas grows to show a small graph whole and readable. */
const MAX_CANVAS_HEIGHT = 1400;

/**
 * A small graph laid out by dagre, left to right, with the clusters'
 * namespaces in columns under it while workloads are folded
 * (layOutNamespaceColumns); then the canvas grows, up to
 * MAX_CANVAS_HEIGHT, to show it whole at a readable zoom, and shows it.
 */
function layOutSmall(
  instance: Core,
  canvas: HTMLDivElement,
  leastHeight: number,
  grown: (height: number) => void,
) {
  const band = namespaceBand(instance);
  const layout = (
    band
      ? instance.elements().not(band).not(band.connectedEdges())
      : instance.elements()
  ).layout({
    name: 'dagre',
    rankDir: 'LR',
    nodeSep: 12,
    rankSep: 50,
    // Room for each label, not only its shape: a column of namespaces
    // 40 px apart drew every label over the namespace below it.
    nodeDimensionsIncludeLabels: true,
    fit: false,
  } as cytoscape.LayoutOptions);
  layout.one('layoutstop', () => {
    if (band) layOutNamespaceColumns(instance, band);
    const box = instance.elements().boundingBox();
    const across = (instance.width() - 2 * PADDING) / (box.x2 - box.x1);
    // Too wide to read whole, it opens at its top left at the least height.
    const whole = (box.y2 - box.y1) * Math.min(across, 1) + 2 * PADDING;
    const height =
      across >= READABLE_ZOOM
        ? Math.round(Math.min(Math.max(whole, leastHeight), MAX_CANVAS_HEIGHT))
        : leastHeight;
    if (height !== instance.height()) {
      canvas.style.height = `${height}px`;
      instance.resize();
      grown(height);
    }
    instance.viewport(
      readableViewport(
        box,
        { width: instance.width(), height: instance.height() },
        { padding: PADDING, maxZoom: MAX_ZOOM },
      ),
    );
  });
  layout.run();
}

/**
 * What a canvas of this size first shows of a graph: a large graph is
 * placed by layeredLayout, shown readably from its positions, and drawn
 * first from what that view shows (splitFirstView); a small one is laid out
 * by dagre once in Cytoscape.
 */
function planFirstView(
  nodes: TopologyNode[],
  edges: TopologyEdge[],
  canvas: { width: number; height: number },
) {
  if (nodes.length <= LARGE_GRAPH) return undefined;
  const positions = layeredLayout(
    nodes.map(node => node.id),
    edges,
    LAYER_SPACING,
  );
  const viewport = readableViewport(placedBox(positions), canvas, {
    padding: PADDING,
    maxZoom: MAX_ZOOM,
  });
  const { first, rest, farEnds } = splitFirstView(
    { nodes, edges },
    positions,
    shownBox(viewport, canvas),
    FIRST_VIEW_MARGIN,
  );
  return { positions, viewport, first, rest, farEnds };
}

/** A large graph's first frame: what its first view shows, its far ends unlabelled. */
function firstFrameElements(
  plan: NonNullable<ReturnType<typeof planFirstView>>,
) {
  return cytoscapeElements(
    plan.first.nodes,
    plan.first.edges,
    plan.positions,
    plan.farEnds,
  );
}

/** Selects the selected node and marks those found, of the ones in the graph. */
function markSelection(instance: Core, selected?: string, matches?: string[]) {
  instance.elements().unselect();
  if (selected) instance.getElementById(selected).select();
  instance.nodes().removeClass('match');
  for (const id of matches ?? []) instance.getElementById(id).addClass('match');
}

/**
 * After a large graph's first frame: labels its far ends, then adds the
 * rest of it a slice at a time, each in a task of its own (nodes first: an
 * edge needs both its ends), and says when all are in.
 */
function addInSlices(
  instance: Core,
  rest: GraphPart,
  positions: ReadonlyMap<string, LayoutPosition>,
  done: () => void,
) {
  const elements = cytoscapeElements(rest.nodes, rest.edges, positions);
  let next = 0;
  const step = () => {
    if (instance.destroyed()) return;
    if (next >= elements.length) {
      done();
      return;
    }
    const slice = elements.slice(next, next + ADD_SLICE);
    next += ADD_SLICE;
    instance.add(slice);
    setTimeout(step, 0);
  };
  setTimeout(() => {
    if (instance.destroyed()) return;
    instance.nodes(`.${FAR}`).removeClass(FAR);
    setTimeout(step, 0);
  }, 0);
}

/**
 * Cytoscape on the container with these elements, placed already (a large
 * graph, shown at its viewport) or to be laid out by dagre.
 */
function createCanvas(
  container: HTMLDivElement,
  elements: ReturnType<typeof cytoscapeElements>,
  theme: Theme,
  viewport: GraphViewport | undefined,
) {
  const large = !!viewport;
  return cytoscape({
    container,
    elements,
    // Cytoscape lays new elements out in a grid unless told otherwise:
    // they are placed already, or dagre places them next. Not fitted
    // here: fitting measures every label of the graph before the first
    // frame (570 ms of the 1,000-device overview's).
    layout: { name: 'placed' } as unknown as cytoscape.LayoutOptions,
    ...viewport,
    style: topologyStylesheet(theme, { straightEdges: large }),
    minZoom: 0.05,
    maxZoom: MAX_ZOOM,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    autoungrabify: true,
    // Big estates: draw a cached texture while panning and zooming.
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    selectionType: 'single',
  });
}

/**
 * What the view reports once drawn: how long the layout and first render
 * took, and, once a large graph's nodes beyond its first view are in too,
 * how long until then.
 */
export interface TopologyDrawn {
  nodes: number;
  edges: number;
  milliseconds: number;
  completeMilliseconds?: number;
}

/**
 * The topology drawn by Cytoscape.js on a canvas, laid out left to right
 * (upstream on the left, workloads on the right): by dagre, or for a large
 * graph by layeredLayout. Wheel zooms, dragging the background pans; a tap
 * selects a node.
 */
export function TopologyGraphView(props: {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  selected?: string;
  matches: string[];
  onSelect(id: string | undefined): void;
  onDrawn?(drawn: TopologyDrawn): void;
  height: number;
}) {
  const { nodes, edges, selected, matches, onSelect, onDrawn, height } = props;
  const theme = useTheme();
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core>();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const matchesRef = useRef(matches);
  matchesRef.current = matches;
  // How tall the canvas grew to show a small graph whole (layOutSmall).
  const [grownHeight, setGrownHeight] = useState<number>();

  useEffect(() => {
    if (!container.current) return undefined;
    const started = performance.now();
    const plan = planFirstView(nodes, edges, {
      width: container.current.clientWidth,
      height,
    });
    if (plan && grownHeight !== undefined) {
      container.current.style.height = `${height}px`;
      setGrownHeight(undefined);
    }
    const instance = createCanvas(
      container.current,
      plan ? firstFrameElements(plan) : cytoscapeElements(nodes, edges),
      theme,
      plan?.viewport,
    );
    instance.on('tap', 'node', event => onSelectRef.current(event.target.id()));
    instance.on('tap', event => {
      if (event.target === instance) onSelectRef.current(undefined);
    });
    instance.one('render', () => {
      const drawn = {
        nodes: nodes.length,
        edges: edges.length,
        milliseconds: Math.round(performance.now() - started),
      };
      onDrawn?.(drawn);
      if (!plan) return;
      addInSlices(instance, plan.rest, plan.positions, () => {
        // What was selected or found before its node was in.
        markSelection(instance, selectedRef.current, matchesRef.current);
        onDrawn?.({
          ...drawn,
          completeMilliseconds: Math.round(performance.now() - started),
        });
      });
    });
    if (!plan) layOutSmall(instance, container.current, height, setGrownHeight);
    cy.current = instance;
    // The node panel narrows the canvas and its closing widens it again:
    // Cytoscape must know, or clicks miss what is drawn.
    const resized =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => instance.resize());
    resized?.observe(container.current);
    return () => {
      resized?.disconnect();
      instance.destroy();
      cy.current = undefined;
    };
    // The graph is rebuilt when its data or the theme change, not on selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes, edges, theme]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.resize();
    instance.elements().unselect();
    if (selected) {
      const node = instance.getElementById(selected);
      if (node.nonempty()) {
        node.select();
        instance.animate({
          center: { eles: node },
          zoom: Math.max(instance.zoom(), 1),
          duration: 250,
        });
      }
    }
  }, [selected]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.nodes().removeClass('match');
    for (const id of matches) instance.getElementById(id).addClass('match');
  }, [matches]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={`Homelab topology: ${nodes.length} nodes, ${edges.length} connections`}
      data-testid="topology-graph"
      style={{
        height: grownHeight ?? height,
        width: '100%',
        background: theme.palette.background.default,
        borderRadius: theme.shape.borderRadius,
      }}
    />
  );
}
