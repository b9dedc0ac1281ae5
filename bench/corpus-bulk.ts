// Bulk loader for large corpora: child processes prepare articles exactly as the ingestion path
// would (bench/corpus-prepare.ts); this process assigns ids and writes them in batches of
// multi-row INSERT … SELECT FROM unnest(…), one transaction per batch. Story `k` of the corpus
// becomes Story.id k + 1 (its articles share distinctive quotes, which is what assignStory links).
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { slugify } from "@/lib/ingest/slugify";
import type { TPreparedArticle, TPreparedSpeaker } from "./corpus-prepare";

const BATCH_ARTICLES = 250;
const here = import.meta.dirname;

type TSpeakerRow = { id: number; role: string | null; country: string | null; aliases: Set<string>; changed: boolean };

export type TBulkProgress = { loaded: number; total: number; elapsedMs: number };

/** Streams prepared articles [from, from + count) from `workers` child processes. */
async function* preparedArticles(from: number, count: number, workers: number): AsyncGenerator<TPreparedArticle> {
  const children = Array.from({ length: workers }, (_unused, offset) =>
    spawn(process.execPath, ["--import", "tsx", path.join(here, "corpus-shard.ts"), "--from", String(from), "--count", String(count), "--step", String(workers), "--offset", String(offset)], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const exits = children.map((child) => new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1))));
  const queue: TPreparedArticle[] = [];
  let wake: (() => void) | null = null;
  let open = children.length;
  for (const child of children) {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      queue.push(JSON.parse(line) as TPreparedArticle);
      // Back-pressure: stop reading while the database is behind.
      if (queue.length > BATCH_ARTICLES * 4) child.stdout.pause();
      wake?.();
    });
    lines.on("close", () => {
      open -= 1;
      wake?.();
    });
  }
  try {
    while (open > 0 || queue.length > 0) {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      const next = queue.shift()!;
      if (queue.length < BATCH_ARTICLES) for (const child of children) child.stdout.resume();
      yield next;
    }
    const codes = await Promise.all(exits);
    if (codes.some((code) => code !== 0)) throw new Error(`a corpus preparation process failed (exit codes ${codes.join(", ")})`);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

class BulkWriter {
  private readonly outlets = new Map<string, number>();
  private readonly speakers = new Map<string, TSpeakerRow>();
  private readonly speakerSlugs = new Set<string>();
  private nextArticleId = 1;
  private nextStatementId = 1;
  private nextSpeakerId = 1;

  constructor(private readonly client: pg.Client) {}

  async load(): Promise<void> {
    const { rows: outlets } = await this.client.query<{ id: number; slug: string }>(`SELECT id, slug FROM "Outlet"`);
    for (const row of outlets) this.outlets.set(row.slug, row.id);
    const { rows: speakers } = await this.client.query<{ id: number; slug: string; nameKey: string; kind: string; role: string | null; country: string | null; aliases: string[] }>(
      `SELECT id, slug, "nameKey", kind::text AS kind, role, country, aliases FROM "Speaker"`,
    );
    for (const row of speakers) {
      this.speakers.set(`${row.nameKey}|${row.kind}`, { id: row.id, role: row.role, country: row.country?.trim() ?? null, aliases: new Set(row.aliases), changed: false });
      this.speakerSlugs.add(row.slug);
    }
    const { rows: [max] } = await this.client.query<{ article: number; statement: number; speaker: number }>(
      `SELECT (SELECT coalesce(max(id), 0) FROM "Article") AS article, (SELECT coalesce(max(id), 0) FROM "Statement") AS statement,
              (SELECT coalesce(max(id), 0) FROM "Speaker") AS speaker`,
    );
    this.nextArticleId = (max?.article ?? 0) + 1;
    this.nextStatementId = (max?.statement ?? 0) + 1;
    this.nextSpeakerId = (max?.speaker ?? 0) + 1;
  }

  private async outletId(name: string, domain: string): Promise<number> {
    const slug = slugify(name, 60);
    const known = this.outlets.get(slug);
    if (known !== undefined) return known;
    const { rows } = await this.client.query<{ id: number }>(
      `INSERT INTO "Outlet" (slug, name, domain) VALUES ($1, $2, $3) ON CONFLICT (slug) DO UPDATE SET name = "Outlet".name RETURNING id`,
      [slug, name, domain],
    );
    const id = rows[0]!.id;
    this.outlets.set(slug, id);
    return id;
  }

  private speakerSlug(speaker: TPreparedSpeaker): string {
    const base = slugify(speaker.name, 60);
    for (const candidate of [base, `${base}-${speaker.kind}`]) if (!this.speakerSlugs.has(candidate)) return candidate;
    for (let n = 2; ; n += 1) if (!this.speakerSlugs.has(`${base}-${speaker.kind}-${n}`)) return `${base}-${speaker.kind}-${n}`;
  }

  async writeBatch(batch: TPreparedArticle[]): Promise<void> {
    const newSpeakers: { id: number; slug: string; speaker: TPreparedSpeaker; aliases: string[] }[] = [];
    const speakerIds = batch.map((article) =>
      article.speakers.map((speaker) => {
        const slot = `${speaker.key}|${speaker.kind}`;
        const known = this.speakers.get(slot);
        if (known) {
          const added = speaker.aliases.filter((alias) => !known.aliases.has(alias));
          if ((!known.role && speaker.role) || (!known.country && speaker.country) || (added.length > 0 && known.aliases.size < 50)) {
            known.role ??= speaker.role;
            known.country ??= speaker.country;
            for (const alias of added) if (known.aliases.size < 50) known.aliases.add(alias);
            known.changed = true;
          }
          return known.id;
        }
        const id = this.nextSpeakerId++;
        const slug = this.speakerSlug(speaker);
        this.speakerSlugs.add(slug);
        this.speakers.set(slot, { id, role: speaker.role, country: speaker.country, aliases: new Set(speaker.aliases), changed: false });
        newSpeakers.push({ id, slug, speaker, aliases: speaker.aliases });
        return id;
      }),
    );
    const outletIds: number[] = [];
    for (const article of batch) outletIds.push(await this.outletId(article.outlet, article.outletDomain));

    const stories = new Map<number, { title: string; first: string; latest: string }>();
    for (const article of batch) {
      const story = stories.get(article.storyIndex);
      if (!story) stories.set(article.storyIndex, { title: article.title, first: article.publishedAt, latest: article.publishedAt });
      else {
        if (article.publishedAt < story.first) story.first = article.publishedAt;
        if (article.publishedAt > story.latest) story.latest = article.publishedAt;
      }
    }

    const articleIds = batch.map(() => this.nextArticleId++);
    const statements: { id: number; articleId: number; speakerId: number | null; s: TPreparedArticle["statements"][number] }[] = [];
    const pairs: { claimId: number; responseId: number; relation: string; confidence: number }[] = [];
    const countries: { articleId: number; code: string; count: number }[] = [];
    batch.forEach((article, k) => {
      const articleId = articleIds[k]!;
      const ids = article.statements.map((s) => {
        const id = this.nextStatementId++;
        statements.push({ id, articleId, speakerId: s.speaker === null ? null : (speakerIds[k]?.[s.speaker] ?? null), s });
        return id;
      });
      for (const pair of article.pairs) pairs.push({ claimId: ids[pair.claim]!, responseId: ids[pair.response]!, relation: pair.relation, confidence: pair.confidence });
      for (const country of article.countries) countries.push({ articleId, ...country });
    });

    const c = this.client;
    await c.query("BEGIN");
    try {
      if (newSpeakers.length > 0) {
        await c.query(
          `INSERT INTO "Speaker" (id, slug, name, "nameKey", "surnameKey", kind, role, country, aliases)
           SELECT id, slug, name, key, CASE WHEN kind = 'person' THEN regexp_replace(key, '^.* ', '') END, kind, role, country, aliases::text[]
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::"SpeakerKind"[], $6::text[], $7::text[], $8::text[])
             AS t(id, slug, name, key, kind, role, country, aliases)`,
          [
            newSpeakers.map((row) => row.id),
            newSpeakers.map((row) => row.slug),
            newSpeakers.map((row) => row.speaker.name),
            newSpeakers.map((row) => row.speaker.key),
            newSpeakers.map((row) => row.speaker.kind),
            newSpeakers.map((row) => row.speaker.role),
            newSpeakers.map((row) => row.speaker.country),
            newSpeakers.map((row) => arrayLiteral(row.aliases.slice(0, 50))),
          ],
        );
      }
      const storyRows = [...stories];
      await c.query(
        `INSERT INTO "Story" (id, slug, title, "firstAt", "latestAt")
         SELECT id, slug, title, first, latest FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS t(id, slug, title, first, latest)
         ON CONFLICT (id) DO UPDATE SET "firstAt" = LEAST("Story"."firstAt", EXCLUDED."firstAt"), "latestAt" = GREATEST("Story"."latestAt", EXCLUDED."latestAt")`,
        [
          storyRows.map(([index]) => index + 1),
          storyRows.map(([index, story]) => `${slugify(story.title, 60)}-${index.toString(36)}`),
          storyRows.map(([, story]) => story.title),
          storyRows.map(([, story]) => story.first),
          storyRows.map(([, story]) => story.latest),
        ],
      );
      await c.query(
        `INSERT INTO "Article" (id, slug, "canonicalUrl", "sourceUrl", title, kind, "outletId", "publishedAt", "sortAt", text,
                                "contentHash", fingerprint, "nearBands", "storyId", "extractorVersion", "searchVector")
         SELECT id, slug, url, url_source, title, 'article', outlet, at, at, body, hash, print, bands::text[], story, $13::int,
                setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::int[])
           AS t(id, slug, url, url_source, title, outlet, at, body, hash, print, bands, story)`,
        [
          articleIds,
          batch.map((article) => `${slugify(article.title, 70)}-${article.contentHash.slice(0, 8)}`),
          batch.map((article) => article.canonicalUrl),
          batch.map((article) => article.sourceUrl),
          batch.map((article) => article.title),
          outletIds,
          batch.map((article) => article.publishedAt),
          batch.map((article) => article.text),
          batch.map((article) => article.contentHash),
          batch.map((article) => article.fingerprint),
          batch.map((article) => arrayLiteral(article.nearBands)),
          batch.map((article) => article.storyIndex + 1),
          EXTRACTOR_VERSION,
        ],
      );
      if (statements.length > 0) {
        await c.query(
          `INSERT INTO "Statement" (id, "articleId", "speakerId", mode, text, start, "end", "cueText", "cueStart", "cueEnd",
                                    "sourceStart", "sourceEnd", confidence, "quoteKey")
           SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::"StatementMode"[], $5::text[], $6::int[], $7::int[], $8::text[],
                                $9::int[], $10::int[], $11::int[], $12::int[], $13::float8[], $14::text[])`,
          [
            statements.map((row) => row.id),
            statements.map((row) => row.articleId),
            statements.map((row) => row.speakerId),
            statements.map((row) => row.s.mode),
            statements.map((row) => row.s.text),
            statements.map((row) => row.s.start),
            statements.map((row) => row.s.end),
            statements.map((row) => row.s.cueText),
            statements.map((row) => row.s.cueStart),
            statements.map((row) => row.s.cueEnd),
            statements.map((row) => row.s.sourceStart),
            statements.map((row) => row.s.sourceEnd),
            statements.map((row) => row.s.confidence),
            statements.map((row) => row.s.quoteKey),
          ],
        );
      }
      if (pairs.length > 0) {
        await c.query(
          `INSERT INTO "Pair" ("claimId", "responseId", relation, confidence)
           SELECT * FROM unnest($1::int[], $2::int[], $3::"Relation"[], $4::float8[]) ON CONFLICT DO NOTHING`,
          [pairs.map((row) => row.claimId), pairs.map((row) => row.responseId), pairs.map((row) => row.relation), pairs.map((row) => row.confidence)],
        );
      }
      if (countries.length > 0) {
        await c.query(
          `INSERT INTO "CountryMention" ("articleId", code, count) SELECT * FROM unnest($1::int[], $2::text[], $3::int[]) ON CONFLICT DO NOTHING`,
          [countries.map((row) => row.articleId), countries.map((row) => row.code), countries.map((row) => row.count)],
        );
      }
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK");
      throw error;
    }
  }

  /** Speakers met again with more to say (role, country, aliases), then sequences past the explicit ids. */
  async finish(): Promise<void> {
    const changed = [...this.speakers.values()].filter((row) => row.changed);
    if (changed.length > 0) {
      await this.client.query(
        `UPDATE "Speaker" sp SET role = t.role, country = t.country, aliases = t.aliases::text[]
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS t(id, role, country, aliases) WHERE sp.id = t.id`,
        [changed.map((row) => row.id), changed.map((row) => row.role), changed.map((row) => row.country), changed.map((row) => arrayLiteral([...row.aliases]))],
      );
    }
    for (const table of ["Article", "Statement", "Speaker", "Story", "Outlet", "Pair"]) {
      await this.client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "${table}"), false)`);
    }
  }
}

// Non-unique indexes are cheaper to build once at the end than to maintain row by row; unique
// ones stay, so the load still proves there is no duplicate URL, hash or slug.
const BULK_TABLES = ["Article", "Statement", "Pair", "ArticlePair", "CountryMention"];

async function dropSecondaryIndexes(client: pg.Client): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = ANY($1::text[]) AND NOT x.indisunique AND NOT x.indisprimary`,
    [BULK_TABLES],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return async () => {
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const row of rows) await client.query(row.definition);
  };
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/**
 * Loads corpus articles [from, from + count). The database must hold only an earlier bulk load of
 * articles [0, from) (or nothing), since story and row ids are assigned here.
 */
export async function bulkLoadCorpus(
  url: string,
  options: { from: number; count: number; workers: number; onProgress?: (progress: TBulkProgress) => void },
): Promise<{ articles: number; statements: number; elapsedMs: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    const { rows: [existing] } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Article"`);
    if ((existing?.n ?? 0) !== options.from) {
      throw new Error(`bulk loading from article ${options.from} needs a database holding exactly ${options.from} corpus articles (it has ${existing?.n ?? 0})`);
    }
    const writer = new BulkWriter(client);
    await writer.load();
    const restoreIndexes = await dropSecondaryIndexes(client);
    let batch: TPreparedArticle[] = [];
    let loaded = 0;
    let statements = 0;
    const flush = async () => {
      await writer.writeBatch(batch);
      loaded += batch.length;
      statements += batch.reduce((sum, article) => sum + article.statements.length, 0);
      batch = [];
      options.onProgress?.({ loaded, total: options.count, elapsedMs: performance.now() - started });
    };
    try {
      for await (const article of preparedArticles(options.from, options.count, options.workers)) {
        batch.push(article);
        if (batch.length >= BATCH_ARTICLES) await flush();
      }
      if (batch.length > 0) await flush();
      await writer.finish();
    } finally {
      await restoreIndexes();
    }
    await client.query("ANALYZE");
    return { articles: loaded, statements, elapsedMs: performance.now() - started };
  } finally {
    await client.end();
  }
}
