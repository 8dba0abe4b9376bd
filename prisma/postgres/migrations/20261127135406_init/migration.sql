-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Consultation" (
    "id" BIGINT NOT NULL,
    "userId" TEXT,
    "userIdUs" BIGINT,
    "insuranceId" TEXT,
    "insuranceIdUs" BIGINT,
    "policyNumber" TEXT,
    "policyNumberUs" BIGINT,
    "status" TEXT,
    "statusRank" INTEGER,
    "statusTime" TEXT,
    "statusUs" BIGINT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastEventTime" TEXT NOT NULL,
    "lastEventUs" BIGINT NOT NULL,
    "recommendationId" INTEGER,
    "recommendationUs" BIGINT,
    "recommendationSha" TEXT,
    "diagnosisCode" TEXT,
    "diagnosisName" TEXT,
    "drugCount" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" SERIAL NOT NULL,
    "consultationId" BIGINT NOT NULL,
    "oldStatus" TEXT,
    "newStatus" TEXT NOT NULL,
    "eventTime" TEXT NOT NULL,
    "eventUs" BIGINT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eventKey" TEXT NOT NULL,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" SERIAL NOT NULL,
    "consultationId" BIGINT NOT NULL,
    "eventTime" TEXT NOT NULL,
    "eventUs" BIGINT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentSha" TEXT NOT NULL,
    "rawJson" TEXT NOT NULL,
    "referralName" TEXT,
    "dispenseUrl" TEXT,
    "dispensePassCode" TEXT,
    "dispenseQrUrl" TEXT,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationIcd10" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT,
    "name" TEXT,

    CONSTRAINT "RecommendationIcd10_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationDrug" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT,
    "tradeName" TEXT,
    "strengthValue" TEXT,
    "packageType" TEXT,
    "packageSize" TEXT,
    "dosage" TEXT,
    "dosageUnit" TEXT,
    "routeOfAdministration" TEXT,
    "dosageForm" TEXT,
    "frequency" TEXT,
    "duration" TEXT,
    "specialInstructions" TEXT,
    "relationWithFood" TEXT,
    "howToUse" TEXT,

    CONSTRAINT "RecommendationDrug_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationLab" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "code" TEXT,

    CONSTRAINT "RecommendationLab_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationFollowUp" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT,

    CONSTRAINT "RecommendationFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationAnswer" (
    "id" SERIAL NOT NULL,
    "recommendationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT,
    "answer" TEXT,

    CONSTRAINT "RecommendationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" SERIAL NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consultation_lastEventUs_id_idx" ON "Consultation"("lastEventUs", "id");

-- CreateIndex
CREATE INDEX "Consultation_statusUs_id_idx" ON "Consultation"("statusUs", "id");

-- CreateIndex
CREATE INDEX "Consultation_status_lastEventUs_id_idx" ON "Consultation"("status", "lastEventUs", "id");

-- CreateIndex
CREATE INDEX "Consultation_userId_idx" ON "Consultation"("userId");

-- CreateIndex
CREATE INDEX "Consultation_insuranceId_idx" ON "Consultation"("insuranceId");

-- CreateIndex
CREATE INDEX "Consultation_policyNumber_idx" ON "Consultation"("policyNumber");

-- CreateIndex
CREATE INDEX "Consultation_updatedAt_idx" ON "Consultation"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatusChange_eventKey_key" ON "StatusChange"("eventKey");

-- CreateIndex
CREATE INDEX "StatusChange_consultationId_eventUs_idx" ON "StatusChange"("consultationId", "eventUs");

-- CreateIndex
CREATE INDEX "Recommendation_consultationId_eventUs_idx" ON "Recommendation"("consultationId", "eventUs");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_consultationId_contentSha_key" ON "Recommendation"("consultationId", "contentSha");

-- CreateIndex
CREATE INDEX "RecommendationIcd10_recommendationId_position_idx" ON "RecommendationIcd10"("recommendationId", "position");

-- CreateIndex
CREATE INDEX "RecommendationIcd10_code_idx" ON "RecommendationIcd10"("code");

-- CreateIndex
CREATE INDEX "RecommendationIcd10_name_idx" ON "RecommendationIcd10"("name");

-- CreateIndex
CREATE INDEX "RecommendationDrug_recommendationId_position_idx" ON "RecommendationDrug"("recommendationId", "position");

-- CreateIndex
CREATE INDEX "RecommendationDrug_name_idx" ON "RecommendationDrug"("name");

-- CreateIndex
CREATE INDEX "RecommendationDrug_tradeName_idx" ON "RecommendationDrug"("tradeName");

-- CreateIndex
CREATE INDEX "RecommendationLab_recommendationId_position_idx" ON "RecommendationLab"("recommendationId", "position");

-- CreateIndex
CREATE INDEX "RecommendationFollowUp_recommendationId_position_idx" ON "RecommendationFollowUp"("recommendationId", "position");

-- CreateIndex
CREATE INDEX "RecommendationAnswer_recommendationId_position_idx" ON "RecommendationAnswer"("recommendationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_dedupKey_key" ON "WebhookDelivery"("dedupKey");

-- CreateIndex
CREATE INDEX "WebhookDelivery_outcome_id_idx" ON "WebhookDelivery"("outcome", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_type_id_idx" ON "WebhookDelivery"("type", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_consultationId_id_idx" ON "WebhookDelivery"("consultationId", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_bodySha256_idx" ON "WebhookDelivery"("bodySha256");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_idx" ON "WebhookDelivery"("webhookId");

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationIcd10" ADD CONSTRAINT "RecommendationIcd10_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationDrug" ADD CONSTRAINT "RecommendationDrug_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationLab" ADD CONSTRAINT "RecommendationLab_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationFollowUp" ADD CONSTRAINT "RecommendationFollowUp_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAnswer" ADD CONSTRAINT "RecommendationAnswer_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
