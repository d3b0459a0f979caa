import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { forgedPng, jpegImage, pngImage } from "../../scripts/make-import-fixtures";
import { MAX_IMAGE_PIXELS, inspectImage, sniffImageFormat } from "./image-header";

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
    expect(inspectImage(forgedPng(20_001, 10, deflateSync(Buffer.alloc(10))))).toEqual({
      ok: false,
      message: "The image is 20001 × 10 px; sides above 20000 px are refused",
    });
  });

  it("refuses an image of 20,000 × 20,000 px", () => {
    expect(inspectImage(forgedPng(20_000, 20_000, deflateSync(Buffer.alloc(1000))))).toMatchObject({ ok: false, message: expect.stringContaining("megapixels") });
  });

  it("refuses a zip bomb disguised as a PNG: a real deflate stream of zeros that would decode to 225 megapixels", () => {
    const side = 15_000;
    // 1-bit greyscale rows: a filter byte, then side / 8 bytes, all zero; ~28 MB deflates to a few tens of kB.
    const idat = deflateSync(Buffer.alloc(side * (1 + Math.ceil(side / 8))), { level: 9 });
    const bytes = forgedPng(side, side, idat, 1, 0);
    expect(bytes.length).toBeLessThan(100_000);
    expect(inspectImage(bytes)).toMatchObject({ ok: false });
  });

  it("refuses a small file that claims more pixels than it can hold", () => {
    const bytes = forgedPng(4000, 4000, deflateSync(Buffer.alloc(100)));
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
