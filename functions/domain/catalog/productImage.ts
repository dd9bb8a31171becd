import type { Category, Color, Product, Style } from './product';
import { encodePng } from './pngEncoder';

export interface ImageSize {
  width: number;
  height: number;
}

export const DEFAULT_IMAGE_SIZE: ImageSize = { width: 480, height: 360 };

/**
 * A flat illustration of the product's kind of furniture in its colour, with
 * legs and details in its style, as a PNG. The local WhatsApp simulator shows
 * these in place of photographs. Scenes are drawn on a 480×360 plane and scaled
 * to the requested size; edges are anti-aliased from signed distances, which
 * keeps a picture well under the time budget without supersampling.
 */
export function renderProductImage(product: Pick<Product, 'category' | 'color' | 'style'>, size: ImageSize = DEFAULT_IMAGE_SIZE): Buffer {
  const canvas = new Canvas(size.width, size.height);
  drawBackdrop(canvas);
  SCENES[product.category](canvas, lookOf(product.color, product.style));
  return encodePng(canvas.pixels, canvas.width, canvas.height);
}

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const PLANE_WIDTH = 480;
const PLANE_HEIGHT = 360;
const FLOOR_Y = 300;
const OUTLINE_WIDTH = 1.6;

const PAINT: Record<Color, Rgb> = {
  red: [178, 58, 58],
  blue: [47, 93, 138],
  white: [246, 244, 239],
  black: [48, 48, 52],
  grey: [138, 141, 145],
  brown: [122, 82, 52],
  green: [79, 122, 74],
  beige: [216, 195, 160],
  yellow: [226, 182, 60],
};

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];
const LINEN: Rgb = [246, 243, 236];
const SCREEN: Rgb = [30, 31, 36];
const CHROME: Rgb = [186, 190, 196];
const LEAF: Rgb = [86, 138, 82];
const CLAY: Rgb = [196, 120, 86];
const BOOKS: readonly Rgb[] = [
  [170, 76, 64],
  [64, 98, 140],
  [222, 196, 120],
  [92, 128, 96],
  [120, 96, 150],
  [236, 232, 222],
  [60, 60, 64],
];

/** How one product's colour and style translate into paint. */
interface Look {
  style: Style;
  body: Rgb;
  light: Rgb;
  dark: Rgb;
  outline: Rgb;
  leg: Rgb;
  metal: Rgb;
}

function lookOf(color: Color, style: Style): Look {
  const body = PAINT[color];
  return {
    style,
    body,
    light: mix(body, WHITE, 0.16),
    dark: mix(body, BLACK, 0.22),
    outline: mix(body, BLACK, 0.45),
    leg: LEG_PAINT[style] ?? mix(body, BLACK, 0.3),
    metal: style === 'loft' ? [38, 38, 42] : style === 'classic' ? [181, 146, 84] : CHROME,
  };
}

// Minimalism paints supports in the body's own colour, so it has no entry here.
const LEG_PAINT: Partial<Record<Style, Rgb>> = {
  modern: [58, 58, 62],
  classic: [96, 60, 34],
  loft: [34, 34, 38],
  scandinavian: [212, 178, 132],
};

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** RGB pixels plus painting of shapes given in plane coordinates. */
class Canvas {
  readonly pixels: Uint8Array;
  private readonly scale: number;
  private readonly offsetX: number;
  private readonly offsetY: number;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new RangeError(`Bad image size ${width}×${height}`);
    }
    this.pixels = new Uint8Array(width * height * 3);
    this.scale = Math.min(width / PLANE_WIDTH, height / PLANE_HEIGHT);
    this.offsetX = (width - PLANE_WIDTH * this.scale) / 2;
    this.offsetY = (height - PLANE_HEIGHT * this.scale) / 2;
  }

  /** Fills the full width of the rows between two plane heights with a colour fading from `top` to `bottom`. */
  verticalGradient(fromY: number, toY: number, top: Rgb, bottom: Rgb): void {
    const first = Math.round(this.toPixelY(fromY));
    const last = Math.round(this.toPixelY(toY));
    const length = this.width * 3;
    for (let row = Math.max(0, first); row < Math.min(this.height, last); row++) {
      const color = mix(top, bottom, (row - first) / Math.max(1, last - first - 1));
      const start = row * length;
      this.pixels.set(color, start);
      for (let filled = 3; filled < length; filled *= 2) {
        this.pixels.copyWithin(start + filled, start, start + Math.min(filled, length - filled));
      }
    }
  }

  roundRect(x: number, y: number, w: number, h: number, radius: number, fill: Rgb, outline?: Rgb): void {
    const r = Math.min(radius, w / 2, h / 2);
    const cx = x + w / 2;
    const cy = y + h / 2;
    const hx = w / 2 - r;
    const hy = h / 2 - r;
    this.paint(x, y, x + w, y + h, fill, outline, (px, py) => {
      const qx = Math.abs(px - cx) - hx;
      const qy = Math.abs(py - cy) - hy;
      const ox = Math.max(qx, 0);
      const oy = Math.max(qy, 0);
      return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - r;
    });
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, fill: Rgb, outline?: Rgb): void {
    const k = Math.min(rx, ry);
    this.paint(cx - rx, cy - ry, cx + rx, cy + ry, fill, outline, (px, py) => {
      const nx = (px - cx) / rx;
      const ny = (py - cy) / ry;
      return (Math.sqrt(nx * nx + ny * ny) - 1) * k;
    });
  }

  /** A convex polygon, points in either winding. */
  polygon(points: readonly Point[], fill: Rgb, outline?: Rgb): void {
    const edges = points.map(([ax, ay], i) => {
      const [bx, by] = points[(i + 1) % points.length]!;
      const length = Math.hypot(bx - ax, by - ay);
      return { ax, ay, nx: (by - ay) / length, ny: -(bx - ax) / length };
    });
    // Which side of the edges is inside, read off the centroid.
    const [mx, my] = points.reduce(([sx, sy], [x, y]) => [sx + x / points.length, sy + y / points.length], [0, 0]);
    const first = edges[0]!;
    const winding = Math.sign((mx - first.ax) * first.nx + (my - first.ay) * first.ny);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    this.paint(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), fill, outline, (px, py) => {
      let d = -Infinity;
      for (const e of edges) d = Math.max(d, -winding * ((px - e.ax) * e.nx + (py - e.ay) * e.ny));
      return d;
    });
  }

  /** A blurred dark ellipse: furniture standing on the floor. */
  shadow(cx: number, cy: number, rx: number, ry: number, strength: number): void {
    this.forEachPixel(cx - rx, cy - ry, cx + rx, cy + ry, (i, px, py) => {
      const nx = (px - cx) / rx;
      const ny = (py - cy) / ry;
      const falloff = 1 - (nx * nx + ny * ny);
      if (falloff > 0) this.blend(i, BLACK, strength * falloff * falloff);
    });
  }

  private paint(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    fill: Rgb,
    outline: Rgb | undefined,
    distance: (px: number, py: number) => number,
  ): void {
    const scale = this.scale;
    const margin = 1 / scale;
    const outlineWidth = outline ? Math.max(OUTLINE_WIDTH * scale, 1) : 0;
    // Deeper inside than this a pixel is plain fill: the common case, worth a shortcut.
    const solid = -0.5 - outlineWidth;
    const left = Math.max(0, Math.floor(this.toPixelX(x0 - margin)));
    const right = Math.min(this.width, Math.ceil(this.toPixelX(x1 + margin)));
    const top = Math.max(0, Math.floor(this.toPixelY(y0 - margin)));
    const bottom = Math.min(this.height, Math.ceil(this.toPixelY(y1 + margin)));
    const p = this.pixels;
    for (let row = top; row < bottom; row++) {
      const py = (row + 0.5 - this.offsetY) / scale;
      for (let col = left; col < right; col++) {
        const d = distance((col + 0.5 - this.offsetX) / scale, py) * scale;
        if (d >= 0.5) continue;
        const i = (row * this.width + col) * 3;
        if (d <= solid) {
          p[i] = fill[0];
          p[i + 1] = fill[1];
          p[i + 2] = fill[2];
        } else if (outline) {
          this.blend(i, outline, Math.min(1, 0.5 - d));
          const inner = 0.5 - (d + outlineWidth);
          if (inner > 0) this.blend(i, fill, inner);
        } else {
          this.blend(i, fill, 0.5 - d);
        }
      }
    }
  }

  /** Visits pixels whose centres fall inside a plane rectangle, passing the centre in plane coordinates. */
  private forEachPixel(x0: number, y0: number, x1: number, y1: number, visit: (index: number, px: number, py: number) => void): void {
    const left = Math.max(0, Math.floor(this.toPixelX(x0)));
    const right = Math.min(this.width, Math.ceil(this.toPixelX(x1)));
    const top = Math.max(0, Math.floor(this.toPixelY(y0)));
    const bottom = Math.min(this.height, Math.ceil(this.toPixelY(y1)));
    for (let row = top; row < bottom; row++) {
      const py = (row + 0.5 - this.offsetY) / this.scale;
      for (let col = left; col < right; col++) {
        visit((row * this.width + col) * 3, (col + 0.5 - this.offsetX) / this.scale, py);
      }
    }
  }

  private blend(i: number, color: Rgb, alpha: number): void {
    const p = this.pixels;
    p[i] = p[i]! + (color[0] - p[i]!) * alpha;
    p[i + 1] = p[i + 1]! + (color[1] - p[i + 1]!) * alpha;
    p[i + 2] = p[i + 2]! + (color[2] - p[i + 2]!) * alpha;
  }

  private toPixelX(x: number): number {
    return x * this.scale + this.offsetX;
  }

  private toPixelY(y: number): number {
    return y * this.scale + this.offsetY;
  }
}

function drawBackdrop(c: Canvas): void {
  // Wall and floor reach past the plane so that images of another aspect ratio have no bare margins.
  c.verticalGradient(-PLANE_HEIGHT, FLOOR_Y, [244, 242, 238], [232, 228, 221]);
  c.verticalGradient(FLOOR_Y, PLANE_HEIGHT * 2, [221, 214, 203], [232, 227, 219]);
}

/** One leg from `top` to the floor; `lean` (-1, 0, 1) splays Scandinavian and classic legs outwards. */
function leg(c: Canvas, look: Look, x: number, top: number, width: number, lean = 0, bottom = FLOOR_Y): void {
  const half = width / 2;
  switch (look.style) {
    case 'scandinavian': {
      const foot = x + lean * width * 0.8;
      c.polygon(
        [
          [x - half, top],
          [x + half, top],
          [foot + half * 0.55, bottom],
          [foot - half * 0.55, bottom],
        ],
        look.leg,
        mix(look.leg, BLACK, 0.35),
      );
      return;
    }
    case 'classic': {
      const foot = x + lean * width * 0.35;
      c.polygon(
        [
          [x - half, top],
          [x + half, top],
          [foot + half * 0.45, bottom - 4],
          [foot - half * 0.45, bottom - 4],
        ],
        look.leg,
        mix(look.leg, BLACK, 0.35),
      );
      c.ellipse(x, top + Math.min(10, (bottom - top) * 0.25), half * 1.15, Math.min(5, (bottom - top) * 0.12), look.leg);
      c.ellipse(foot, bottom - 3, half * 0.7, 3, look.metal);
      return;
    }
    case 'loft':
      c.roundRect(x - half * 0.7, top, width * 0.7, bottom - top, 0.5, look.leg);
      return;
    case 'modern':
      c.roundRect(x - half * 0.8, top, width * 0.8, bottom - top, 2, look.leg);
      return;
    case 'minimalism':
      c.roundRect(x - half * 0.7, top, width * 0.7, bottom - top, 1, look.dark, look.outline);
      return;
  }
}

/** What a cabinet or upholstered piece stands on: legs at both ends, a recessed plinth in minimalism, a sled frame in loft. */
function supports(c: Canvas, look: Look, left: number, right: number, top: number): void {
  const width = right - left;
  switch (look.style) {
    case 'minimalism':
      c.roundRect(left + width * 0.06, top, width * 0.88, FLOOR_Y - top, 1, mix(look.dark, BLACK, 0.25));
      return;
    case 'loft':
      for (const x of [left + 8, right - 14]) {
        c.roundRect(x, top, 6, FLOOR_Y - top, 0.5, look.leg);
      }
      c.roundRect(left + 6, FLOOR_Y - 4, width - 12, 4, 0.5, look.leg);
      return;
    default:
      leg(c, look, left + 14, top, 10, -1);
      leg(c, look, right - 14, top, 10, 1);
  }
}

function knob(c: Canvas, look: Look, x: number, y: number): void {
  c.ellipse(x, y, 3.2, 3.2, look.metal, mix(look.metal, BLACK, 0.4));
}

/** A horizontal or vertical bar handle, or none in minimalism where fronts open on push. */
function handle(c: Canvas, look: Look, x: number, y: number, horizontal: boolean): void {
  if (look.style === 'minimalism') return;
  if (look.style === 'scandinavian' || look.style === 'classic') {
    knob(c, look, x, y);
    return;
  }
  const long = 26;
  if (horizontal) c.roundRect(x - long / 2, y - 2, long, 4, 2, look.metal, mix(look.metal, BLACK, 0.4));
  else c.roundRect(x - 2, y - long / 2, 4, long, 2, look.metal, mix(look.metal, BLACK, 0.4));
}

/** Sofas and armchairs seen from the front: back, seat cushions, arms and supports. */
function drawSeating(c: Canvas, look: Look, left: number, right: number, seats: number): void {
  const style = look.style;
  const low = style === 'minimalism' || style === 'loft';
  const legTop = style === 'scandinavian' ? 262 : style === 'minimalism' ? 288 : 276;
  const seatBottom = legTop + 2;
  const seatTop = seatBottom - (low ? 58 : 64);
  const backTop = low ? 148 : style === 'classic' ? 124 : 136;
  const armWidth = style === 'scandinavian' ? 26 : style === 'classic' ? 44 : 38;
  const armTop = style === 'classic' ? seatTop - 54 : low ? seatTop - 30 : seatTop - 40;
  const radius = style === 'loft' || style === 'minimalism' ? 6 : 16;
  const width = right - left;

  c.shadow((left + right) / 2, FLOOR_Y + 2, width * 0.58, 12, 0.35);
  supports(c, look, left + armWidth * 0.3, right - armWidth * 0.3, legTop - 4);

  c.roundRect(left + armWidth - 10, backTop, width - 2 * armWidth + 20, seatTop - backTop + 20, radius, look.body, look.outline);
  const inner = width - 2 * armWidth;
  const cushion = inner / seats;
  for (let i = 0; i < seats; i++) {
    c.roundRect(left + armWidth + i * cushion + 4, backTop + 12, cushion - 8, seatTop - backTop - 6, radius, look.light, look.outline);
  }
  if (style === 'classic') {
    for (let i = 0; i < seats * 3; i++) {
      const x = left + armWidth + (i + 0.5) * (inner / (seats * 3));
      c.ellipse(x, backTop + 30, 2.4, 2.4, look.dark);
      c.ellipse(x, backTop + 58, 2.4, 2.4, look.dark);
    }
  }
  c.roundRect(
    left + armWidth - 6,
    seatTop + 16,
    width - 2 * armWidth + 12,
    seatBottom - seatTop - 16,
    radius * 0.6,
    look.dark,
    look.outline,
  );
  for (let i = 0; i < seats; i++) {
    c.roundRect(left + armWidth + i * cushion + 2, seatTop, cushion - 4, 28, radius * 0.7, look.light, look.outline);
  }
  for (const x of [left, right - armWidth]) {
    c.roundRect(x, armTop, armWidth, seatBottom - armTop, radius, look.body, look.outline);
    if (style === 'classic') c.ellipse(x + armWidth / 2, armTop + 6, armWidth / 2 + 5, 14, look.light, look.outline);
  }
}

function drawSofa(c: Canvas, look: Look): void {
  drawSeating(c, look, 62, 418, 3);
}

function drawArmchair(c: Canvas, look: Look): void {
  drawSeating(c, look, 140, 340, 1);
}

/** A chair in profile: the most recognisable view of one. */
function drawChair(c: Canvas, look: Look): void {
  const seatY = 196;
  const frontX = 300;
  const backX = 180;
  c.shadow(240, FLOOR_Y + 2, 95, 10, 0.35);
  // Far legs, darker and offset, give the profile some depth.
  for (const [x, lean] of [
    [backX + 16, -0.6],
    [frontX + 12, 0.6],
  ] as const) {
    leg(c, { ...look, leg: mix(look.leg, BLACK, 0.25), dark: mix(look.dark, BLACK, 0.2) }, x, seatY + 6, 11, lean, FLOOR_Y - 6);
  }
  leg(c, look, backX + 6, seatY + 8, 12, -0.6);
  leg(c, look, frontX - 4, seatY + 8, 12, 0.6);
  if (look.style === 'loft') c.roundRect(backX + 2, 262, frontX - backX - 4, 5, 0.5, look.leg);

  const backTop = look.style === 'classic' ? 64 : 82;
  const lean = look.style === 'classic' ? 6 : 14;
  const postX = (y: number) => backX - (lean * (seatY - y)) / (seatY - backTop);
  c.polygon(
    [
      [postX(backTop), backTop],
      [postX(backTop) + 16, backTop],
      [backX + 18, seatY + 6],
      [backX, seatY + 6],
    ],
    look.style === 'loft' ? look.leg : look.dark,
    look.outline,
  );
  if (look.style === 'classic') c.ellipse(postX(backTop) + 8, backTop + 2, 13, 6, look.body, look.outline);
  const [padTop, padBottom] = [backTop - 2, backTop + 84];
  c.polygon(
    [
      [postX(padTop) - 5, padTop],
      [postX(padTop) + 21, padTop],
      [postX(padBottom) + 21, padBottom],
      [postX(padBottom) - 5, padBottom],
    ],
    look.body,
    look.outline,
  );
  c.roundRect(backX - 8, seatY - 14, frontX - backX + 22, 22, 9, look.body, look.outline);
  c.roundRect(backX - 6, seatY - 14, frontX - backX + 18, 8, 6, look.light);
}

/** A vase with leaves: stands on tables so that a bare top reads as a table. */
function vase(c: Canvas, x: number, bottom: number): void {
  c.ellipse(x - 12, bottom - 44, 9, 20, LEAF, mix(LEAF, BLACK, 0.35));
  c.ellipse(x + 12, bottom - 46, 9, 21, LEAF, mix(LEAF, BLACK, 0.35));
  c.ellipse(x, bottom - 56, 9, 24, mix(LEAF, WHITE, 0.12), mix(LEAF, BLACK, 0.35));
  c.roundRect(x - 13, bottom - 30, 26, 30, 8, CLAY, mix(CLAY, BLACK, 0.35));
}

function drawDiningTable(c: Canvas, look: Look): void {
  const top = 176;
  c.shadow(240, FLOOR_Y + 2, 190, 12, 0.3);
  const legTop = top + 30;
  if (look.style === 'loft') {
    // Loft tables stand on closed steel frames rather than legs.
    for (const x of [90, 358]) {
      c.roundRect(x, legTop, 6, FLOOR_Y - legTop, 0.5, look.leg);
      c.roundRect(x + 26, legTop, 6, FLOOR_Y - legTop, 0.5, look.leg);
      c.roundRect(x, FLOOR_Y - 6, 32, 6, 0.5, look.leg);
    }
  } else {
    for (const [x, lean] of [
      [104, -1],
      [376, 1],
    ] as const) {
      leg(c, look, x, legTop - 2, 16, lean);
    }
  }
  c.roundRect(92, top + 14, 296, 18, 3, look.dark, look.outline);
  c.roundRect(66, top, 348, 18, look.style === 'classic' ? 8 : 3, look.body, look.outline);
  vase(c, 240, top + 1);
}

function drawCoffeeTable(c: Canvas, look: Look): void {
  const topY = 224;
  c.shadow(240, FLOOR_Y + 2, 170, 12, 0.3);
  for (const [x, lean] of [
    [130, -1],
    [350, 1],
    [240, 0],
  ] as const) {
    leg(c, look, x, topY + 10, x === 240 ? 12 : 14, lean);
  }
  if (look.style !== 'minimalism') c.ellipse(240, 272, 120, 14, look.dark, look.outline);
  c.ellipse(240, topY + 10, 158, 26, look.dark, look.outline);
  c.ellipse(240, topY, 158, 26, look.body, look.outline);
  c.ellipse(214, topY - 4, 108, 13, look.light);
  // A stack of books and a cup make the low top read as a coffee table.
  c.roundRect(262, topY - 20, 54, 10, 2, BOOKS[1]!, mix(BOOKS[1]!, BLACK, 0.35));
  c.roundRect(266, topY - 30, 46, 10, 2, BOOKS[2]!, mix(BOOKS[2]!, BLACK, 0.35));
  c.roundRect(176, topY - 26, 18, 20, 4, LINEN, mix(LINEN, BLACK, 0.35));
}

function drawDesk(c: Canvas, look: Look): void {
  const top = 196;
  c.shadow(240, FLOOR_Y + 2, 180, 12, 0.3);
  leg(c, look, 372, top + 12, 14, 1);
  c.roundRect(86, top + 12, 118, FLOOR_Y - top - 14, 3, look.body, look.outline);
  for (let i = 0; i < 3; i++) {
    const y = top + 18 + i * 28;
    c.roundRect(92, y, 106, 24, 2, look.light, look.outline);
    handle(c, look, 145, y + 12, true);
  }
  c.roundRect(70, top, 340, 16, 3, look.body, look.outline);
  // A monitor on the top tells a desk from a dining table at a glance.
  c.roundRect(288, top - 26, 8, 26, 2, SCREEN);
  c.roundRect(270, top - 6, 44, 6, 2, SCREEN);
  c.roundRect(228, top - 112, 128, 86, 6, SCREEN, BLACK);
  c.polygon(
    [
      [236, top - 104],
      [290, top - 104],
      [250, top - 34],
      [236, top - 34],
    ],
    mix(SCREEN, WHITE, 0.12),
  );
  c.roundRect(120, top - 40, 10, 40, 3, look.metal);
  c.ellipse(136, top - 44, 24, 12, mix(look.metal, BLACK, 0.2));
}

/** A bed in profile: headboard, mattress, pillow and blanket. */
function drawBed(c: Canvas, look: Look): void {
  const frameTop = 226;
  const frameBottom = 268;
  c.shadow(240, FLOOR_Y + 2, 200, 12, 0.35);
  supports(c, look, 72, 412, frameBottom - 4);
  const headTop = look.style === 'classic' ? 104 : look.style === 'minimalism' ? 150 : 120;
  if (look.style === 'loft') {
    for (const x of [50, 62, 74, 86]) c.roundRect(x, headTop + 8, 4, frameTop - headTop, 1, look.leg);
    c.roundRect(46, headTop, 8, FLOOR_Y - headTop, 1, look.leg);
    c.roundRect(84, headTop, 8, FLOOR_Y - headTop, 1, look.leg);
    c.roundRect(46, headTop, 46, 8, 1, look.leg);
  } else {
    c.roundRect(46, headTop, 46, frameBottom - headTop, look.style === 'classic' ? 22 : 10, look.body, look.outline);
    if (look.style === 'classic' || look.style === 'modern') {
      for (let y = headTop + 22; y < frameTop - 10; y += 26) c.ellipse(69, y, 2.6, 2.6, look.dark);
    }
  }
  c.roundRect(410, frameTop - 22, 26, frameBottom - frameTop + 22, 6, look.body, look.outline);
  c.roundRect(88, frameTop - 30, 326, 36, 12, LINEN, mix(LINEN, BLACK, 0.3));
  c.roundRect(96, frameTop - 50, 76, 28, 13, WHITE, mix(LINEN, BLACK, 0.3));
  c.roundRect(170, frameTop - 40, 248, 52, 14, look.light, look.outline);
  c.roundRect(178, frameTop - 34, 232, 8, 4, mix(look.light, WHITE, 0.25));
  c.roundRect(84, frameTop, 336, frameBottom - frameTop, 6, look.body, look.outline);
}

/** A mattress in three-quarter view, so its thickness shows. */
function drawMattress(c: Canvas, look: Look): void {
  const fabric = mix(look.body, WHITE, 0.62);
  const border = mix(look.body, WHITE, 0.1);
  const edge = mix(look.body, BLACK, 0.4);
  const front = 236;
  const thickness = 56;
  const back = front - 64;
  c.shadow(240, FLOOR_Y - 2, 200, 14, 0.35);
  c.polygon(
    [
      [70, front],
      [360, front],
      [420, back],
      [140, back],
    ],
    fabric,
    edge,
  );
  c.polygon(
    [
      [360, front],
      [420, back],
      [420, back + thickness],
      [360, front + thickness],
    ],
    mix(border, BLACK, 0.12),
    edge,
  );
  c.roundRect(70, front, 290, thickness, 3, border, edge);
  c.roundRect(70, front + thickness / 2 - 3, 290, 6, 2, mix(border, WHITE, 0.3));
  // Quilting: a grid of stitches across the top, following its perspective.
  for (let row = 1; row < 4; row++) {
    const t = row / 4;
    const y = front - (front - back) * t;
    const shift = 70 * t;
    for (let col = 1; col < 9; col++) {
      c.ellipse(70 + shift + col * 32.2, y, 2.8, 1.6, mix(mix(fabric, look.body, 0.5), BLACK, 0.12));
    }
  }
}

function drawWardrobe(c: Canvas, look: Look): void {
  const left = 128;
  const right = 352;
  const top = look.style === 'classic' ? 56 : 48;
  const bottom = look.style === 'minimalism' ? 292 : 282;
  c.shadow(240, FLOOR_Y + 2, 140, 10, 0.35);
  supports(c, look, left, right, bottom - 2);
  c.roundRect(left, top, right - left, bottom - top, 3, look.body, look.outline);
  if (look.style === 'classic') {
    c.roundRect(left - 10, top - 14, right - left + 20, 16, 3, look.light, look.outline);
  }
  const doors = 3;
  const doorWidth = (right - left - 8) / doors;
  for (let i = 0; i < doors; i++) {
    const x = left + 4 + i * doorWidth;
    const mirror = look.style === 'modern' && i === 1;
    c.roundRect(x + 1, top + 4, doorWidth - 2, bottom - top - 8, 2, mirror ? [206, 216, 224] : look.light, look.outline);
    if (mirror) {
      c.polygon(
        [
          [x + 12, top + 20],
          [x + 30, top + 20],
          [x + 10, top + 90],
          [x + 8, top + 90],
        ],
        [232, 238, 242],
      );
    }
    if (look.style === 'classic') {
      c.roundRect(x + 10, top + 18, doorWidth - 20, 92, 4, look.light, look.dark);
      c.roundRect(x + 10, top + 126, doorWidth - 20, bottom - top - 144, 4, look.light, look.dark);
    }
    const handleX = i < doors / 2 ? x + doorWidth - 12 : x + 12;
    if (i !== 1 || look.style !== 'modern') handle(c, look, handleX, (top + bottom) / 2, false);
  }
  if (look.style === 'minimalism') {
    c.roundRect(left + 4, top + 4, right - left - 8, 6, 1, look.dark);
  }
}

function drawDresser(c: Canvas, look: Look): void {
  const left = 112;
  const right = 368;
  const top = 150;
  const bottom = look.style === 'minimalism' ? 292 : 272;
  c.shadow(240, FLOOR_Y + 2, 150, 10, 0.35);
  supports(c, look, left, right, bottom - 2);
  c.roundRect(left, top, right - left, bottom - top, 3, look.body, look.outline);
  c.roundRect(left - 6, top - 8, right - left + 12, 12, 3, look.light, look.outline);
  const rows = 4;
  const rowHeight = (bottom - top - 10) / rows;
  for (let i = 0; i < rows; i++) {
    const y = top + 6 + i * rowHeight;
    c.roundRect(left + 6, y, right - left - 12, rowHeight - 4, 2, look.light, look.outline);
    if (look.style === 'scandinavian' || look.style === 'classic') {
      knob(c, look, left + 72, y + rowHeight / 2 - 2);
      knob(c, look, right - 72, y + rowHeight / 2 - 2);
    } else {
      handle(c, look, (left + right) / 2, y + rowHeight / 2 - 2, true);
    }
  }
  vase(c, 320, top - 8);
  c.roundRect(150, top - 48, 30, 40, 4, LINEN, mix(LINEN, BLACK, 0.3));
  c.roundRect(150, top - 48, 30, 8, 2, mix(LINEN, BLACK, 0.1));
}

function drawShelf(c: Canvas, look: Look): void {
  const left = 140;
  const right = 340;
  const top = 44;
  const bottom = 296;
  const board = 8;
  const frame = look.style === 'loft' ? look.leg : look.body;
  const frameOutline = look.style === 'loft' ? look.leg : look.outline;
  c.shadow(240, FLOOR_Y + 2, 120, 8, 0.3);
  c.roundRect(left, top, right - left, bottom - top, 2, mix(look.body, [236, 232, 224], 0.55));
  const levels = [top, top + 62, top + 124, top + 186, bottom - board];
  for (let level = 0; level < levels.length - 1; level++) {
    const floor = levels[level + 1]!;
    const ceiling = levels[level]! + board;
    fillShelfLevel(c, level, left + board + 6, right - board - 6, ceiling, floor);
  }
  const side = look.style === 'loft' ? 5 : board;
  c.roundRect(left, top, side, bottom - top + 4, 1, frame, frameOutline);
  c.roundRect(right - side, top, side, bottom - top + 4, 1, frame, frameOutline);
  for (const y of levels) c.roundRect(left - 4, y, right - left + 8, board, 1.5, look.body, look.outline);
}

/** Books, a plant and a box on one shelf level, varied by level so the bookcase looks lived-in. */
function fillShelfLevel(c: Canvas, level: number, left: number, right: number, ceiling: number, floor: number): void {
  const room = floor - ceiling;
  if (level === 1) {
    const x = right - 30;
    c.ellipse(x - 10, floor - 30, 8, 16, LEAF, mix(LEAF, BLACK, 0.35));
    c.ellipse(x + 10, floor - 32, 8, 16, LEAF, mix(LEAF, BLACK, 0.35));
    c.roundRect(x - 12, floor - 22, 24, 22, 6, CLAY, mix(CLAY, BLACK, 0.35));
  }
  if (level === 3) c.roundRect(right - 58, floor - 30, 52, 30, 3, [214, 196, 164], [160, 140, 110]);
  const end = level === 1 || level === 3 ? right - 66 : right;
  let x = left + (level % 2) * 18;
  for (let i = 0; x < end - 10; i++) {
    const width = 10 + ((level * 7 + i * 5) % 3) * 3;
    const height = room - 8 - ((level * 3 + i * 7) % 4) * 5;
    const color = BOOKS[(level * 3 + i) % BOOKS.length]!;
    if (x + width > end) break;
    c.roundRect(x, floor - height, width, height, 1.5, color, mix(color, BLACK, 0.35));
    x += width + 1;
  }
}

function drawTvStand(c: Canvas, look: Look): void {
  const left = 70;
  const right = 410;
  const top = 222;
  const bottom = look.style === 'minimalism' ? 294 : 282;
  c.shadow(240, FLOOR_Y + 2, 190, 10, 0.35);
  supports(c, look, left, right, bottom - 2);
  c.roundRect(left, top, right - left, bottom - top, 3, look.body, look.outline);
  const sections = 3;
  const width = (right - left - 8) / sections;
  for (let i = 0; i < sections; i++) {
    const x = left + 4 + i * width;
    const open = i === 1;
    c.roundRect(x + 1, top + 5, width - 2, bottom - top - 10, 2, open ? look.dark : look.light, look.outline);
    if (!open) handle(c, look, x + width / 2, top + 16, true);
  }
  // A television on top: the reason the piece exists.
  c.roundRect(226, top - 14, 28, 14, 2, SCREEN);
  c.roundRect(118, 72, 244, 138, 5, SCREEN, BLACK);
  c.polygon(
    [
      [128, 82],
      [226, 82],
      [160, 200],
      [128, 200],
    ],
    mix(SCREEN, WHITE, 0.1),
  );
}

const SCENES: Record<Category, (c: Canvas, look: Look) => void> = {
  sofa: drawSofa,
  armchair: drawArmchair,
  chair: drawChair,
  dining_table: drawDiningTable,
  coffee_table: drawCoffeeTable,
  desk: drawDesk,
  bed: drawBed,
  mattress: drawMattress,
  wardrobe: drawWardrobe,
  dresser: drawDresser,
  shelf: drawShelf,
  tv_stand: drawTvStand,
};
