-- A recommendation's body is kept once, in the inbox (WebhookDelivery.rawBody), and the
-- version points at the delivery that first carried it. Copy, then drop: a version whose body
-- no stored delivery holds (kept before the inbox stored bodies) gets a delivery row of its own
-- first, so no body is lost.
INSERT INTO "WebhookDelivery" ("receivedAt", "outcome", "httpStatus", "type", "consultationId", "bodyBytes", "rawBody", "headers", "errorDetail")
SELECT r."receivedAt", 'processed', 200, 'recommendation_data', r."consultationId", length(CAST(r."rawJson" AS BLOB)), r."rawJson", '{}',
    'body carried over from the recommendation when bodies came to be stored once'
FROM "Recommendation" r
WHERE NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."consultationId" = r."consultationId" AND d."rawBody" = r."rawJson");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Recommendation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" BIGINT NOT NULL,
    "eventTime" TEXT NOT NULL,
    "eventUs" BIGINT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentSha" TEXT NOT NULL,
    "deliveryId" INTEGER,
    "referralName" TEXT,
    "dispenseUrl" TEXT,
    "dispensePassCode" TEXT,
    "dispenseQrUrl" TEXT,
    CONSTRAINT "Recommendation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Recommendation" ("consultationId", "contentSha", "deliveryId", "dispensePassCode", "dispenseQrUrl", "dispenseUrl", "eventTime", "eventUs", "id", "receivedAt", "referralName")
SELECT r."consultationId", r."contentSha",
    (SELECT min(d."id") FROM "WebhookDelivery" d WHERE d."consultationId" = r."consultationId" AND d."rawBody" = r."rawJson"),
    r."dispensePassCode", r."dispenseQrUrl", r."dispenseUrl", r."eventTime", r."eventUs", r."id", r."receivedAt", r."referralName"
FROM "Recommendation" r;
DROP TABLE "Recommendation";
ALTER TABLE "new_Recommendation" RENAME TO "Recommendation";
CREATE INDEX "Recommendation_consultationId_eventUs_idx" ON "Recommendation"("consultationId", "eventUs");
CREATE INDEX "Recommendation_deliveryId_idx" ON "Recommendation"("deliveryId");
CREATE UNIQUE INDEX "Recommendation_consultationId_contentSha_key" ON "Recommendation"("consultationId", "contentSha");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
