import { Theme } from '@material-ui/core/styles';
import { TopologyNode } from '@homelab/plugin-homelab-common';
import type cytoscape from 'cytoscape';

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

/** Fill per kind, from the theme so both light and dark read well. */
export function kindColours(
  theme: Theme,
): Record<TopologyNode['kind'], string> {
  const dark = theme.palette.type === 'dark';
  const pick = (light: string, darkColour: string) =>
    dark ? darkColour : light;
  return {
    internet: pick('#90a4ae', '#546e7a'),
    wan: pick('#b0bec5', '#607d8b'),
    router: pick('#ffb74d', '#ef6c00'),
    switch: pick('#ffcc80', '#f57c00'),
    network: pick('#81d4fa', '#0277bd'),
    device: pick('#a5d6a7', '#2e7d32'),
    node: pick('#c5e1a5', '#558b2f'),
    cluster: pick('#ce93d8', '#7b1fa2'),
    namespace: pick('#b39ddb', '#4527a0'),
    workload: pick('#9fa8da', '#283593'),
    'ip-pool': pick('#80cbc4', '#00695c'),
    'load-balancer-ip': pick('#80deea', '#00838f'),
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

/** The graph's stylesheet. Labels hide when too small to read, so 1,000+ nodes stay legible at any zoom. */
export function topologyStylesheet(theme: Theme): cytoscape.StylesheetJson {
  const kinds = kindColours(theme);
  const statuses = statusColours(theme);
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 12,
        'min-zoomed-font-size': 6,
        color: theme.palette.text.primary,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        width: 28,
        height: 28,
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
        'curve-style': 'bezier',
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
