/**
 * Writes the app icons in public/ from one drawing (also public/icon.svg): a dark rounded tile
 * with a blue "ground" band and a white dot above it. Rasterized here, with no image library,
 * so the icons can be regenerated offline: `npx tsx scripts/generate-icons.ts`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const OUT = path.join(import.meta.dirname, "..", "public");
type Rgba = [number, number, number, number];
const TILE: Rgba = [24, 24, 27, 255]; // zinc-900
const GROUND: Rgba = [37, 99, 235, 255]; // blue-600
const DOT: Rgba = [255, 255, 255, 255];

/** The colour at (x, y) in a 64-unit square, or transparent outside the tile. */
function colourAt(x: number, y: number): Rgba {
  const r = 14; // corner radius
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  if (Math.hypot(x - cx, y - cy) > r) return [0, 0, 0, 0];
  if (y >= 40 && y <= 50 && x >= 12 && x <= 52) return GROUND;
  if (Math.hypot(x - 32, y - 25) <= 9) return DOT;
  return TILE;
}

/** RGBA pixels, 4x4 supersampled so the edges are smooth. */
function render(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt(((px + (sx + 0.5) / n) * 64) / size, ((py + (sy + 0.5) / n) * 64) / size);
          for (let i = 0; i < 3; i++) sum[i]! += c[i]! * c[3];
          sum[3]! += c[3];
        }
      }
      const o = (py * size + px) * 4;
      const alpha = sum[3]!;
      for (let i = 0; i < 3; i++) pixels[o + i] = alpha ? Math.round(sum[i]! / alpha) : 0;
      pixels[o + 3] = Math.round(alpha / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number): Buffer {
  const pixels = render(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter byte 0 per row
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** An ICO holding PNG images (supported by every current browser). */
function ico(sizes: number[]): Buffer {
  const images = sizes.map(png);
  const head = Buffer.alloc(6 + 16 * sizes.length);
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(sizes.length, 4);
  let offset = head.length;
  sizes.forEach((size, i) => {
    const e = 6 + 16 * i;
    head[e] = size % 256; // 0 means 256
    head[e + 1] = size % 256;
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(images[i]!.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([head, ...images]);
}

writeFileSync(path.join(OUT, "favicon.ico"), ico([16, 32, 48]));
writeFileSync(path.join(OUT, "apple-touch-icon.png"), png(180));
writeFileSync(path.join(OUT, "icon-192.png"), png(192));
writeFileSync(path.join(OUT, "icon-512.png"), png(512));
