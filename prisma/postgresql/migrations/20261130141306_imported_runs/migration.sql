-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "importInfo" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'simulated',
ADD COLUMN     "trainer" TEXT;

-- CreateTable
CREATE TABLE "MeasuredCheckpoint" (
    "runId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "step" INTEGER,
    "file" TEXT NOT NULL,
    "trainLoss" DOUBLE PRECISION,
    "validationLoss" DOUBLE PRECISION,

    CONSTRAINT "MeasuredCheckpoint_pkey" PRIMARY KEY ("runId","epoch")
);

-- CreateTable
CREATE TABLE "Sample" (
    "runId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "promptIndex" INTEGER NOT NULL,
    "prompt" TEXT,
    "imageHash" TEXT NOT NULL,

    CONSTRAINT "Sample_pkey" PRIMARY KEY ("runId","epoch","promptIndex")
);

-- CreateTable
CREATE TABLE "Image" (
    "hash" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "preview" BYTEA NOT NULL,
    "previewMime" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "Sample_imageHash_idx" ON "Sample"("imageHash");

-- AddForeignKey
ALTER TABLE "MeasuredCheckpoint" ADD CONSTRAINT "MeasuredCheckpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_imageHash_fkey" FOREIGN KEY ("imageHash") REFERENCES "Image"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;
