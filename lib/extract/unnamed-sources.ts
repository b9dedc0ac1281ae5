// People a story describes instead of naming ("a senior administration official", "analysts",
// "people familiar with the talks") are speakers too, under that description (ANNOTATION.md).
import { countryCodeOf } from "./countries";

// Each noun may open a sentence ("Analysts said …"), so its first letter is either case.
const GROUP_NOUN = `(?:${"officials? analysts? experts? critics? sources? aides? advisers? advisors? diplomats? lawmakers? economists? observers? insiders? residents? witnesses supporters? opponents? activists? strategists? operatives? allies officers? investigators? prosecutors? police spokesmen spokeswomen spokespeople leaders members judges lawyers attorneys researchers scientists doctors workers organizers authorities"
  .split(" ")
  .map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`)
  .join("|")}|[eE]ditorial\\s+boards?)`;
const FAMILIAR = "(?:familiar with|close to|briefed on|with knowledge of)\\s+(?:the\\s+)?[a-z-]+(?:\\s+[a-z-]+)?";
// Words that describe the group: "senior", "administration", "U.S.", "Pentagon", "Democratic" — not
// function words, which would mean the phrase began earlier in another clause.
const QUALIFIER = "(?!(?:and|or|but|the|that|which|what|how|why|whether|who|whom|whose|where|when|while|because|if|than|of|to|in|on|for|with|as|at|by|from|among|amid|between|about|over|against|without|into|said|says|told|his|her|their|its)\\b)(?:[a-z-]+|\\p{Lu}[\\p{L}.-]*)";
const DETERMINER = "(?:an?|one|two|three|four|several|some|many|other|most|An?|One|Two|Three|Four|Several|Some|Many|Other|Most)";
const PHRASE = `(?:${DETERMINER}\\s+)?(?:${QUALIFIER}\\s+){0,3}(?:${GROUP_NOUN}(?:\\s+${FAMILIAR})?|people\\s+${FAMILIAR})`;

// Adjectives that do describe a group after an article: "the senior Pentagon officials".
const GROUP_ADJECTIVE = /^(?:senior|top|former|current|other|local|foreign|federal|military|unnamed|anonymous|western|several|many|some|two|three)\s/;
const BEFORE_VERB = new RegExp(`(?:^|[\\s(])(${PHRASE})$`, "u");
const AFTER_VERB = new RegExp(`^\\s+(${PHRASE})\\b`, "u");

const DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
// What a described subject drags along from its clause: "the board of elections on Monday", "Mrs. Clinton
// often", "the department less than two weeks ago", "fact-checkers soon", "a Crossroads official who
// wasn't authorized to speak publicly".
const TRAILING_WORDS = new RegExp(
  `(?:\\s+(?:(?:late|early)\\s+)?(?:on\\s+)?${DAY}(?:\\s+(?:morning|afternoon|evening|night))?|\\s+(?:last|this|next)\\s+(?:week|month|year|night)|\\s+(?:(?:less|more)\\s+than\\s+)?(?:a|an|one|two|three|four|five|six|several|a\\s+few|\\d+)\\s+(?:days?|weeks?|months?|years?)\\s+ago|\\s+(?:soon|often|also|again|later|earlier|today|yesterday|tonight|now|then|previously|repeatedly|recently|still|too|already|once|even|frequently|always|never|usually|however)|,?\\s+(?:who|which|that)\\s.*)$`,
  "su",
);

/** A described speaker's name without the adverbs and relative clause its clause gave it; "one source" stays as the article gives it. */
export function describedName(phrase: string): string {
  let name = phrase.trim();
  for (let cut = name.replace(TRAILING_WORDS, ""); cut !== name && cut.length > 0; cut = name.replace(TRAILING_WORDS, "")) name = cut;
  return name.replace(/\s+/g, " ");
}

export interface TDescribedSource {
  name: string;
  country: string | null;
  /** "the editorial board" is a body; "analysts", "a senior official" are people. */
  kind: "person" | "organization";
  start: number;
  end: number;
}

function describe(phrase: string, start: number): TDescribedSource {
  const words = phrase.split(/\s+/);
  const first = words[0] ?? "";
  // "Analysts said" at a sentence's start is "analysts"; "Pentagon officials" keeps its capital.
  if (new RegExp(`^(?:${DETERMINER}|${GROUP_NOUN}|People)$`, "iu").test(first)) words[0] = first.toLowerCase();
  let country: string | null = null;
  for (const w of words) country ??= /^\p{Lu}/u.test(w) ? countryCodeOf(w.replace(/['’]s$/, "")) : null;
  const kind = /\bboards?$/.test(phrase) ? "organization" : "person";
  return { name: describedName(words.join(" ")), country, kind, start, end: start + phrase.length };
}

/** The described group ending at `end` (the subject before a reporting verb), or null. */
export function describedSourceBefore(text: string, floor: number, end: number): TDescribedSource | null {
  const tail = text.slice(Math.max(floor, end - 90), end);
  const m = BEFORE_VERB.exec(tail);
  if (!m?.[1]) return null;
  // "But aides said": the conjunction joins the sentence to the one before, it describes nobody.
  let phrase = m[1].replace(OPENING_CONJUNCTION, "");
  // "the place Pentagon officials say": a lowercase word between an article the phrase left out and
  // the group's capitalized name is a noun of the clause before ("the place"), not a description.
  const article = /(?:^|\s)(?:the|a|an|this|that)\s+$/i.test(text.slice(Math.max(floor, end - phrase.length - 6), end - phrase.length));
  if (article && /^[a-z-]+\s+\p{Lu}/u.test(phrase) && !GROUP_ADJECTIVE.test(phrase)) phrase = phrase.replace(/^[a-z-]+\s+/, "");
  // "the kind of jurist many Republicans fear": a determiner inside the phrase opens it; the words
  // before belong to the clause it hangs on.
  const inner = new RegExp(`\\s(${DETERMINER}\\s.*)$`, "su").exec(phrase);
  if (inner?.[1]) phrase = inner[1];
  const start = end - phrase.length;
  // A bare plural is a source only when it opens its clause ("Analysts said …"); trailing after a
  // sentence ("… never arrived, economists note") it is a generic aside, not a reported claim.
  // "That is why critics say …" opens a clause too.
  if (
    !/\s/.test(phrase) &&
    !/^[\s,]*(?:(?:But|And|Yet|So|Still),?\s+)?$/.test(text.slice(floor, start)) &&
    !/\b(?:why|how|because)\s+$/.test(text.slice(floor, start))
  )
    return null;
  return describe(phrase, start);
}

/** The described group right after a reporting verb ("…, said an American official who …"), or null. */
export function describedSourceAfter(text: string, afterVerb: number): TDescribedSource | null {
  const m = AFTER_VERB.exec(text.slice(afterVerb, afterVerb + 90));
  if (!m?.[1]) return null;
  return describe(m[1], afterVerb + m[0].length - m[1].length);
}

// "But aides said": a conjunction opening the sentence joins it to the one before; it names nobody.
const OPENING_CONJUNCTION = /^(?:But|And|Yet|So|Or|Still|Now|Then|Also|Instead),?\s+(?=\S)/;
// "Because of how Democrats crafted the schedule, explained Rosenberg": a subordinate clause, not a subject.
const SUBORDINATOR = /^(?:Because|Although|Though|If|When|While|Since|Unless|Until|After|Before|As|Once|Whether)\b/;
/** A phrase a subordinator or a preposition opens ("Because of how …", "In rejecting …") is a clause, never a group of people. */
export const OPENS_CLAUSE = new RegExp(`${SUBORDINATOR.source}|^(?:In|On|At|By|With|Without|From|For|Of|To|Despite|Under|Over|Through|During|Amid)\\s`);

/** A plain noun phrase before a verb as a speaker's description: its opening conjunction dropped, null when a clause opens it. */
export function describedPhrase(np: { start: number; end: number; text: string }): { start: number; end: number; text: string } | null {
  const conjunction = OPENING_CONJUNCTION.exec(np.text);
  const phrase = conjunction ? { start: np.start + conjunction[0].length, end: np.end, text: np.text.slice(conjunction[0].length) } : np;
  return SUBORDINATOR.test(phrase.text) ? null : phrase;
}
