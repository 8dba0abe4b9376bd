-- CreateIndex
CREATE INDEX "Consultation_status_statusUs_id_idx" ON "Consultation"("status", "statusUs", "id");
