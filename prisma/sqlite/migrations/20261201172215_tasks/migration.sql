-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "dismissReason" TEXT,
    "withdrawnAt" DATETIME,
    "assigneeId" TEXT,
    "dueAt" DATETIME NOT NULL,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "recommendationId" INTEGER NOT NULL,
    CONSTRAINT "Task_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Task_state_withdrawnAt_dueAt_id_idx" ON "Task"("state", "withdrawnAt", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Task_assigneeId_state_dueAt_idx" ON "Task"("assigneeId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "Task_updatedAt_id_idx" ON "Task"("updatedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Task_consultationId_kind_itemKey_key" ON "Task"("consultationId", "kind", "itemKey");
