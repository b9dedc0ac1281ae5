-- AlterTable
ALTER TABLE "Paste" ADD COLUMN     "text" TEXT;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "extractorVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Article_extractorVersion_idx" ON "Article"("extractorVersion");
