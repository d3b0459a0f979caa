// TFRecord framing, as TensorBoard's event files use it.
// Source read: tensorflow/tensorboard @ 70b76c922822dcccc3e8d7e5dd89860948690357,
// tensorboard/summary/writer/record_writer.py and tensorboard/compat/tensorflow_stub/pywrap_tensorflow.py:
// each record is  uint64 length (little-endian) | uint32 masked_crc32c(length bytes)
//                 | data[length] | uint32 masked_crc32c(data),
// masked_crc32c(x) = ((crc >>> 15) | (crc << 17)) + 0xa282ead8 (mod 2^32), CRC-32C (Castagnoli).
import { crc32c } from "@aws-crypto/crc32c";

const MASK_DELTA = 0xa282ead8;
const HEADER_BYTES = 12;
const FOOTER_BYTES = 4;

/** TFRecord's masked CRC-32C of `bytes`. */
export function maskedCrc32c(bytes: Uint8Array): number {
  const crc = crc32c(bytes) >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

export type RecordEnd =
  /** Every byte was read into whole records. */
  | { kind: "complete" }
  /** The bytes stop inside a record (a run still training, or a cut copy): the records before it are whole. */
  | { kind: "truncated"; offset: number }
  /** A checksum does not match: nothing from `offset` on can be trusted. */
  | { kind: "corrupt"; offset: number; message: string };

export interface RecordScan {
  records: Uint8Array[];
  end: RecordEnd;
}

/** Splits TFRecord bytes into their records, checking both checksums of each; stops at the first cut or bad record. */
export function readRecords(bytes: Uint8Array): RecordScan {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < HEADER_BYTES) return { records, end: { kind: "truncated", offset } };
    const lengthBytes = bytes.subarray(offset, offset + 8);
    if (view.getUint32(offset + 8, true) !== maskedCrc32c(lengthBytes)) {
      return { records, end: { kind: "corrupt", offset, message: `the length checksum of the record at byte ${offset} does not match` } };
    }
    const length = view.getBigUint64(offset, true);
    const dataStart = offset + HEADER_BYTES;
    if (length > BigInt(bytes.length - dataStart - FOOTER_BYTES)) return { records, end: { kind: "truncated", offset } };
    const dataEnd = dataStart + Number(length);
    const data = bytes.subarray(dataStart, dataEnd);
    if (view.getUint32(dataEnd, true) !== maskedCrc32c(data)) {
      return { records, end: { kind: "corrupt", offset, message: `the data checksum of the record at byte ${offset} does not match` } };
    }
    records.push(data);
    offset = dataEnd + FOOTER_BYTES;
  }
  return { records, end: { kind: "complete" } };
}
