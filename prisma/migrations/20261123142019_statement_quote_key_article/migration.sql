-- CreateIndex
CREATE INDEX "Statement_quoteKey_articleId_idx" ON "Statement"("quoteKey", "articleId");
