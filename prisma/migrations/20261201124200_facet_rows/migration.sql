-- CreateTable
CREATE TABLE "ArticleSpeaker" (
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER NOT NULL,
    "statements" INTEGER NOT NULL,

    CONSTRAINT "ArticleSpeaker_pkey" PRIMARY KEY ("articleId","speakerId")
);

-- CreateTable
CREATE TABLE "ArticleCountry" (
    "articleId" INTEGER NOT NULL,
    "code" CHAR(2) NOT NULL,
    "refs" INTEGER NOT NULL,

    CONSTRAINT "ArticleCountry_pkey" PRIMARY KEY ("articleId","code")
);

-- Backfill from the rows already stored.
INSERT INTO "ArticleSpeaker" ("articleId", "speakerId", "statements")
SELECT "articleId", "speakerId", count(*) FROM "Statement" WHERE "speakerId" IS NOT NULL GROUP BY 1, 2;

INSERT INTO "ArticleCountry" ("articleId", "code", "refs")
SELECT "articleId", code, sum(n) FROM (
  SELECT "articleId", code, 1 AS n FROM "CountryMention"
  UNION ALL
  SELECT s."articleId", sp.country, count(*) FROM "Statement" s JOIN "Speaker" sp ON sp.id = s."speakerId"
  WHERE sp.country IS NOT NULL GROUP BY 1, 2
) x GROUP BY 1, 2;

-- CreateIndex
CREATE INDEX "ArticleSpeaker_speakerId_articleId_idx" ON "ArticleSpeaker"("speakerId", "articleId");

-- CreateIndex
CREATE INDEX "ArticleCountry_code_articleId_idx" ON "ArticleCountry"("code", "articleId");

-- AddForeignKey
ALTER TABLE "ArticleSpeaker" ADD CONSTRAINT "ArticleSpeaker_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleSpeaker" ADD CONSTRAINT "ArticleSpeaker_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCountry" ADD CONSTRAINT "ArticleCountry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Facet rows are reference counts, kept by statement-level triggers so that every writer (the
-- ingest pipeline, the worker, the bulk loader, corrections, psql) keeps them right without
-- calling anything. Counts only ever move by a delta, so two transactions writing the same row
-- simply queue on its lock; rows are upserted in key order so they never wait on each other in a
-- circle. A row whose count reaches 0 is deleted.
CREATE FUNCTION facet_rows_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "ArticleSpeaker" f SET "statements" = f."statements" - d.n
    FROM (SELECT "articleId", "speakerId", count(*)::int AS n FROM old_rows WHERE "speakerId" IS NOT NULL GROUP BY 1, 2) d
    WHERE f."articleId" = d."articleId" AND f."speakerId" = d."speakerId";
    UPDATE "ArticleCountry" f SET "refs" = f."refs" - d.n
    FROM (SELECT s."articleId", sp.country AS code, count(*)::int AS n FROM old_rows s JOIN "Speaker" sp ON sp.id = s."speakerId"
          WHERE sp.country IS NOT NULL GROUP BY 1, 2) d
    WHERE f."articleId" = d."articleId" AND f.code = d.code;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "ArticleSpeaker" ("articleId", "speakerId", "statements")
    SELECT "articleId", "speakerId", count(*) FROM new_rows WHERE "speakerId" IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("articleId", "speakerId") DO UPDATE SET "statements" = "ArticleSpeaker"."statements" + EXCLUDED."statements";
    INSERT INTO "ArticleCountry" ("articleId", "code", "refs")
    SELECT s."articleId", sp.country, count(*) FROM new_rows s JOIN "Speaker" sp ON sp.id = s."speakerId"
    WHERE sp.country IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("articleId", "code") DO UPDATE SET "refs" = "ArticleCountry"."refs" + EXCLUDED."refs";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "ArticleSpeaker" f USING old_rows s
    WHERE f."articleId" = s."articleId" AND f."speakerId" = s."speakerId" AND f."statements" <= 0;
    DELETE FROM "ArticleCountry" f USING old_rows s JOIN "Speaker" sp ON sp.id = s."speakerId"
    WHERE f."articleId" = s."articleId" AND f.code = sp.country AND f."refs" <= 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION facet_rows_country_mention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "ArticleCountry" f SET "refs" = f."refs" - 1 FROM old_rows m WHERE f."articleId" = m."articleId" AND f.code = m.code;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "ArticleCountry" ("articleId", "code", "refs")
    SELECT "articleId", code, 1 FROM new_rows ORDER BY 1, 2
    ON CONFLICT ("articleId", "code") DO UPDATE SET "refs" = "ArticleCountry"."refs" + 1;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "ArticleCountry" f USING old_rows m WHERE f."articleId" = m."articleId" AND f.code = m.code AND f."refs" <= 0;
  END IF;
  RETURN NULL;
END
$$;

-- A speaker's new country moves the references of its statements from the old country to the new.
CREATE FUNCTION facet_rows_speaker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ArticleCountry" f SET "refs" = f."refs" - d.n
  FROM (SELECT s."articleId", o.country AS code, count(*)::int AS n
        FROM old_rows o JOIN new_rows nw ON nw.id = o.id JOIN "Statement" s ON s."speakerId" = o.id
        WHERE o.country IS NOT NULL AND o.country IS DISTINCT FROM nw.country GROUP BY 1, 2) d
  WHERE f."articleId" = d."articleId" AND f.code = d.code;
  INSERT INTO "ArticleCountry" ("articleId", "code", "refs")
  SELECT s."articleId", nw.country, count(*)
  FROM old_rows o JOIN new_rows nw ON nw.id = o.id JOIN "Statement" s ON s."speakerId" = nw.id
  WHERE nw.country IS NOT NULL AND o.country IS DISTINCT FROM nw.country GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("articleId", "code") DO UPDATE SET "refs" = "ArticleCountry"."refs" + EXCLUDED."refs";
  DELETE FROM "ArticleCountry" f USING old_rows o JOIN new_rows nw ON nw.id = o.id JOIN "Statement" s ON s."speakerId" = o.id
  WHERE o.country IS DISTINCT FROM nw.country AND f."articleId" = s."articleId" AND f.code = o.country AND f."refs" <= 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER facet_rows_insert AFTER INSERT ON "Statement" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_rows_statement();
CREATE TRIGGER facet_rows_update AFTER UPDATE ON "Statement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_rows_statement();
CREATE TRIGGER facet_rows_delete AFTER DELETE ON "Statement" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_rows_statement();
CREATE TRIGGER facet_rows_insert AFTER INSERT ON "CountryMention" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_rows_country_mention();
CREATE TRIGGER facet_rows_update AFTER UPDATE ON "CountryMention" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_rows_country_mention();
CREATE TRIGGER facet_rows_delete AFTER DELETE ON "CountryMention" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_rows_country_mention();
CREATE TRIGGER facet_rows_update AFTER UPDATE ON "Speaker" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facet_rows_speaker();
