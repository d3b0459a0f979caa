-- CreateTable
CREATE TABLE "Run" (
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

-- CreateTable
CREATE TABLE "Checkpoint" (
    "runId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "trainLoss" REAL NOT NULL,
    "validationLoss" REAL NOT NULL,
    "fidelity" REAL NOT NULL,
    "flexibility" REAL NOT NULL,
    "captionAdherence" REAL NOT NULL,
    "overfitRisk" REAL NOT NULL,
    "quality" REAL NOT NULL,
    "verdict" TEXT NOT NULL,

    PRIMARY KEY ("runId", "epoch"),
    CONSTRAINT "Checkpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Run_createdAt_id_idx" ON "Run"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Run_name_id_idx" ON "Run"("name", "id");

-- CreateIndex
CREATE INDEX "Run_images_id_idx" ON "Run"("images", "id");

-- CreateIndex
CREATE INDEX "Run_learningRate_id_idx" ON "Run"("learningRate", "id");

-- CreateIndex
CREATE INDEX "Run_batchSize_id_idx" ON "Run"("batchSize", "id");

-- CreateIndex
CREATE INDEX "Run_totalSteps_id_idx" ON "Run"("totalSteps", "id");

-- CreateIndex
CREATE INDEX "Run_recommendedEpoch_id_idx" ON "Run"("recommendedEpoch", "id");

-- CreateIndex
CREATE INDEX "Run_pickedEpoch_id_idx" ON "Run"("pickedEpoch", "id");

-- CreateIndex
CREATE INDEX "Run_bestQuality_id_idx" ON "Run"("bestQuality", "id");

-- CreateIndex
CREATE INDEX "Run_qualityGap_id_idx" ON "Run"("qualityGap", "id");

-- CreateIndex
CREATE INDEX "Run_finalVerdict_createdAt_idx" ON "Run"("finalVerdict", "createdAt");
