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

/** Known speakers in one query, new ones in one insert: a handful of round trips per article, not per speaker. */
async function upsertMergedSpeakers(tx: Tx, speakers: TMergedSpeaker[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (speakers.length === 0) return ids;
  const existing = await tx.speaker.findMany({
    where: { OR: speakers.map((speaker) => ({ nameKey: speaker.key, kind: speaker.kind })) },
    select: { id: true, nameKey: true, kind: true, role: true, country: true, aliases: true },
  });
  const byKey = new Map(existing.map((row) => [`${row.nameKey}|${row.kind}`, row]));
  const fresh: TMergedSpeaker[] = [];
  for (const speaker of speakers) {
    const row = byKey.get(`${speaker.key}|${speaker.kind}`);
    if (!row) {
      fresh.push(speaker);
      continue;
    }
    for (const extractionId of speaker.ids) ids.set(extractionId, row.id);
    const newAliases = [...speaker.aliases].filter((alias) => !row.aliases.includes(alias));
    if ((!row.role && speaker.role) || (!row.country && speaker.country) || newAliases.length) {
      await tx.speaker.update({
        where: { id: row.id },
        data: { role: row.role ?? speaker.role, country: row.country ?? speaker.country, aliases: [...row.aliases, ...newAliases].slice(0, 50) },
      });
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
    return { slug, name: speaker.name, nameKey: speaker.key, kind: speaker.kind, role: speaker.role, country: speaker.country, aliases: [...speaker.aliases] };
  });
  const created = await tx.speaker.createManyAndReturn({ data: rows, select: { id: true, nameKey: true, kind: true } });
  const createdByKey = new Map(created.map((row) => [`${row.nameKey}|${row.kind}`, row.id]));
  for (const speaker of fresh) {
    const id = createdByKey.get(`${speaker.key}|${speaker.kind}`);
    if (id !== undefined) for (const extractionId of speaker.ids) ids.set(extractionId, id);
  }
  return ids;
}
