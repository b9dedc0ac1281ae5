// Speaker mentions: reads capitalized name groups ("Japan’s Prime Minister Shigeru Ishiba") into
// country, role and name, and merges aliases ("Ishiba", "the Prime Minister") into canonical speakers.
import { countryCodeOf, countryPhraseKind } from "./countries";
import { isGivenName } from "./given-names";
import { followsLocative, isPlaceName, isUsState, leadingUsState } from "./places";
import {
  APPOSITIVE_ROLE,
  HONORIFICS,
  KNOWN_OUTLETS,
  NON_NAME_WORDS,
  ORG_WORDS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
} from "./lexicon";
import type { TSpan, TSpeakerKind } from "./types";

export interface TMention extends TSpan {
  /** Surface name without role, country or possessive; null for a bare title ("the President"). */
  name: string | null;
  role: string | null;
  country: string | null;
  kind: TSpeakerKind;
  possessive: boolean;
  pronoun: boolean;
  /** A place or an occasion by its words or its preposition ("in Beaumont"): never a speaker's antecedent. */
  place?: boolean;
  /** A relative given the family name ("Schilling's son, Grant"): the bare surname still means the family's protagonist. */
  kin?: boolean;
}

const LOWER_ROLE = "spokes(?:man|woman|person)|official|minister|envoy|ambassador|adviser|advisor|chief|secretary|president|leader";
// "al-Ansari", "bin-Salman", "van-Dijk": a lowercase particle joined to a capitalized surname.
const TOKEN = "(?:\\p{Lu}\\.){2,}|(?:al|el|ad|as|ash|bin|ibn|abu|de|da|di|du|van|von)-\\p{Lu}[\\p{L}\\p{M}’'\\-]*|\\p{Lu}[\\p{L}\\p{M}’'\\-]*\\.?|\\p{Lu}";
const PARTICLE = "(?:de|da|van|von|der|den|la|le|bin|al|el|di|du|dos|del)";
/** "Le Pen", "bin Salman": a surname written with its particle. */
const PARTICLE_SURNAME = new RegExp(`^${PARTICLE}\\s\\S+$`, "i");
// "of" and "of the" join capitalized words into one group: "Bank of Japan", "Ministry of External
// Affairs", "Secretary of State Antony Blinken" are one name or one title, not two mentions.
const CONNECTOR = "of(?:[ \\u00a0]the)?";
const NAME_GROUP = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${TOKEN})(?:[ \\u00a0](?:(?:${PARTICLE}|${LOWER_ROLE}|${CONNECTOR})[ \\u00a0])?(?:${TOKEN}))*`,
  "gu",
);
const GENERIC_SUBJECTS = new Set(
  "Officials Critics Analysts Experts Sources Residents Witnesses Observers Lawmakers Diplomats Protesters Supporters Opponents Authorities Investigators Prosecutors Scientists Researchers Economists Others People Many Some".split(" "),
);
const POSSESSIVE = /['’]s?$/;
const LOWER_ROLE_WORD = new RegExp(`^(?:${LOWER_ROLE})$`);

function stripTokenDot(token: string): string {
  // Keep the dot of abbreviations ("U.S.", "Sen.", "F."), drop a sentence's full stop.
  if (!token.endsWith(".")) return token;
  if (/\p{Lu}\.\p{Lu}/u.test(token) || /^\p{Lu}\.$/u.test(token) || /^[JS]r\.$/.test(token) || ROLE_HEADS.has(token) || HONORIFICS.has(token)) {
    return token;
  }
  return token.slice(0, -1);
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

// Plural trade words that end a company's name ("Whole Foods", "United Airlines", "Sony Pictures"); no surname is one.
const COMPANY_TAIL = /\s(?:Foods|Airlines|Airways|Motors|Industries|Systems|Brands|Holdings|Partners|Labs|Studios|Pictures|Records|Communications|Technologies|Pharmaceuticals|Stores|Markets|Enterprises|Solutions|Entertainment|Media|Capital|Ventures|Securities|Logistics|Resources|Petroleum|Energy|Telecom|Semiconductor)$/;

function kindOfName(name: string): TSpeakerKind {
  if (KNOWN_OUTLETS.has(name)) return "outlet";
  if (COMPANY_TAIL.test(name)) return "organization";
  // Acronyms with or without dots ("NATO", "U.N.") and "X of Y" names are bodies, not people.
  if (ORG_WORDS.test(name) || /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(name) || countryCodeOf(name) || isPlaceName(name) || / of /.test(name)) return "organization";
  return "person";
}

const CONNECTOR_WORD = /^(?:of|the)$/;
const PARTY_WORD = /^(?:Republican|Democrat|Democratic|GOP)$/;

/**
 * Skips what stands before a person's title or name in one capitalized group: a US state ("New
 * Jersey Gov. Chris Christie"), a party ("Missouri Republican Roy Blunt"), an owner ("CNN's Chris
 * Cuomo"). A group that names a body ("South Carolina Republican Party") keeps all its words.
 */
function skipAffiliationPrefix(parts: readonly { tok: string }[], from: number, setCountry: (code: string) => void): number {
  const rest = parts.slice(from).map((p) => p.tok);
  // "Zionist Union Party’s Nachman Shai", "Senate Intelligence Ranking Democrat Dianne Feinstein": a
  // body's possessive or a party member's label, then a given name and a surname, is a person.
  const person = personAfterLabel(rest);
  if (person > 0) {
    if (PARTY_WORD.test(rest[person - 1] ?? "")) setCountry("US");
    return from + person;
  }
  if (ORG_WORDS.test(rest.join(" "))) {
    if (leadingUsState(rest) > 0) setCountry("US");
    return from;
  }
  let i = from;
  const state = leadingUsState(rest);
  if (state > 0 && i + state < parts.length) {
    setCountry("US");
    i += state;
  }
  if (PARTY_WORD.test(parts[i]?.tok ?? "") && i + 1 < parts.length) {
    setCountry("US");
    i += 1;
  }
  // An owner's possessive inside the group: the name follows it.
  for (let k = parts.length - 2; k >= i; k -= 1) {
    if (/\p{L}['’]s$/u.test(parts[k]?.tok ?? "")) return k + 1;
  }
  return i;
}

/**
 * Where a person's name starts after a label that ends in a body's possessive or a party word, when
 * what follows is a given name and one or two more name words; 0 when the group is no such thing.
 */
function personAfterLabel(tokens: readonly string[]): number {
  for (let k = tokens.length - 3; k >= 0; k -= 1) {
    const label = tokens[k] ?? "";
    const owner = /\p{L}['’]s$/u.test(label);
    if (!owner && !PARTY_WORD.test(label)) continue;
    const name = tokens.slice(k + 1);
    if (name.length > 3 || ORG_WORDS.test(name.join(" ")) || !name.every((t) => /^\p{Lu}/u.test(t))) return 0;
    // A party word may be part of a body's name ("Democratic National Committee"): a given name must follow it.
    return owner || isGivenName(name[0] ?? "") ? k + 1 : 0;
  }
  return 0;
}

/** "John McCain of Arizona", "Mujtaba Rahman of the Eurasia Group": a person and where they belong. */
function splitAffiliation(name: string, titled: boolean): { person: string; country: string | null } | null {
  const of = /^(.+?) of (?:the )?(.+)$/.exec(name);
  if (!of?.[1] || !of[2]) return null;
  const person = of[1].split(" ");
  if (person.length < 2 || person.length > 4 || ORG_WORDS.test(of[1]) || person.some((t) => ROLE_HEADS.has(t) || ROLE_MODIFIERS.has(t))) return null;
  if (countryCodeOf(of[1]) || isPlaceName(of[1])) return null;
  const place = of[2];
  const country = isUsState(place) ? "US" : countryCodeOf(place);
  // "Paul Krugman of the New York Times", "Archbishop Aris Shirvanian of the Armenian Patriarchate of
  // Jerusalem": an outlet, or any body after a titled person's name, is where the person belongs.
  const outlet = KNOWN_OUTLETS.has(place) || KNOWN_OUTLETS.has(`The ${place}`);
  if (!country && !ORG_WORDS.test(place) && !outlet && !titled) return null;
  return { person: of[1], country };
}

/** Bodies a country has one of: "the Palestinian Authority", "the Iraqi Army", "the Japanese Government". */
const BODY_WORD = /^(?:Authority|Government|Army|Navy|Police|Military|Parliament|Ministry|Embassy|Cabinet|Forces|Command)$/;
const GIVEN_NAME_COUNTRIES = new Set(["Chad", "Jordan", "Israel", "Georgia", "India", "Kenya"]);
const FORMER = /^(?:Former|Retired|Ex|Then)$/;
// Occupations written as a title before a full name at a sentence's start: "Journalist Jorge Ramos".
const OCCUPATIONS = new Set(
  `Journalist Reporter Columnist Author Activist Economist Analyst Historian Comedian Actor Actress Singer Businessman
  Businesswoman Billionaire Investor Host Anchor Pastor Lawyer Writer Commentator Pollster Strategist Blogger Candidate
  Nominee Pundit Filmmaker Producer Coach Doctor Surgeon Neurosurgeon Philanthropist Entrepreneur Scholar`.split(/\s+/),
);

const LEADING_ADJECTIVE = /^(?:Top|Longtime|Veteran)$/;

/** Reads one capitalized group into a mention, or null when it names nobody. */
export function parseGroup(text: string, start: number, end: number): TMention | null {
  const raw = text.slice(start, end);
  const parts: { tok: string; start: number; end: number }[] = [];
  const tokRe = /\S+/g;
  for (let m = tokRe.exec(raw); m; m = tokRe.exec(raw)) {
    const tok = stripTokenDot(m[0]);
    parts.push({ tok, start: start + m.index, end: start + m.index + tok.length });
  }
  let i = 0;
  // Sentence-opening words and a stranded connector ("Speaking of Trump") start no name.
  while (i < parts.length && (NON_NAME_WORDS.has(parts[i]?.tok.replace(POSSESSIVE, "") ?? "") || CONNECTOR_WORD.test(parts[i]?.tok ?? ""))) i += 1;
  // "Top Clinton adviser", "Longtime Trump friend": an adjective opening a headline or sentence is no part of the name.
  if (LEADING_ADJECTIVE.test(parts[i]?.tok ?? "") && i + 1 < parts.length) i += 1;
  if (i >= parts.length) return null;
  const first = parts[i];
  if (!first) return null;
  let country: string | null = null;
  // Country or demonym prefix: "US President", "Japan’s Prime Minister", "South Korean Foreign Minister".
  for (const len of [3, 2, 1]) {
    if (i + len > parts.length) continue;
    const phrase = parts
      .slice(i, i + len)
      .map((p) => p.tok)
      .join(" ")
      .replace(POSSESSIVE, "");
    const code = countryCodeOf(phrase);
    // "Chad Sweet", "Jordan Reese", "Israel Katz": a country that is also a given name, before one surname, is a name.
    const givenName = len === 1 && GIVEN_NAME_COUNTRIES.has(phrase) && !POSSESSIVE.test(parts[i]?.tok ?? "") && i + 2 === parts.length && !ROLE_HEADS.has(parts[i + 1]?.tok ?? "");
    // "Palestinian Authority", "Iraqi Army": a demonym before one body word is part of the body's name.
    const bodyOfCountry = code && i + len + 1 === parts.length && !POSSESSIVE.test(parts[i + len - 1]?.tok ?? "") && BODY_WORD.test((parts[i + len]?.tok ?? "").replace(POSSESSIVE, ""));
    if (bodyOfCountry) {
      const last = parts[parts.length - 1];
      return {
        start: first.start,
        end: last?.end ?? end,
        name: parts.slice(i).map((p) => p.tok).join(" ").replace(POSSESSIVE, ""),
        role: null,
        country: code,
        kind: "organization",
        possessive: POSSESSIVE.test(last?.tok ?? ""),
        pronoun: false,
      };
    }
    if (code && i + len < parts.length && !givenName) {
      country = code;
      i += len;
      break;
    }
    if (code && i + len === parts.length) {
      const last = parts[parts.length - 1];
      return {
        start: first.start,
        end: last?.end ?? end,
        name: phrase,
        role: null,
        country: code,
        kind: "organization",
        possessive: POSSESSIVE.test(last?.tok ?? ""),
        pronoun: false,
      };
    }
  }
  // "Former Florida Sen. Bob Graham": a former office holder's state and title follow "Former".
  if (FORMER.test(parts[i]?.tok ?? "") && i + 2 < parts.length && leadingUsState(parts.slice(i + 1).map((p) => p.tok)) > 0) i += 1;
  i = skipAffiliationPrefix(parts, i, (code) => {
    country ??= code;
  });
  // Role: modifiers and heads, ending at the last head; a lowercase title word also ends one.
  const readRole = (from: number): { lastHead: number; ofCountry: string | null; extra: number[] } => {
    let j = from;
    let lastHead = -1;
    let ofCountry: string | null = null;
    const extra: number[] = [];
    while (j < parts.length) {
      const tok = (parts[j]?.tok ?? "").replace(POSSESSIVE, "");
      if (tok === "of" && lastHead === j - 1) {
        // "Secretary of State", "Minister of Finance", "Prime Minister of Japan".
        let k = j + 1;
        if (parts[k]?.tok === "the") k += 1;
        const next = (parts[k]?.tok ?? "").replace(POSSESSIVE, "");
        const code = countryCodeOf(next);
        if (code && k + 1 < parts.length) {
          ofCountry = code;
          extra.push(j, k);
          lastHead = k;
          j = k + 1;
          continue;
        }
        if (ROLE_MODIFIERS.has(next) && k + 1 < parts.length) {
          lastHead = k;
          j = k + 1;
          continue;
        }
        break;
      }
      const lowerRole = LOWER_ROLE_WORD.test(tok);
      if (lowerRole) lastHead = j;
      else if (ROLE_HEADS.has(tok) || (j === from && OCCUPATIONS.has(tok) && parts.length - j >= 3)) lastHead = j;
      else if (!ROLE_MODIFIERS.has(tok) && !ORG_WORDS.test(tok) && !(lastHead === -1 && j > from && j - from < 3 && /ly$/.test(tok))) break;
      j += 1;
    }
    return { lastHead, ofCountry, extra };
  };
  let found = readRole(i);
  if (found.lastHead === -1 && i + 2 < parts.length && !NON_NAME_WORDS.has(parts[i]?.tok ?? "") && !CONNECTOR_WORD.test(parts[i]?.tok ?? "")) {
    // An affiliation before the title: "NATO Secretary General Mark Rutte", "Ontario Premier Doug Ford".
    const after = readRole(i + 1);
    if (after.lastHead !== -1 && after.lastHead + 1 < parts.length) {
      found = after;
      i += 1;
    }
  }
  const { lastHead } = found;
  let role: string | null = null;
  if (lastHead !== -1 && lastHead + 1 <= parts.length) {
    role = parts
      .slice(i, lastHead + 1)
      .filter((_p, k) => !found.extra.includes(i + k))
      .map((p) => p.tok.replace(POSSESSIVE, ""))
      .join(" ");
    role = titleCase(role).replace(/ Of /g, " of ").replace(/ The /g, " the ");
    country ??= found.ofCountry;
    i = lastHead + 1;
  }
  while (i < parts.length && HONORIFICS.has(parts[i]?.tok ?? "")) i += 1;
  const nameParts = parts.slice(i);
  const last = parts[parts.length - 1];
  const possessive = POSSESSIVE.test(last?.tok ?? "") && /['’]/.test(last?.tok.slice(-2) ?? "");
  const mentionStart = first.start;
  const mentionEnd = last?.end ?? end;
  if (nameParts.length === 0) {
    if (!role) return null;
    return { start: mentionStart, end: mentionEnd, name: null, role, country, kind: "person", possessive, pronoun: false };
  }
  let name = nameParts
    .map((p) => p.tok)
    .join(" ")
    .replace(POSSESSIVE, "");
  const affiliated = splitAffiliation(name, role !== null);
  if (affiliated) {
    name = affiliated.person;
    country ??= affiliated.country;
  }
  if (name.length < 2 || GENERIC_SUBJECTS.has(name) || (nameParts.length > 7 && !affiliated)) return null;
  // "Breaking News" is a banner; "Fox News" and "CBS News" are outlets that speak.
  if (!KNOWN_OUTLETS.has(name) && nameParts.some((p) => NON_NAME_WORDS.has(p.tok))) return null;
  // "Former Mexican presidents Fox and …": a title's modifiers and a people are no name.
  // A body's name may be such words too when a body word ends it ("the Tourism Council").
  const bodyName = ORG_WORDS.test(nameParts[nameParts.length - 1]?.tok.replace(POSSESSIVE, "") ?? "") && nameParts.length > 1;
  if (!bodyName && nameParts.every((p) => ROLE_MODIFIERS.has(p.tok) || countryPhraseKind(p.tok.replace(POSSESSIVE, "")) === "demonym")) return null;
  // "FULL TEXT", "BREAKING NEWS": words set in capitals are a label, not a name.
  if (nameParts.length > 1 && nameParts.every((p) => !/\p{Ll}/u.test(p.tok))) return null;
  if (CONNECTOR_WORD.test(nameParts[0]?.tok ?? "") || CONNECTOR_WORD.test(nameParts[nameParts.length - 1]?.tok ?? "")) return null;
  // "Team Clinton said": a candidate's team is the campaign, a body, never "he" or "she".
  const team = /^Team (\p{Lu}\p{Ll}[\p{L}'’-]*)$/u.exec(name)?.[1];
  if (team && !countryCodeOf(team) && !isPlaceName(team)) {
    return { start: mentionStart, end: mentionEnd, name: `${team} campaign`, role, country, kind: "organization", possessive, pronoun: false };
  }
  // A title makes a person even of a name that reads like a place ("spokesman Eli Harbor").
  const kind = role && isPlaceName(name) && !isUsState(name) && !ORG_WORDS.test(name) ? "person" : kindOfName(name);
  if (kind === "organization" && !country) {
    // "Bank of Japan", "Ministry of Defence of Ukraine": the body's country is the last "of".
    const of = / of (?:the )?([^]+)$/.exec(name);
    if (of?.[1]) country = countryCodeOf(of[1]);
  }
  return { start: mentionStart, end: mentionEnd, name, role, country, kind, possessive, pronoun: false };
}

// Abbreviations whose dot does not end a sentence: "Sen. Chuck Schumer", "Donald J. Trump", "Martin Luther King Jr.".
const ABBREVIATION = /^(?:\p{Lu}|(?:\p{L}\.)+\p{L}|Jr|Sr|St|Mt|Ft|Gen|Col|Lt|Sgt|Capt|Adm|Cmdr|Maj|Rev|Prof|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Sec|Supt|Inc|Corp|Co|Ltd|No)\.$/u;

/** A capitalized group split where a sentence ends inside it: "Washington. Geng" is two mentions. */
function sentencePieces(text: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  const tokRe = /\S+/g;
  const raw = text.slice(start, end);
  let from = start;
  for (let m = tokRe.exec(raw); m; m = tokRe.exec(raw)) {
    const tokEnd = start + m.index + m[0].length;
    if (tokEnd < end && m[0].endsWith(".") && !ABBREVIATION.test(m[0]) && !ROLE_HEADS.has(m[0]) && !HONORIFICS.has(m[0])) {
      pieces.push([from, tokEnd]);
      const next = /\S/.exec(text.slice(tokEnd, end));
      from = tokEnd + (next?.index ?? 0);
    }
  }
  pieces.push([from, end]);
  return pieces;
}

// A US party-and-state tag after a name: "Chuck Schumer (D-N.Y.)", "Ted Cruz (R-Texas)".
const PARTY_TAG = /^\s*\((?:R|D|I)[-–.,]\s?\p{Lu}[\p{L}. ]{0,20}\)/u;
// The same tag set off by commas: "Sen. Lindsey Graham, R-S.C., said", "Rep. Ann Lowe, D-Calif., a …": it
// makes the person American and names nobody; the name stays the mention, the tag an appositive.
const PARTY_TAG_COMMAS = /^,\s?(?:R|D|I)-\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}(?=,)/u;
const PARTY_MEMBER = /^(?:\p{Lu}[\p{L}.]*\s){0,2}(?:Republican|Democrat|Democratic)s?(?: of (?:\p{Lu}[\p{L}.]*\s?){1,3})?$/u;
// Titles abbreviated the way US newsrooms write them before a name.
const US_TITLE_ABBREVIATIONS: Record<string, string> = { "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor" };
// Ranks written short before a name and in full later: "Adm. Harry Harris … the admiral said".
const RANK_ABBREVIATIONS: Record<string, string> = { "Adm.": "Admiral", "Gen.": "General", "Col.": "Colonel", "Capt.": "Captain", "Lt.": "Lieutenant" };

const KIN_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}-]+)['’]s\s+(?:son|daughter|wife|husband|brother|sister|father|mother|widow|nephew|niece),\s+$/u;

// "Walking to the next address, Ebeling said", "Fueled apparently by frustration with Obama, Trump
// explained", "Hastily rewriting …, Valls said": a sentence may open on a participle or an adverb whose
// clause ends at a comma before the subject.
const PARTICIPLE_OPENER = /^(?:\p{Lu}\p{Ll}{2,}(?:ing|ed)|\p{Lu}\p{Ll}{3,}(?<!(?:illy|olly|elly|erly))ly)\s+\p{Ll}[^,.;:!?“”"]{0,80},\s+(?:\p{Lu}|(?:he|she|they|the|a|an|his|her|their)\s)/u;

/** Whether a one-word group is the participle opening its sentence rather than a name. */
function opensParticipleClause(text: string, start: number, end: number): boolean {
  if (/\s/.test(text.slice(start, end))) return false;
  if (!/(?:^|[.!?]["”’']?)\s*$/.test(text.slice(Math.max(0, start - 4), start))) return false;
  return PARTICIPLE_OPENER.test(text.slice(start, start + 140));
}

// "Thankfully, …", "Interestingly, …": adverb endings no given name has ("Kelly", "Emily", "Beverly" do not match).
const SENTENCE_ADVERB = /^\p{Lu}\p{Ll}{2,}(?:ful|ate|abl|ibl|ous|ing|ed|ical|al|ent|ant|ive)ly$/u;

/** How a text writes its words: those it writes in lower case, and those it capitalizes mid-sentence. */
export interface TWordUsage {
  lower: Set<string>;
  midSentence: Set<string>;
}

/** One text's word usage; the mention index computes it once per text and hands it on. */
export function wordUsage(text: string): TWordUsage {
  const lower = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}’'-])\p{Ll}[\p{Ll}-]+(?![\p{L}\p{N}])/gu)) lower.add(m[0]);
  const midSentence = new Set<string>();
  for (const m of text.matchAll(/[\p{Ll}\p{N},;][ \u00a0]+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/gu)) if (m[1]) midSentence.add(m[1]);
  return { lower, midSentence };
}

/**
 * "Deficit hawks have warned", "New signs in stores", "Thankfully, now we know": a word capitalized
 * only because it opens a sentence, which the same text writes in lower case elsewhere and never
 * capitalizes mid-sentence, is a common word, not a name. Names ("Trump", "Pence") show up
 * capitalized mid-sentence; a fixed list cannot know every opener.
 */
function opensAsCommonWord(text: string, start: number, end: number, usage: TWordUsage): boolean {
  const word = text.slice(start, end);
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (!/(?:^|[.!?:;“"‘(\n][“"‘']?)[ \u00a0]*$/u.test(text.slice(Math.max(0, start - 3), start))) return false;
  if (SENTENCE_ADVERB.test(word) && /^,/.test(text.slice(end, end + 1))) return true;
  return usage.lower.has(word.toLowerCase()) && !usage.midSentence.has(word);
}

/** All capitalized mentions in text[span], in order. */
export function findMentions(text: string, span: TSpan, usage: TWordUsage = wordUsage(text)): TMention[] {
  const out: TMention[] = [];
  const re = new RegExp(NAME_GROUP.source, "gu");
  // Search only up to the span's end: on the whole text, a span with no capital would scan on to
  // the next one, possibly the end of the text, so a paste of many lowercase lines was quadratic.
  // The text before the span stays visible, so the lookbehind sees the same character.
  const bounded = text.slice(0, span.end);
  re.lastIndex = span.start;
  for (let m = re.exec(bounded); m; m = re.exec(bounded)) {
    const end = m.index + m[0].length;
    for (const [piece, to] of sentencePieces(text, m.index, end)) {
      // "The pro-Christie Union Leader": a hyphenated "pro-"/"anti-" word describes what follows it.
      const stance = /(?:^|[^\p{L}])(?:pro|anti)-$/iu.test(text.slice(Math.max(0, piece - 6), piece)) ? /^\S+\s+/.exec(text.slice(piece, to)) : null;
      const from = stance ? piece + stance[0].length : piece;
      if (opensParticipleClause(text, from, to) || opensAsCommonWord(text, from, to, usage)) continue;
      const mention = parseGroup(text, from, to);
      if (!mention) continue;
      if (mention.name && mention.kind !== "person" && isPlaceName(mention.name)) mention.place = true;
      if (mention.name && !mention.possessive && !mention.role && followsLocative(text, mention.start)) mention.place = true;
      if (mention.name && PARTY_MEMBER.test(mention.name)) {
        // "Kevin Brady, a Texas Republican": an affiliation, not a name; it makes the person American.
        const person = out[out.length - 1];
        if (person?.kind === "person" && /^,\s+(?:(?:a|an|the)\s+)?$/.test(text.slice(person.end, from))) person.country ??= "US";
        continue;
      }
      // "Schilling's son, Grant, defended his father": a relative named by first name carries the family name.
      const relative = mention.name && !mention.name.includes(" ") && mention.kind === "person" && text[mention.end] === ","
        ? KIN_BEFORE.exec(text.slice(Math.max(0, from - 60), from))?.[1]
        : undefined;
      if (relative && mention.name) {
        mention.name = `${mention.name} ${relative}`;
        mention.kin = true;
      }
      // "The World Travel and Tourism Council": two capitalized runs joined by "and" into one body's name,
      // when the second ends in a body word and the first names no person (no title, no given name).
      const joined = out[out.length - 1];
      if (joined?.name && mention.name && mention.kind === "organization" && !mention.country && joined.kind === "person" && !joined.role && !joined.possessive
        && /^ and $/.test(text.slice(joined.end, mention.start)) && joined.name.includes(" ") && !joined.name.split(" ").some(isGivenName)
        && ORG_WORDS.test(mention.name.split(" ").pop() ?? "")) {
        joined.name = `${joined.name} and ${mention.name}`;
        joined.end = mention.end;
        joined.kind = "organization";
        joined.possessive = mention.possessive;
        continue;
      }
      const usTitle = mention.role ? US_TITLE_ABBREVIATIONS[mention.role] : undefined;
      if (usTitle) {
        mention.role = usTitle;
        mention.country ??= "US";
      }
      const rank = mention.role ? /(?:^|\s)(\p{Lu}\p{Ll}{0,2}\.)$/u.exec(mention.role)?.[1] : undefined;
      const fullRank = rank ? RANK_ABBREVIATIONS[rank] : undefined;
      if (mention.role && rank && fullRank) mention.role = mention.role.slice(0, -rank.length) + fullRank;
      out.push(mention);
    }
    const after = end < span.end ? text.slice(end, Math.min(span.end, end + 40)) : "";
    const commaTag = out[out.length - 1]?.role ? PARTY_TAG_COMMAS.exec(after) : null;
    if (commaTag) {
      const last = out[out.length - 1];
      if (last && last.end === end && last.kind === "person") last.country ??= "US";
      re.lastIndex = end + commaTag[0].length;
      continue;
    }
    const tag = PARTY_TAG.exec(after);
    if (tag) {
      const last = out[out.length - 1];
      if (last && last.end === end && last.kind === "person") {
        last.country ??= "US";
        // The tag belongs to the mention: "Sen. Ted Cruz (R-Texas) said" has its subject right before the verb.
        last.end = end + tag[0].length;
      }
      re.lastIndex = end + tag[0].length;
    }
  }
  return out;
}

/**
 * The person a name only qualifies: "Cruz" in "Cruz spokesman Rick Tyler", "EU" in "EU trade
 * spokesperson Olof Gill" (lowercase title words between the two). Otherwise the mention itself.
 */
export function qualifiedPerson(text: string, next: TMention | undefined, m: TMention): TMention {
  const words = next?.name && next.kind === "person" ? /^\s+((?:[a-z-]+\s+){1,3})$/.exec(text.slice(m.end, next.start))?.[1] : undefined;
  // The last word is a title or a relation ("spokesman", "adviser", "son"); "Reid blasted Rubio" is two people.
  const head = words?.trim().split(/\s+/).pop() ?? "";
  if (next && (PREFIX_ROLE_HEAD.test(head) || QUALIFIED_HEAD.test(head))) return next;
  return m;
}

// Nouns that make a name before them an owner: "Trump campaign manager Corey Lewandowski", "Schilling's son Grant".
const QUALIFIED_HEAD = /^(?:aide|manager|strategist|lawyer|attorney|counsel|pollster|consultant|staffer|reporter|correspondent|analyst|economist|son|daughter|wife|husband|brother|sister|father|mother|press|writer|editor|columnist|host|anchor|surrogate|backer|supporter|donor|ally|rival|opponent|challenger|deputy|constituent|voter|volunteer|friend|neighbor|neighbour|colleague)$/;

// How an appositive or a relative clause after a name opens: ", a former director", ", who lost", ", 45,".
// A party tag opens one too: ", R-S.C., a long-shot candidate,".
const APPOSITIVE_OPENING = /^,\s*(?:a|an|the|who|whose|which|one|his|her|its|their|now|then|also|\d|[RDI]-\p{Lu}|[a-z-]+\s+(?:of|for|at|to|in)\b)/u;

/**
 * The person a chain of appositives and relative clauses describes, when that chain runs from the
 * person's name up to `end` (just past a comma): "Hogan Gidley, a former director of the South
 * Carolina Republican Party, whose roots are in the church, said" is Gidley, not the party.
 */
export function appositiveSubject(text: string, mentions: readonly TMention[], floor: number, end: number): TMention | null {
  if (text[end - 1] !== ",") return null;
  for (const m of mentions) {
    if (m.start < floor || m.end >= end) continue;
    if (!m.name || m.kind !== "person" || m.possessive || m.place) continue;
    const between = text.slice(m.end, end);
    if (between.length > 250 || !APPOSITIVE_OPENING.test(between)) continue;
    // A quote or a sentence's end in between means the name belongs to another clause.
    if (/[“”"]|''|[!?;]|[a-z]{2}\.\s/.test(between)) continue;
    return m;
  }
  return null;
}

/** Mentions of many spans computed once, then looked up by range (binary search). */
export class MentionIndex {
  private readonly all: TMention[] = [];
  /** How the text writes its words, read once for every span's mentions. */
  readonly usage: TWordUsage;

  constructor(text: string, spans: readonly TSpan[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.usage = wordUsage(text);
    for (const span of sorted) this.all.push(...findMentions(text, span, this.usage));
  }

  within(span: TSpan): TMention[] {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.all[mid]?.start ?? 0) < span.start) lo = mid + 1;
      else hi = mid;
    }
    const out: TMention[] = [];
    for (let i = lo; i < this.all.length; i += 1) {
      const m = this.all[i];
      if (!m || m.start >= span.end) break;
      if (m.end <= span.end) out.push(m);
    }
    return out;
  }

  get mentions(): readonly TMention[] {
    return this.all;
  }
}

/** Role and country given in an appositive right after a name: "Ishiba, Japan’s prime minister,". */
export function readAppositive(text: string, after: number): { role: string | null; country: string | null } | null {
  if (text[after] !== ",") return null;
  const tail = text.slice(after + 1, after + 90).trimStart();
  let country: string | null = null;
  let rest = tail;
  const poss = /^(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)['’]s\s+/u.exec(tail);
  if (poss?.[1] && countryCodeOf(poss[1])) {
    country = countryCodeOf(poss[1]);
    rest = tail.slice(poss[0].length);
  }
  // "Schilling, through a spokeswoman, said": a preposition opens an adverbial, not a title.
  if (/^(?:through|via|in|on|at|for|with|from|by|after|before|during|like)\s/i.test(rest)) return null;
  const m = APPOSITIVE_ROLE.exec(rest);
  if (!m?.[1]) {
    // "Ines Ocampo, a Mexican diplomat," / "Rem Vos, an analyst in London,": a people or a place, any title.
    const people = /^(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(\p{Lu}[\p{L}-]+)\s+[a-z]/u.exec(rest)?.[1];
    const place = /^(?:a|an|the)\s+[^,;.“”"]{0,70}?\s(?:in|from)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s*(?=[,.;]|$)/u.exec(rest)?.[1];
    const code = country ?? (people && countryPhraseKind(people) === "demonym" ? countryCodeOf(people) : null) ?? (place ? countryCodeOf(place) : null);
    return code ? { role: null, country: code } : null;
  }
  const words = m[1].split(/\s+/);
  const demonym = words[0] ? countryCodeOf(words[0]) : null;
  if (demonym) {
    country ??= demonym;
    words.shift();
  }
  // "of Japan", "for the Chinese embassy in Washington": the first country or people named after the title.
  const ofWords = m[2]?.split(/\s+/) ?? [];
  for (let k = 0; k < ofWords.length && !country; k += 1) {
    // "of the United States Pacific Command": a country of two or three words counts too.
    for (const len of [3, 2, 1]) {
      const phrase = ofWords.slice(k, k + len).join(" ").replace(POSSESSIVE, "");
      if (country || k + len > ofWords.length || !/^\p{Lu}/u.test(phrase)) continue;
      country = countryCodeOf(phrase);
    }
  }
  if (m[2] && !country) country = countryCodeOf(m[2].trim());
  if (words.some((w) => /^\p{Lu}/u.test(w) && !countryCodeOf(w) && !ROLE_MODIFIERS.has(w) && !ROLE_HEADS.has(w))) return null;
  return { role: titleCase(words.join(" ")), country };
}

// Lowercase words a title is written with before a name: "EU trade spokesperson Olof Gill",
// "Chinese foreign ministry spokesperson Lin Jian", "Works council chief Daniela Cavallo".
const PREFIX_ROLE_WORDS = new Set(
  `foreign trade defence defense finance economy economic interior home health justice state press campaign council works
  party government ministry military army navy police national security deputy senior top chief vice prime presidential
  cabinet opposition union company agency news treasury commerce energy climate public digital environment education
  labour labor transport immigration regional federal provincial executive general managing`.split(/\s+/),
);
/** Role nouns that may stand right before a name; anchors (counterpart, agency) give a country but no title. */
const PREFIX_ROLE_HEAD = /^(?:spokes(?:man|woman|person)|secretary|minister|chief|official|envoy|ambassador|adviser|advisor|director|leader|president|chairman|chairwoman|chair|governor|commissioner|negotiator|senator|prosecutor|general|head|commander|mayor|premier|chancellor|delegate|representative|manager|strategist|pollster|aide|economist|analyst|professor|lawyer|attorney|organizer)$/;
const PREFIX_ANCHOR = /^(?:counterpart|agency|broadcaster|newspaper|outlet|regulator|watchdog|operator|carmaker|company|group)$/;
const PREFIX_STOP = /^(?:the|a|an|its|his|her|their|our|by|to|for|with|and|or|from|in|on|at|as|that|who|which)$/i;

/**
 * A title or country written before a name: "EU trade spokesperson Olof Gill" (lowercase, so the
 * name group leaves it out), "her Polish counterpart Radoslaw Sikorski", or a comma appositive
 * in front: "the minister of finance of Brazil, Fernando Haddad", "Iran's envoy to the agency, Mohsen Naziri Asl",
 * also right after a wire dateline's dash ("OSLO — Norway's fisheries minister, Karin Solheim").
 */
export function readPrefixRole(text: string, start: number): { role: string | null; country: string | null } | null {
  const from = Math.max(0, start - 100);
  let head = text.slice(from, start);
  const nl = head.lastIndexOf("\n");
  if (nl !== -1) head = head.slice(nl + 1);
  const comma = /(?:^|[.;:,]\s+|\s[-–—]{1,2}\s+|\b(?:and|but|while)\s+)(?:(?:the|a|an)\s+|(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s+)((?:[a-z-]+\s+){0,3}?(?:spokes(?:man|woman|person)|secretary|minister|chief|envoy|ambassador|adviser|advisor|director(?:\s+general)?|leader|president|chairman|chairwoman|governor|commissioner|negotiator|head|delegate|representative))((?:\s+(?:of|to|for)\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?)*),\s*$/u.exec(head);
  if (comma?.[2]) {
    let country = comma[1] ? countryCodeOf(comma[1]) : null;
    if (comma[1] && !country) return null;
    const words = comma[2].trim().split(/\s+/);
    if (words[0] && countryCodeOf(titleCase(words[0]))) {
      country ??= countryCodeOf(titleCase(words[0]));
      words.shift();
    }
    let role = titleCase(words.join(" "));
    for (const part of (comma[3] ?? "").split(/\s+(?=of\s|to\s|for\s)/).map((x) => x.trim()).filter(Boolean)) {
      const m = /^(of|to|for)\s+(?:the\s+)?(.+)$/.exec(part);
      if (!m?.[2]) continue;
      const code = countryCodeOf(m[2]) ?? countryCodeOf(titleCase(m[2]));
      if (code) country ??= code;
      else if (m[1] === "of" && /^[a-z]/.test(m[2])) role += ` of ${titleCase(m[2])}`;
    }
    return { role, country };
  }
  const words = head.split(/\s+/).filter(Boolean);
  const chain: string[] = [];
  for (let k = words.length - 1; k >= 0 && chain.length < 5; k -= 1) {
    const w = (words[k] ?? "").replace(/[,;:]$/, "");
    if (w !== words[k] || PREFIX_STOP.test(w)) break;
    const bare = w.replace(POSSESSIVE, "");
    const capital = /^\p{Lu}/u.test(w);
    const pair = k > 0 ? `${words[k - 1] ?? ""} ${bare}` : "";
    if (capital && pair && countryCodeOf(pair)) {
      // Two-word countries: "North Korea's state news agency KCNA", "South Korean envoy".
      chain.unshift(pair.replace(" ", "\u00a0"));
      k -= 1;
      continue;
    }
    // "The European Union's climate commissioner": a possessive body that is not a country ends the title.
    if (capital && bare !== w && !countryCodeOf(bare)) break;
    if (capital && (countryCodeOf(bare) || /^\p{Lu}{2,5}$/u.test(bare) || ROLE_MODIFIERS.has(bare) || PREFIX_ROLE_WORDS.has(bare.toLowerCase()))) chain.unshift(w);
    else if (!capital && (PREFIX_ROLE_WORDS.has(w) || PREFIX_ROLE_HEAD.test(w) || PREFIX_ANCHOR.test(w))) chain.unshift(w);
    else break;
  }
  const last = chain[chain.length - 1];
  if (!last || /^\p{Lu}/u.test(last)) return null;
  if (!PREFIX_ROLE_HEAD.test(last) && !PREFIX_ANCHOR.test(last)) return null;
  let country: string | null = null;
  const titleWords: string[] = [];
  for (const w of chain) {
    const bare = w.replace(POSSESSIVE, "").replace("\u00a0", " ");
    const code = /^\p{Lu}/u.test(w) ? countryCodeOf(bare) : null;
    if (code) country ??= code;
    else if (/^\p{Lu}{2,5}$/u.test(bare)) continue; // "EU trade spokesperson": the body is not part of the title
    else titleWords.push(bare);
  }
  if (!country) {
    // "London's newly elected mayor Sadiq Khan": the place owning the title may stand a few describing words earlier.
    const rest = words.slice(0, words.length - chain.length);
    const owner = /^(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s((?:\s+[\p{L}-]+){0,3})$/u.exec(rest.slice(-4).join(" "));
    if (owner?.[1] && !/\b(?:the|a|an|and|or|of|to|in|who|which|that)\b/i.test(owner[2] ?? "")) country = countryCodeOf(owner[1]);
  }
  const role = PREFIX_ANCHOR.test(last) || titleWords.length === 0 ? null : titleCase(titleWords.join(" ").toLowerCase());
  return role || country ? { role, country } : null;
}

export interface TSpeakerProfile {
  name: string;
  role: string | null;
  country: string | null;
  kind: TSpeakerKind;
}

const NAME_SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

/** "Donald J. Trump" → "donald trump": a person's first and last name, or null for a one-word name. */
export function firstAndLast(name: string): string | null {
  const words = name.split(/\s+/);
  const tokens = words.filter((token) => !NAME_SUFFIX.test(token.replace(/,$/, "")));
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last || tokens.length < 2) return null;
  // "Donald Trump Jr." is not "Donald Trump": a suffix tells father and son apart.
  const suffix = words.length > tokens.length ? words.find((token) => NAME_SUFFIX.test(token.replace(/,$/, "")))?.replace(/[.,]/g, "") : undefined;
  return `${first} ${last}${suffix ? ` ${suffix}` : ""}`.toLowerCase();
}

/**
 * Canonical speakers of one input: "Ishiba" and "Prime Minister Shigeru Ishiba" become one
 * profile carrying every role and country the text gives anywhere.
 */
export class SpeakerRegistry {
  private readonly profiles = new Map<string, TSpeakerProfile>();
  private readonly byLastToken = new Map<string, string | null>();
  private readonly byOrgHead = new Map<string, string | null>();
  /** First and last name → the canonical full name: "Donald J. Trump" is "Donald Trump". */
  private readonly byFirstAndLast = new Map<string, string>();
  private readonly byFirstToken = new Map<string, string | null>();
  private spokespersonBody: string | null = null;

  add(mention: TMention): void {
    if (!mention.name) return;
    const key = mention.kind === "person" ? firstAndLast(mention.name) : null;
    const known = key ? this.byFirstAndLast.get(key) : undefined;
    if (key && !known && this.profiles.has(mention.name) === false) this.byFirstAndLast.set(key, mention.name);
    const canonical = known ?? this.canonical(mention.name);
    const of = mention.kind === "organization" ? / of /.exec(canonical) : null;
    if (of) {
      const head = canonical.slice(0, of.index);
      const known = this.byOrgHead.get(head);
      if (head.includes(" ") && !this.profiles.has(head)) this.byOrgHead.set(head, known === undefined || known === canonical ? canonical : null);
    }
    const profile = this.profiles.get(canonical) ?? { name: canonical, role: null, country: null, kind: mention.kind };
    profile.role ??= mention.role;
    // "Paris, who used to work on Capitol Hill" after "Jeremy Paris": a surname read as a place gives the person no country.
    if (mention.kind === profile.kind) profile.country ??= mention.country;
    this.profiles.set(canonical, profile);
    // "Harry B. Harris Jr." is "Harris" for short: a suffix is not the surname.
    const tokens = canonical.split(" ").filter((t, k) => k === 0 || !NAME_SUFFIX.test(t.replace(/,$/, "")));
    if (tokens.length >= 2 && mention.kind === "person" && !mention.kin) {
      const lastToken = tokens[tokens.length - 1] ?? "";
      const known = this.byLastToken.get(lastToken);
      // Two different people sharing a surname make the surname ambiguous.
      this.byLastToken.set(lastToken, known === undefined || known === canonical ? canonical : null);
      const firstToken = tokens[0] ?? "";
      const knownFirst = this.byFirstToken.get(firstToken);
      this.byFirstToken.set(firstToken, knownFirst === undefined || knownFirst === canonical ? canonical : null);
      // "President Bush" in a story on Jeb and George W. Bush stays apart: a shared surname's title is no one's in particular.
      const short = this.byLastToken.get(lastToken) === canonical ? this.profiles.get(lastToken) : undefined;
      if (short) {
        profile.role ??= short.role;
        profile.country ??= short.country;
        this.profiles.delete(lastToken);
      }
    }
  }

  /** The people whose full names end in this surname ("Ebeling" → Betsy Ebeling, Tom Ebeling), in the order the text named them. */
  bearersOf(surname: string): string[] {
    if (surname.includes(" ")) return [];
    const out: string[] = [];
    for (const p of this.profiles.values()) {
      if (p.kind !== "person" || !p.name.includes(" ") || p.name.includes(" and ")) continue;
      const tokens = p.name.split(" ").filter((t, k) => k === 0 || !NAME_SUFFIX.test(t.replace(/,$/, "")));
      if (tokens[tokens.length - 1] === surname) out.push(p.name);
    }
    return out;
  }

  setKind(name: string, kind: TSpeakerKind): void {
    const profile = this.profiles.get(this.canonical(name));
    if (profile) profile.kind = kind;
  }

  /** A speaker the text names without a capitalized mention ("the Estonian foreign ministry"). */
  ensure(name: string, kind: TSpeakerKind, country: string | null): void {
    const profile = this.profiles.get(name) ?? { name, role: null, country: null, kind };
    profile.country ??= country;
    this.profiles.set(name, profile);
  }

  enrich(name: string, role: string | null, country: string | null): void {
    const profile = this.profiles.get(this.canonical(name));
    if (!profile) return;
    profile.role ??= role;
    profile.country ??= country;
  }

  canonical(name: string): string {
    // "The Ebelings said" after "Betsy Ebeling" and "Tom Ebeling": the couple, under both first names.
    if (/^\p{Lu}\p{Ll}+s$/u.test(name) && !this.byLastToken.has(name)) {
      // "the Ebelings", "the Marshes": the plural of a surname two people of the story bear.
      for (const family of [name.slice(0, -1), ...(name.endsWith("es") ? [name.slice(0, -2)] : [])]) {
        const firsts = this.bearersOf(family).map((n) => n.split(" ")[0] ?? "");
        if (firsts.length === 2) return `${firsts.join(" and ")} ${family}`;
      }
    }
    // "Donald Jr." after "Donald Trump Jr.": a given name and a suffix stand for the one person bearing both.
    const suffixed = /^(\p{Lu}\p{Ll}+)\s+(Jr|Sr)\.?$/u.exec(name);
    if (suffixed) {
      const bearers = [...this.profiles.keys()].filter((n) => n.startsWith(`${suffixed[1]} `) && n.replace(/\.$/, "").endsWith(` ${suffixed[2]}`) && n.split(" ").length > 2);
      if (bearers.length === 1 && bearers[0]) return bearers[0];
    }
    // "State" after "the State Department", "Justice" after "the Justice Department": a department by its head word.
    const department = /^\p{Lu}\p{Ll}+$/u.test(name) ? this.profiles.get(`${name} Department`) : undefined;
    if (department?.kind === "organization") return department.name;
    // "Le Pen" after "Marine Le Pen", "bin Salman" after "Mohammed bin Salman": a surname with its particle.
    if (PARTICLE_SURNAME.test(name)) {
      const full = this.byLastToken.get(name.split(" ").pop() ?? "");
      if (full && full.endsWith(` ${name}`)) return full;
    }
    // "Geng" after "Geng Shuang", "Hillary" after "Hillary Clinton": a name written surname first or a first name alone.
    if (!name.includes(" ")) return this.byLastToken.get(name) ?? (this.byLastToken.has(name) ? name : (this.byFirstToken.get(name) ?? name));
    const key = firstAndLast(name);
    const person = key ? this.byFirstAndLast.get(key) : undefined;
    if (person) return person;
    // "the Joint Chiefs said" after "the Joint Chiefs of Staff": the head of an "X of Y" body.
    if (!this.profiles.has(name)) return this.byOrgHead.get(name) ?? name;
    return name;
  }

  profile(name: string): TSpeakerProfile | null {
    return this.profiles.get(this.canonical(name)) ?? null;
  }

  /** Every person the text names, once each under the canonical name. */
  people(): TSpeakerProfile[] {
    return [...this.profiles.values()].filter((p) => p.kind === "person");
  }

  /** The person the text last introduced with this title ("the President" → "Donald Trump"). */
  byRole(role: string, preferred: readonly string[]): TSpeakerProfile | null {
    const head = role.split(" ").pop()?.toLowerCase() ?? "";
    const matches = [...this.profiles.values()].filter((p) => p.role?.toLowerCase().endsWith(head));
    for (const name of preferred) {
      const hit = matches.find((p) => p.name === name);
      if (hit) return hit;
    }
    if (matches.length === 1) return matches[0] ?? null;
    // "the spokesman said" in a story whose only spokespeople speak for one body: that body.
    const body = matches.length === 0 && /^spokes(?:man|woman|person)$/.test(head) ? this.spokespersonBody : null;
    return body ? (this.profiles.get(body) ?? null) : null;
  }

  /** The body every unnamed spokesperson of the text speaks for ("Cameron’s spokesman" → British government). */
  setSpokespersonBody(name: string, kind: TSpeakerKind, country: string | null): void {
    this.ensure(name, kind, country);
    this.spokespersonBody = name;
  }
}
