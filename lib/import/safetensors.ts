// safetensors header reader. Source read: huggingface/safetensors @
// 24b0b2857fef49be734b9ab72ce97c09bb25f5b9 (README "Format", safetensors/src/tensor.rs
// `read_metadata`, MAX_HEADER_SIZE): 8 bytes, unsigned little-endian 64-bit N =
// header size; N bytes of UTF-8 JSON starting with "{", an object of tensor
// name → { dtype, shape, data_offsets } plus an optional "__metadata__" object
// whose values are all strings; then the weights, which the offsets must cover exactly.
// Only the header is read: the caller may pass the whole file or only its first
// 8 + N bytes (a browser's `File.slice`), together with the file's real size.

/** safetensors' own limit on the header (its MAX_HEADER_SIZE): anything larger is refused. */
export const MAX_SAFETENSORS_HEADER_BYTES = 100_000_000;

export interface SafetensorsHeader {
  /** `__metadata__`, string → string; empty when the file has none. */
  metadata: Record<string, string>;
  /** How many tensors the header lists. */
  tensorCount: number;
  /** Bytes taken by the length prefix and the header: where the weights start. */
  headerEnd: number;
}

export type SafetensorsResult = { ok: true; header: SafetensorsHeader } | { ok: false; message: string };

/** Bytes a reader must send of a safetensors file: the 8-byte prefix, then `headerBytesNeeded(prefix)` in all. */
export const SAFETENSORS_PREFIX_BYTES = 8;

/**
 * How many leading bytes of the file hold its header (8 + N), read from the
 * 8-byte prefix; null if the prefix is too short or the length is absurd.
 */
export function headerBytesNeeded(prefix: Uint8Array): number | null {
  if (prefix.length < SAFETENSORS_PREFIX_BYTES) return null;
  const length = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(MAX_SAFETENSORS_HEADER_BYTES)) return null;
  return SAFETENSORS_PREFIX_BYTES + Number(length);
}

/**
 * Reads a safetensors header from `bytes` (the whole file, or at least its
 * first 8 + N bytes) of a file that is `size` bytes long on disk.
 */
export function readSafetensorsHeader(bytes: Uint8Array, size: number = bytes.length): SafetensorsResult {
  if (bytes.length < SAFETENSORS_PREFIX_BYTES || size < SAFETENSORS_PREFIX_BYTES) {
    return { ok: false, message: "Not a safetensors file: shorter than its 8-byte header length" };
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(MAX_SAFETENSORS_HEADER_BYTES)) {
    return { ok: false, message: `Header length ${length} bytes is absurd (the limit is ${MAX_SAFETENSORS_HEADER_BYTES} bytes): not a safetensors file` };
  }
  const headerEnd = SAFETENSORS_PREFIX_BYTES + Number(length);
  if (headerEnd > size) {
    return { ok: false, message: `Header length ${length} bytes runs beyond the end of the ${size}-byte file` };
  }
  if (headerEnd > bytes.length) {
    return { ok: false, message: `Only ${bytes.length} bytes of the ${headerEnd}-byte header were sent` };
  }
  let parsed: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(SAFETENSORS_PREFIX_BYTES, headerEnd));
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: "The safetensors header is not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: "The safetensors header is not a JSON object" };
  }
  if (bytes[SAFETENSORS_PREFIX_BYTES] !== 0x7b) {
    return { ok: false, message: 'The safetensors header must start with "{"' };
  }
  const metadata = new Map<string, string>();
  let tensorCount = 0;
  let dataEnd = 0;
  for (const [key, value] of Object.entries(parsed)) {
    if (key === "__metadata__") {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return { ok: false, message: "__metadata__ must be an object of strings" };
      }
      for (const [name, text] of Object.entries(value)) {
        if (typeof text !== "string") {
          return { ok: false, message: `Metadata ${name} is a ${text === null ? "null" : typeof text}; safetensors metadata values are strings` };
        }
        metadata.set(name, text);
      }
      continue;
    }
    if (!isTensorEntry(value)) {
      return { ok: false, message: `Tensor ${key} has no dtype, shape and data_offsets: not a safetensors header` };
    }
    tensorCount += 1;
    dataEnd = Math.max(dataEnd, (value as { data_offsets: [number, number] }).data_offsets[1]);
  }
  // A whole file must hold exactly the weights its header describes (safetensors' MetadataIncompleteBuffer);
  // a file cut right after its header (size = 8 + N) has no weights to check.
  if (size > headerEnd && headerEnd + dataEnd !== size) {
    return { ok: false, message: `The header describes ${dataEnd} bytes of weights but the file holds ${size - headerEnd}` };
  }
  return { ok: true, header: { metadata: Object.fromEntries(metadata), tensorCount, headerEnd } };
}

function isTensorEntry(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.dtype === "string" &&
    Array.isArray(entry.shape) &&
    entry.shape.every((dim) => Number.isInteger(dim) && (dim as number) >= 0) &&
    Array.isArray(entry.data_offsets) &&
    entry.data_offsets.length === 2 &&
    entry.data_offsets.every((offset) => Number.isInteger(offset) && (offset as number) >= 0)
  );
}

/** The part of a LoRA file to upload: its 8-byte length and JSON header, read with `Blob.slice` so the weights stay on disk. */
export async function sliceSafetensorsHeader(file: Blob): Promise<Uint8Array> {
  const prefix = new Uint8Array(await file.slice(0, SAFETENSORS_PREFIX_BYTES).arrayBuffer());
  const end = headerBytesNeeded(prefix);
  // An absurd or missing length: the 8 bytes are enough for the import to say what is wrong.
  if (end === null) return prefix;
  return new Uint8Array(await file.slice(0, Math.min(end, file.size)).arrayBuffer());
}
