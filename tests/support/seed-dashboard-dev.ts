// Hand-written rows mirroring the shared fixtures: known offsets, pairs and quote keys for the
// dashboard's query tests and for development without the ingestion pipeline.
// Usage: DATABASE_URL=… npx tsx tests/support/seed-dashboard-dev.ts (replaces all content rows).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient, Relation, SpeakerKind, StatementMode } from "@/lib/generated/prisma/client";

type TSeedStatement = { key: string; speaker: string; mode: StatementMode; excerpt: string; cue?: string };
type TSeedArticle = {
  slug: string;
  title: string;
  outlet: { slug: string; name: string; domain: string } | null;
  kind: "article" | "comment";
  author?: string;
  publishedAt: string;
  story: string;
  text: string;
  statements: TSeedStatement[];
  countries: string[];
};

const speakers: Record<string, { slug: string; kind: SpeakerKind; role: string | null; country: string | null }> = {
  "Donald Trump": { slug: "donald-trump", kind: "person", role: "President", country: "US" },
  "Yoshimasa Hayashi": { slug: "yoshimasa-hayashi", kind: "person", role: "Chief Cabinet Secretary", country: "JP" },
  "Shigeru Ishiba": { slug: "shigeru-ishiba", kind: "person", role: "Prime Minister", country: "JP" },
  "AP News": { slug: "ap-news", kind: "outlet", role: null, country: null },
  Ryuu96: { slug: "ryuu96", kind: "commenter", role: null, country: null },
};

// The same two pastes the product seeds itself with.
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/seed-articles");
const treaty = readFileSync(`${fixtures}/japan-treaty-unfair.txt`, "utf8");
const forum = readFileSync(`${fixtures}/treaty-and-nato-forum-paste.txt`, "utf8");
const between = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  const end = to ? text.indexOf(to, start) : text.length;
  return text.slice(start, end).trim();
};

const articles: TSeedArticle[] = [
  {
    slug: "trump-calls-us-japan-security-treaty-unfair-says-japan-offers-no-protection",
    title: "Trump calls US-Japan security treaty ‘unfair,’ says Japan offers no protection",
    outlet: { slug: "example-news", name: "Example News", domain: "news.example" },
    kind: "article",
    publishedAt: "2025-03-07T09:00:00Z",
    story: "trump-criticizes-us-japan-security-treaty",
    text: between(treaty, "Trump questions", ""),
    statements: [
      { key: "t1", speaker: "Donald Trump", mode: "mixed", excerpt: "calling it “unequal”", cue: "calling" },
      { key: "t2", speaker: "Donald Trump", mode: "direct", excerpt: "We have a great relationship with Japan, but we have an interesting deal with Japan that we have to protect them, but they don’t have to protect us", cue: "said" },
      { key: "t3", speaker: "Donald Trump", mode: "direct", excerpt: "They make a fortune with us economically", cue: "stating" },
      { key: "t4", speaker: "Donald Trump", mode: "direct", excerpt: "I actually asked who makes these deals?", cue: "questioning" },
      { key: "h1", speaker: "Yoshimasa Hayashi", mode: "indirect", excerpt: "the importance of the US-Japan alliance", cue: "reiterated" },
      { key: "h2", speaker: "Yoshimasa Hayashi", mode: "indirect", excerpt: "Japan’s confidence that the US would fulfill its security obligations", cue: "stressing" },
      { key: "i1", speaker: "Shigeru Ishiba", mode: "indirect", excerpt: "an imbalance in the military relationship, with the US benefiting more", cue: "suggested" },
    ],
    countries: ["US", "JP", "CN", "KP"],
  },
  {
    slug: "trump-criticizes-security-treaty-with-japan-as-unequal",
    title: "Trump Criticizes Security Treaty With Japan as Unequal",
    outlet: null,
    kind: "article",
    publishedAt: "2025-03-07T14:30:00Z",
    story: "trump-criticizes-us-japan-security-treaty",
    text: between(forum, "US President Donald Trump on Thursday", "Trump Criticizes Security"),
    statements: [
      { key: "a1", speaker: "Donald Trump", mode: "direct", excerpt: "We have a great relationship with Japan, but we have an interesting deal with Japan that we have to protect them, but they don’t have to protect us", cue: "said" },
      { key: "a2", speaker: "Donald Trump", mode: "direct", excerpt: "they make a fortune with us economically", cue: "added" },
      { key: "a3", speaker: "Donald Trump", mode: "direct", excerpt: "I actually asked who makes these deals?" },
      { key: "b1", speaker: "Shigeru Ishiba", mode: "indirect", excerpt: "Japan bears the burden of providing bases to the US", cue: "countered the claim" },
      { key: "b2", speaker: "Shigeru Ishiba", mode: "direct", excerpt: "Our relationship is not just one where the US unilaterally protects Japan and Japan is unilaterally protected by the US", cue: "said" },
    ],
    countries: ["US", "JP"],
  },
  {
    slug: "trump-casts-doubt-on-nato-solidarity",
    title: "Trump Casts Doubt On NATO Solidarity",
    outlet: { slug: "ap-news", name: "AP News", domain: "apnews.com" },
    kind: "article",
    publishedAt: "2025-03-06T18:00:00Z",
    story: "trump-casts-doubt-on-nato-solidarity",
    text: between(forum, "Trump said Thursday in the Oval Office", "Trump Casts Doubt On NATO"),
    statements: [
      { key: "c1", speaker: "Donald Trump", mode: "indirect", excerpt: "other countries would not come to the defense of the U.S.", cue: "said" },
      { key: "c2", speaker: "AP News", mode: "indirect", excerpt: "they have done exactly that, in the only instance that the Article 5 defense guarantee was invoked" },
      { key: "c3", speaker: "Donald Trump", mode: "direct", excerpt: "Do you think they're going to come and protect us? They're supposed to. I'm not so sure." },
    ],
    countries: ["US", "FR"],
  },
  {
    slug: "ryuu96-comment-on-trump-casts-doubt-on-nato-solidarity",
    title: "Comment by Ryuu96",
    outlet: null,
    kind: "comment",
    author: "Ryuu96",
    publishedAt: "2025-03-07T20:00:00Z",
    story: "trump-casts-doubt-on-nato-solidarity",
    text: between(forum, "Talking shit as per usual", "Last edited by"),
    statements: [
      { key: "r1", speaker: "Ryuu96", mode: "indirect", excerpt: "The only time Article 5 was ever called upon was by America and NATO answered the call" },
    ],
    countries: ["US", "RU", "AF", "IQ"],
  },
];

const pairs: { claim: string; response: string; relation: Relation }[] = [
  { claim: "t2", response: "h1", relation: "responds" },
  { claim: "t2", response: "h2", relation: "rebuts" },
  { claim: "t3", response: "i1", relation: "rebuts" },
  { claim: "a1", response: "b1", relation: "rebuts" },
  { claim: "a1", response: "b2", relation: "rebuts" },
  { claim: "c1", response: "c2", relation: "rebuts" },
  { claim: "c3", response: "r1", relation: "rebuts" },
];

const storyTitles: Record<string, string> = {
  "trump-criticizes-us-japan-security-treaty": "Trump criticizes the US-Japan security treaty",
  "trump-casts-doubt-on-nato-solidarity": "Trump casts doubt on NATO solidarity",
};

const quoteKeyOf = (text: string) =>
  createHash("sha256").update(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()).digest("hex").slice(0, 16);

export const SEEDED_ARTICLE_SLUGS = articles.map((a) => a.slug);

export async function seedDashboardRows(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe(
    'TRUNCATE "Pair", "Statement", "CountryMention", "IngestItem", "Article", "Story", "Speaker", "Outlet" RESTART IDENTITY CASCADE',
  );
  const speakerIds = new Map<string, number>();
  for (const [name, s] of Object.entries(speakers)) {
    const row = await db.speaker.create({ data: { name, nameKey: name.toLowerCase(), ...s } });
    speakerIds.set(name, row.id);
  }
  const statementIds = new Map<string, number>();
  for (const a of articles) {
    const times = articles.filter((x) => x.story === a.story).map((x) => new Date(x.publishedAt).getTime());
    const story = await db.story.upsert({
      where: { slug: a.story },
      update: {},
      create: {
        slug: a.story,
        title: storyTitles[a.story] ?? a.title,
        firstAt: new Date(Math.min(...times)),
        latestAt: new Date(Math.max(...times)),
      },
    });
    const outlet = a.outlet
      ? await db.outlet.upsert({ where: { slug: a.outlet.slug }, update: {}, create: a.outlet })
      : null;
    const article = await db.article.create({
      data: {
        slug: a.slug,
        title: a.title,
        kind: a.kind,
        author: a.author ?? null,
        sourceUrl: a.outlet ? `https://${a.outlet.domain}/${a.slug}` : null,
        canonicalUrl: a.outlet ? `https://${a.outlet.domain}/${a.slug}` : null,
        outletId: outlet?.id ?? null,
        publishedAt: new Date(a.publishedAt),
        sortAt: new Date(a.publishedAt),
        text: a.text,
        contentHash: createHash("sha256").update(a.text).digest("hex"),
        fingerprint: "0",
        storyId: story.id,
        countries: { create: a.countries.map((code) => ({ code, count: 1 })) },
      },
    });
    await db.$executeRaw`UPDATE "Article" SET "searchVector" = setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B') WHERE id = ${article.id}`;
    for (const s of a.statements) {
      const start = a.text.indexOf(s.excerpt);
      if (start < 0) throw new Error(`excerpt not found: ${s.key}`);
      const cueStart = s.cue ? a.text.indexOf(s.cue, Math.max(0, start - 200)) : -1;
      const row = await db.statement.create({
        data: {
          articleId: article.id,
          speakerId: speakerIds.get(s.speaker) ?? 0,
          mode: s.mode,
          text: s.excerpt,
          start,
          end: start + s.excerpt.length,
          cueText: s.cue ?? null,
          cueStart: cueStart >= 0 ? cueStart : null,
          cueEnd: cueStart >= 0 && s.cue ? cueStart + s.cue.length : null,
          confidence: 0.9,
          quoteKey: quoteKeyOf(s.excerpt),
        },
      });
      statementIds.set(s.key, row.id);
    }
  }
  for (const p of pairs) {
    await db.pair.create({
      data: {
        claimId: statementIds.get(p.claim) ?? 0,
        responseId: statementIds.get(p.response) ?? 0,
        relation: p.relation,
        confidence: 0.8,
      },
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const db = createPrismaClient(url, 2);
  seedDashboardRows(db)
    .then(() => db.$disconnect())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
