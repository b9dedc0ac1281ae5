// Outlets and speakers are shared across articles: one row per outlet name and per speaker
// (name + kind), created on first sight and enriched (role, country, aliases) when later
// articles know more.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSpeaker } from "@/lib/extract/types";
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

export async function upsertOutlet(tx: Tx, name: string, domain: string | null): Promise<number> {
  const slug = slugify(name, 60);
  const existing = await tx.outlet.findFirst({
    where: domain ? { OR: [{ slug }, { domain }] } : { slug },
    select: { id: true, domain: true },
  });
  if (existing) {
    if (domain && !existing.domain) {
      await tx.outlet.updateMany({ where: { id: existing.id, domain: null }, data: { domain } });
    }
    return existing.id;
  }
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Outlet" (slug, name, domain) VALUES (${slug}, ${name}, ${domain})
    ON CONFLICT (slug) DO UPDATE SET name = "Outlet".name RETURNING id`;
  return rows[0]!.id;
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
  const ids = new Map<string, number>();
  for (const entry of merged.values()) {
    const id = await upsertSpeaker(tx, entry);
    for (const extractionId of entry.ids) ids.set(extractionId, id);
  }
  return ids;
}

async function upsertSpeaker(tx: Tx, speaker: TMergedSpeaker): Promise<number> {
  const aliases = [...speaker.aliases];
  const existing = await tx.speaker.findUnique({
    where: { nameKey_kind: { nameKey: speaker.key, kind: speaker.kind } },
    select: { id: true, role: true, country: true, aliases: true },
  });
  if (existing) {
    const newAliases = aliases.filter((alias) => !existing.aliases.includes(alias));
    if ((!existing.role && speaker.role) || (!existing.country && speaker.country) || newAliases.length) {
      await tx.speaker.update({
        where: { id: existing.id },
        data: {
          role: existing.role ?? speaker.role,
          country: existing.country ?? speaker.country,
          aliases: [...existing.aliases, ...newAliases].slice(0, 50),
        },
      });
    }
    return existing.id;
  }
  const base = slugify(speaker.name, 60);
  const candidates = [base, `${base}-${speaker.kind}`, `${base}-${speaker.kind}-${speaker.key.length}${Date.now() % 100000}`];
  const taken = new Set(
    (await tx.speaker.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((row) => row.slug),
  );
  const slug = candidates.find((candidate) => !taken.has(candidate)) ?? candidates[2]!;
  const created = await tx.speaker.create({
    data: { slug, name: speaker.name, nameKey: speaker.key, kind: speaker.kind, role: speaker.role, country: speaker.country, aliases },
    select: { id: true },
  });
  return created.id;
}
