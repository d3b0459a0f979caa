// Sample images are checked from their first bytes before anything decodes
// them: the magic bytes must say PNG, JPEG or WebP (the formats kohya and
// ai-toolkit save), the header's dimensions must be sane, and the claimed
// pixel count must fit the file size (a "decompression bomb" is a tiny file
// that claims a vast image). Dimensions are read with `image-size`.
import { imageSize } from "image-size";

/** Longest side accepted, in pixels. */
export const MAX_IMAGE_SIDE = 20_000;
/**
 * Most pixels accepted in one image: 16 megapixels (4096 × 4096). Trainers
 * sample at training resolution (about 1 MP, 4 MP at most), and this keeps a
 * decoded image under 64 MB of RGBA.
 */
export const MAX_IMAGE_PIXELS = 4096 * 4096;
/**
 * Most pixels per byte of file. Deflate cannot compress better than about
 * 1032:1, so even a one-byte-per-pixel PNG stays below this; a file above it
 * claims more pixels than it can hold.
 */
export const MAX_PIXELS_PER_BYTE = 1100;

export type ImageFormat = "png" | "jpeg" | "webp";

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
  mimeType: `image/${ImageFormat}`;
}

export type ImageResult = { ok: true; image: ImageInfo } | { ok: false; message: string };

/** The format the first bytes announce, or null. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

/**
 * Checks that `bytes` (a whole image file, or its first bytes with the whole
 * file's `size`) is a PNG, JPEG or WebP of sane size, from its header alone.
 */
export function inspectImage(bytes: Uint8Array, size: number = bytes.length): ImageResult {
  const format = sniffImageFormat(bytes);
  if (format === null) return { ok: false, message: "Not an image: it is not a PNG, JPEG or WebP file" };
  let width: number;
  let height: number;
  try {
    ({ width, height } = imageSize(bytes));
  } catch {
    return { ok: false, message: `Not a readable ${format.toUpperCase()}: its header has no dimensions` };
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    return { ok: false, message: `Not a readable ${format.toUpperCase()}: its header has no dimensions` };
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return { ok: false, message: `The image is ${width} × ${height} px; sides above ${MAX_IMAGE_SIDE} px are refused` };
  }
  const pixels = width * height;
  if (pixels > MAX_IMAGE_PIXELS) {
    return { ok: false, message: `The image is ${width} × ${height} px; more than ${MAX_IMAGE_PIXELS / (1024 * 1024)} megapixels is refused` };
  }
  if (pixels / size > MAX_PIXELS_PER_BYTE) {
    return { ok: false, message: `The file is ${size} bytes but claims ${width} × ${height} px: a decompression bomb, refused` };
  }
  return { ok: true, image: { format, width, height, mimeType: `image/${format}` } };
}
