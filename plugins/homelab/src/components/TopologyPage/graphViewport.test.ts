import {
  placedBox,
  READABLE_ZOOM,
  readableViewport,
  shownBox,
} from './graphViewport';

const canvas = { width: 1000, height: 600 };
const options = { padding: 20, maxZoom: 3 };

describe('readableViewport', () => {
  it('fits a box that fits readably, centred', () => {
    const viewport = readableViewport(
      { x1: 0, y1: 0, x2: 480, y2: 280 },
      canvas,
      options,
    );
    expect(viewport.zoom).toBeCloseTo(2);
    // The box's centre (240, 140) lands on the canvas's centre.
    expect(240 * viewport.zoom + viewport.pan.x).toBeCloseTo(500);
    expect(140 * viewport.zoom + viewport.pan.y).toBeCloseTo(300);
  });

  it('shows the top left of a box too large to fit readably, at the readable zoom', () => {
    const viewport = readableViewport(
      { x1: -100, y1: -50, x2: 9000, y2: 5000 },
      canvas,
      options,
    );
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    expect(-100 * viewport.zoom + viewport.pan.x).toBeCloseTo(20);
    expect(-50 * viewport.zoom + viewport.pan.y).toBeCloseTo(20);
  });

  it('never zooms beyond the most', () => {
    expect(
      readableViewport({ x1: 0, y1: 0, x2: 10, y2: 10 }, canvas, options).zoom,
    ).toBe(3);
  });
});

describe('shownBox', () => {
  it('is the part of the graph the canvas shows at the viewport', () => {
    const box = shownBox({ zoom: 2, pan: { x: 100, y: -200 } }, canvas);
    expect(box).toEqual({ x1: -50, y1: 100, x2: 450, y2: 400 });
  });
});

describe('placedBox', () => {
  it('holds every shape and the widest label under it', () => {
    const box = placedBox(
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 200, y: 100 }],
      ]),
    );
    expect(box.x1).toBeLessThanOrEqual(-70);
    expect(box.x2).toBeGreaterThanOrEqual(270);
    expect(box.y1).toBeLessThan(0);
    expect(box.y2).toBeGreaterThan(100 + 14 + 12);
  });
});
