// Where a page's database time goes: runs the page's reads for each given URL (a timeline's
// results and sidebar; a speaker's, country's or story's page), records every SQL statement Prisma
// sends, then runs each again under EXPLAIN (ANALYZE, BUFFERS) and prints its execution time,
// rows and top plan node.
// Usage: NODE_OPTIONS=--conditions=react-server npx tsx bench/page-queries.ts <database-url> '/?country=FR' /speakers/<slug> /countries/fr /stories/<slug> …
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { parseTimelineFilters } from "@/lib/filters";

type TLogged = { query: string; params: unknown[] };

function installLoggingClient(url: string, logged: TLogged[]): PrismaClient {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (event) => logged.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  // The app's getDb() (lib/db/client.ts) takes the client cached on globalThis for this URL.
  (globalThis as typeof globalThis & { __counterpointDb?: { prisma?: PrismaClient; url?: string } }).__counterpointDb = { prisma, url };
  process.env.DATABASE_URL = url;
  return prisma;
}

const isRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql);

async function explain(client: pg.Client, entry: TLogged): Promise<string> {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${entry.query}`, entry.params);
  const plan = rows.map((row) => row["QUERY PLAN"]);
  const time = plan.find((line) => line.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
  const top = plan[0]?.replace(/\s+\(cost=[^)]*\)/, "").slice(0, 90) ?? "";
  return `${time.padStart(12)}  ${top}\n              ${entry.query.replace(/\s+/g, " ").slice(0, 150)}`;
}

async function main(): Promise<void> {
  const [url, ...paths] = process.argv.slice(2);
  if (!url || paths.length === 0) throw new Error("usage: bench/page-queries.ts <database-url> <page path>…");
  const logged: TLogged[] = [];
  const prisma = installLoggingClient(url, logged);
  const { listTimeline } = await import("@/lib/queries/timeline");
  const { listFacets, getFilterLabels } = await import("@/lib/queries/facets");
  const { getSpeakerBySlug } = await import("@/lib/queries/speakers");
  const { getCountryOverview } = await import("@/lib/queries/countries");
  const { getStoryBySlug } = await import("@/lib/queries/stories");
  // The reads each page runs, as its server components call them.
  const readsOf = (path: string): Promise<unknown> => {
    const url = new URL(path, "http://bench");
    const [, section, value = ""] = url.pathname.split("/");
    if (section === "speakers") return getSpeakerBySlug(value);
    if (section === "stories") return getStoryBySlug(value);
    if (section === "countries") {
      const country = value.toUpperCase();
      return Promise.all([getCountryOverview(country), listTimeline({ country })]);
    }
    const { filters } = parseTimelineFilters(Object.fromEntries(url.searchParams));
    const { cursor, ...base } = filters;
    return Promise.all([listTimeline(base, cursor), listFacets(base), getFilterLabels(base)]);
  };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const path of paths) {
      logged.length = 0;
      const started = performance.now();
      await readsOf(path);
      console.log(`\n${path}: ${logged.length} statements, ${(performance.now() - started).toFixed(0)} ms for the reads as the page runs them`);
      for (const entry of logged.filter((item) => isRead(item.query))) console.log(await explain(client, entry));
    }
  } finally {
    await client.end();
    await prisma.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
