-- CreateTable
CREATE TABLE "ArticlePair" (
    "relation" "Relation" NOT NULL,
    "articleId" INTEGER NOT NULL,
    "pairId" INTEGER NOT NULL,

    CONSTRAINT "ArticlePair_pkey" PRIMARY KEY ("relation","articleId","pairId")
);

-- Backfill from the pairs already stored (before the secondary index: one build, not a row at a time).
INSERT INTO "ArticlePair" ("relation", "articleId", "pairId")
SELECT p.relation, s."articleId", p.id FROM "Pair" p JOIN "Statement" s ON s.id = p."claimId"
UNION
SELECT p.relation, s."articleId", p.id FROM "Pair" p JOIN "Statement" s ON s.id = p."responseId";

-- CreateIndex
CREATE INDEX "ArticlePair_pairId_idx" ON "ArticlePair"("pairId");

-- AddForeignKey
ALTER TABLE "ArticlePair" ADD CONSTRAINT "ArticlePair_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Article rows of a pair are written by triggers, so every writer (the ingest pipeline, the
-- worker, re-extraction, corrections, the bulk loader, psql) keeps them without calling anything.
-- They are rows per pair rather than counts per article because a pair is mostly deleted by the
-- cascade from its statements: by the time a trigger on Pair runs, those statements are gone and
-- a count could not tell which articles to decrement; a row keyed by the pair goes with the pair
-- through its foreign key. A new pair's rows belong to it alone, so concurrent writers never wait
-- on each other here.
CREATE FUNCTION article_pairs_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ArticlePair" ("relation", "articleId", "pairId")
  SELECT p.relation, s."articleId", p.id FROM new_rows p JOIN "Statement" s ON s.id = p."claimId"
  UNION
  SELECT p.relation, s."articleId", p.id FROM new_rows p JOIN "Statement" s ON s.id = p."responseId";
  RETURN NULL;
END
$$;

-- An editor's new relation (or a pair moved to other statements) rewrites that pair's rows.
CREATE FUNCTION article_pairs_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ArticlePair" f USING old_rows o JOIN new_rows nw ON nw.id = o.id
  WHERE f."pairId" = o.id
    AND (o.relation, o."claimId", o."responseId") IS DISTINCT FROM (nw.relation, nw."claimId", nw."responseId");
  INSERT INTO "ArticlePair" ("relation", "articleId", "pairId")
  SELECT DISTINCT p.relation, s."articleId", p.id
  FROM new_rows p JOIN old_rows o ON o.id = p.id JOIN "Statement" s ON s.id IN (p."claimId", p."responseId")
  WHERE (o.relation, o."claimId", o."responseId") IS DISTINCT FROM (p.relation, p."claimId", p."responseId");
  RETURN NULL;
END
$$;

-- A statement moved to another article (nothing in the app does this; psql might) moves its pairs' rows.
CREATE FUNCTION article_pairs_statement_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ArticlePair" f USING "Pair" p
  WHERE f."pairId" = p.id AND f."articleId" = OLD."articleId" AND NEW.id IN (p."claimId", p."responseId");
  INSERT INTO "ArticlePair" ("relation", "articleId", "pairId")
  SELECT DISTINCT p.relation, s."articleId", p.id
  FROM "Pair" p JOIN "Statement" s ON s.id IN (p."claimId", p."responseId")
  WHERE NEW.id IN (p."claimId", p."responseId")
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER article_pairs_insert AFTER INSERT ON "Pair" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_pairs_insert();
CREATE TRIGGER article_pairs_update AFTER UPDATE ON "Pair" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_pairs_update();
CREATE TRIGGER article_pairs_statement_moved AFTER UPDATE OF "articleId" ON "Statement"
  FOR EACH ROW WHEN (OLD."articleId" IS DISTINCT FROM NEW."articleId") EXECUTE FUNCTION article_pairs_statement_moved();
