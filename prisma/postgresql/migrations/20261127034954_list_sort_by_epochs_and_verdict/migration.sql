-- DropIndex
DROP INDEX "Run_finalVerdict_createdAt_idx";

-- CreateIndex
CREATE INDEX "Run_epochs_id_idx" ON "Run"("epochs", "id");

-- CreateIndex
CREATE INDEX "Run_finalVerdict_createdAt_id_idx" ON "Run"("finalVerdict", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Run_finalVerdict_id_idx" ON "Run"("finalVerdict", "id");
