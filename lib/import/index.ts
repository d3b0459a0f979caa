// Reading trainers' output folders: the public surface of lib/import.
export { planImport, isImagePath, IMAGE_HEAD_BYTES, type ImportFile, type ImportPlan, type PlannedCheckpoint, type PlannedSample, type Trainer } from "./plan";
export { problemFields, type ImportProblem } from "./problems";
export { headerBytesNeeded, readSafetensorsHeader, sliceSafetensorsHeader, MAX_SAFETENSORS_HEADER_BYTES, SAFETENSORS_PREFIX_BYTES } from "./safetensors";
export { checkRelativePath } from "./paths";
export { inspectImage, MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS, type ImageInfo } from "./image-header";
export type { ImportedSettings, ImportOptimizer, ImportScheduler, ImportModelFamily } from "./types";
// Node-only siblings (not re-exported, so this index stays browser-safe):
// ./multipart (receiveImportUpload, for POST /api/imports) and ./folder (readImportFolder, for the CLI).
