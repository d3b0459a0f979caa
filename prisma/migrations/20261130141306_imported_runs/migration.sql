-- CreateTable
CREATE TABLE "MeasuredCheckpoint" (
    "runId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "step" INTEGER,
    "file" TEXT NOT NULL,
    "trainLoss" REAL,
    "validationLoss" REAL,

    PRIMARY KEY ("runId", "epoch"),
    CONSTRAINT "MeasuredCheckpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Sample" (
    "runId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "promptIndex" INTEGER NOT NULL,
    "prompt" TEXT,
    "imageHash" TEXT NOT NULL,

    PRIMARY KEY ("runId", "epoch", "promptIndex"),
    CONSTRAINT "Sample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sample_imageHash_fkey" FOREIGN KEY ("imageHash") REFERENCES "Image" ("hash") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Image" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,
    "preview" BLOB NOT NULL,
    "previewMime" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "images" INTEGER NOT NULL,
    "repeats" INTEGER NOT NULL,
    "epochs" INTEGER NOT NULL,
    "batchSize" INTEGER NOT NULL,
    "learningRate" REAL NOT NULL,
    "textEncoderLearningRate" REAL NOT NULL,
    "captionQuality" REAL NOT NULL,
    "datasetSimilarity" REAL NOT NULL,
    "seed" INTEGER NOT NULL,
    "networkDim" INTEGER NOT NULL DEFAULT 32,
    "networkAlpha" REAL NOT NULL DEFAULT 16,
    "optimizer" TEXT NOT NULL DEFAULT 'adamw8bit',
    "lrScheduler" TEXT NOT NULL DEFAULT 'constant',
    "warmupSteps" INTEGER NOT NULL DEFAULT 0,
    "modelFamily" TEXT NOT NULL DEFAULT 'sdxl',
    "source" TEXT NOT NULL DEFAULT 'simulated',
    "trainer" TEXT,
    "importInfo" TEXT,
    "simulatorVersion" INTEGER NOT NULL DEFAULT 1,
    "stepsPerEpoch" INTEGER NOT NULL,
    "totalSteps" INTEGER NOT NULL,
    "recommendedEpoch" INTEGER NOT NULL,
    "pickedEpoch" INTEGER,
    "bestQuality" REAL NOT NULL,
    "lastQuality" REAL NOT NULL,
    "qualityGap" REAL NOT NULL,
    "finalVerdict" TEXT NOT NULL,
    "lowestValidationEpoch" INTEGER NOT NULL,
    "lossCurve" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Run" ("batchSize", "bestQuality", "captionQuality", "createdAt", "datasetSimilarity", "epochs", "finalVerdict", "id", "images", "lastQuality", "learningRate", "lossCurve", "lowestValidationEpoch", "lrScheduler", "modelFamily", "name", "networkAlpha", "networkDim", "notes", "optimizer", "pickedEpoch", "qualityGap", "recommendedEpoch", "repeats", "seed", "simulatorVersion", "stepsPerEpoch", "textEncoderLearningRate", "totalSteps", "updatedAt", "warmupSteps") SELECT "batchSize", "bestQuality", "captionQuality", "createdAt", "datasetSimilarity", "epochs", "finalVerdict", "id", "images", "lastQuality", "learningRate", "lossCurve", "lowestValidationEpoch", "lrScheduler", "modelFamily", "name", "networkAlpha", "networkDim", "notes", "optimizer", "pickedEpoch", "qualityGap", "recommendedEpoch", "repeats", "seed", "simulatorVersion", "stepsPerEpoch", "textEncoderLearningRate", "totalSteps", "updatedAt", "warmupSteps" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE INDEX "Run_createdAt_id_idx" ON "Run"("createdAt", "id");
CREATE INDEX "Run_name_id_idx" ON "Run"("name", "id");
CREATE INDEX "Run_images_id_idx" ON "Run"("images", "id");
CREATE INDEX "Run_learningRate_id_idx" ON "Run"("learningRate", "id");
CREATE INDEX "Run_batchSize_id_idx" ON "Run"("batchSize", "id");
CREATE INDEX "Run_epochs_id_idx" ON "Run"("epochs", "id");
CREATE INDEX "Run_totalSteps_id_idx" ON "Run"("totalSteps", "id");
CREATE INDEX "Run_recommendedEpoch_id_idx" ON "Run"("recommendedEpoch", "id");
CREATE INDEX "Run_pickedEpoch_id_idx" ON "Run"("pickedEpoch", "id");
CREATE INDEX "Run_bestQuality_id_idx" ON "Run"("bestQuality", "id");
CREATE INDEX "Run_qualityGap_id_idx" ON "Run"("qualityGap", "id");
CREATE INDEX "Run_finalVerdict_createdAt_id_idx" ON "Run"("finalVerdict", "createdAt", "id");
CREATE INDEX "Run_finalVerdict_id_idx" ON "Run"("finalVerdict", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Sample_imageHash_idx" ON "Sample"("imageHash");
