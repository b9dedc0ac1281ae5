-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "feedItemKey" TEXT,
ADD COLUMN     "textNote" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Article_feedItemKey_key" ON "Article"("feedItemKey");
