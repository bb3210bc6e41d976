import { Theme } from '@material-ui/core/styles';
import { TopologyNode } from '@homelab/plugin-homelab-common';
import type cytoscape from 'cytoscape';

/** Each node's shape, its labels' size and widest extent, in graph pixels. */
export const NODE_SIZE = 28;
export const LABEL_FONT_SIZE = 12;
export const LABEL_MAX_WIDTH = 140;
/** Between a node's shape and its label below it: room for its status ring too. */
export const LABEL_MARGIN = 7;
/** The status ring's width, and the gap between it and the shape. */
const RING_WIDTH = 3;
const RING_GAP = 2;

/** The shape of each kind, so kinds read apart even without colour. */
const KIND_SHAPES: Record<TopologyNode['kind'], string> = {
  internet: 'ellipse',
  wan: 'round-rectangle',
  router: 'diamond',
  switch: 'round-diamond',
  network: 'round-hexagon',
  device: 'round-rectangle',
  node: 'ellipse',
  cluster: 'octagon',
  namespace: 'barrel',
  workload: 'rectangle',
  'ip-pool': 'tag',
  'load-balancer-ip': 'round-tag',
};

export const KIND_LABELS: Record<TopologyNode['kind'], string> = {
  internet: 'Internet',
  wan: 'WAN uplink',
  router: 'Router',
  switch: 'Switch',
  network: 'Network',
  device: 'Device',
  node: 'Kubernetes node',
  cluster: 'Cluster',
  namespace: 'Namespace',
  workload: 'Workload',
  'ip-pool': 'Address pool',
  'load-balancer-ip': 'Load-balancer IP',
};

/**
 * Fill per kind, from the theme so both light and dark read well: each
 * stands 3:1 or more apart from the canvas, as a shape must (WCAG 1.4.11).
 * On the dark canvas that is a light shade (Material 300-400; the deep
 * shades drawn before reached 1.2:1 for namespaces and workloads), on the
 * light canvas a deep one (Material 600-900; the pale shades drawn before
 * reached 1.5-2:1). The status ring is drawn outside the shape with a gap
 * (see topologyStylesheet), so a deep fill does not take from it.
 */
export function kindColours(
  theme: Theme,
): Record<TopologyNode['kind'], string> {
  const dark = theme.palette.type === 'dark';
  const pick = (light: string, darkColour: string) =>
    dark ? darkColour : light;
  return {
    internet: pick('#546e7a', '#90a4ae'),
    wan: pick('#78909c', '#78909c'),
    router: pick('#e65100', '#ef6c00'),
    switch: pick('#8d6e63', '#ffb74d'),
    network: pick('#0288d1', '#29b6f6'),
    device: pick('#388e3c', '#66bb6a'),
    node: pick('#558b2f', '#9ccc65'),
    cluster: pick('#ab47bc', '#ba68c8'),
    namespace: pick('#7e57c2', '#9575cd'),
    workload: pick('#3f51b5', '#7986cb'),
    'ip-pool': pick('#00796b', '#4db6ac'),
    'load-balancer-ip': pick('#0097a7', '#4dd0e1'),
  };
}

export function statusColours(theme: Theme) {
  return {
    ok: theme.palette.success.main,
    warning: theme.palette.warning.main,
    error: theme.palette.error.main,
    unknown: theme.palette.grey[500],
  };
}

/**
 * The graph's stylesheet. Labels hide when too small to read, so 1,000+
 * nodes stay legible at any zoom. A large graph's edges are straight: for a
 * bezier edge Cytoscape looks for the edges parallel to it among all of its
 * source's, which for a cluster with hundreds of nodes and namespaces took
 * most of the first frame's script time.
 */
export function topologyStylesheet(
  theme: Theme,
  options: { straightEdges: boolean },
): cytoscape.StylesheetJson {
  const kinds = kindColours(theme);
  const statuses = statusColours(theme);
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': LABEL_FONT_SIZE,
        'min-zoomed-font-size': 6,
        color: theme.palette.text.primary,
        'text-valign': 'bottom',
        'text-margin-y': LABEL_MARGIN,
        'text-wrap': 'ellipsis',
        'text-max-width': `${LABEL_MAX_WIDTH}px`,
        width: NODE_SIZE,
        height: NODE_SIZE,
        'border-width': 0,
      },
    },
    ...Object.entries(KIND_SHAPES).map(([kind, shape]) => ({
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: shape as any,
        'background-color': kinds[kind as TopologyNode['kind']],
      },
    })),
    // Health is a ring around the shape, a canvas-coloured gap between: it
    // stands against the canvas, never against the fill, so a deep fill
    // cannot weaken it. Unknown is dashed, told apart without its grey.
    ...Object.entries(statuses).map(([status, colour]) => ({
      selector: `node[status = "${status}"]`,
      style: {
        'outline-width': RING_WIDTH,
        'outline-offset': RING_GAP,
        'outline-color': colour,
        'outline-style': (status === 'unknown' ? 'dashed' : 'solid') as any,
      },
    })),
    // A large graph's first frame: nodes beyond the view, there only as
    // an edge's far end, unlabelled (a label is measured and cut to its
    // width before the frame) until the frame is drawn.
    {
      selector: 'node.far',
      style: { label: '' },
    },
    {
      selector: 'node[?entityRef]',
      style: { 'underlay-opacity': 0 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': options.straightEdges ? 'straight' : 'bezier',
        'line-color': theme.palette.text.disabled,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': theme.palette.text.disabled,
        'arrow-scale': 0.8,
      },
    },
    {
      selector: 'edge.in-block',
      style: { display: 'none' },
    },
    {
      selector: ':selected',
      style: {
        'overlay-color': theme.palette.primary.main,
        'overlay-opacity': 0.25,
        'overlay-padding': 6,
      },
    },
    {
      selector: '.match',
      style: {
        'underlay-color': theme.palette.secondary.main,
        'underlay-opacity': 0.35,
        'underlay-padding': 8,
      },
    },
  ];
}
