// The pages the benchmark loads, taken from the corpus itself. Each scenario has `warm` URLs (a few,
// asked again and again: what a cache serves) and a `cold` pool of distinct URLs of the same kind
// (other filter combinations, cursors, articles, speakers…), each requested once, so a cache
// cannot hide a slow render.
import type pg from "pg";
import { withClient } from "@/lib/db/prepare-database";
import { encodeCursor } from "@/lib/filters";

export type TScenario = { name: string; warm: string[]; cold: string[] };

const TIMELINE_PAGE_SIZE = 10;
const DEEP_PAGES = 50;
/** More distinct URLs than a cold run at concurrency 4 gets through in its seconds here. */
const COLD_POOL = 3000;
const RELATIONS = ["", "rebuts", "supports", "responds"];

function timelineUrl(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = search.toString();
  return query ? `/?${query}` : "/";
}

/** Combinations of the given values (the first key varying fastest), `limit` at most. */
function combinations(keys: Record<string, string[]>, limit: number): Record<string, string>[] {
  const entries = Object.entries(keys);
  const total = entries.reduce((product, [, values]) => product * values.length, 1);
  return Array.from({ length: Math.min(total, limit) }, (_unused, index) => {
    let rest = index;
    const row: Record<string, string> = {};
    for (const [key, values] of entries) {
      row[key] = values[rest % values.length] ?? "";
      rest = Math.floor(rest / values.length);
    }
    return row;
  });
}

/** Deterministic shuffle, so consecutive cold requests do not walk neighbouring rows of one index. */
function spread<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 12345;
  for (let i = out.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function column<T extends Record<string, unknown>>(client: pg.Client, sql: string, key: keyof T): Promise<string[]> {
  return (await client.query<T>(sql)).rows.map((row) => String(row[key]).trim());
}

/** Month windows (from, to) covering the corpus, newest first. */
async function monthWindows(client: pg.Client): Promise<{ from: string; to: string }[]> {
  const months = await column<{ month: string }>(
    client,
    `SELECT to_char(date_trunc('month', "publishedAt"), 'YYYY-MM-DD') AS month FROM "Article"
     WHERE "publishedAt" IS NOT NULL GROUP BY 1 ORDER BY 1 DESC LIMIT 24`,
    "month",
  );
  return months.map((from) => {
    const end = new Date(`${from}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 1);
    end.setUTCDate(0);
    return { from, to: end.toISOString().slice(0, 10) };
  });
}

export async function chooseScenarios(url: string): Promise<TScenario[]> {
  return withClient(url, async (client) => {
    // Countries and speakers by how often they occur; the warm one is near the top, not the very first.
    const countries = await column<{ code: string }>(client, `SELECT code FROM "CountryMention" GROUP BY code ORDER BY count(*) DESC, code`, "code");
    const speakers = await column<{ slug: string }>(
      client,
      `SELECT sp.slug FROM "Statement" s JOIN "Speaker" sp ON sp.id = s."speakerId" WHERE sp.kind = 'person'
       GROUP BY sp.slug ORDER BY count(*) DESC, sp.slug LIMIT ${COLD_POOL}`,
      "slug",
    );
    const cursors = (await client.query<{ id: number; latestAt: Date }>(
      `SELECT id, "latestAt" FROM "Story" ORDER BY "latestAt" DESC, id DESC LIMIT ${COLD_POOL + DEEP_PAGES * TIMELINE_PAGE_SIZE}`,
    )).rows.map((row) => encodeCursor({ at: row.latestAt, id: row.id }));
    const articles = await column<{ slug: string }>(client, `SELECT slug FROM "Article" WHERE id % 997 <> 1 ORDER BY id LIMIT ${COLD_POOL}`, "slug");
    const warmArticles = await column<{ slug: string }>(client, `SELECT slug FROM "Article" WHERE id % 997 = 1 ORDER BY id LIMIT 20`, "slug");
    const stories = await column<{ slug: string }>(client, `SELECT slug FROM "Story" ORDER BY "latestAt" DESC, id DESC LIMIT ${COLD_POOL + 20}`, "slug");
    // Title words as search terms: each a real match, and a different query every time.
    const words = await column<{ word: string }>(
      client,
      `SELECT lower(word) AS word FROM (SELECT regexp_split_to_table(title, '[^A-Za-z]+') AS word FROM "Article" LIMIT 20000) w
       WHERE length(word) >= 5 GROUP BY 1 ORDER BY count(*) DESC LIMIT 400`,
      "word",
    );
    const windows = await monthWindows(client);

    const country = countries[4] ?? countries[0] ?? "JP";
    const speaker = speakers[19] ?? speakers[0] ?? "unknown";
    const deep = cursors[DEEP_PAGES * TIMELINE_PAGE_SIZE - 1];
    const dated = [{ from: "", to: "" }, ...windows];
    const filtered = (key: "country" | "speaker", values: string[], warm: string) =>
      combinations({ [key]: values, relation: RELATIONS, window: dated.map((_window, i) => String(i)) }, COLD_POOL + 1)
        .map((row) => timelineUrl({ [key]: row[key], relation: row.relation, from: dated[Number(row.window)]?.from, to: dated[Number(row.window)]?.to }))
        .filter((path) => path !== `/?${key}=${warm}`);

    return [
      // The first 50 pages for the timeline, the pages past them for "deep": the two pools never meet.
      {
        name: "timeline",
        warm: ["/"],
        cold: spread(combinations({ cursor: cursors.slice(0, DEEP_PAGES * TIMELINE_PAGE_SIZE), relation: RELATIONS }, COLD_POOL).map((row) => timelineUrl(row))),
      },
      { name: "timeline?country", warm: [timelineUrl({ country })], cold: spread(filtered("country", countries, country)) },
      { name: "timeline?speaker", warm: [timelineUrl({ speaker })], cold: spread(filtered("speaker", speakers, speaker)) },
      // Words that stemming leaves alone: the search matches an 'english' vector with a 'simple' query.
      {
        name: "timeline?q",
        warm: ["/?q=Geneva", "/?q=border", "/?q=Nairobi%20summit", "/?q=ambassador"],
        cold: spread(combinations({ q: words, relation: RELATIONS }, COLD_POOL).map((row) => timelineUrl(row))),
      },
      {
        name: "timeline 50 pages deep",
        warm: [deep ? timelineUrl({ cursor: deep }) : "/"],
        cold: spread(cursors.slice(DEEP_PAGES * TIMELINE_PAGE_SIZE).map((cursor) => timelineUrl({ cursor }))),
      },
      { name: "permalink", warm: warmArticles.map((slug) => `/articles/${slug}`), cold: spread(articles.map((slug) => `/articles/${slug}`)) },
      { name: "story", warm: stories.slice(0, 20).map((slug) => `/stories/${slug}`), cold: spread(stories.slice(20).map((slug) => `/stories/${slug}`)) },
      { name: "speaker", warm: [`/speakers/${speaker}`], cold: spread(speakers.filter((slug) => slug !== speaker).map((slug) => `/speakers/${slug}`)) },
      { name: "country", warm: [`/countries/${country.toLowerCase()}`], cold: spread(countries.filter((code) => code !== country).map((code) => `/countries/${code.toLowerCase()}`)) },
    ];
  });
}
