-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "periodStart" DATETIME NOT NULL,
    "holder" TEXT NOT NULL,
    "leasedUntil" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "outcome" TEXT NOT NULL,
    "rowsTouched" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "type" TEXT,
    "consultationId" BIGINT,
    "dedupKey" TEXT,
    "webhookId" TEXT,
    "bodySha256" TEXT,
    "bodyBytes" INTEGER NOT NULL,
    "rawBody" TEXT,
    "headers" TEXT NOT NULL,
    "errorCode" TEXT,
    "errorDetail" TEXT,
    "unauthenticated" BOOLEAN NOT NULL DEFAULT false,
    "rawBodyPurgedAt" DATETIME
);
INSERT INTO "new_WebhookDelivery" ("bodyBytes", "bodySha256", "consultationId", "dedupKey", "errorCode", "errorDetail", "headers", "httpStatus", "id", "outcome", "rawBody", "receivedAt", "type", "webhookId") SELECT "bodyBytes", "bodySha256", "consultationId", "dedupKey", "errorCode", "errorDetail", "headers", "httpStatus", "id", "outcome", "rawBody", "receivedAt", "type", "webhookId" FROM "WebhookDelivery";
DROP TABLE "WebhookDelivery";
ALTER TABLE "new_WebhookDelivery" RENAME TO "WebhookDelivery";
CREATE UNIQUE INDEX "WebhookDelivery_dedupKey_key" ON "WebhookDelivery"("dedupKey");
CREATE INDEX "WebhookDelivery_outcome_id_idx" ON "WebhookDelivery"("outcome", "id");
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");
CREATE INDEX "WebhookDelivery_type_id_idx" ON "WebhookDelivery"("type", "id");
CREATE INDEX "WebhookDelivery_consultationId_id_idx" ON "WebhookDelivery"("consultationId", "id");
CREATE INDEX "WebhookDelivery_bodySha256_idx" ON "WebhookDelivery"("bodySha256");
CREATE INDEX "WebhookDelivery_webhookId_idx" ON "WebhookDelivery"("webhookId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "JobRun_job_startedAt_idx" ON "JobRun"("job", "startedAt");

-- CreateIndex
CREATE INDEX "JobRun_startedAt_idx" ON "JobRun"("startedAt");
