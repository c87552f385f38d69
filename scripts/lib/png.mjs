// Tiny PNG writer for the extension's icons (no image tools, no network): RGBA, filter 0, zlib.
import { deflateSync, crc32 } from 'node:zlib';

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes `size`x`size` RGBA pixels produced by `pixel(x, y) -> [r, g, b, a]`. */
export function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Takstvakt's icon: a white check mark on a rounded blue square, 4x4 supersampled. */
export function takstvaktIcon(size) {
  const inside = (u, v) => {
    // u, v in 0..1. Rounded square with corner radius 0.2.
    const r = 0.2;
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    if (Math.hypot(u - cx, v - cy) > r) return null;
    const check = Math.min(distToSegment(u, v, 0.24, 0.52, 0.43, 0.7), distToSegment(u, v, 0.43, 0.7, 0.77, 0.31));
    return check < 0.085 ? 'mark' : 'bg';
  };
  const bg = [29, 78, 216];
  const mark = [255, 255, 255];
  return encodePng(size, (x, y) => {
    let a = 0;
    const sum = [0, 0, 0];
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const hit = inside((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
        if (!hit) continue;
        a++;
        const c = hit === 'mark' ? mark : bg;
        for (let i = 0; i < 3; i++) sum[i] += c[i];
      }
    }
    if (a === 0) return [0, 0, 0, 0];
    return [Math.round(sum[0] / a), Math.round(sum[1] / a), Math.round(sum[2] / a), Math.round((a / 16) * 255)];
  });
}
