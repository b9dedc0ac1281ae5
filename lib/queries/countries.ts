// A country's page: its speakers and how many articles mention it (the articles come from the timeline query).
import "server-only";
import { getDb } from "@/lib/db";

export async function getCountryOverview(code: string) {
  const db = getDb();
  const [speakers, mentions] = await Promise.all([
    db.$queryRaw<{ slug: string; name: string; role: string | null; n: bigint }[]>`
      SELECT sp.slug, sp.name, sp.role, COUNT(s.id) AS n FROM "Speaker" sp
      LEFT JOIN "Statement" s ON s."speakerId" = sp.id
      WHERE sp.country = ${code}
      GROUP BY sp.id ORDER BY n DESC, sp.name LIMIT 50`,
    db.countryMention.count({ where: { code } }),
  ]);
  return {
    speakers: speakers.map((row) => ({ slug: row.slug, name: row.name, role: row.role, statementCount: Number(row.n) })),
    mentionedIn: mentions,
  };
}
