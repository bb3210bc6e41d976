import { TopologyEdge, TopologyNode } from '@homelab/plugin-homelab-common';
import { useTheme } from '@material-ui/core/styles';
import cytoscape, { Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef } from 'react';
import { canvasLabel } from './filterTopology';
import { LayoutPosition, layeredLayout } from './layeredLayout';
import {
  LABEL_FONT_SIZE,
  LABEL_MARGIN,
  LABEL_MAX_WIDTH,
  NODE_SIZE,
  topologyStylesheet,
} from './topologyStyle';

cytoscape.use(dagre);

/**
 * The least zoom of the first view: labels are drawn at 12 px, so never
 * below about 10 px. A graph too large to fit at that zoom opens at its
 * upstream end (the internet, top left) and is panned or zoomed out from
 * there.
 */
const READABLE_ZOOM = 0.85;

/**
 * Beyond this many nodes dagre takes seconds on the main thread (8 to 12 s
 * for the 1,367 nodes of a 1,000-device estate's overview on a loaded
 * 2-core machine), so a large graph is laid out in layers by layeredLayout,
 * in tens of milliseconds; below it dagre's tidier layout is cheap.
 */
const LARGE_GRAPH = 300;

/** Between the layers of a large graph: a 140 px label and room to tell columns apart. */
const LAYER_SPACING = { layer: 180, node: 52 };

/** The nodes, labelled for the canvas and placed if laid out already, and the edges as Cytoscape takes them. */
function cytoscapeElements(
  nodes: TopologyNode[],
  edges: TopologyEdge[],
  positions?: ReadonlyMap<string, LayoutPosition>,
) {
  return [
    ...nodes.map(node => ({
      data: { ...node, label: canvasLabel(node) },
      ...(positions ? { position: positions.get(node.id) } : {}),
    })),
    ...edges.map(edge => ({
      data: {
        id: `${edge.source}->${edge.target}`,
        source: edge.source,
        target: edge.target,
        relation: edge.relation,
      },
    })),
  ];
}

/** A box in graph coordinates. */
interface GraphBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where placed nodes and their labels lie, from the positions alone: the
 * widest label centred under each shape. Cytoscape's own bounding box
 * measures every label's text and every edge first, all before the first
 * frame.
 */
function placedBox(positions: ReadonlyMap<string, LayoutPosition>): GraphBox {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { x, y } of positions.values()) {
    box.x1 = Math.min(box.x1, x);
    box.y1 = Math.min(box.y1, y);
    box.x2 = Math.max(box.x2, x);
    box.y2 = Math.max(box.y2, y);
  }
  const half = Math.max(NODE_SIZE, LABEL_MAX_WIDTH) / 2;
  return {
    x1: box.x1 - half,
    y1: box.y1 - NODE_SIZE / 2,
    x2: box.x2 + half,
    y2: box.y2 + NODE_SIZE / 2 + LABEL_MARGIN + LABEL_FONT_SIZE * 1.5,
  };
}

/** Fits the box, or, if that would shrink its labels below readable, shows its top-left part. */
function fitReadably(instance: Core, box: GraphBox, padding: number) {
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  const fitted = Math.min(
    (instance.width() - 2 * padding) / width,
    (instance.height() - 2 * padding) / height,
    instance.maxZoom(),
  );
  if (fitted < READABLE_ZOOM) {
    instance.viewport({
      zoom: READABLE_ZOOM,
      pan: {
        x: padding - box.x1 * READABLE_ZOOM,
        y: padding - box.y1 * READABLE_ZOOM,
      },
    });
    return;
  }
  instance.viewport({
    zoom: fitted,
    pan: {
      x: (instance.width() - width * fitted) / 2 - box.x1 * fitted,
      y: (instance.height() - height * fitted) / 2 - box.y1 * fitted,
    },
  });
}

/**
 * Lays the graph out and then shows it readably: a large graph is placed
 * already (layeredLayout), a small one is laid out by dagre, left to right.
 */
function layOut(
  instance: Core,
  positions: ReadonlyMap<string, LayoutPosition> | undefined,
) {
  if (positions) {
    fitReadably(instance, placedBox(positions), 24);
    return;
  }
  instance.one('layoutstop', () =>
    fitReadably(instance, instance.elements().boundingBox(), 24),
  );
  instance
    .layout({
      name: 'dagre',
      rankDir: 'LR',
      nodeSep: 12,
      rankSep: 90,
      // Room for each label, not only its shape: a column of namespaces
      // 40 px apart drew every label over the namespace below it.
      nodeDimensionsIncludeLabels: true,
      fit: false,
    } as cytoscape.LayoutOptions)
    .run();
}

/** What the view reports once drawn: how long the layout and first render took. */
export interface TopologyDrawn {
  nodes: number;
  edges: number;
  milliseconds: number;
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

  useEffect(() => {
    if (!container.current) return undefined;
    const started = performance.now();
    const positions =
      nodes.length > LARGE_GRAPH
        ? layeredLayout(
            nodes.map(node => node.id),
            edges,
            LAYER_SPACING,
          )
        : undefined;
    const instance = cytoscape({
      container: container.current,
      elements: cytoscapeElements(nodes, edges, positions),
      // Cytoscape lays new elements out in a grid unless told otherwise:
      // they are placed already, or dagre places them next.
      layout: { name: 'preset' },
      style: topologyStylesheet(theme, { straightEdges: !!positions }),
      minZoom: 0.05,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      autoungrabify: true,
      // Big estates: draw a cached texture while panning and zooming.
      textureOnViewport: nodes.length > LARGE_GRAPH,
      hideEdgesOnViewport: nodes.length > LARGE_GRAPH,
      selectionType: 'single',
    });
    instance.on('tap', 'node', event => onSelectRef.current(event.target.id()));
    instance.on('tap', event => {
      if (event.target === instance) onSelectRef.current(undefined);
    });
    instance.one('render', () => {
      onDrawn?.({
        nodes: nodes.length,
        edges: edges.length,
        milliseconds: Math.round(performance.now() - started),
      });
    });
    layOut(instance, positions);
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
        height,
        width: '100%',
        background: theme.palette.background.default,
        borderRadius: theme.shape.borderRadius,
      }}
    />
  );
}
