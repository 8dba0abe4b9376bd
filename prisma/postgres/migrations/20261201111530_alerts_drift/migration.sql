-- CreateTable
CREATE TABLE "AlertRuleSetting" (
    "rule" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "businessHoursOnly" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedBy" TEXT,

    CONSTRAINT "AlertRuleSetting_pkey" PRIMARY KEY ("rule")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" SERIAL NOT NULL,
    "rule" TEXT NOT NULL,
    "openRule" TEXT,
    "firedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertNotification" (
    "id" SERIAL NOT NULL,
    "alertId" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "AlertNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayloadShape" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "firstDeliveryId" INTEGER NOT NULL,

    CONSTRAINT "PayloadShape_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "AlertNotification" ADD CONSTRAINT "AlertNotification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
