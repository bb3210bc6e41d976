import { Theme } from '@material-ui/core/styles';
import { TopologyNode } from '@homelab/plugin-homelab-common';
import type cytoscape from 'cytoscape';

/** Each node's shape, its labels' size and widest extent, in graph pixels. */
export const NODE_SIZE = 28;
export const LABEL_FONT_SIZE = 12;
export const LABEL_MAX_WIDTH = 140;
/** Between a node's shape and its label below it. */
export const LABEL_MARGIN = 4;

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
 * Fill per kind, from the theme so both light and dark read well. On the dark
 * canvas each fill is a light shade (Material 300-400) that stands 3:1 apart
 * from the background, as a shape must (WCAG 1.4.11); the deep shades drawn
 * before reached 1.2:1 for namespaces and workloads.
 */
export function kindColours(
  theme: Theme,
): Record<TopologyNode['kind'], string> {
  const dark = theme.palette.type === 'dark';
  const pick = (light: string, darkColour: string) =>
    dark ? darkColour : light;
  return {
    internet: pick('#90a4ae', '#90a4ae'),
    wan: pick('#b0bec5', '#78909c'),
    router: pick('#ffb74d', '#ef6c00'),
    switch: pick('#ffcc80', '#ffb74d'),
    network: pick('#81d4fa', '#29b6f6'),
    device: pick('#a5d6a7', '#66bb6a'),
    node: pick('#c5e1a5', '#9ccc65'),
    cluster: pick('#ce93d8', '#ba68c8'),
    namespace: pick('#b39ddb', '#9575cd'),
    workload: pick('#9fa8da', '#7986cb'),
    'ip-pool': pick('#80cbc4', '#4db6ac'),
    'load-balancer-ip': pick('#80deea', '#4dd0e1'),
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
    ...Object.entries(statuses).map(([status, colour]) => ({
      selector: `node[status = "${status}"]`,
      style: { 'border-width': 3, 'border-color': colour },
    })),
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
