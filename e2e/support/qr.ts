// Decodes the QR code in a PNG screenshot, as a phone camera would read the printed code.
import jsQR from "jsqr";
import { PNG } from "pngjs";

/** The text the QR code in the image encodes, or null when no code can be read. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}
