import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, COLORS, STYLES } from '../../functions/domain/catalog/product';
import { crc32, encodePng } from '../../functions/domain/catalog/pngEncoder';
import { renderProductImage } from '../../functions/domain/catalog/productImage';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
  crcOfTypeAndData: number;
}

function chunksOf(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    chunks.push({
      type: png.toString('ascii', offset + 4, offset + 8),
      data: png.subarray(offset + 8, offset + 8 + length),
      crc: png.readUInt32BE(offset + 8 + length),
      crcOfTypeAndData: crc32(png.subarray(offset + 4, offset + 8 + length)),
    });
    offset += 12 + length;
  }
  return chunks;
}

/** RGB pixels of an 8-bit truecolour PNG, undoing whichever row filters were used. */
function decodeRgb(png: Buffer): { width: number; height: number; rgb: Uint8Array } {
  const chunks = chunksOf(png);
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 3;
  expect(raw.length).toBe((stride + 1) * height);
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 3 ? rgb[y * stride + x - 3]! : 0;
      const up = y > 0 ? rgb[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 3 && y > 0 ? rgb[(y - 1) * stride + x - 3]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter];
      if (predictor === undefined) throw new Error(`bad filter ${filter}`);
      rgb[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgb };
}

/** How many pixels lie within a small distance of a colour. */
function pixelsNear(rgb: Uint8Array, [r, g, b]: readonly [number, number, number], tolerance = 12): number {
  let count = 0;
  for (let i = 0; i < rgb.length; i += 3) {
    if (Math.abs(rgb[i]! - r) <= tolerance && Math.abs(rgb[i + 1]! - g) <= tolerance && Math.abs(rgb[i + 2]! - b) <= tolerance) count++;
  }
  return count;
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
  });
});

describe('encodePng', () => {
  it('round-trips pixels through inflate', () => {
    const rgb = Uint8Array.from({ length: 5 * 4 * 3 }, (_, i) => (i * 37) % 256);
    const decoded = decodeRgb(encodePng(rgb, 5, 4));
    expect(decoded.width).toBe(5);
    expect(decoded.height).toBe(4);
    expect(Buffer.from(decoded.rgb)).toEqual(Buffer.from(rgb));
  });

  it('rejects pixel data that does not fit the size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(RangeError);
  });
});

describe('renderProductImage', () => {
  const sofa = { category: 'sofa', color: 'red', style: 'modern' } as const;

  it('is a PNG: signature, then IHDR with 480×360 8-bit RGB, IDAT and IEND, every CRC right', () => {
    const png = renderProductImage(sofa);
    expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]!.data;
    expect(header.readUInt32BE(0)).toBe(480);
    expect(header.readUInt32BE(4)).toBe(360);
    expect([...header.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    for (const chunk of chunks) expect(chunk.crc, chunk.type).toBe(chunk.crcOfTypeAndData);
  });

  it('inflates to exactly one filter byte plus three bytes per pixel for each row', () => {
    const decoded = decodeRgb(renderProductImage(sofa, { width: 320, height: 200 }));
    expect(decoded.width).toBe(320);
    expect(decoded.height).toBe(200);
    expect(decoded.rgb.length).toBe(320 * 200 * 3);
  });

  it('is deterministic', () => {
    expect(renderProductImage(sofa).equals(renderProductImage(sofa))).toBe(true);
  });

  it('paints the furniture in the product colour on a light background', () => {
    const { rgb } = decodeRgb(renderProductImage(sofa));
    const pixels = rgb.length / 3;
    expect(pixelsNear(rgb, [178, 58, 58]) / pixels).toBeGreaterThan(0.05);
    const { rgb: blue } = decodeRgb(renderProductImage({ ...sofa, color: 'blue' }));
    expect(pixelsNear(blue, [178, 58, 58])).toBe(0);
    expect(pixelsNear(blue, [47, 93, 138]) / pixels).toBeGreaterThan(0.05);
    // Corners are background: light.
    for (const i of [0, (480 - 1) * 3]) expect(Math.min(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!)).toBeGreaterThan(200);
  });

  it('draws a different picture for every category and every style', () => {
    const pictures = new Set(CATEGORIES.map((category) => renderProductImage({ ...sofa, category }).toString('base64')));
    expect(pictures.size).toBe(CATEGORIES.length);
    const styled = new Set(STYLES.map((style) => renderProductImage({ ...sofa, style }).toString('base64')));
    expect(styled.size).toBe(STYLES.length);
  });

  it('renders every category, colour and style combination quickly', () => {
    renderProductImage(sofa); // compile the drawing code before timing it
    const times: number[] = [];
    for (const category of CATEGORIES) {
      for (const color of COLORS) {
        const started = performance.now();
        renderProductImage({ category, color, style: STYLES[times.length % STYLES.length]! });
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(20);
  });
});
