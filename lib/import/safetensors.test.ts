import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safetensorsFile } from "../../scripts/make-import-fixtures";
import { MAX_SAFETENSORS_HEADER_BYTES, headerBytesNeeded, readSafetensorsHeader, sliceSafetensorsHeader } from "./safetensors";

/** A file made of an 8-byte length and the given header text, with `weights` bytes after it. */
function rawFile(header: string, weights = 0, length = Buffer.byteLength(header)): Uint8Array {
  const text = Buffer.from(header, "utf8");
  const out = new Uint8Array(8 + text.length + weights);
  new DataView(out.buffer).setBigUint64(0, BigInt(length), true);
  out.set(text, 8);
  return out;
}

describe("readSafetensorsHeader", () => {
  const file = safetensorsFile({ ss_epoch: "3", ss_network_dim: "32" }, 32, ["lora_unet_a", "lora_unet_b"]);

  it("reads the metadata and counts the tensors of a whole file", () => {
    const result = readSafetensorsHeader(file);
    expect(result).toEqual({
      ok: true,
      header: { metadata: { ss_epoch: "3", ss_network_dim: "32" }, tensorCount: 6, headerEnd: expect.any(Number) },
    });
  });

  it("reads a file cut right after its header, given the size on disk", () => {
    const end = headerBytesNeeded(file.subarray(0, 8));
    expect(end).not.toBeNull();
    const cut = file.slice(0, end as number);
    const result = readSafetensorsHeader(cut, file.length);
    expect(result.ok && result.header.metadata.ss_epoch).toBe("3");
    expect(result.ok && result.header.headerEnd).toBe(cut.length);
  });

  it("refuses a header length beyond the end of the file", () => {
    const result = readSafetensorsHeader(rawFile("{}", 0, 4096));
    expect(result).toEqual({ ok: false, message: expect.stringContaining("beyond the end") });
  });

  it("refuses an absurd header length over 100 MB before reading anything", () => {
    const bytes = rawFile("{}", 0, MAX_SAFETENSORS_HEADER_BYTES + 1);
    expect(readSafetensorsHeader(bytes, 10 ** 10)).toEqual({ ok: false, message: expect.stringContaining("absurd") });
    expect(headerBytesNeeded(bytes)).toBeNull();
  });

  it("says when only part of the header was sent", () => {
    const result = readSafetensorsHeader(file.slice(0, 20), file.length);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("Only 20 bytes") });
  });

  it("refuses a header that is not JSON, or not an object", () => {
    expect(readSafetensorsHeader(rawFile("{not json"))).toEqual({ ok: false, message: "The safetensors header is not JSON" });
    expect(readSafetensorsHeader(rawFile("[1,2]"))).toEqual({ ok: false, message: "The safetensors header is not a JSON object" });
    expect(readSafetensorsHeader(rawFile("\u0000\u0000"))).toMatchObject({ ok: false });
    expect(readSafetensorsHeader(rawFile(' {"__metadata__": {}}'))).toEqual({ ok: false, message: 'The safetensors header must start with "{"' });
  });

  it("refuses metadata values that are not strings", () => {
    const result = readSafetensorsHeader(rawFile(JSON.stringify({ __metadata__: { ss_epoch: 3 } })));
    expect(result).toEqual({ ok: false, message: "Metadata ss_epoch is a number; safetensors metadata values are strings" });
    expect(readSafetensorsHeader(rawFile(JSON.stringify({ __metadata__: ["a"] })))).toMatchObject({ ok: false });
  });

  it("refuses tensor entries without dtype, shape and offsets", () => {
    const result = readSafetensorsHeader(rawFile(JSON.stringify({ w: { dtype: "F16", shape: [2] } })));
    expect(result).toEqual({ ok: false, message: expect.stringContaining("Tensor w") });
  });

  it("refuses a whole file whose weights are not the size its header says (a cut download)", () => {
    expect(readSafetensorsHeader(file.slice(0, file.length - 10))).toEqual({
      ok: false,
      message: expect.stringMatching(/^The header describes \d+ bytes of weights but the file holds \d+$/),
    });
  });

  it("refuses files shorter than the length prefix", () => {
    expect(readSafetensorsHeader(new Uint8Array(5))).toMatchObject({ ok: false });
  });

  it("round-trips any string metadata, whole or cut after the header", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), fc.integer({ min: 1, max: 64 }), (metadata, dim) => {
        const bytes = safetensorsFile(metadata, dim, ["m"]);
        const whole = readSafetensorsHeader(bytes);
        const end = headerBytesNeeded(bytes) as number;
        const cut = readSafetensorsHeader(bytes.slice(0, end), bytes.length);
        expect(whole.ok && whole.header.metadata).toEqual({ ...metadata });
        expect(cut).toEqual(whole);
      }),
    );
  });
});

describe("sliceSafetensorsHeader", () => {
  it("reads only the length and the header of a file, which then reads like the whole", async () => {
    const file = safetensorsFile({ ss_epoch: "2" }, 128, ["a", "b"]);
    const slice = await sliceSafetensorsHeader(new Blob([Buffer.from(file)]));
    expect(slice.length).toBe(headerBytesNeeded(file));
    expect(slice.length).toBeLessThan(file.length / 10);
    expect(readSafetensorsHeader(slice, file.length)).toEqual(readSafetensorsHeader(file));
  });
  it("stops at 8 bytes when the length is absurd, and at the end of a short file", async () => {
    expect((await sliceSafetensorsHeader(new Blob([Buffer.from(rawFile("{}", 0, MAX_SAFETENSORS_HEADER_BYTES + 1))]))).length).toBe(8);
    expect((await sliceSafetensorsHeader(new Blob([Buffer.from(rawFile("{}", 0, 500))]))).length).toBe(10);
    expect((await sliceSafetensorsHeader(new Blob([Buffer.from("abc")]))).length).toBe(3);
  });
});
