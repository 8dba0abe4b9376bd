-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT,
    "role" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "consultationId" BIGINT,
    "recommendationId" INTEGER,
    "deliveryId" INTEGER,
    "subjectUserId" TEXT,
    "subjectTokenId" TEXT,
    "detail" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "anchorSeq" BIGINT NOT NULL DEFAULT 0,
    "anchorHash" TEXT NOT NULL,
    "anchorAt" TIMESTAMP(3),
    "purged" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "firstBadSeq" BIGINT,
    "message" TEXT,
    "trigger" TEXT NOT NULL,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_at_seq_idx" ON "AuditEvent"("at", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_consultationId_seq_idx" ON "AuditEvent"("consultationId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");

-- CreateIndex
CREATE INDEX "AuditVerification_at_idx" ON "AuditVerification"("at");

-- Print views become audit events (print.viewed, at their original time), in the order they
-- happened. Their hashes are left empty here: the first append after this migration (or
-- npm run audit:verify) seals them into the chain in order (lib/audit/chain-head.ts), because
-- SHA-256 of the canonical JSON is computed by the application, not by SQL.
INSERT INTO "AuditEvent" ("seq", "at", "actorKind", "actorId", "actorLabel", "role", "ip", "userAgent", "action", "outcome",
    "consultationId", "recommendationId", "deliveryId", "subjectUserId", "subjectTokenId", "detail", "prevHash", "hash")
SELECT ROW_NUMBER() OVER (ORDER BY "viewedAt", "id"), "viewedAt",
    CASE WHEN "viewerId" IS NULL AND "viewer" IS NULL THEN 'anonymous' ELSE 'user' END, "viewerId", "viewer", NULL, NULL, NULL,
    'print.viewed', 'allowed', "consultationId", "recommendationId", NULL, NULL, NULL,
    '{"imported":"print_views","paperSize":' || CASE WHEN "paperSize" IN ('a4', 'a5') THEN '"' || "paperSize" || '"' ELSE 'null' END || '}',
    '', ''
FROM "PrintView";

-- The chain head: empty chain (the genesis hash), or the imported rows waiting to be sealed ('').
INSERT INTO "AuditChainHead" ("id", "seq", "hash", "anchorSeq", "anchorHash", "purged")
SELECT 1, COUNT(*), CASE WHEN COUNT(*) = 0 THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE '' END, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0 FROM "AuditEvent";

-- DropTable
DROP TABLE "PrintView";
