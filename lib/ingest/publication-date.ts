// The one parser every publication date goes through (JSON-LD, meta tags, <time>, feed items, the
// URL, a dateline). Strict on purpose: `Date.parse` accepts "2", "0000-12-18" or "Page 1 of 3" and
// turns them into dates PostgreSQL refuses or readers are misled by. A date is accepted only in a
// format written here, with every field in range, on or after 1900 and at most a day in the future.
// A date that fails is dropped with a reason the run records; it never costs the article.

export type TDateVerdict = { date: Date; problem: null } | { date: null; problem: string };

const EARLIEST = Date.UTC(1900, 0, 1);
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
export const WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\\.?,?\\s+)?";
// Zones as feeds write them (RFC 822 names, numeric offsets); minutes east of UTC.
const ZONE_MINUTES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};
const ZONE = "(z|ut|utc|gmt|[ecmp][sd]t|(?:gmt|utc)?[+-]\\d{2}(?::?\\d{2})?)";
const CLOCK = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(?:\\s*([ap])\\.?m\\.?)?";

const ISO = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:[t ]${CLOCK})?\\s*${ZONE}?$`, "i");
const SLASHED_ISO = new RegExp(`^(\\d{4})/(\\d{2})/(\\d{2})(?:[t ]${CLOCK})?\\s*${ZONE}?$`, "i");
// "Tue, 14 May 2019 10:00:00 GMT" (RFC 822/1123) and "14 May 2019".
const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})\\s+${MONTH_NAME},?\\s+(\\d{4}|\\d{2})(?:,?\\s+(?:at\\s+)?${CLOCK})?\\s*${ZONE}?$`, "i");
// "May 14, 2019", "Tuesday, May 14, 2019 10:30 AM EDT".
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?${CLOCK})?\\s*${ZONE}?$`, "i");

type TParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; zone: string | undefined };

function twelveHour(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return NaN;
  return (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
}

function clock(match: RegExpExecArray, at: number): Pick<TParts, "hour" | "minute" | "second"> {
  const [hour, minute, second, meridiem] = match.slice(at, at + 4);
  return { hour: twelveHour(Number(hour ?? 0), meridiem), minute: Number(minute ?? 0), second: Number(second ?? 0) };
}

function fullYear(digits: string): number {
  const year = Number(digits);
  // RFC 822's two-digit years: 00–49 are this century, 50–99 the last.
  if (digits.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  return year;
}

function splitParts(raw: string): TParts | null {
  let match = ISO.exec(raw) ?? SLASHED_ISO.exec(raw);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), ...clock(match, 4), zone: match[8] };
  match = DAY_MONTH_YEAR.exec(raw);
  if (match) return { year: fullYear(match[3]!), month: MONTHS[match[2]!.toLowerCase().slice(0, 3)]!, day: Number(match[1]), ...clock(match, 4), zone: match[8] };
  match = MONTH_DAY_YEAR.exec(raw);
  if (match) return { year: Number(match[3]), month: MONTHS[match[1]!.toLowerCase().slice(0, 3)]!, day: Number(match[2]), ...clock(match, 4), zone: match[8] };
  return null;
}

/** Minutes east of UTC, or NaN for an offset out of range. No zone means UTC, the same on every server. */
function zoneOffset(zone: string | undefined): number {
  if (!zone) return 0;
  const named = ZONE_MINUTES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const numeric = /([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!numeric) return NaN;
  const hours = Number(numeric[2]);
  const minutes = Number(numeric[3] ?? 0);
  if (hours > 14 || minutes > 59) return NaN;
  return (numeric[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function quoted(raw: string): string {
  return `"${raw.length > 40 ? `${raw.slice(0, 39)}…` : raw}"`;
}

/**
 * Parses one date as a page or feed states it. `source` names where it came from, for the reason a
 * dropped date gives ("JSON-LD datePublished "0000-12-18" is before 1900").
 */
export function parsePublicationDate(raw: string, source: string, now: Date = new Date()): TDateVerdict {
  const value = raw.replace(/\s+/g, " ").trim();
  const parts = splitParts(value);
  const refuse = (why: string): TDateVerdict => ({ date: null, problem: `${source} ${quoted(value)} ${why}` });
  if (!parts) return refuse("is not a date");
  const { year, month, day, hour, minute, second } = parts;
  const offset = zoneOffset(parts.zone);
  const inRange =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23 && minute <= 59 && second <= 60 && !Number.isNaN(offset);
  if (!inRange) return refuse("is not a valid date");
  if (year < 1900) return refuse("is before 1900");
  const time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  if (time < EARLIEST) return refuse("is before 1900");
  if (time > now.getTime() + FUTURE_SLACK_MS) return refuse("is more than a day in the future");
  return { date: new Date(time), problem: null };
}

/** The same bounds for a Date already in hand (a caller's option, a stored value). */
export function checkPlausibleDate(date: Date, source: string, now: Date = new Date()): TDateVerdict {
  const time = date.getTime();
  if (Number.isNaN(time)) return { date: null, problem: `${source} is not a valid date` };
  return parsePublicationDate(date.toISOString(), source, now);
}

export type TDateCandidate = { source: string; raw: string | null | undefined };
export type TDateChoice = { date: Date | null; source: string | null; problems: string[] };

/** The first candidate, in order of trust, that is a plausible date; the ones dropped on the way, with why. */
export function choosePublicationDate(candidates: readonly TDateCandidate[], now: Date = new Date()): TDateChoice {
  const problems: string[] = [];
  const tried = new Set<string>();
  for (const candidate of candidates) {
    // Sources often repeat one value (Readability reads the same JSON-LD): one verdict each.
    const raw = candidate.raw?.trim();
    if (!raw || tried.has(raw)) continue;
    tried.add(raw);
    const verdict = parsePublicationDate(raw, candidate.source, now);
    if (verdict.date) return { date: verdict.date, source: candidate.source, problems };
    problems.push(verdict.problem);
  }
  return { date: null, source: null, problems };
}

// /2019/05/14/, /2019-05-14/, /20190514/ in the path; a year and month alone (/2019/05/) is not a day.
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/._-]|$)|\/((?:19|20)\d{2})(\d{2})(\d{2})(?=\/)/;

/** The date an article URL's path spells, as "YYYY-MM-DD", or null. */
export function dateInUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = URL_DATE.exec(path);
  if (!match) return null;
  const [year, month, day] = match[1] ? [match[1], match[2]!, match[3]!] : [match[4]!, match[5]!, match[6]!];
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

// Capitalised as prose writes them: the dateline's place is told apart by being upper case.
const PROSE_MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const PROSE_DATE = `(?:[A-Z][a-z]{2,8},?\\s+)?(?:${PROSE_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${PROSE_MONTH},?\\s+\\d{4})`;
// "WASHINGTON, May 14, 2019 (Reuters) —", "LONDON, 14 May 2019 -", "May 14, 2019 —".
const DATELINE = new RegExp(`^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\\s*[A-Z][A-Za-z.]+){0,2},\\s*)?(${PROSE_DATE})\\s*(?:\\([^)]{1,40}\\)\\s*)?[-–—:]`);
// A short line that is only the date, as article pages print it: "Published May 14, 2019 at 10:30 AM".
const DATE_LINE = new RegExp(`^(?:published|posted|dated)(?:\\s+on)?:?\\s+(${PROSE_DATE}(?:,?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?)?(?:\\s+[A-Z]{2,4})?)\\.?$`, "i");

/** The date a dateline or a "Published …" line at the top of the text states, as written, or null. */
export function dateInDateline(text: string): string | null {
  const paragraphs = text.split(/\n+/).map((line) => line.trim()).filter(Boolean).slice(0, 3);
  for (const paragraph of paragraphs) {
    const found = DATELINE.exec(paragraph)?.[1] ?? DATE_LINE.exec(paragraph)?.[1];
    if (found) return found;
  }
  return null;
}
