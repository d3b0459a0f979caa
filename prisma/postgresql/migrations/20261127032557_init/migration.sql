-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "images" INTEGER NOT NULL,
    "repeats" INTEGER NOT NULL,
    "epochs" INTEGER NOT NULL,
    "batchSize" INTEGER NOT NULL,
    "learningRate" DOUBLE PRECISION NOT NULL,
    "textEncoderLearningRate" DOUBLE PRECISION NOT NULL,
    "captionQuality" DOUBLE PRECISION NOT NULL,
    "datasetSimilarity" DOUBLE PRECISION NOT NULL,
    "seed" INTEGER NOT NULL,
    "stepsPerEpoch" INTEGER NOT NULL,
    "totalSteps" INTEGER NOT NULL,
    "recommendedEpoch" INTEGER NOT NULL,
    "pickedEpoch" INTEGER,
    "bestQuality" DOUBLE PRECISION NOT NULL,
    "lastQuality" DOUBLE PRECISION NOT NULL,
    "qualityGap" DOUBLE PRECISION NOT NULL,
    "finalVerdict" TEXT NOT NULL,
    "lowestValidationEpoch" INTEGER NOT NULL,
    "lossCurve" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "runId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "trainLoss" DOUBLE PRECISION NOT NULL,
    "validationLoss" DOUBLE PRECISION NOT NULL,
    "fidelity" DOUBLE PRECISION NOT NULL,
    "flexibility" DOUBLE PRECISION NOT NULL,
    "captionAdherence" DOUBLE PRECISION NOT NULL,
    "overfitRisk" DOUBLE PRECISION NOT NULL,
    "quality" DOUBLE PRECISION NOT NULL,
    "verdict" TEXT NOT NULL,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("runId","epoch")
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

-- AddForeignKey
ALTER TABLE "Checkpoint" ADD CONSTRAINT "Checkpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
