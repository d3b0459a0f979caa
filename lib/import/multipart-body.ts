// Encodes a folder's files as the multipart/form-data body POST /api/imports
// reads (one part "files" per file, its filename the relative path; an optional
// "name" part), as a list of chunks so a sender can count bytes as they go.
// The browser builds the same body with FormData; the CLI and tests use this.
import type { ImportFile } from "./plan";

export interface EncodedUpload {
  contentType: string;
  chunks: Uint8Array[];
  length: number;
}

export function encodeImportUpload(files: readonly ImportFile[], name?: string | null): EncodedUpload {
  const boundary = `----epoch-lab-${Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("")}`;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  if (name) chunks.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n`));
  for (const file of files) {
    // Quotes and line breaks cannot appear in a path the import accepts; escaped as browsers do, all the same.
    const filename = file.path.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    // A path with control characters goes as RFC 5987 `filename*` too (which the server reads first), so the server
    // sees the path as it is and refuses it by name instead of failing on a header it cannot parse.
    const extended = /[\u0000-\u001f\u007f-\u009f]/.test(file.path) ? `; filename*=UTF-8''${encodeURIComponent(file.path)}` : "";
    const safeName = filename.replace(/[\u0000-\u001f\u007f-\u009f]/g, "_");
    chunks.push(
      encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${safeName}"${extended}\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file.bytes,
      encoder.encode("\r\n"),
    );
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, chunks, length: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0) };
}

/** The chunks joined into one body. */
export function joinChunks(upload: EncodedUpload): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(upload.length);
  let offset = 0;
  for (const chunk of upload.chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
