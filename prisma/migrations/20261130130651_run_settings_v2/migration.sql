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
INSERT INTO "new_Run" ("batchSize", "bestQuality", "captionQuality", "createdAt", "datasetSimilarity", "epochs", "finalVerdict", "id", "images", "lastQuality", "learningRate", "lossCurve", "lowestValidationEpoch", "name", "notes", "pickedEpoch", "qualityGap", "recommendedEpoch", "repeats", "seed", "stepsPerEpoch", "textEncoderLearningRate", "totalSteps", "updatedAt") SELECT "batchSize", "bestQuality", "captionQuality", "createdAt", "datasetSimilarity", "epochs", "finalVerdict", "id", "images", "lastQuality", "learningRate", "lossCurve", "lowestValidationEpoch", "name", "notes", "pickedEpoch", "qualityGap", "recommendedEpoch", "repeats", "seed", "stepsPerEpoch", "textEncoderLearningRate", "totalSteps", "updatedAt" FROM "Run";
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
