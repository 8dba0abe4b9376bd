-- CreateTable
CREATE TABLE "PrintView" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "consultationId" BIGINT NOT NULL,
    "recommendationId" INTEGER,
    "viewedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "viewer" TEXT,
    "paperSize" TEXT
);

-- CreateIndex
CREATE INDEX "PrintView_consultationId_viewedAt_idx" ON "PrintView"("consultationId", "viewedAt");
