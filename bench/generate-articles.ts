// Deterministic generator of realistic synthetic news articles (invented text, no real articles):
// hundreds of speakers from many countries with roles, direct and reported quotes and rebuttals,
// with a long-tail (Zipf) choice of who speaks. Reused by the benchmark and by corpus seeding.
import { createRandom } from "@/lib/seeded-random";

export { createRandom };

export interface TGeneratedSpeaker {
  name: string;
  role: string;
  country: string;
  /** Country name as written in the text ("Japan"). */
  countryName: string;
}

export interface TGeneratedArticle {
  seed: number;
  title: string;
  outlet: string;
  url: string;
  publishedAt: string;
  text: string;
  words: number;
  speakers: TGeneratedSpeaker[];
}

export interface TGenerateOptions {
  /** Approximate length in words (default 800). */
  words?: number;
  /** How many distinct speakers exist in the whole corpus (default 400). */
  speakerPool?: number;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Zipf-like index in [0, n): a few speakers talk a lot, most rarely. */
function zipf(rand: () => number, n: number): number {
  const x = Math.pow(rand(), 2.2);
  return Math.min(n - 1, Math.floor(x * n));
}

const COUNTRIES: readonly [code: string, name: string, demonym: string][] = [
  ["US", "the United States", "American"], ["JP", "Japan", "Japanese"], ["CN", "China", "Chinese"],
  ["FR", "France", "French"], ["DE", "Germany", "German"], ["GB", "Britain", "British"], ["RU", "Russia", "Russian"],
  ["UA", "Ukraine", "Ukrainian"], ["IN", "India", "Indian"], ["BR", "Brazil", "Brazilian"], ["KR", "South Korea", "South Korean"],
  ["MX", "Mexico", "Mexican"], ["CA", "Canada", "Canadian"], ["AU", "Australia", "Australian"], ["IT", "Italy", "Italian"],
  ["ES", "Spain", "Spanish"], ["TR", "Turkey", "Turkish"], ["EG", "Egypt", "Egyptian"], ["NG", "Nigeria", "Nigerian"],
  ["ZA", "South Africa", "South African"], ["AR", "Argentina", "Argentine"], ["PL", "Poland", "Polish"],
  ["SE", "Sweden", "Swedish"], ["NO", "Norway", "Norwegian"], ["ID", "Indonesia", "Indonesian"], ["PH", "the Philippines", "Filipino"],
  ["VN", "Vietnam", "Vietnamese"], ["IR", "Iran", "Iranian"], ["IL", "Israel", "Israeli"], ["SA", "Saudi Arabia", "Saudi"],
  ["KE", "Kenya", "Kenyan"], ["CL", "Chile", "Chilean"], ["PK", "Pakistan", "Pakistani"], ["TH", "Thailand", "Thai"],
];

const ROLES = [
  "President", "Prime Minister", "Foreign Minister", "Defense Minister", "Finance Minister", "Trade Minister",
  "Chief Cabinet Secretary", "Senator", "Ambassador", "Governor", "Central Bank Governor", "Opposition Leader",
];

const GIVEN = "Amara Bela Chen Dario Elin Farid Goran Hana Ilse Jun Kofi Lena Mateo Nadia Omar Priya Quentin Rosa Sven Tomas Umar Vera Wen Xavier Yuki Zofia Aiko Bruno Carmen Dmitri Esra Felix Greta Hiro Ines Jonas Kira Luis Mei Nils".split(" ");
const FAMILY_A = "Ab Bar Cal Dor El Fen Gar Hal Is Jor Kal Lor Mar Nor Or Pel Quin Ros Sal Tor Ul Val Wes Yar Zan".split(" ");
const FAMILY_B = "ada berg cott dane ellis ford gren holm ito kov lund mori nova oto pari quist rova sato tani uchi vik wald yama zek".split(" ");

const OUTLETS = ["Harbor Wire", "Meridian Daily", "Northgate Times", "The Civic Ledger", "Global Dispatch", "Lakeside Post"];

const TOPICS: readonly { subject: string; claim: string[]; rebuttal: string[]; support: string[] }[] = [
  {
    subject: "the security agreement",
    claim: ["we carry the whole burden of this agreement while they pay almost nothing", "the agreement is unfair to our taxpayers and has to be renegotiated"],
    rebuttal: ["the agreement serves both sides and our bases are part of the shared defense", "we already pay a large share of the costs of the agreement"],
    support: ["the agreement needs to be updated for a new era", "both sides should contribute more to the agreement"],
  },
  {
    subject: "the new tariffs",
    claim: ["the tariffs will protect our factories and bring jobs back home", "their exporters have been dumping steel on our market for years"],
    rebuttal: ["the tariffs will raise prices for families and hurt exporters on both sides", "there is no evidence of dumping and the figures are wrong"],
    support: ["the tariffs are a fair answer to years of unbalanced trade", "our industry also needs protection from unfair competition"],
  },
  {
    subject: "the climate targets",
    claim: ["the targets are impossible to meet without ruining our economy", "richer countries should cut their emissions first"],
    rebuttal: ["the targets are achievable and will create new industries", "every country must act now, whatever its wealth"],
    support: ["the targets must come with money for poorer countries", "the timeline should be realistic for developing economies"],
  },
  {
    subject: "the border dispute",
    claim: ["their troops crossed the line twice this month", "the islands have always belonged to our country"],
    rebuttal: ["our forces never left our own territory", "historical records show the islands were never theirs"],
    support: ["the incursions must stop before the situation escalates", "talks are the only way to settle the dispute"],
  },
];

const FILLER = [
  "Talks between the two governments have stalled several times over the past year.",
  "Analysts expect the issue to dominate the summit scheduled for next month.",
  "The dispute has unsettled markets, and the currency fell to its lowest level in weeks.",
  "Officials from both sides met behind closed doors on Tuesday without reaching a deal.",
  "The agreement was first signed decades ago and has been revised only once.",
  "Opposition parties have called for a debate in parliament before any decision is made.",
  "Public opinion is divided, according to recent surveys conducted in several cities.",
  "Trade between the two countries reached a record last year despite the tensions.",
  "Diplomats said privately that a compromise could still be found before the deadline.",
  "The finance ministry is expected to publish new figures at the end of the quarter.",
];

function makeSpeaker(index: number): TGeneratedSpeaker {
  const rand = createRandom(1_000_003 + index * 7919);
  const [code, countryName] = pick(rand, COUNTRIES);
  const family = pick(rand, FAMILY_A) + pick(rand, FAMILY_B);
  return { name: `${pick(rand, GIVEN)} ${family}`, role: pick(rand, ROLES), country: code, countryName };
}

const speakerCache = new Map<number, TGeneratedSpeaker>();
function speakerAt(index: number): TGeneratedSpeaker {
  let sp = speakerCache.get(index);
  if (!sp) {
    sp = makeSpeaker(index);
    speakerCache.set(index, sp);
  }
  return sp;
}

function countryPrefix(sp: TGeneratedSpeaker, rand: () => number): string {
  const entry = COUNTRIES.find((c) => c[0] === sp.country);
  if (!entry) return "";
  const name = entry[1].replace(/^the /, "");
  return rand() < 0.5 ? `${entry[2]} ` : `${entry[1] === name ? name : `The ${name}`}’s `.replace(/^The /, "");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function surname(sp: TGeneratedSpeaker): string {
  return sp.name.split(" ").pop() ?? sp.name;
}

/** One article of about `opts.words` words, identical for the same seed. */
export function generateArticle(seed: number, opts: TGenerateOptions = {}): TGeneratedArticle {
  const rand = createRandom(seed);
  const target = opts.words ?? 800;
  const pool = opts.speakerPool ?? 400;
  const topic = pick(rand, TOPICS);
  const claimant = speakerAt(zipf(rand, pool));
  let responder = speakerAt(zipf(rand, pool));
  for (let k = 1; responder.country === claimant.country && k < 10; k += 1) responder = speakerAt(zipf(rand, pool));
  const third = speakerAt(zipf(rand, pool));
  const speakers = [claimant, responder, third];
  const outlet = pick(rand, OUTLETS);
  const title = `${surname(claimant)} Says ${capitalize(topic.subject.replace(/^the /, ""))} Must Change as ${surname(responder)} Pushes Back`;
  const day = 1 + Math.floor(rand() * 28);
  const publishedAt = `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(day).padStart(2, "0")}T${String(Math.floor(rand() * 24)).padStart(2, "0")}:00:00Z`;
  const paras: string[] = [];
  const [claimA, claimB] = [pick(rand, topic.claim), pick(rand, topic.claim)];
  paras.push(
    `${countryPrefix(claimant, rand)}${claimant.role} ${claimant.name} on ${pick(rand, ["Monday", "Tuesday", "Thursday"])} criticized ${topic.subject}, calling it “${pick(rand, ["unfair", "outdated", "one-sided", "a bad deal"])}” and saying that ${claimB}.`,
  );
  paras.push(`“${capitalize(claimA)},” ${surname(claimant)} said. “${capitalize(pick(rand, topic.claim))}.”`);
  let words = paras.join(" ").split(/\s+/).length;
  let turn = 0;
  while (words < target) {
    const r = rand();
    let p: string;
    if (turn === 0) {
      p = `In response, ${countryPrefix(responder, rand)}${responder.role} ${responder.name} rejected the claim, saying that ${pick(rand, topic.rebuttal)}.`;
    } else if (r < 0.18) {
      p = `“${capitalize(pick(rand, topic.rebuttal))},” ${pick(rand, ["he", "she"])} told reporters. ${pick(rand, FILLER)}`;
    } else if (r < 0.32) {
      p = `${surname(responder)} added that ${pick(rand, topic.rebuttal)}, and said that ${pick(rand, ["talks would continue", "the door remained open", "no decision had been made"])}.`;
    } else if (r < 0.44) {
      p = `${third.name}, ${third.countryName.replace(/^the /, "")}’s ${third.role.toLowerCase()}, said ${pick(rand, topic.support)}, stressing ${pick(rand, ["the need for calm", "the importance of dialogue", "the risks for the region"])}.`;
    } else if (r < 0.54) {
      p = `‘${capitalize(pick(rand, topic.claim))},’ ${claimant.name} wrote on social media, adding that he “${pick(rand, ["would not back down", "expected results soon", "had been clear from the start"])}”.`;
    } else if (r < 0.62) {
      p = `“${capitalize(pick(rand, topic.support))}. ${capitalize(pick(rand, topic.support))}.\n\n“We will keep talking to all sides,” ${surname(third)} said.`;
    } else if (r < 0.7) {
      p = `${surname(claimant)} insisted that ${pick(rand, topic.claim)} — though ${pick(rand, ["official figures show the opposite", "the records say otherwise", "no such numbers have been published"])}.`;
    } else {
      p = `${pick(rand, FILLER)} ${pick(rand, FILLER)} ${pick(rand, FILLER)}`;
    }
    paras.push(p);
    words += p.split(/\s+/).length;
    turn += 1;
  }
  const text = `${title}\n\n${paras.join("\n\n")}\n`;
  return {
    seed,
    title,
    outlet,
    url: `https://news.example/${outlet.toLowerCase().replace(/\W+/g, "-")}/${seed}`,
    publishedAt,
    text,
    words: text.split(/\s+/).filter(Boolean).length,
    speakers,
  };
}

/** `n` articles from consecutive seeds starting at `seed`. */
export function generateCorpus(n: number, seed = 1, opts: TGenerateOptions = {}): TGeneratedArticle[] {
  return Array.from({ length: n }, (_unused, i) => generateArticle(seed + i, opts));
}
