-- AlterTable
ALTER TABLE "Paste" ADD COLUMN     "text" TEXT;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "extractorVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Speaker" ADD COLUMN     "surnameKey" TEXT;

-- CreateIndex
CREATE INDEX "Article_extractorVersion_idx" ON "Article"("extractorVersion");

-- CreateIndex
CREATE INDEX "Speaker_surnameKey_kind_idx" ON "Speaker"("surnameKey", "kind");

-- Backfill: the last word of every person's name key (what lib/ingest/store-entities.ts writes).
UPDATE "Speaker" SET "surnameKey" = regexp_replace("nameKey", '^.* ', '') WHERE kind = 'person';
