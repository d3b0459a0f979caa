// TensorBoard event files (`events.out.tfevents.<time>.<host>…`): TFRecords
// holding `tensorboard.Event` protobufs. The messages (copied, field numbers
// unchanged, from tensorflow/tensorboard @
// 70b76c922822dcccc3e8d7e5dd89860948690357, tensorboard/compat/proto/) are in
// proto/event.proto; proto/event.js is the static decoder protobufjs-cli
// generates from it (`npm run proto:import`), which needs only
// protobufjs/minimal: protobufjs's reflection builds its decoders with
// `new Function`, which the Content-Security-Policy forbids in the browser.
// The first record of every file is an Event whose file_version is
// "brain.Event:2". Scalars come in two forms: `simple_value`
// (torch.utils.tensorboard, which kohya's and ai-toolkit's trackers use) and a
// rank-0 `tensor` (TF 2 writers).
import { tensorboard } from "./proto/event.js";
import { readRecords, type RecordEnd } from "./tfrecord";

// tensorboard/compat/proto/types.proto
const DT_FLOAT = 1;
const DT_DOUBLE = 2;
const DT_HALF = 19;

export interface ScalarPoint {
  tag: string;
  step: number;
  wallTime: number;
  value: number;
}

export type EventFileResult = { ok: true; scalars: ScalarPoint[]; end: RecordEnd; fileVersion: string } | { ok: false; message: string };

interface DecodedTensor {
  dtype?: number;
  tensor_content?: Uint8Array;
  half_val?: number[];
  float_val?: number[];
  double_val?: number[];
}

interface DecodedValue {
  tag?: string;
  /** Which member of the `value` oneof is set ("simple_value", "tensor", …). */
  value?: string;
  simple_value?: number;
  tensor?: DecodedTensor;
}

interface DecodedEvent {
  wall_time?: number;
  step?: number;
  file_version?: string;
  summary?: { value?: DecodedValue[] };
}

/** Reads every scalar of an event file; a log cut mid-record gives what is whole. */
export function readEventFile(bytes: Uint8Array): EventFileResult {
  const { records, end } = readRecords(bytes);
  if (records.length === 0) {
    const reason = end.kind === "corrupt" ? end.message : "it holds no whole record";
    return { ok: false, message: `Not a TensorBoard event file: ${reason}` };
  }
  let first: DecodedEvent;
  try {
    first = decodeEvent(records[0]);
  } catch {
    return { ok: false, message: "Not a TensorBoard event file: its first record is not an Event" };
  }
  if (typeof first.file_version !== "string" || !first.file_version.startsWith("brain.Event:")) {
    return { ok: false, message: 'Not a TensorBoard event file: its first record has no "brain.Event" file version' };
  }
  const scalars: ScalarPoint[] = [];
  for (let i = 1; i < records.length; i += 1) {
    let event: DecodedEvent;
    try {
      event = decodeEvent(records[i]);
    } catch {
      // A record whose checksum matched but whose protobuf does not decode: later records are still framed, skip it.
      continue;
    }
    const values = event.summary?.value;
    if (!values) continue;
    const step = event.step ?? 0;
    for (const item of values) {
      const value = scalarOf(item);
      if (value === null || typeof item.tag !== "string") continue;
      scalars.push({ tag: item.tag, step, wallTime: event.wall_time ?? 0, value });
    }
  }
  return { ok: true, scalars, end, fileVersion: first.file_version };
}

/** Plain object with only the fields present (proto3 defaults left out), int64 as number, oneofs named. */
function decodeEvent(record: Uint8Array): DecodedEvent {
  const message = tensorboard.Event.decode(record);
  return tensorboard.Event.toObject(message, { longs: Number, oneofs: true }) as DecodedEvent;
}

/** float32 values carry ~7 significant digits: 0.117f reads 0.11699999868869781 as a double, shown as 0.117. */
function fromFloat32(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(7)) : value;
}

function scalarOf(item: DecodedValue): number | null {
  if (item.value === "simple_value") return fromFloat32(item.simple_value ?? 0);
  const tensor = item.tensor;
  if (item.value !== "tensor" || !tensor) return null;
  const content = tensor.tensor_content;
  const view = content && content.length > 0 ? new DataView(content.buffer, content.byteOffset, content.byteLength) : null;
  switch (tensor.dtype) {
    case DT_FLOAT:
      if (tensor.float_val && tensor.float_val.length > 0) return fromFloat32(tensor.float_val[0]);
      return view && view.byteLength >= 4 ? fromFloat32(view.getFloat32(0, true)) : null;
    case DT_DOUBLE:
      if (tensor.double_val && tensor.double_val.length > 0) return tensor.double_val[0];
      return view && view.byteLength >= 8 ? view.getFloat64(0, true) : null;
    case DT_HALF:
      if (tensor.half_val && tensor.half_val.length > 0) return fromFloat32(halfToNumber(tensor.half_val[0]));
      return view && view.byteLength >= 2 ? fromFloat32(halfToNumber(view.getUint16(0, true))) : null;
    default:
      return null;
  }
}

/** IEEE 754 binary16 bits as a number. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
