// Streaming reader for `POST /api/imports` bodies (multipart/form-data).
// Each file is a part named "files" whose filename is its path relative to the
// chosen folder; an optional text part "name" labels the run. The body is read
// as it arrives with busboy: a `.safetensors` part keeps only its header (the
// 8-byte length and the JSON), whatever follows is counted and dropped, so a
// whole multi-gigabyte LoRA file costs no memory; every other part is kept
// whole, up to the per-file cap. Limits answer 413 naming the limit, bad parts
// 400 naming the field or file, and reading stops at the first problem.
// Server-side (node:stream), framework-free: the route hands it the Request.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { checkRelativePath } from "./paths";
import { MAX_SAFETENSORS_HEADER_BYTES, SAFETENSORS_PREFIX_BYTES } from "./safetensors";
import type { ImportFile } from "./plan";

export const IMPORT_UPLOAD_LIMITS = {
  /** Most bytes kept of one file (a sample image, a log; for a LoRA file, its header). */
  fileBytes: 50 * 1024 * 1024,
  /** Most bytes of file data in one import, weights of whole LoRA files included. */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /** Most files in one import (20 epochs × 8 samples is 180 files with the LoRAs). */
  files: 10_000,
  /** Longest run name, as the settings schema allows. */
  nameLength: 100,
};

export type UploadLimits = typeof IMPORT_UPLOAD_LIMITS;

/** A rejected upload: `status` is the HTTP status, `fields` the API's error fields (file path, form field, or "_"). */
export class UploadError extends Error {
  readonly status: 400 | 413 | 415;
  readonly fields: Record<string, string>;
  constructor(status: 400 | 413 | 415, message: string, fields: Record<string, string>) {
    super(message);
    this.name = "UploadError";
    this.status = status;
    this.fields = fields;
  }
}

export interface ReceivedUpload {
  /** The "name" text part, or null when none was sent. */
  name: string | null;
  /** In the order they arrived; `bytes` is the header only for `.safetensors`, `size` the bytes sent. */
  files: ImportFile[];
}

export interface UploadRequest {
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
}

export interface UploadOptions {
  limits?: UploadLimits;
  /**
   * Called with each file once it has arrived, one at a time: the next part is
   * not read until the promise settles, so a slow store slows the upload
   * instead of filling memory. Returns the file to keep in the result (e.g.
   * with its bytes written elsewhere), or null to keep nothing. By default
   * every file is kept as it came.
   */
  onFile?: (file: ImportFile) => Promise<ImportFile | null> | ImportFile | null;
}

/** Reads an import upload as it streams in; throws UploadError for anything refused. */
export function receiveImportUpload(request: UploadRequest, options: UploadOptions = {}): Promise<ReceivedUpload> {
  const limits = options.limits ?? IMPORT_UPLOAD_LIMITS;
  const onFile = options.onFile ?? ((file: ImportFile) => file);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    return Promise.reject(new UploadError(415, "Send the folder as multipart/form-data, one part named files per file", { body: "expected multipart/form-data" }));
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  // The multipart framing adds a few hundred bytes per file; allow for it before refusing on the declared length.
  if (Number.isFinite(declared) && declared > limits.totalBytes + limits.files * 1024) {
    return Promise.reject(totalTooLarge(limits));
  }
  if (request.body === null) {
    return Promise.reject(new UploadError(400, "The upload is empty: send at least one file", { files: "no file" }));
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      preservePath: true,
      defParamCharset: "utf8",
      limits: { files: limits.files, fields: 4, fieldSize: limits.nameLength * 4 + 1, parts: limits.files + 4 },
    });
  } catch {
    return Promise.reject(new UploadError(400, "The upload is not multipart/form-data with a boundary", { body: "malformed multipart" }));
  }
  const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);

  return new Promise<ReceivedUpload>((resolve, reject) => {
    const files: ImportFile[] = [];
    let name: string | null = null;
    let total = 0;
    let failed = false;
    // Parts are read one after another: a part's stream is only read once the previous file was handed over.
    let queue: Promise<void> = Promise.resolve();

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.destroy();
      parser.removeAllListeners();
      parser.on("error", () => undefined);
      reject(error);
    };
    const malformed = () => new UploadError(400, "The upload is not well-formed multipart/form-data", { body: "malformed multipart" });

    const readPart = (path: string, stream: Readable) =>
      new Promise<ImportFile | null>((done) => {
        const keeper = /\.safetensors$/i.test(path) ? new HeaderKeeper() : new WholeKeeper();
        let size = 0;
        stream.on("error", () => {
          fail(malformed());
          done(null);
        });
        stream.on("data", (chunk: Buffer) => {
          if (failed) return;
          size += chunk.length;
          total += chunk.length;
          if (total > limits.totalBytes) return fail(totalTooLarge(limits));
          keeper.add(chunk);
          if (keeper.kept > limits.fileBytes) {
            const what = keeper instanceof HeaderKeeper ? "Its safetensors header is" : "The file is";
            const message = `${what} larger than the ${megabytes(limits.fileBytes)} limit per file`;
            fail(new UploadError(413, `${path}: ${message}`, { [path]: message }));
          }
        });
        stream.on("end", () => done(failed ? null : { path, bytes: keeper.bytes(), size }));
        stream.on("close", () => done(null));
      });

    parser.on("file", (field, stream, info) => {
      stream.on("error", () => undefined);
      if (failed) {
        stream.resume();
        return;
      }
      const rawPath = info.filename ?? "";
      if (field !== "files") {
        stream.resume();
        return fail(new UploadError(400, `Unknown part ${field}: send each file as a part named files`, { [field]: "expected files" }));
      }
      const check = checkRelativePath(rawPath);
      if (!check.ok) {
        stream.resume();
        const key = rawPath === "" ? "files" : rawPath;
        return fail(new UploadError(400, `${rawPath === "" ? "A file has no name" : rawPath}: ${check.message}`, { [key]: check.message }));
      }
      queue = queue.then(async () => {
        if (failed) {
          stream.resume();
          return;
        }
        const file = await readPart(check.path, stream);
        if (file === null || failed) return;
        const kept = await onFile(file);
        if (kept !== null) files.push(kept);
      });
      queue.catch(fail);
    });

    parser.on("field", (field, value, info) => {
      if (failed) return;
      if (field !== "name") {
        return fail(new UploadError(400, `Unknown field ${field}: only files and name are accepted`, { [field]: "is not a known field" }));
      }
      const trimmed = value.trim();
      if (info.valueTruncated || trimmed.length > limits.nameLength) {
        return fail(new UploadError(400, `name must be 1 to ${limits.nameLength} characters`, { name: `name must be 1 to ${limits.nameLength} characters` }));
      }
      name = trimmed === "" ? null : trimmed;
    });

    parser.on("filesLimit", () => fail(new UploadError(413, `More than ${limits.files} files: the limit per import`, { files: `more than ${limits.files} files` })));
    parser.on("fieldsLimit", () => fail(new UploadError(400, "Too many text fields: only name is accepted", { body: "too many fields" })));
    parser.on("partsLimit", () => fail(new UploadError(413, `More than ${limits.files} files: the limit per import`, { files: `more than ${limits.files} files` })));
    parser.on("error", () => fail(malformed()));
    source.on("error", () => fail(new UploadError(400, "The upload was interrupted", { body: "interrupted" })));
    parser.on("close", () => {
      queue.then(() => {
        if (failed) return;
        if (files.length === 0) return fail(new UploadError(400, "The upload holds no file", { files: "no file" }));
        resolve({ name, files });
      }, fail);
    });

    source.pipe(parser);
  });
}

function totalTooLarge(limits: UploadLimits): UploadError {
  const message = `The import is larger than the ${megabytes(limits.totalBytes)} limit`;
  return new UploadError(413, message, { _: message });
}

/** A limit as people say it: "2 GB", "50 MB", or bytes for small test limits. */
function megabytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${bytes}-byte`;
}

/** Keeps every byte of a part. */
class WholeKeeper {
  private chunks: Buffer[] = [];
  kept = 0;
  add(chunk: Buffer) {
    this.chunks.push(chunk);
    this.kept += chunk.length;
  }
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks, this.kept));
  }
}

/** Keeps a safetensors part's 8-byte length and its header (8 + N bytes), or just the 8 bytes if N is absurd. */
class HeaderKeeper {
  private chunks: Buffer[] = [];
  kept = 0;
  private wanted = SAFETENSORS_PREFIX_BYTES;
  private lengthKnown = false;
  add(chunk: Buffer) {
    let rest = chunk;
    while (rest.length > 0 && this.kept < this.wanted) {
      const take = rest.subarray(0, this.wanted - this.kept);
      this.chunks.push(take);
      this.kept += take.length;
      rest = rest.subarray(take.length);
      if (!this.lengthKnown && this.kept >= SAFETENSORS_PREFIX_BYTES) {
        this.lengthKnown = true;
        const length = Buffer.concat(this.chunks, this.kept).readBigUInt64LE(0);
        if (length <= BigInt(MAX_SAFETENSORS_HEADER_BYTES)) this.wanted = SAFETENSORS_PREFIX_BYTES + Number(length);
      }
    }
  }
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks, this.kept));
  }
}
