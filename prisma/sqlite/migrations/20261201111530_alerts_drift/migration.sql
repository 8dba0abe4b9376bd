-- CreateTable
CREATE TABLE "AlertRuleSetting" (
    "rule" TEXT NOT NULL PRIMARY KEY,
    "threshold" INTEGER NOT NULL,
    "businessHoursOnly" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedBy" TEXT
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rule" TEXT NOT NULL,
    "openRule" TEXT,
    "firedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "value" REAL NOT NULL,
    "threshold" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedBy" TEXT
);

-- CreateTable
CREATE TABLE "AlertNotification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "alertId" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedUntil" DATETIME,
    "lastAttemptAt" DATETIME,
    "deliveredAt" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "AlertNotification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PayloadShape" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "firstDeliveryId" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Alert_openRule_key" ON "Alert"("openRule");

-- CreateIndex
CREATE INDEX "Alert_firedAt_idx" ON "Alert"("firedAt");

-- CreateIndex
CREATE INDEX "AlertNotification_deliveredAt_nextAttemptAt_idx" ON "AlertNotification"("deliveredAt", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertNotification_alertId_event_key" ON "AlertNotification"("alertId", "event");

-- CreateIndex
CREATE INDEX "PayloadShape_firstSeenAt_idx" ON "PayloadShape"("firstSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayloadShape_kind_value_key" ON "PayloadShape"("kind", "value");
