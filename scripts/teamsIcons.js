// Draws the Teams app icons (a house) as PNGs with Node alone: teamsAppManifest/color.png (192x192, full colour)
// and outline.png (32x32, white on transparent, as Teams asks). Run once; the PNGs are committed.
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { crc32 } = require('./zipWriter');

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of size x size whose pixel colour is paint(x, y) → [r, g, b, a]. */
function png(size, paint) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(paint(x, y), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether (u, v) in the unit square falls on the house: a roof triangle over a square body with a door cut out. */
function onHouse(u, v) {
  const roof = v >= 0.15 && v < 0.5 && Math.abs(u - 0.5) <= (v - 0.15) * (0.4 / 0.35);
  const body = v >= 0.5 && v <= 0.85 && u >= 0.22 && u <= 0.78;
  const door = v >= 0.62 && v <= 0.85 && u >= 0.44 && u <= 0.56;
  return (roof || body) && !door;
}

const dir = path.join(__dirname, '..', 'teamsAppManifest');
const blue = [0x1d, 0x70, 0xb8, 255];
const white = [255, 255, 255, 255];
const clear = [0, 0, 0, 0];
fs.writeFileSync(
  path.join(dir, 'color.png'),
  png(192, (x, y) => (onHouse((x + 0.5) / 192, (y + 0.5) / 192) ? white : blue)),
);
fs.writeFileSync(
  path.join(dir, 'outline.png'),
  png(32, (x, y) => (onHouse((x + 0.5) / 32, (y + 0.5) / 32) ? white : clear)),
);
console.log('wrote teamsAppManifest/color.png and outline.png');
