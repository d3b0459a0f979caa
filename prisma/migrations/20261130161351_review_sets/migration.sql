-- CreateTable
CREATE TABLE "ReviewSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReviewSetRun" (
    "setId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("setId", "runId"),
    CONSTRAINT "ReviewSetRun_setId_fkey" FOREIGN KEY ("setId") REFERENCES "ReviewSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewSetRun_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SetVote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "promptIndex" INTEGER NOT NULL,
    "firstRunId" TEXT NOT NULL,
    "firstEpoch" INTEGER NOT NULL,
    "secondRunId" TEXT NOT NULL,
    "secondEpoch" INTEGER NOT NULL,
    "winner" INTEGER,
    "loserTags" TEXT NOT NULL DEFAULT '[]',
    "reviewer" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SetVote_setId_fkey" FOREIGN KEY ("setId") REFERENCES "ReviewSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewSet_key_key" ON "ReviewSet"("key");

-- CreateIndex
CREATE INDEX "ReviewSetRun_runId_idx" ON "ReviewSetRun"("runId");

-- CreateIndex
CREATE INDEX "SetVote_setId_createdAt_idx" ON "SetVote"("setId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SetVote_setId_reviewer_pair_key" ON "SetVote"("setId", "reviewer", "promptIndex", "firstRunId", "firstEpoch", "secondRunId", "secondEpoch");
