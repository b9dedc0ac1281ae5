-- CreateTable
CREATE TABLE "ContentChange" (
    "id" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL,
    "tags" TEXT[],
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentChange_txid_key" ON "ContentChange"("txid");

-- CreateIndex
CREATE INDEX "ContentChange_at_idx" ON "ContentChange"("at");

-- The change feed. Every transaction that changes what a page shows leaves one "ContentChange"
-- row with the cache tags it touched (names as in lib/cache/content-tags.ts), written here by
-- statement-level triggers so that every writer (the ingest pipeline, the worker, reextract,
-- corrections, psql) feeds it without calling anything. Each web server polls the table and
-- expires the tags in its own cache (lib/cache/content-change-feed.ts).
CREATE FUNCTION content_change_record(touched TEXT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ContentChange" ("txid", "tags")
  SELECT pg_current_xact_id()::text::bigint, array_agg(DISTINCT tag)
  FROM unnest(touched) AS tag WHERE tag IS NOT NULL
  HAVING count(tag) > 0
  ON CONFLICT ("txid") DO UPDATE
    SET "tags" = ARRAY(SELECT DISTINCT tag FROM unnest("ContentChange"."tags" || EXCLUDED."tags") AS tag)
$$;

CREATE FUNCTION content_change_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || a.id, 'story:' || a."storyId", 'timeline']) FROM new_rows a));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || a.id, 'story:' || a."storyId", 'timeline']) FROM old_rows a));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION content_change_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || s."articleId", 'speaker:' || s."speakerId", 'country:' || sp.country::text, 'timeline'])
      FROM new_rows s LEFT JOIN "Speaker" sp ON sp.id = s."speakerId"));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || s."articleId", 'speaker:' || s."speakerId", 'country:' || sp.country::text, 'timeline'])
      FROM old_rows s LEFT JOIN "Speaker" sp ON sp.id = s."speakerId"));
  END IF;
  RETURN NULL;
END
$$;

-- A pair shows on the pages of both its statements' articles and speakers.
CREATE FUNCTION content_change_pair() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || s."articleId", 'speaker:' || s."speakerId", 'timeline'])
      FROM new_rows p JOIN "Statement" s ON s.id IN (p."claimId", p."responseId")));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || s."articleId", 'speaker:' || s."speakerId", 'timeline'])
      FROM old_rows p JOIN "Statement" s ON s.id IN (p."claimId", p."responseId")));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION content_change_country_mention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || m."articleId", 'country:' || m.code::text, 'timeline']) FROM new_rows m));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['article:' || m."articleId", 'country:' || m.code::text, 'timeline']) FROM old_rows m));
  END IF;
  RETURN NULL;
END
$$;

-- A new speaker shows nowhere until a statement names it (that trigger covers it); an edit or a
-- merge changes every page that shows the speaker, which carries its tag.
CREATE FUNCTION content_change_speaker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM content_change_record(ARRAY(
      SELECT unnest(ARRAY['speaker:' || s.id, 'country:' || s.country::text, 'timeline']) FROM new_rows s));
  END IF;
  PERFORM content_change_record(ARRAY(
    SELECT unnest(ARRAY['speaker:' || s.id, 'country:' || s.country::text, 'timeline']) FROM old_rows s));
  RETURN NULL;
END
$$;

CREATE FUNCTION content_change_story() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM content_change_record(ARRAY(SELECT unnest(ARRAY['story:' || s.id, 'timeline']) FROM new_rows s));
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger, hence three triggers per table.
CREATE TRIGGER content_change_insert AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_article();
CREATE TRIGGER content_change_update AFTER UPDATE ON "Article" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_article();
CREATE TRIGGER content_change_delete AFTER DELETE ON "Article" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_article();
CREATE TRIGGER content_change_insert AFTER INSERT ON "Statement" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_statement();
CREATE TRIGGER content_change_update AFTER UPDATE ON "Statement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_statement();
CREATE TRIGGER content_change_delete AFTER DELETE ON "Statement" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_statement();
CREATE TRIGGER content_change_insert AFTER INSERT ON "Pair" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_pair();
CREATE TRIGGER content_change_update AFTER UPDATE ON "Pair" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_pair();
CREATE TRIGGER content_change_delete AFTER DELETE ON "Pair" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_pair();
CREATE TRIGGER content_change_insert AFTER INSERT ON "CountryMention" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_country_mention();
CREATE TRIGGER content_change_update AFTER UPDATE ON "CountryMention" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_country_mention();
CREATE TRIGGER content_change_delete AFTER DELETE ON "CountryMention" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_country_mention();
CREATE TRIGGER content_change_update AFTER UPDATE ON "Speaker" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_speaker();
CREATE TRIGGER content_change_delete AFTER DELETE ON "Speaker" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_speaker();
CREATE TRIGGER content_change_update AFTER UPDATE ON "Story" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION content_change_story();
