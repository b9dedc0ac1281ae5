// The benchmark corpus, article by article: bench/generate-articles.ts's text grouped into stories
// that span days and outlets, with a long tail of outlets and story sizes. Article `i` is the same
// whatever the corpus size, so a 100k corpus is the 10k corpus plus 90k newer articles.
import { createRandom, generateArticle } from "./generate-articles";

export type TCorpusArticle = {
  index: number;
  storyIndex: number;
  title: string;
  outlet: string;
  outletDomain: string;
  url: string;
  publishedAt: Date;
  text: string;
};

/** Distinct people quoted across the corpus; the generator picks them with a Zipf tail. */
export const SPEAKER_POOL = 600;
/** Words taken from the generator; about 150 more come from the story's own context sentences. */
const GENERATED_WORDS = 300;
/** The corpus starts here and advances this much per article: 100k articles cover about 347 days. */
const CORPUS_START = Date.UTC(2025, 0, 1);
const MS_PER_ARTICLE = 5 * 60 * 1000;
const DAY_MS = 86_400_000;

const OUTLET_NAMES = [
  "Harbor Wire", "Meridian Daily", "Northgate Times", "The Civic Ledger", "Global Dispatch", "Lakeside Post",
  "Capital Observer", "Eastern Herald", "The Morning Signal", "Pacific Courier", "Atlas News", "Riverside Gazette",
  "The Continental", "Summit Press", "Coastal Tribune", "Metro Chronicle", "The Evening Record", "Frontier Journal",
  "Union Bulletin", "The Daily Compass", "Highland Register", "Southern Monitor", "Bayview Sentinel", "The Open Review",
  "Crossroads Report", "Northern Star", "The Policy Desk", "Delta Times", "Granite Post", "The World Brief",
  "Pioneer Dispatch", "Westbank Weekly", "Civic Voice", "The Plain Record", "Lantern News", "Keystone Daily",
  "The Common Sense", "Horizon Wire", "Old Town Mercury", "Valley Standard",
];
const CITIES = [
  "Geneva", "Vienna", "Brussels", "Tokyo", "Seoul", "Nairobi", "Lima", "Oslo", "Doha", "Jakarta", "Ottawa", "Madrid",
  "Cairo", "Hanoi", "Warsaw", "Santiago", "Canberra", "Lagos", "Ankara", "Manila", "Bangkok", "Riyadh", "Delhi",
  "Brasilia", "Mexico City", "Stockholm", "Berlin", "Paris", "Rome", "London", "Beijing", "Kyiv", "Islamabad", "Tehran",
];
const EVENTS = ["summit", "talks", "hearing", "briefing", "forum", "meeting", "conference", "session"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const AGENCIES = [
  "the finance ministry", "the central bank", "the statistics office", "the trade council", "a parliamentary committee",
  "the energy regulator", "the port authority", "the audit office", "a regional assembly", "the labour union",
  "an industry association", "the customs service", "the coast guard", "a think tank", "the election commission",
];
const MEASURES = [
  "exports", "fuel prices", "rice imports", "steel output", "border crossings", "shipping traffic", "defense spending",
  "farm subsidies", "tourist arrivals", "grain reserves", "car sales", "electricity demand", "public debt", "fishing quotas",
];
const MOVES = ["rose", "fell", "held steady", "climbed", "dropped", "recovered", "slipped", "doubled"];
const SOURCES = ["figures released on", "data published on", "a report issued on", "estimates circulated on", "a survey completed on"];

function pickFrom<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Long tail: index 0 most often, the last rarely. */
function skewed(rand: () => number, n: number, power = 2.4): number {
  return Math.min(n - 1, Math.floor(Math.pow(rand(), power) * n));
}

// Story sizes (articles per story): most stories are told once or twice, a few by a dozen outlets.
function storySize(storyIndex: number): number {
  const rand = createRandom(7_000_001 + storyIndex * 104_729);
  return 1 + skewed(rand, 12, 2.2);
}

const storyStarts: number[] = [0];
/** Index of the story article `index` belongs to, and the index of that story's first article. */
function storyOf(index: number): { storyIndex: number; firstArticle: number } {
  while ((storyStarts.at(-1) ?? 0) <= index) {
    const s = storyStarts.length - 1;
    storyStarts.push((storyStarts[s] ?? 0) + storySize(s));
  }
  let lo = 0;
  let hi = storyStarts.length - 1;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if ((storyStarts[mid] ?? 0) <= index) lo = mid;
    else hi = mid;
  }
  return { storyIndex: lo, firstArticle: storyStarts[lo] ?? 0 };
}

function domainOf(outlet: string): string {
  return `${outlet.toLowerCase().replace(/^the /, "").replace(/[^a-z]+/g, "")}.example`;
}

// A sentence of the story's context; numbers and names vary so that two reports of the same event
// share their quotes but not their whole text (the near-duplicate check would merge them otherwise).
function contextSentence(rand: () => number, day: Date): string {
  const figure = 1 + Math.floor(rand() * 980);
  const share = (1 + rand() * 38).toFixed(1);
  const when = `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}`;
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `According to ${pickFrom(rand, SOURCES)} ${when} by ${pickFrom(rand, AGENCIES)}, ${pickFrom(rand, MEASURES)} ${pickFrom(rand, MOVES)} by ${share} percent in ${pickFrom(rand, CITIES)}.`;
    case 1:
      return `Some ${figure} delegates and ${Math.floor(figure / 3) + 2} advisers were expected in ${pickFrom(rand, CITIES)}, where ${pickFrom(rand, AGENCIES)} tracks ${pickFrom(rand, MEASURES)}.`;
    case 2:
      return `${pickFrom(rand, MEASURES).replace(/^./, (c) => c.toUpperCase())} ${pickFrom(rand, MOVES)} for a ${["second", "third", "fourth", "fifth"][figure % 4]} month, ${pickFrom(rand, AGENCIES)} said in a statement from ${pickFrom(rand, CITIES)}.`;
    default:
      return `Reporting from ${pickFrom(rand, CITIES)} and ${pickFrom(rand, CITIES)} contributed to this article, which was updated ${figure % 23 + 1} times since ${when}.`;
  }
}

/** Article `index` (0-based) of the corpus. */
export function corpusArticle(index: number): TCorpusArticle {
  const { storyIndex, firstArticle } = storyOf(index);
  const rand = createRandom(9_000_011 + index * 2_654_435);
  const base = generateArticle(1 + index, { words: GENERATED_WORDS, speakerPool: SPEAKER_POOL });
  const storyStart = new Date(CORPUS_START + firstArticle * MS_PER_ARTICLE);
  // Reports of one event trickle in over the following days.
  const offsetMs = index === firstArticle ? 0 : Math.floor(Math.pow(rand(), 2) * 4 * DAY_MS);
  const publishedAt = new Date(storyStart.getTime() + offsetMs + Math.floor(rand() * 3_600_000));
  const event = `the ${CITIES[storyIndex % CITIES.length]} ${EVENTS[Math.floor(storyIndex / CITIES.length) % EVENTS.length]} on ${MONTHS[storyStart.getUTCMonth()]} ${storyStart.getUTCDate()}`;
  // Every direct quote of the story names its event, so the quotes (and the story they link) are the story's own.
  const [titleLine = "", ...rest] = base.text.split("\n\n");
  const paragraphs = rest.map((paragraph) => paragraph.replace(/([.,])([\u201D\u2019])/g, ` at ${event}$1$2`));
  const withContext: string[] = [];
  paragraphs.forEach((paragraph, k) => {
    withContext.push(paragraph);
    if (k % 2 === 1) withContext.push(`${contextSentence(rand, storyStart)} ${contextSentence(rand, storyStart)} ${contextSentence(rand, storyStart)}`);
  });
  const outlet = OUTLET_NAMES[skewed(rand, OUTLET_NAMES.length)] ?? "Harbor Wire";
  const outletDomain = domainOf(outlet);
  const title = titleLine.trim();
  return {
    index,
    storyIndex,
    title,
    outlet,
    outletDomain,
    url: `https://${outletDomain}/${publishedAt.toISOString().slice(0, 10).replace(/-/g, "/")}/${index}`,
    publishedAt,
    text: `${title}\n\n${withContext.join("\n\n").trim()}\n`,
  };
}
