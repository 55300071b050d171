// Decode a QR code given as a matrix of dark modules with jsQR (an independent decoder, so the
// test does not check the page's encoder with itself). Reads {"size": n, "dark": [[x, y], ...]}
// on stdin; prints the decoded text, or exits 1 when nothing decodes.
import { readFileSync } from "node:fs";
import jsQR from "jsqr";

const { size, dark } = JSON.parse(readFileSync(0, "utf8"));
const SCALE = 6;
const side = size * SCALE;
const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
for (const [x, y] of dark) {
  for (let dy = 0; dy < SCALE; dy += 1) {
    for (let dx = 0; dx < SCALE; dx += 1) {
      const at = ((y * SCALE + dy) * side + x * SCALE + dx) * 4;
      pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
    }
  }
}
const decode = jsQR.default ?? jsQR;
const found = decode(pixels, side, side);
if (!found) process.exit(1);
process.stdout.write(found.data);
