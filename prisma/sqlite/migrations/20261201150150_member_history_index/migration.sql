-- DropIndex
DROP INDEX "Consultation_userId_idx";

-- CreateIndex
CREATE INDEX "Consultation_userId_lastEventUs_id_idx" ON "Consultation"("userId", "lastEventUs", "id");
