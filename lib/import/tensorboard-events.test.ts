import fc from "fast-check";
import { crc32c } from "@aws-crypto/crc32c";
import { describe, expect, it } from "vitest";
import { crc32cOf, eventFile, pngImage, tfRecord, type LoggedScalar } from "../../scripts/make-import-fixtures";
import { readEventFile } from "./tensorboard-events";
import { maskedCrc32c, readRecords } from "./tfrecord";

const scalars: LoggedScalar[] = [
  { tag: "loss/current", step: 1, value: 0.125 },
  { tag: "loss/current", step: 2, value: 0.5 },
  { tag: "loss/epoch_average", step: 1, value: 0.25 },
  { tag: "loss/validation/epoch_average", step: 1, value: 0.375, form: "tensor" },
];

describe("CRC-32C", () => {
  it("matches the standard check value and the fixtures' own table", () => {
    const check = new TextEncoder().encode("123456789");
    expect(crc32c(check) >>> 0).toBe(0xe3069283);
    expect(crc32cOf(check)).toBe(0xe3069283);
  });
  it("masks as TFRecord does", () => {
    // masked_crc32c(b"") from tensorboard's pywrap_tensorflow: crc 0 → rotate → + 0xa282ead8.
    expect(maskedCrc32c(new Uint8Array())).toBe(0xa282ead8);
  });
});

describe("readRecords", () => {
  it("splits whole records and checks both checksums", () => {
    const bytes = new Uint8Array([...tfRecord(new Uint8Array([1, 2, 3])), ...tfRecord(new Uint8Array([4]))]);
    const scan = readRecords(bytes);
    expect(scan.records.map((record) => [...record])).toEqual([[1, 2, 3], [4]]);
    expect(scan.end).toEqual({ kind: "complete" });
  });
  it("stops at a flipped data byte and says where", () => {
    const first = tfRecord(new Uint8Array([1, 2, 3]));
    const second = tfRecord(new Uint8Array([4, 5]));
    const bytes = new Uint8Array([...first, ...second]);
    bytes[first.length + 12] ^= 0xff;
    const scan = readRecords(bytes);
    expect(scan.records).toHaveLength(1);
    expect(scan.end).toMatchObject({ kind: "corrupt", offset: first.length });
  });
});

describe("readEventFile", () => {
  const bytes = eventFile(scalars, 1761998400);

  it("reads simple_value and rank-0 tensor scalars with their steps and times", () => {
    const result = readEventFile(bytes);
    expect(result).toEqual({
      ok: true,
      fileVersion: "brain.Event:2",
      end: { kind: "complete" },
      scalars: [
        { tag: "loss/current", step: 1, wallTime: 1761998401.5, value: 0.125 },
        { tag: "loss/current", step: 2, wallTime: 1761998403, value: 0.5 },
        { tag: "loss/epoch_average", step: 1, wallTime: 1761998401.5, value: 0.25 },
        { tag: "loss/validation/epoch_average", step: 1, wallTime: 1761998401.5, value: 0.375 },
      ],
    });
  });

  it("shows float32 values at their own precision", () => {
    const result = readEventFile(eventFile([{ tag: "loss", step: 3, value: 0.117 }], 0));
    expect(result.ok && result.scalars[0].value).toBe(0.117);
  });

  it("keeps a zero that was logged", () => {
    const result = readEventFile(eventFile([{ tag: "lr", step: 1, value: 0 }], 0));
    expect(result.ok && result.scalars).toEqual([{ tag: "lr", step: 1, wallTime: 1.5, value: 0 }]);
  });

  it("gives the whole records of a log cut anywhere (a run still training)", () => {
    const full = readEventFile(bytes);
    if (!full.ok) throw new Error(full.message);
    // Byte offsets where each record ends, to know how many scalars a cut keeps.
    const ends: number[] = [];
    let offset = 0;
    while (offset < bytes.length) {
      const length = Number(new DataView(bytes.buffer, bytes.byteOffset + offset, 8).getBigUint64(0, true));
      offset += 12 + length + 4;
      ends.push(offset);
    }
    fc.assert(
      fc.property(fc.integer({ min: ends[0], max: bytes.length - 1 }), (cut) => {
        const result = readEventFile(bytes.slice(0, cut));
        const whole = ends.filter((end) => end <= cut).length - 1;
        expect(result.ok && result.scalars).toEqual(full.scalars.slice(0, whole));
        expect(result.ok && result.end.kind).toBe(ends.includes(cut) ? "complete" : "truncated");
      }),
    );
  });

  it("refuses a file that is not an event file", () => {
    expect(readEventFile(pngImage(8, 0, 0))).toEqual({ ok: false, message: expect.stringMatching(/^Not a TensorBoard event file/) });
    expect(readEventFile(new TextEncoder().encode("Wall time,Step,Value\n1,2,3\n"))).toMatchObject({ ok: false });
    expect(readEventFile(new Uint8Array())).toMatchObject({ ok: false });
  });

  it("refuses TFRecords whose first record is not a file-version Event", () => {
    const record = tfRecord(new TextEncoder().encode("just some record"));
    expect(readEventFile(record)).toMatchObject({ ok: false });
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (random) => {
        expect(() => readEventFile(random)).not.toThrow();
      }),
    );
  });
});
