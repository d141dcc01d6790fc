/**
 * Draws the toolbar and store icons (a lens over a horizon line) as PNGs into public/icons.
 * Run once with `npx tsx src/build/draw-icons.ts`; the PNGs are committed. No image tools needed:
 * shapes are signed-distance functions, anti-aliased by coverage, encoded with node:zlib.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [29, 53, 87, 255];
const LENS: Rgba = [241, 250, 238, 255];
const ACCENT: Rgba = [230, 57, 70, 255];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

const coverage = (distance: number, pixel: number) => Math.min(1, Math.max(0, 0.5 - distance / pixel));

function over(under: Rgba, colour: Rgba, alpha: number): Rgba {
  const a = alpha * (colour[3] / 255);
  return [0, 1, 2].map((i) => under[i]! * (1 - a) + colour[i]! * a).concat(Math.max(under[3], a * 255)) as Rgba;
}

function drawIcon(size: number): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  const px = 2 / size; // one pixel in the [-1, 1] square
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = ((x + 0.5) / size) * 2 - 1;
      const v = ((y + 0.5) / size) * 2 - 1;
      const corner = 0.3;
      const qx = Math.abs(u) - (1 - corner);
      const qy = Math.abs(v) - (1 - corner);
      const square = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - corner;
      let colour: Rgba = over([0, 0, 0, 0], BACKGROUND, coverage(square, px));
      const ring = Math.abs(Math.hypot(u + 0.12, v + 0.12) - 0.48) - 0.11;
      colour = over(colour, LENS, coverage(ring, px));
      const handle = Math.max(Math.abs((u - v) / Math.SQRT2) - 0.1, Math.abs((u + v) / Math.SQRT2 - 0.78) - 0.2);
      colour = over(colour, LENS, coverage(handle, px));
      const line = Math.max(Math.abs(v + 0.12) - 0.07, Math.hypot(u + 0.12, v + 0.12) - 0.3);
      colour = over(colour, ACCENT, coverage(line, px));
      pixels.set(colour.map(Math.round), (y * size + x) * 4);
    }
  }
  return encodePng(size, pixels);
}

const outDir = new URL('../../public/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`icon-${size}.png`, outDir), drawIcon(size));
