// The timeline's filters as they live in the URL: one zod schema shared by the pages, the feeds
// and the tests. Each bad parameter becomes a readable message instead of an error page.
import { z } from "zod";
import { isKnownCountryCode } from "@/lib/countries-display";

export const RELATIONS = ["rebuts", "supports", "responds"] as const;
export const ZRelationFilter = z.enum(RELATIONS);
export type TRelationFilter = z.infer<typeof ZRelationFilter>;

const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug such as donald-trump")
  .max(120, "is too long");

const ZDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "is not a real calendar date");

export const ZCountryFilter = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be a two-letter country code such as JP")
  .refine(isKnownCountryCode, "is not a known country code");

export const ZCursor = z
  .string()
  .regex(/^[A-Za-z0-9_-]{4,80}$/, "is not a valid page marker")
  .transform((value, ctx) => {
    const decoded = Buffer.from(value, "base64url").toString("utf8");
    const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~(\d{1,10})$/.exec(decoded);
    const at = match?.[1] ? new Date(match[1]) : undefined;
    if (!match?.[2] || !at || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: "is not a valid page marker" });
      return z.NEVER;
    }
    return { at, id: Number(match[2]) };
  });
export type TCursor = z.output<typeof ZCursor>;

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}~${cursor.id}`, "utf8").toString("base64url");
}

/** `reviewed`: only articles an editor checked. */
export const ZReviewFilter = z.enum(["reviewed"], { message: "must be reviewed" });

export const ZTimelineFilters = z
  .object({
    country: ZCountryFilter.optional(),
    speaker: ZSlug.optional(),
    outlet: ZSlug.optional(),
    relation: ZRelationFilter.optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
    q: z.string().trim().min(1).max(200, "is longer than 200 characters").optional(),
    review: ZReviewFilter.optional(),
    cursor: ZCursor.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "must not be after the end date", path: ["from"] });

export type TTimelineFilters = z.output<typeof ZTimelineFilters>;
export const FILTER_KEYS = ["country", "speaker", "outlet", "relation", "from", "to", "q", "review", "cursor"] as const;
export type TFilterKey = (typeof FILTER_KEYS)[number];

export type TFilterProblem = { key: TFilterKey; value: string; message: string };
export type TParsedFilters = { filters: TTimelineFilters; problems: TFilterProblem[] };

const LABELS: Record<TFilterKey, string> = {
  country: "Country",
  speaker: "Speaker",
  outlet: "Outlet",
  relation: "Relation",
  from: "Start date",
  to: "End date",
  q: "Search",
  review: "Review",
  cursor: "Page",
};

export function labelOf(key: TFilterKey): string {
  return LABELS[key];
}

type TRawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Reads one value per known key; blanks count as absent (an empty form field). */
export function pickFilterParams(params: TRawParams): Partial<Record<TFilterKey, string>> {
  const raw: Partial<Record<TFilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "") raw[key] = first;
  }
  return raw;
}

/**
 * Never throws: a bad parameter is dropped and reported, the rest still filter the page, so a
 * mistyped link still shows something useful next to the explanation.
 */
export function parseTimelineFilters(params: TRawParams): TParsedFilters {
  const raw = pickFilterParams(params);
  const result = ZTimelineFilters.safeParse(raw);
  if (result.success) return { filters: result.data, problems: [] };
  const problems: TFilterProblem[] = [];
  const bad = new Set<TFilterKey>();
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key !== "string" || !(FILTER_KEYS as readonly string[]).includes(key)) continue;
    const filterKey = key as TFilterKey;
    if (bad.has(filterKey)) continue;
    bad.add(filterKey);
    const message = issue.code === "invalid_value" && filterKey === "relation"
      ? "must be one of rebuts, supports or responds"
      : issue.message;
    problems.push({ key: filterKey, value: raw[filterKey] ?? "", message });
  }
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key as TFilterKey)));
  const retry = ZTimelineFilters.safeParse(kept);
  return { filters: retry.success ? retry.data : {}, problems };
}

/** Query string for a filtered view; `cursor` is left out unless given, so links open at the latest. */
export function toQueryString(filters: Partial<Record<Exclude<TFilterKey, "cursor">, string | undefined>> & { cursor?: string }): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The filters as plain strings (what a link or form carries), without the page marker. */
export function filtersToParams(filters: TTimelineFilters): Partial<Record<Exclude<TFilterKey, "cursor">, string>> {
  const { country, speaker, outlet, relation, from, to, q, review } = filters;
  return Object.fromEntries(
    Object.entries({ country, speaker, outlet, relation, from, to, q, review }).filter(([, v]) => v !== undefined),
  ) as Partial<Record<Exclude<TFilterKey, "cursor">, string>>;
}
