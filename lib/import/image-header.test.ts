import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { jpegImage, pngImage } from "../../scripts/make-import-fixtures";
import { MAX_IMAGE_PIXELS, inspectImage, sniffImageFormat } from "./image-header";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A PNG by the spec: signature, IHDR, one IDAT of `idat`, IEND. */
function png(width: number, height: number, bitDepth: number, colorType: number, idat: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", new Uint8Array())]);
}
/** A WebP with an extended (VP8X) header: RIFF, WEBP, VP8X chunk with the canvas size minus one in 24-bit LE. */
function webp(width: number, height: number): Uint8Array {
  // Followed by padding standing in for the image data, so the size is plausible for the pixels.
  const out = Buffer.alloc(30 + 2048);
  out.write("RIFF", 0, "latin1");
  out.writeUInt32LE(out.length - 8, 4);
  out.write("WEBPVP8X", 8, "latin1");
  out.writeUInt32LE(10, 16);
  out.writeUIntLE(width - 1, 24, 3);
  out.writeUIntLE(height - 1, 27, 3);
  return out;
}

describe("inspectImage", () => {
  it("reads PNG, JPEG and WebP dimensions from their headers", () => {
    expect(inspectImage(pngImage(64, 1, 0))).toEqual({ ok: true, image: { format: "png", width: 64, height: 64, mimeType: "image/png" } });
    expect(inspectImage(jpegImage(48, 1, 0))).toEqual({ ok: true, image: { format: "jpeg", width: 48, height: 48, mimeType: "image/jpeg" } });
    expect(inspectImage(webp(832, 1216))).toEqual({ ok: true, image: { format: "webp", width: 832, height: 1216, mimeType: "image/webp" } });
  });

  it("refuses a file that is not an image, whatever its name", () => {
    expect(inspectImage(new TextEncoder().encode("sksdog, dog, sitting"))).toEqual({ ok: false, message: "Not an image: it is not a PNG, JPEG or WebP file" });
    expect(inspectImage(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toMatchObject({ ok: false });
  });

  it("refuses an image whose header is cut", () => {
    expect(inspectImage(pngImage(64, 1, 0).slice(0, 12))).toEqual({ ok: false, message: "Not a readable PNG: its header has no dimensions" });
  });

  it("refuses sides above 20,000 px", () => {
    expect(inspectImage(png(20_001, 10, 8, 2, deflateSync(Buffer.alloc(10))))).toEqual({
      ok: false,
      message: "The image is 20001 × 10 px; sides above 20000 px are refused",
    });
  });

  it("refuses an image of 20,000 × 20,000 px", () => {
    expect(inspectImage(png(20_000, 20_000, 8, 2, deflateSync(Buffer.alloc(1000))))).toMatchObject({ ok: false, message: expect.stringContaining("megapixels") });
  });

  it("refuses a zip bomb disguised as a PNG: a real deflate stream of zeros that would decode to 225 megapixels", () => {
    const side = 15_000;
    // 1-bit greyscale rows: a filter byte, then side / 8 bytes, all zero; ~28 MB deflates to a few tens of kB.
    const idat = deflateSync(Buffer.alloc(side * (1 + Math.ceil(side / 8))), { level: 9 });
    const bytes = png(side, side, 1, 0, idat);
    expect(bytes.length).toBeLessThan(100_000);
    expect(inspectImage(bytes)).toMatchObject({ ok: false });
  });

  it("refuses a small file that claims more pixels than it can hold", () => {
    const bytes = png(4000, 4000, 8, 2, deflateSync(Buffer.alloc(100)));
    expect(4000 * 4000).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(inspectImage(bytes)).toEqual({ ok: false, message: expect.stringContaining("decompression bomb") });
  });
});

describe("sniffImageFormat", () => {
  it("knows the three magic numbers", () => {
    expect(sniffImageFormat(pngImage(4, 0, 0))).toBe("png");
    expect(sniffImageFormat(jpegImage(8, 0, 0))).toBe("jpeg");
    expect(sniffImageFormat(webp(1, 1))).toBe("webp");
    expect(sniffImageFormat(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
