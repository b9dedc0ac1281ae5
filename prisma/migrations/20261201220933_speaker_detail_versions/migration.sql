-- AlterTable
ALTER TABLE "Speaker" ADD COLUMN     "countryVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "roleVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Correction_speakerId_idx" ON "Correction"("speakerId");
