-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "nearBands" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Statement" ALTER COLUMN "speakerId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Article_nearBands_idx" ON "Article" USING GIN ("nearBands");
