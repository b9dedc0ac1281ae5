// Outlets and speakers are shared across articles: one row per outlet name and per speaker
// (name + kind), created on first sight and enriched (role, country, aliases) when later
// articles know more.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSpeaker } from "@/lib/extract/types";
import { randomBytes } from "node:crypto";
import { slugify } from "@/lib/ingest/slugify";

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

/** The outlet with this name (or, failing that, this domain), created on first sight; one round trip. */
export async function upsertOutlet(tx: Tx, name: string, domain: string | null): Promise<number> {
  const slug = slugify(name, 60);
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

type TMergedSpeaker = { key: string; name: string; kind: TSpeaker["kind"]; role: string | null; country: string | null; aliases: Set<string>; ids: string[] };

/** Returns extraction speaker id → Speaker.id. `text` is what the mentions point into. */
export async function upsertSpeakers(tx: Tx, speakers: TSpeaker[], text = ""): Promise<Map<string, number>> {
  const merged = new Map<string, TMergedSpeaker>();
  for (const speaker of speakers) {
    const key = nameKey(speaker.name);
    if (!key) continue;
    const slot = `${key}|${speaker.kind}`;
    const entry = merged.get(slot) ?? { key, name: speaker.name, kind: speaker.kind, role: null, country: null, aliases: new Set<string>(), ids: [] };
    entry.role ??= speaker.role;
    entry.country ??= speaker.country;
    entry.ids.push(speaker.id);
    for (const mention of speaker.mentions) {
      // "Trump’s" is a mention of Trump, not another name for him.
      const alias = text.slice(mention.start, mention.end).trim().replace(/['\u2019]s$/u, "");
      if (alias && alias !== speaker.name && !PRONOUNS.has(alias.toLowerCase()) && alias.length <= 120) entry.aliases.add(alias);
    }
    merged.set(slot, entry);
  }
  return upsertMergedSpeakers(tx, [...merged.values()]);
}

/** A person's surname key: the last word of the name key ("donald j trump" → "trump"). */
export function surnameKey(key: string, kind: TSpeaker["kind"]): string | null {
  return kind === "person" ? (key.split(" ").pop() ?? null) : null;
}

type TSpeakerRow = { id: number; nameKey: string; kind: TSpeaker["kind"]; role: string | null; country: string | null; aliases: string[] };

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

/** Known speakers in one query, new ones in one insert: a handful of round trips per article, not per speaker. */
async function upsertMergedSpeakers(tx: Tx, speakers: TMergedSpeaker[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (speakers.length === 0) return ids;
  const select = { id: true, nameKey: true, kind: true, role: true, country: true, aliases: true } as const;
  const existing = await tx.speaker.findMany({
    where: { OR: speakers.map((speaker) => ({ nameKey: speaker.key, kind: speaker.kind })) },
    select,
  });
  const byKey = new Map(existing.map((row) => [`${row.nameKey}|${row.kind}`, row]));
  const surnames = new Set<string>();
  for (const speaker of speakers) {
    const surname = surnameKey(speaker.key, speaker.kind);
    if (surname && !byKey.has(`${speaker.key}|${speaker.kind}`)) surnames.add(surname);
  }
  const namesakes = surnames.size ? await tx.speaker.findMany({ where: { kind: "person", surnameKey: { in: [...surnames] } }, select }) : [];
  const fresh: TMergedSpeaker[] = [];
  for (const speaker of speakers) {
    const exact = byKey.get(`${speaker.key}|${speaker.kind}`);
    const row = exact ?? (speaker.kind === "person" ? samePerson(speaker.key, namesakes) : null);
    if (!row) {
      fresh.push(speaker);
      continue;
    }
    for (const extractionId of speaker.ids) ids.set(extractionId, row.id);
    if (!exact) speaker.aliases.add(speaker.name);
    const newAliases = [...speaker.aliases].filter((alias) => !row.aliases.includes(alias));
    if ((!row.role && speaker.role) || (!row.country && speaker.country) || newAliases.length) {
      row.role ??= speaker.role;
      row.country ??= speaker.country;
      row.aliases = [...row.aliases, ...newAliases].slice(0, 50);
      await tx.speaker.update({ where: { id: row.id }, data: { role: row.role, country: row.country, aliases: row.aliases } });
    }
  }
  if (fresh.length === 0) return ids;

  const bases = fresh.map((speaker) => slugify(speaker.name, 60));
  const wanted = fresh.flatMap((speaker, index) => [bases[index]!, `${bases[index]}-${speaker.kind}`]);
  const taken = new Set((await tx.speaker.findMany({ where: { slug: { in: wanted } }, select: { slug: true } })).map((row) => row.slug));
  const rows = fresh.map((speaker, index) => {
    const base = bases[index]!;
    const candidates = [base, `${base}-${speaker.kind}`, `${base}-${speaker.kind}-${randomBytes(3).toString("hex")}`];
    const slug = candidates.find((candidate) => !taken.has(candidate)) ?? candidates[2]!;
    taken.add(slug);
    return {
      slug, name: speaker.name, nameKey: speaker.key, surnameKey: surnameKey(speaker.key, speaker.kind), kind: speaker.kind,
      role: speaker.role, country: speaker.country, aliases: [...speaker.aliases],
    };
  });
  const created = await tx.speaker.createManyAndReturn({ data: rows, select: { id: true, nameKey: true, kind: true } });
  const createdByKey = new Map(created.map((row) => [`${row.nameKey}|${row.kind}`, row.id]));
  for (const speaker of fresh) {
    const id = createdByKey.get(`${speaker.key}|${speaker.kind}`);
    if (id !== undefined) for (const extractionId of speaker.ids) ids.set(extractionId, id);
  }
  return ids;
}
