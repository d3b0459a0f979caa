-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "promptIndex" INTEGER NOT NULL,
    "epochLow" INTEGER NOT NULL,
    "epochHigh" INTEGER NOT NULL,
    "winnerEpoch" INTEGER,
    "loserTags" TEXT NOT NULL DEFAULT '[]',
    "reviewer" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RunTag" (
    "runId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("runId", "tag"),
    CONSTRAINT "RunTag_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Vote_runId_createdAt_idx" ON "Vote"("runId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_runId_reviewer_promptIndex_epochLow_epochHigh_key" ON "Vote"("runId", "reviewer", "promptIndex", "epochLow", "epochHigh");

-- CreateIndex
CREATE INDEX "RunTag_tag_runId_idx" ON "RunTag"("tag", "runId");
