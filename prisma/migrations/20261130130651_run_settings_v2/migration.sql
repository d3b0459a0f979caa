-- Simulator 2's settings and the simulator version. Added in place (SQLite's
-- ADD COLUMN with a constant default), so existing rows read as the defaults
-- and version 1 without copying the table.

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "networkDim" INTEGER NOT NULL DEFAULT 32;
ALTER TABLE "Run" ADD COLUMN "networkAlpha" REAL NOT NULL DEFAULT 16;
ALTER TABLE "Run" ADD COLUMN "optimizer" TEXT NOT NULL DEFAULT 'adamw8bit';
ALTER TABLE "Run" ADD COLUMN "lrScheduler" TEXT NOT NULL DEFAULT 'constant';
ALTER TABLE "Run" ADD COLUMN "warmupSteps" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Run" ADD COLUMN "modelFamily" TEXT NOT NULL DEFAULT 'sdxl';
ALTER TABLE "Run" ADD COLUMN "simulatorVersion" INTEGER NOT NULL DEFAULT 1;
