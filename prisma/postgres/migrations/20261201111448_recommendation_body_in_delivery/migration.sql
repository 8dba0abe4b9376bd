-- A recommendation's body is kept once, in the inbox (WebhookDelivery.rawBody), and the
-- version points at the delivery that first carried it. Copy, then drop: a version whose body
-- no stored delivery holds (kept before the inbox stored bodies) gets a delivery row of its own
-- first, so no body is lost.
INSERT INTO "WebhookDelivery" ("receivedAt", "outcome", "httpStatus", "type", "consultationId", "bodyBytes", "rawBody", "headers", "errorDetail")
SELECT r."receivedAt", 'processed', 200, 'recommendation_data', r."consultationId", octet_length(r."rawJson"), r."rawJson", '{}',
    'body carried over from the recommendation when bodies came to be stored once'
FROM "Recommendation" r
WHERE NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."consultationId" = r."consultationId" AND d."rawBody" = r."rawJson");

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "deliveryId" INTEGER;

UPDATE "Recommendation" r SET "deliveryId" = (
    SELECT min(d."id") FROM "WebhookDelivery" d WHERE d."consultationId" = r."consultationId" AND d."rawBody" = r."rawJson");

ALTER TABLE "Recommendation" DROP COLUMN "rawJson";

-- CreateIndex
CREATE INDEX "Recommendation_deliveryId_idx" ON "Recommendation"("deliveryId");
