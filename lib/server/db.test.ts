import { describe, expect, it } from "vitest";
import { db, transactionWithBulkWrites, type BulkValue } from "@/lib/server/db";

const OPTIONS = { maxWait: 10_000, timeout: 30_000 };

function imageRow(hash: string, bytes: Uint8Array, createdAt: Date): BulkValue[] {
  return [
    { type: "string", value: hash },
    { type: "string", value: "image/png" },
    { type: "int", value: 3 },
    { type: "int", value: 2 },
    { type: "bytes", value: bytes },
    { type: "bytes", value: new Uint8Array([1, 2, 3]) },
    { type: "string", value: "image/webp" },
    { type: "datetime", value: createdAt },
  ];
}

const INSERT_IMAGE = 'INSERT INTO "Image" ("hash", "mime", "width", "height", "bytes", "preview", "previewMime", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("hash") DO NOTHING';

const hashOf = (label: string) => `${label}${Math.random().toString(16).slice(2)}`.padEnd(64, "0").slice(0, 64);

describe("transactionWithBulkWrites", () => {
  it("writes through the driver in the same transaction as Prisma's writes, readable by Prisma once committed", async () => {
    const hash = hashOf("a");
    // Bytes of every value, zeros included, and a view into a larger buffer: only the view is written.
    const backing = new Uint8Array(300).map((_, i) => i % 256);
    const bytes = backing.subarray(10, 266);
    const createdAt = new Date("2026-11-30T12:34:56.789Z");
    const changed = await transactionWithBulkWrites(async (tx, writer) => {
      const first = await writer.execute(INSERT_IMAGE, imageRow(hash, bytes, createdAt));
      // Seen by Prisma's own queries inside the transaction: the same connection and transaction.
      expect(await tx.image.count({ where: { hash } })).toBe(1);
      const again = await writer.execute(INSERT_IMAGE, imageRow(hash, new Uint8Array([9]), createdAt));
      return [first, again];
    }, OPTIONS);
    expect(changed).toEqual([1, 0]);
    const row = await db.image.findUnique({ where: { hash } });
    expect(row).toMatchObject({ mime: "image/png", width: 3, height: 2, previewMime: "image/webp", createdAt });
    expect(Buffer.from(row!.bytes).equals(Buffer.from(bytes))).toBe(true);
    await db.image.delete({ where: { hash } });
  });

  it("rolls the driver's writes back with the rest when the work fails", async () => {
    const hash = hashOf("b");
    await expect(
      transactionWithBulkWrites(async (_tx, writer) => {
        await writer.execute(INSERT_IMAGE, imageRow(hash, new Uint8Array([1, 2]), new Date()));
        throw new Error("disk full");
      }, OPTIONS),
    ).rejects.toThrow("disk full");
    expect(await db.image.count({ where: { hash } })).toBe(0);
  });

  it("keeps each transaction's writes apart when two run at once", async () => {
    const [kept, dropped] = [hashOf("c"), hashOf("d")];
    const results = await Promise.allSettled([
      transactionWithBulkWrites(async (_tx, writer) => writer.execute(INSERT_IMAGE, imageRow(kept, new Uint8Array([1]), new Date())), OPTIONS),
      transactionWithBulkWrites(async (_tx, writer) => {
        await writer.execute(INSERT_IMAGE, imageRow(dropped, new Uint8Array([2]), new Date()));
        throw new Error("refused");
      }, OPTIONS),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
    expect(await db.image.count({ where: { hash: kept } })).toBe(1);
    expect(await db.image.count({ where: { hash: dropped } })).toBe(0);
    await db.image.delete({ where: { hash: kept } });
  });
});
