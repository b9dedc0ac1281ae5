// A country's page: its speakers and how many articles mention it (the articles come from the
// timeline query). Counts stop at a cap and each read runs under a time limit: a country quoted
// and mentioned across the whole archive costs what a small one does, and a read cut short leaves
// its part out (the page says so) instead of holding the page.
import "server-only";
import { LIST_COUNT_CAP, PAGE_COUNT_CAP } from "@/lib/count-cap";
import { readWithin } from "@/lib/queries/bounded-read";

const COUNTRY_SPEAKER_LIMIT = 50;

export type TCountrySpeaker = { slug: string; name: string; role: string | null; statementCount: number };
export type TCountryBounds = { mentionCap: number; speakerCountCap: number; timeLimitMs: number };
export const DEFAULT_COUNTRY_BOUNDS: TCountryBounds = { mentionCap: PAGE_COUNT_CAP, speakerCountCap: LIST_COUNT_CAP, timeLimitMs: 2_000 };

export async function getCountryOverview(code: string, bounds: TCountryBounds = DEFAULT_COUNTRY_BOUNDS) {
  const [speakers, mentions] = await Promise.all([
    // Past the cap the order among the most quoted is by name.
    readWithin(bounds.timeLimitMs, (tx) => tx.$queryRaw<{ slug: string; name: string; role: string | null; n: bigint }[]>`
      SELECT sp.slug, sp.name, sp.role,
        (SELECT count(*) FROM (SELECT 1 FROM "Statement" s WHERE s."speakerId" = sp.id LIMIT ${bounds.speakerCountCap + 1}) x) AS n
      FROM "Speaker" sp WHERE sp.country = ${code}
      ORDER BY n DESC, sp.name LIMIT ${COUNTRY_SPEAKER_LIMIT}`),
    readWithin(bounds.timeLimitMs, async (tx) => {
      const [row] = await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM (SELECT 1 FROM "CountryMention" WHERE code = ${code} LIMIT ${bounds.mentionCap + 1}) m`;
      return Number(row?.n ?? 0);
    }),
  ]);
  return {
    /** Null when the list could not be read in time (the page says so). */
    speakers: speakers.ok
      ? speakers.value.map((row): TCountrySpeaker => ({ slug: row.slug, name: row.name, role: row.role, statementCount: Number(row.n) }))
      : null,
    /** Articles mentioning the country, counted up to `mentionCap` + 1; null when not counted in time. */
    mentionedIn: mentions.ok ? mentions.value : null,
  };
}
