-- AlterTable
ALTER TABLE "Speaker" ADD COLUMN     "surnameKey" TEXT;

-- CreateIndex
CREATE INDEX "Speaker_surnameKey_kind_idx" ON "Speaker"("surnameKey", "kind");

-- Backfill: the last word of every person's name key (what lib/ingest/store-entities.ts writes).
UPDATE "Speaker" SET "surnameKey" = regexp_replace("nameKey", '^.* ', '') WHERE kind = 'person';
