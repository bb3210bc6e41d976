import { LayoutPosition } from './layeredLayout';
import {
  LABEL_FONT_SIZE,
  LABEL_MARGIN,
  LABEL_MAX_WIDTH,
  NODE_SIZE,
} from './topologyStyle';

/**
 * The least zoom of the first view: labels are drawn at 12 px, so never
 * below about 10 px. A graph too large to fit at that zoom opens at its
 * upstream end (the internet, top left) and is panned or zoomed out from
 * there.
 */
export const READABLE_ZOOM = 0.85;

/** A box in graph coordinates. */
export interface GraphBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Cytoscape's viewport: rendered = graph * zoom + pan. */
export interface GraphViewport {
  zoom: number;
  pan: { x: number; y: number };
}

/**
 * Where placed nodes and their labels lie, from the positions alone: the
 * widest label centred under each shape. Cytoscape's own bounding box
 * measures every label's text and every edge first, all before the first
 * frame.
 */
export function placedBox(
  positions: ReadonlyMap<string, LayoutPosition>,
): GraphBox {
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

/**
 * The box fitted into a canvas of this size, or, if that would shrink its
 * labels below readable, its top-left part at the readable zoom.
 */
export function readableViewport(
  box: GraphBox,
  canvas: { width: number; height: number },
  options: { padding: number; maxZoom: number },
): GraphViewport {
  const { padding, maxZoom } = options;
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  const fitted = Math.min(
    (canvas.width - 2 * padding) / width,
    (canvas.height - 2 * padding) / height,
    maxZoom,
  );
  if (fitted < READABLE_ZOOM) {
    return {
      zoom: READABLE_ZOOM,
      pan: {
        x: padding - box.x1 * READABLE_ZOOM,
        y: padding - box.y1 * READABLE_ZOOM,
      },
    };
  }
  return {
    zoom: fitted,
    pan: {
      x: (canvas.width - width * fitted) / 2 - box.x1 * fitted,
      y: (canvas.height - height * fitted) / 2 - box.y1 * fitted,
    },
  };
}

/** The part of the graph a canvas of this size shows at this viewport, in graph coordinates. */
export function shownBox(
  viewport: GraphViewport,
  canvas: { width: number; height: number },
): GraphBox {
  const { zoom, pan } = viewport;
  return {
    x1: -pan.x / zoom,
    y1: -pan.y / zoom,
    x2: (canvas.width - pan.x) / zoom,
    y2: (canvas.height - pan.y) / zoom,
  };
}
