-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('article', 'comment', 'unknown');

-- CreateEnum
CREATE TYPE "SpeakerKind" AS ENUM ('person', 'organization', 'outlet', 'commenter');

-- CreateEnum
CREATE TYPE "StatementMode" AS ENUM ('direct', 'indirect', 'mixed');

-- CreateEnum
CREATE TYPE "Relation" AS ENUM ('rebuts', 'supports', 'responds');

-- CreateEnum
CREATE TYPE "IngestSource" AS ENUM ('feed', 'url', 'paste', 'seed');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'succeeded', 'partial', 'failed');

-- CreateEnum
CREATE TYPE "ItemOutcome" AS ENUM ('new', 'duplicate', 'updated', 'failed');

-- CreateTable
CREATE TABLE "Outlet" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "country" CHAR(2),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feed" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "siteUrl" TEXT,
    "outletId" INTEGER,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "itemsNew" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Story" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "firstAt" TIMESTAMPTZ(3) NOT NULL,
    "latestAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paste" (
    "id" SERIAL NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Paste_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "canonicalUrl" TEXT,
    "sourceUrl" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "kind" "DocumentKind" NOT NULL DEFAULT 'article',
    "outletId" INTEGER,
    "author" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "ingestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sortAt" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "storyId" INTEGER NOT NULL,
    "feedId" INTEGER,
    "pasteId" INTEGER,
    "pastePosition" INTEGER,
    "searchVector" tsvector,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Speaker" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "SpeakerKind" NOT NULL,
    "role" TEXT,
    "country" CHAR(2),
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "mode" "StatementMode" NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "cueText" TEXT,
    "cueStart" INTEGER,
    "cueEnd" INTEGER,
    "sourceStart" INTEGER,
    "sourceEnd" INTEGER,
    "confidence" DOUBLE PRECISION NOT NULL,
    "quoteKey" TEXT NOT NULL,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pair" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "responseId" INTEGER NOT NULL,
    "relation" "Relation" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Pair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountryMention" (
    "articleId" INTEGER NOT NULL,
    "code" CHAR(2) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "CountryMention_pkey" PRIMARY KEY ("articleId","code")
);

-- CreateTable
CREATE TABLE "IngestRun" (
    "id" SERIAL NOT NULL,
    "source" "IngestSource" NOT NULL,
    "input" TEXT NOT NULL,
    "feedId" INTEGER,
    "status" "RunStatus" NOT NULL DEFAULT 'running',
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IngestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestItem" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "outcome" "ItemOutcome" NOT NULL,
    "reason" TEXT,
    "articleId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_slug_key" ON "Outlet"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_domain_key" ON "Outlet"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "Feed_url_key" ON "Feed"("url");

-- CreateIndex
CREATE INDEX "Feed_nextPollAt_idx" ON "Feed"("nextPollAt");

-- CreateIndex
CREATE UNIQUE INDEX "Story_slug_key" ON "Story"("slug");

-- CreateIndex
CREATE INDEX "Story_latestAt_id_idx" ON "Story"("latestAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Paste_contentHash_key" ON "Paste"("contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_canonicalUrl_key" ON "Article"("canonicalUrl");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_sortAt_id_idx" ON "Article"("sortAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_storyId_sortAt_idx" ON "Article"("storyId", "sortAt");

-- CreateIndex
CREATE INDEX "Article_outletId_sortAt_idx" ON "Article"("outletId", "sortAt" DESC);

-- CreateIndex
CREATE INDEX "Article_pasteId_idx" ON "Article"("pasteId");

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_slug_key" ON "Speaker"("slug");

-- CreateIndex
CREATE INDEX "Speaker_country_idx" ON "Speaker"("country");

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_nameKey_kind_key" ON "Speaker"("nameKey", "kind");

-- CreateIndex
CREATE INDEX "Statement_speakerId_articleId_idx" ON "Statement"("speakerId", "articleId");

-- CreateIndex
CREATE INDEX "Statement_quoteKey_idx" ON "Statement"("quoteKey");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_articleId_start_end_key" ON "Statement"("articleId", "start", "end");

-- CreateIndex
CREATE INDEX "Pair_responseId_idx" ON "Pair"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "Pair_claimId_responseId_key" ON "Pair"("claimId", "responseId");

-- CreateIndex
CREATE INDEX "CountryMention_code_articleId_idx" ON "CountryMention"("code", "articleId");

-- CreateIndex
CREATE INDEX "IngestRun_startedAt_idx" ON "IngestRun"("startedAt" DESC);

-- CreateIndex
CREATE INDEX "IngestItem_articleId_idx" ON "IngestItem"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "IngestItem_runId_position_key" ON "IngestItem"("runId", "position");

-- AddForeignKey
ALTER TABLE "Feed" ADD CONSTRAINT "Feed_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_pasteId_fkey" FOREIGN KEY ("pasteId") REFERENCES "Paste"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryMention" ADD CONSTRAINT "CountryMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestRun" ADD CONSTRAINT "IngestRun_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestItem" ADD CONSTRAINT "IngestItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "IngestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestItem" ADD CONSTRAINT "IngestItem_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
