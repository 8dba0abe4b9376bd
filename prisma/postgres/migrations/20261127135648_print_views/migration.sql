-- CreateTable
CREATE TABLE "PrintView" (
    "id" SERIAL NOT NULL,
    "consultationId" BIGINT NOT NULL,
    "recommendationId" INTEGER,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "viewer" TEXT,
    "paperSize" TEXT,

    CONSTRAINT "PrintView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PrintView_consultationId_viewedAt_idx" ON "PrintView"("consultationId", "viewedAt");
