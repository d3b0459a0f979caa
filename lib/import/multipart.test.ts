import { describe, expect, it } from "vitest";
import { kohyaFolder, safetensorsFile } from "../../scripts/make-import-fixtures";
import { encodeImportUpload, joinChunks } from "./multipart-body";
import { IMPORT_UPLOAD_LIMITS, UploadError, receiveImportUpload, type UploadLimits } from "./multipart";
import { planImport } from "./plan";
import { headerBytesNeeded } from "./safetensors";

function formRequest(parts: [string, Uint8Array | string, string?][]): Request {
  const form = new FormData();
  for (const [field, value, filename] of parts) {
    if (typeof value === "string" && filename === undefined) form.append(field, value);
    else form.append(field, new Blob([Buffer.from(value as Uint8Array)]), filename);
  }
  return new Request("http://localhost/api/imports", { method: "POST", body: form });
}

/** A body built by hand, for what FormData would escape (control characters in a filename). */
function rawRequest(filename: string, content: string): Request {
  const boundary = "----epochlab";
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return new Request("http://localhost/api/imports", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
  });
}

async function rejection(promise: Promise<unknown>): Promise<UploadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UploadError) return error;
    throw error;
  }
  throw new Error("expected the upload to be refused");
}

const small: UploadLimits = { ...IMPORT_UPLOAD_LIMITS, fileBytes: 1000, totalBytes: 5000, files: 5 };

describe("receiveImportUpload", () => {
  it("receives a kohya folder with its relative paths and the run name, and plans it like the files themselves", async () => {
    const folder = kohyaFolder();
    const request = formRequest([["name", "  sksdog real run  "], ...folder.map(({ path, bytes }) => ["files", bytes, path] as [string, Uint8Array, string])]);
    const upload = await receiveImportUpload(request);
    expect(upload.name).toBe("sksdog real run");
    expect(upload.files.map((file) => file.path)).toEqual(folder.map((file) => file.path));
    const direct = planImport(folder.map(({ path, bytes }) => ({ path, bytes, size: bytes.length })));
    expect(planImport(upload.files)).toEqual(direct);
  });

  it("keeps only the header of a whole LoRA file, counting its weights", async () => {
    const lora = safetensorsFile({ ss_epoch: "1" }, 64, ["a", "b", "c"]);
    const upload = await receiveImportUpload(formRequest([["files", lora, "model/x-000001.safetensors"]]));
    expect(upload.files).toEqual([{ path: "model/x-000001.safetensors", bytes: lora.slice(0, headerBytesNeeded(lora) as number), size: lora.length }]);
  });

  it("accepts a LoRA file larger than the per-file cap, since only its header is kept", async () => {
    const lora = safetensorsFile({ ss_epoch: "1" }, 64, ["a"]);
    expect(lora.length).toBeGreaterThan(small.fileBytes);
    const upload = await receiveImportUpload(formRequest([["files", lora, "x.safetensors"]]), { limits: { ...small, totalBytes: 10 ** 6 } });
    expect(upload.files[0].size).toBe(lora.length);
  });

  it("refuses a file over the per-file cap with 413 naming the file and the limit", async () => {
    const error = await rejection(receiveImportUpload(formRequest([["files", new Uint8Array(1500), "sample/big.png"]]), { limits: small }));
    expect(error.status).toBe(413);
    expect(error.fields).toEqual({ "sample/big.png": "The file is larger than the 1000-byte limit per file" });
    const real = await rejection(receiveImportUpload(formRequest([["files", new Uint8Array(IMPORT_UPLOAD_LIMITS.fileBytes + 1), "big.png"]])));
    expect(real.fields).toEqual({ "big.png": "The file is larger than the 50 MB limit per file" });
  });

  it("refuses an import over the total cap with 413 naming the limit", async () => {
    const parts = Array.from({ length: 4 }, (_, i) => ["files", new Uint8Array(900 + i), `s/${i}.png`] as [string, Uint8Array, string]);
    const error = await rejection(receiveImportUpload(formRequest([...parts, ["files", new Uint8Array(2000), "s/x.safetensors"]]), { limits: small }));
    expect(error.status).toBe(413);
    expect(error.fields).toEqual({ _: "The import is larger than the 5000-byte limit" });
  });

  it("refuses a declared Content-Length over the total cap before reading", async () => {
    const request = new Request("http://localhost/api/imports", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(3 * 1024 ** 3) },
      body: "--x--",
    });
    const error = await rejection(receiveImportUpload(request));
    expect(error).toMatchObject({ status: 413, fields: { _: "The import is larger than the 2 GB limit" } });
  });

  it("refuses more files than the limit", async () => {
    const parts = Array.from({ length: 6 }, (_, i) => ["files", new Uint8Array(1), `f${i}.txt`] as [string, Uint8Array, string]);
    expect(await rejection(receiveImportUpload(formRequest(parts), { limits: small }))).toMatchObject({ status: 413, fields: { files: "more than 5 files" } });
  });

  it('refuses a path that climbs out with "..", naming it', async () => {
    const error = await rejection(receiveImportUpload(formRequest([["files", new Uint8Array(3), "../../etc/cron.d/x"]])));
    expect(error).toMatchObject({ status: 400, fields: { "../../etc/cron.d/x": 'The path climbs out of the chosen folder ("..")' } });
  });

  it("keeps the folders in a filename (busboy would strip them by default)", async () => {
    const upload = await receiveImportUpload(formRequest([["files", new Uint8Array(3), "a/b/c.txt"]]));
    expect(upload.files[0].path).toBe("a/b/c.txt");
  });

  it("reads UTF-8 filenames", async () => {
    const upload = await receiveImportUpload(formRequest([["files", new Uint8Array(3), "échantillons/chien_e000001_00_20251101120000.png"]]));
    expect(upload.files[0].path).toBe("échantillons/chien_e000001_00_20251101120000.png");
  });

  it("refuses control characters in a filename, naming it", async () => {
    for (const filename of ["model/a\tb.png", "model/a\u0085b.png"]) {
      const error = await rejection(receiveImportUpload(rawRequest(filename, "x")));
      expect(error).toMatchObject({ status: 400, fields: { [filename]: "The path contains control characters" } });
    }
  });

  it("names a path with control characters that the CLI's encoder sent (as filename*)", async () => {
    for (const path of ["model/sample/notes\u0007.txt", "model/a\u0001b.png", "model/a\u0085b.png", "model/a\u007fb.png"]) {
      const upload = encodeImportUpload([{ path, bytes: new Uint8Array([1]), size: 1 }]);
      const request = new Request("http://localhost/api/imports", { method: "POST", headers: { "content-type": upload.contentType }, body: joinChunks(upload) });
      expect(await rejection(receiveImportUpload(request))).toMatchObject({ status: 400, fields: { [path]: "The path contains control characters" } });
    }
  });

  it("refuses a header broken by a raw control character as malformed", async () => {
    for (const filename of ["model/a\u0001b.png", "model/a\u007fb.png"]) {
      const error = await rejection(receiveImportUpload(rawRequest(filename, "x")));
      expect(error).toMatchObject({ status: 400, fields: { body: "malformed multipart" } });
    }
  });

  it("refuses unknown parts and fields, naming them", async () => {
    expect(await rejection(receiveImportUpload(formRequest([["weights", new Uint8Array(1), "x.bin"]])))).toMatchObject({ status: 400, fields: { weights: "expected files" } });
    expect(
      await rejection(
        receiveImportUpload(
          formRequest([
            ["files", new Uint8Array(1), "x.txt"],
            ["owner", "me"],
          ]),
        ),
      ),
    ).toMatchObject({
      status: 400,
      fields: { owner: "is not a known field" },
    });
  });

  it("refuses a name over 100 characters", async () => {
    const error = await rejection(
      receiveImportUpload(
        formRequest([
          ["name", "x".repeat(101)],
          ["files", new Uint8Array(1), "a.txt"],
        ]),
      ),
    );
    expect(error).toMatchObject({ status: 400, fields: { name: "name must be 1 to 100 characters" } });
  });

  it("refuses other content types with 415, a body with no file, and broken multipart", async () => {
    const json = new Request("http://localhost/api/imports", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await rejection(receiveImportUpload(json))).toMatchObject({ status: 415 });
    expect(await rejection(receiveImportUpload(formRequest([["name", "only a name"]])))).toMatchObject({ status: 400, fields: { files: "no file" } });
    const broken = new Request("http://localhost/api/imports", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=zz" },
      body: '--zz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nabc',
    });
    expect(await rejection(receiveImportUpload(broken))).toMatchObject({ status: 400, fields: { body: "malformed multipart" } });
  });
});

describe("receiveImportUpload with onFile", () => {
  const parts = [1, 2, 3].map((i) => ["files", new Uint8Array(i * 10).fill(i), `s/${i}.png`] as [string, Uint8Array, string]);

  it("hands over each file in order, one at a time, and keeps what it returns", async () => {
    const seen: string[] = [];
    let active = 0;
    let most = 0;
    const upload = await receiveImportUpload(formRequest(parts), {
      onFile: async (file) => {
        active += 1;
        most = Math.max(most, active);
        seen.push(`${file.path}:${file.size}:${file.bytes[0]}`);
        await new Promise((resolve) => setImmediate(resolve));
        active -= 1;
        return { ...file, bytes: file.bytes.slice(0, 1) };
      },
    });
    expect(seen).toEqual(["s/1.png:10:1", "s/2.png:20:2", "s/3.png:30:3"]);
    expect(most).toBe(1);
    expect(upload.files.map((file) => [file.path, file.bytes.length, file.size])).toEqual([
      ["s/1.png", 1, 10],
      ["s/2.png", 1, 20],
      ["s/3.png", 1, 30],
    ]);
  });

  it("does not hand over the next file while the store is still busy with one", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const upload = receiveImportUpload(formRequest(parts), {
      onFile: async (file) => {
        seen.push(file.path);
        if (file.path === "s/1.png") await gate;
        return null;
      },
    });
    for (let i = 0; i < 20 && seen.length === 0; i += 1) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(["s/1.png"]);
    release();
    await expect(upload).rejects.toMatchObject({ status: 400, fields: { files: "no file" } });
    expect(seen).toEqual(["s/1.png", "s/2.png", "s/3.png"]);
  });

  it("stops and passes on the store's own error", async () => {
    const failure = new Error("disk full");
    await expect(receiveImportUpload(formRequest(parts), { onFile: () => Promise.reject(failure) })).rejects.toBe(failure);
  });
});
