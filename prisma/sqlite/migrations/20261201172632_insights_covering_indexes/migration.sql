-- CreateIndex
CREATE INDEX "Consultation_statusUs_status_recommendationId_diagnosisCode_idx" ON "Consultation"("statusUs", "status", "recommendationId", "diagnosisCode");

-- CreateIndex
CREATE INDEX "StatusChange_consultationId_newStatus_eventUs_idx" ON "StatusChange"("consultationId", "newStatus", "eventUs");

-- CreateIndex
CREATE INDEX "RecommendationDrug_recommendationId_name_idx" ON "RecommendationDrug"("recommendationId", "name");
