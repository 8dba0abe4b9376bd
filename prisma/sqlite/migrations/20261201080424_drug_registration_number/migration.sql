-- AlterTable
ALTER TABLE "RecommendationDrug" ADD COLUMN "registrationNumber" TEXT;
