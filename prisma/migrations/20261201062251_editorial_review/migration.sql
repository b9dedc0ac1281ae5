-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('machine', 'reviewed', 'disputed');

-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('statement_speaker', 'statement_mode', 'statement_span', 'statement_reject', 'statement_add', 'pair_add', 'pair_remove', 'pair_relation', 'speaker_rename', 'speaker_details', 'speaker_merge', 'speaker_split', 'article_hide', 'article_fields', 'article_review', 'undo');

-- CreateEnum
CREATE TYPE "CorrectionStatus" AS ENUM ('applied', 'orphaned', 'undone');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenReason" TEXT,
ADD COLUMN     "reviewState" "ReviewState" NOT NULL DEFAULT 'machine',
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Speaker" ADD COLUMN     "correctedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "correctedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "correctedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "AdminSession" ADD COLUMN     "name" TEXT;

-- CreateTable
CREATE TABLE "SpeakerRedirect" (
    "slug" TEXT NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "fromSpeakerId" INTEGER NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "SpeakerKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeakerRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "author" TEXT NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "articleId" INTEGER,
    "otherArticleId" INTEGER,
    "speakerId" INTEGER,
    "target" JSONB NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "status" "CorrectionStatus" NOT NULL DEFAULT 'applied',
    "statusNote" TEXT,
    "undoneAt" TIMESTAMPTZ(3),
    "undoOfId" INTEGER,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpeakerRedirect_speakerId_idx" ON "SpeakerRedirect"("speakerId");

-- CreateIndex
CREATE INDEX "SpeakerRedirect_nameKey_kind_idx" ON "SpeakerRedirect"("nameKey", "kind");

-- CreateIndex
CREATE INDEX "SpeakerRedirect_fromSpeakerId_idx" ON "SpeakerRedirect"("fromSpeakerId");

-- CreateIndex
CREATE UNIQUE INDEX "Correction_undoOfId_key" ON "Correction"("undoOfId");

-- CreateIndex
CREATE INDEX "Correction_createdAt_id_idx" ON "Correction"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Correction_articleId_idx" ON "Correction"("articleId");

-- CreateIndex
CREATE INDEX "Correction_otherArticleId_idx" ON "Correction"("otherArticleId");

-- CreateIndex
CREATE INDEX "Correction_status_idx" ON "Correction"("status");

-- CreateIndex
CREATE INDEX "Article_reviewState_sortAt_idx" ON "Article"("reviewState", "sortAt" DESC);

-- AddForeignKey
ALTER TABLE "SpeakerRedirect" ADD CONSTRAINT "SpeakerRedirect_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_undoOfId_fkey" FOREIGN KEY ("undoOfId") REFERENCES "Correction"("id") ON DELETE CASCADE ON UPDATE CASCADE;
