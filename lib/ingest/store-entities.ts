// Outlets and speakers are shared across articles: one row per outlet name and per speaker
// (name + kind), created on first sight and enriched (role, country, aliases) when later
// articles know more. A speaker's role and country follow the newest engine that read them: a
// re-extraction by a better engine corrects what an older one stored, while articles read by the
// same engine only fill gaps (the first reading stays, so the page does not flip with every
// article). An editor's details correction outranks every engine.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSpeaker } from "@/lib/extract/types";
import { randomBytes } from "node:crypto";
import { slugify } from "@/lib/ingest/slugify";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";

type Tx = Prisma.TransactionClient;

/** Case-, accent- and punctuation-insensitive form of a name. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function outletSlug(name: string): string {
  return slugify(name, 60);
}

/** The outlet with this name (or, failing that, this domain), created on first sight; one round trip. */
export async function upsertOutlet(tx: Tx, name: string, domain: string | null): Promise<number> {
  const slug = outletSlug(name);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH found AS (
      SELECT id FROM "Outlet" WHERE slug = ${slug} OR (${domain}::text IS NOT NULL AND domain = ${domain}::text)
      ORDER BY (slug = ${slug}) DESC LIMIT 1
    ), inserted AS (
      INSERT INTO "Outlet" (slug, name, domain) SELECT ${slug}, ${name}, ${domain} WHERE NOT EXISTS (SELECT 1 FROM found)
      ON CONFLICT (slug) DO UPDATE SET name = "Outlet".name RETURNING id
    )
    SELECT id FROM found UNION ALL SELECT id FROM inserted`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`could not store the outlet ${name}`);
  return id;
}

const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "hers", "their"]);

type TMergedSpeaker = {
  key: string;
  name: string;
  kind: TSpeaker["kind"];
  role: string | null;
  country: string | null;
  aliases: Set<string>;
  /** The first article (by position in its batch) that names this speaker. */
  firstArticle: number;
};

/** One article's speakers: what its extraction found, and the text its mentions point into. */
export type TArticleSpeakers = { speakers: TSpeaker[]; text: string };

/** Returns extraction speaker id → Speaker.id. `text` is what the mentions point into. */
export async function upsertSpeakers(tx: Tx, speakers: TSpeaker[], text = ""): Promise<Map<string, number>> {
  const [ids] = await upsertSpeakersOfArticles(tx, [{ speakers, text }]);
  return ids ?? new Map();
}

/**
 * The speakers of several articles in a handful of round trips: one extraction speaker id → Speaker.id
 * map per article. A speaker first named by an earlier article of the batch is found by a later one
 * exactly as if the earlier article had been stored first.
 */
export async function upsertSpeakersOfArticles(tx: Tx, articles: TArticleSpeakers[]): Promise<Map<string, number>[]> {
  const merged = new Map<string, TMergedSpeaker>();
  const slotsOfArticles = articles.map(({ speakers, text }, article) => {
    const slots = new Map<string, string>();
    for (const speaker of speakers) {
      const key = nameKey(speaker.name);
      if (!key) continue;
      const slot = `${key}|${speaker.kind}`;
      const entry = merged.get(slot) ?? { key, name: speaker.name, kind: speaker.kind, role: null, country: null, aliases: new Set<string>(), firstArticle: article };
      entry.role ??= speaker.role;
      entry.country ??= speaker.country;
      slots.set(speaker.id, slot);
      for (const mention of speaker.mentions) {
        // "Trump’s" is a mention of Trump, not another name for him.
        const alias = text.slice(mention.start, mention.end).trim().replace(/['\u2019]s$/u, "");
        if (alias && alias !== speaker.name && !PRONOUNS.has(alias.toLowerCase()) && alias.length <= 120) entry.aliases.add(alias);
      }
      merged.set(slot, entry);
    }
    return slots;
  });
  const idsBySlot = await upsertMergedSpeakers(tx, merged);
  return slotsOfArticles.map((slots) => {
    const ids = new Map<string, number>();
    for (const [extractionId, slot] of slots) {
      const id = idsBySlot.get(slot);
      if (id !== undefined) ids.set(extractionId, id);
    }
    return ids;
  });
}

/** A person's surname key: the last word of the name key ("donald j trump" → "trump"). */
export function surnameKey(key: string, kind: TSpeaker["kind"]): string | null {
  return kind === "person" ? (key.split(" ").pop() ?? null) : null;
}

type TSpeakerRow = {
  id: number;
  nameKey: string;
  kind: TSpeaker["kind"];
  role: string | null;
  country: string | null;
  roleVersion: number;
  countryVersion: number;
  aliases: string[];
};

type TDetail = "role" | "country";
const DETAILS: readonly TDetail[] = ["role", "country"];
const VERSION_OF = { role: "roleVersion", country: "countryVersion" } as const;

/** Whether this engine's reading of a detail should be stored over what the row holds. */
export function readingReplaces(stored: string | null, storedVersion: number, read: string | null, version = EXTRACTOR_VERSION): boolean {
  if (read === null) return false;
  // An older engine's value (or none) gives way; the same engine's first reading stays.
  const wins = stored === null || storedVersion < version;
  return wins && (read !== stored || storedVersion !== version);
}

/** The ids among these speakers whose role or country an editor set (a details correction still applied). */
async function pinnedSpeakers(tx: Tx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.correction.findMany({
    where: { speakerId: { in: ids }, kind: "speaker_details", status: "applied" },
    select: { speakerId: true },
    distinct: ["speakerId"],
  });
  return new Set(rows.map((row) => row.speakerId).filter((id): id is number => id !== null));
}

/**
 * The stored person another article named differently: "donald j trump" is "donald trump" (same
 * first and last word); "trump" is the one stored person with that surname. Two people sharing it
 * (Donald and Melania Trump) make a bare surname ambiguous: then nothing is matched.
 */
function samePerson(key: string, rows: readonly TSpeakerRow[]): TSpeakerRow | null {
  const words = key.split(" ");
  const surname = words[words.length - 1];
  const full = rows.filter((row) => row.kind === "person" && row.nameKey.includes(" ") && row.nameKey.split(" ").pop() === surname);
  const firstOf = (nameKey: string) => nameKey.split(" ")[0];
  const candidates = words.length > 1 ? full.filter((row) => firstOf(row.nameKey) === words[0]) : full;
  const people = new Set(candidates.map((row) => firstOf(row.nameKey)));
  if (people.size !== 1) return null;
  return candidates.reduce<TSpeakerRow | null>((best, row) => (best === null || row.id < best.id ? row : best), null);
}

// Rows of speakers this batch creates get stand-in ids above every stored id until inserted.
const FIRST_STAND_IN_ID = 2 ** 50;

/** Known speakers in one query, new ones in one insert: a handful of round trips per batch, not per speaker. */
async function upsertMergedSpeakers(tx: Tx, merged: Map<string, TMergedSpeaker>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (merged.size === 0) return ids;
  // In the order the articles name them: an earlier article's new speaker is there for a later one.
  const speakers = [...merged].sort((a, b) => a[1].firstArticle - b[1].firstArticle);
  const select = { id: true, nameKey: true, kind: true, role: true, country: true, roleVersion: true, countryVersion: true, aliases: true } as const;
  const existing = await tx.$queryRaw<TSpeakerRow[]>`
    SELECT s.id, s."nameKey", s.kind::text AS kind, s.role, s.country, s."roleVersion", s."countryVersion", s.aliases FROM "Speaker" s
    JOIN unnest(${speakers.map(([, speaker]) => speaker.key)}::text[], ${speakers.map(([, speaker]) => speaker.kind)}::text[]) AS wanted(key, kind)
      ON s."nameKey" = wanted.key AND s.kind::text = wanted.kind`;
  const byKey = new Map(existing.map((row) => [`${row.nameKey}|${row.kind}`, row]));
  const surnames = new Set<string>();
  for (const [slot, speaker] of speakers) {
    const surname = surnameKey(speaker.key, speaker.kind);
    if (surname && !byKey.has(slot)) surnames.add(surname);
  }
  const namesakes = surnames.size ? await tx.speaker.findMany({ where: { kind: "person", surnameKey: { in: [...surnames] } }, select }) : [];
  const fresh: { slot: string; speaker: TMergedSpeaker; standIn: TSpeakerRow }[] = [];
  const matched: { row: TSpeakerRow; speaker: TMergedSpeaker }[] = [];
  const changed = new Set<TSpeakerRow>();
  for (const [slot, speaker] of speakers) {
    const exact = byKey.get(slot);
    // Namesakes created by earlier articles of this batch count; those of the same article do not (as when stored one by one).
    const earlier = fresh.filter((entry) => entry.speaker.firstArticle < speaker.firstArticle).map((entry) => entry.standIn);
    const row = exact ?? (speaker.kind === "person" ? samePerson(speaker.key, [...namesakes, ...earlier]) : null);
    if (!row) {
      const standIn: TSpeakerRow = {
        id: FIRST_STAND_IN_ID + fresh.length,
        nameKey: speaker.key,
        kind: speaker.kind,
        role: speaker.role,
        country: speaker.country,
        roleVersion: speaker.role === null ? 0 : EXTRACTOR_VERSION,
        countryVersion: speaker.country === null ? 0 : EXTRACTOR_VERSION,
        aliases: [...speaker.aliases],
      };
      fresh.push({ slot, speaker, standIn });
      ids.set(slot, standIn.id);
      continue;
    }
    ids.set(slot, row.id);
    if (!exact) speaker.aliases.add(speaker.name);
    const newAliases = [...speaker.aliases].filter((alias) => !row.aliases.includes(alias));
    if (newAliases.length) {
      row.aliases = [...row.aliases, ...newAliases].slice(0, 50);
      changed.add(row);
    }
    matched.push({ row, speaker });
  }
  const readings = matched.filter(({ row, speaker }) => DETAILS.some((detail) => readingReplaces(row[detail], row[VERSION_OF[detail]], speaker[detail])));
  const pinned = await pinnedSpeakers(tx, [...new Set(readings.map(({ row }) => row.id).filter((id) => id < FIRST_STAND_IN_ID))]);
  for (const { row, speaker } of readings) {
    if (pinned.has(row.id)) continue;
    for (const detail of DETAILS) {
      if (!readingReplaces(row[detail], row[VERSION_OF[detail]], speaker[detail])) continue;
      row[detail] = speaker[detail];
      row[VERSION_OF[detail]] = EXTRACTOR_VERSION;
      changed.add(row);
    }
  }
  // Stored rows are updated in id order: two writers enriching the same speakers lock them in one order.
  const updates = [...changed].filter((entry) => entry.id < FIRST_STAND_IN_ID).sort((a, b) => a.id - b.id);
  if (updates.length) {
    // Rows travel as one JSON value: array parameters cannot carry nulls in place, nor lists of lists.
    const rows = updates.map(({ id, role, country, roleVersion, countryVersion, aliases }) => ({ id, role, country, roleVersion, countryVersion, aliases }));
    await tx.$executeRaw`UPDATE "Speaker" s
      SET role = v.role, country = v.country, "roleVersion" = v."roleVersion", "countryVersion" = v."countryVersion", aliases = v.aliases
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(id int, role text, country text, "roleVersion" int, "countryVersion" int, aliases text[])
      WHERE s.id = v.id`;
  }
  if (fresh.length === 0) return ids;

  const bases = fresh.map(({ speaker }) => slugify(speaker.name, 60));
  const wanted = fresh.flatMap(({ speaker }, index) => [bases[index]!, `${bases[index]}-${speaker.kind}`]);
  const taken = new Set((await tx.speaker.findMany({ where: { slug: { in: wanted } }, select: { slug: true } })).map((row) => row.slug));
  const rows = fresh.map(({ speaker, standIn }, index) => {
    const base = bases[index]!;
    const candidates = [base, `${base}-${speaker.kind}`, `${base}-${speaker.kind}-${randomBytes(3).toString("hex")}`];
    const slug = candidates.find((candidate) => !taken.has(candidate)) ?? candidates[2]!;
    taken.add(slug);
    return {
      slug, name: speaker.name, nameKey: speaker.key, surnameKey: surnameKey(speaker.key, speaker.kind), kind: speaker.kind,
      role: standIn.role, country: standIn.country, roleVersion: standIn.roleVersion, countryVersion: standIn.countryVersion, aliases: standIn.aliases,
    };
  });
  // Inserted in key order: two writers creating the same speakers wait for each other instead of deadlocking.
  rows.sort((a, b) => (a.nameKey === b.nameKey ? a.kind.localeCompare(b.kind) : a.nameKey < b.nameKey ? -1 : 1));
  const created = await tx.speaker.createManyAndReturn({ data: rows, select: { id: true, nameKey: true, kind: true } });
  const createdByKey = new Map(created.map((row) => [`${row.nameKey}|${row.kind}`, row.id]));
  const realIds = new Map(fresh.map(({ standIn }) => [standIn.id, createdByKey.get(`${standIn.nameKey}|${standIn.kind}`)]));
  for (const [slot, id] of ids) {
    if (id < FIRST_STAND_IN_ID) continue;
    const real = realIds.get(id);
    if (real === undefined) ids.delete(slot);
    else ids.set(slot, real);
  }
  return ids;
}
