// A spokesperson speaking for a body is attributed to the body (ANNOTATION.md): "said Ann Reyes,
// spokeswoman for the Red Cross" is the Red Cross; "White House press secretary Tom Hale" is the
// White House; a head of government's spokesman is that government; a candidate's is the campaign.
import { countryCodeOf, countryPhraseKind, demonymOf } from "./countries";
import { KNOWN_OUTLETS, ORG_WORDS } from "./lexicon";
import { isGivenName } from "./given-names";
import { officeHolderCountry } from "./office-holders";
import { isUsState } from "./places";
import type { MentionIndex, SpeakerRegistry, TMention, TSpeakerProfile } from "./speakers";
import type { TSpan, TSpeakerKind } from "./types";

export interface TBody {
  name: string;
  kind: TSpeakerKind;
  country: string | null;
  /** Who spoke for the body, kept visible: "spokesman Geng Shuang". */
  role?: string | null;
}

// "Pentagon spokesman Navy Capt. Jeff Davis": a service and a rank may stand between the title and the name.
const RANK = "(?:\\s+(?:Army|Navy|Air Force|Marine|Marine Corps|Coast Guard))?(?:\\s+(?:Lt|Capt|Col|Gen|Maj|Cmdr|Adm|Sgt)\\.){1,2}";
const SPOKES_TITLE = "(?:[Ss]pokes(?:man|woman|person)|[Pp]ress [Ss]ecretary|[Cc]ommunications [Dd]irector)";
const SPOKESPERSON = `${SPOKES_TITLE}(?:${RANK})?`;
// "White House press secretary", "Cruz spokesman", "Ms. Merkel's spokesman," right before the name.
const OWNER_BEFORE = new RegExp(
  `((?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,3}\\p{Lu}[\\p{L}.’'-]*?)(?:['’]s)?\\s+(?:(?:[Cc]hief|[Dd]eputy|[Ss]enior|[Cc]ampaign|[Nn]ational|[Tt]op|[Oo]fficial|[Ll]ongtime)\\s+)*${SPOKESPERSON}\\s*,?\\s*$`,
  "u",
);
// "…, a spokesman for World Relief," right after the name.
const OWNER_AFTER = new RegExp(
  `^,\\s+(?:(?:a|an|the)\\s+)?(?:[a-z]+\\s+)?${SPOKESPERSON}\\s+(?:for|of|to)\\s+(?:the\\s+)?(?:(?:Mr|Mrs|Ms|Dr)\\.?\\s+)?(\\p{Lu}[^,.;:“”"]{1,60}?)\\s*(?=[,.;:]|$)`,
  "u",
);
// "Chinese foreign ministry spokesperson", "Qatar's foreign ministry spokesman", "EU trade spokesperson":
// a body written in lowercase (or a bloc's acronym and its brief) right before the title.
const LOWER_BODY_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(\\p{Lu}[\\p{L}.’'-]*?)(?:['’]s)?\\s+((?:[a-z]+\\s+)?(?:ministry|embassy|consulate|department|office|police|army|military|government|commission))\\s+(?:(?:chief|deputy|senior|official|top)\\s+)?${SPOKESPERSON}\\s*,?\\s*$`,
  "u",
);
const BLOC_BEFORE = new RegExp(`(?:^|[^\\p{L}])(EU|UN|NATO|U\\.N\\.|ASEAN|WHO|IMF)\\s+(?:[a-z]+\\s+)?${SPOKESPERSON}\\s*,?\\s*$`, "u");
const SPOKES_WORD = new RegExp(SPOKES_TITLE, "u");
const HEAD_OF_GOVERNMENT = /\b(?:President|Prime Minister|Chancellor|Premier|PM)\b/i;
const BODY_NAME = /^(?:White House|Pentagon|Kremlin|State Department|Downing Street|Elysee|Élysée)$/;

/**
 * The body each spokesperson in the text speaks for, by the spokesperson's canonical name. `campaigns`
 * says whether a politician's spokesperson speaks for a campaign (a story on an election) or nobody known.
 */
export function spokespersonBodies(text: string, index: MentionIndex, registry: SpeakerRegistry, campaigns: boolean): Map<string, TBody> {
  const bodies = new Map<string, TBody>();
  for (const m of index.mentions) {
    if (!m.name || m.kind !== "person" || m.possessive) continue;
    const name = registry.canonical(m.name);
    if (bodies.has(name)) continue;
    const after = OWNER_AFTER.exec(text.slice(m.end, m.end + 120));
    const named = after?.[1]?.replace(/\s+(?:in|at|on)\s+\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)?$/u, "");
    // "spokesman for World Relief" names a body; "spokesman for Mrs. Clinton" a person whose body it is.
    const namedPerson = named !== undefined && namesPerson(text, m.end, named, registry);
    // A body's spokesperson ("Kremlin spokesman Dmitry Peskov", "Liu Pengyu, a spokesperson for the
    // Chinese embassy") speaks for the body; a person's spokesperson for that person's government or campaign.
    const body = named
      ? namedPerson
        ? bodyOf(named, registry, campaigns)
        : namedBody(named)
      : lowerBodyBefore(text, m, registry) ?? ownerBodyBefore(text, m, registry, campaigns) ?? ownerInAppositive(text, m, registry, campaigns);
    if (!body) continue;
    body.country ??= registry.profile(name)?.country ?? null;
    const title = SPOKES_WORD.exec(after?.[0] ?? text.slice(Math.max(0, m.start - 60), m.end))?.[0].toLowerCase() ?? "spokesperson";
    body.role = `${title} ${name}`;
    bodies.set(name, body);
  }
  for (const [phrase, body] of unnamedSpokespersonBodies(text, registry, campaigns)) bodies.set(phrase, body);
  const board = editorialBoardBody(text, index);
  if (board) bodies.set("editorial board", board);
  for (const [name, body] of governmentsByMetonym(text, index)) if (!bodies.has(name)) bodies.set(name, body);
  return bodies;
}

// "the Wall Street Journal editorial board", "The pro-Christie Union Leader, New Hampshire's largest newspaper".
const BOARD_AFTER = /^\s+editorial\s+board\b/;
const NEWSPAPER_NEAR = /^[^.;“”"]{0,80}?\b(?:newspaper|paper|editorials?)\b/;

/**
 * The publication whose "editorial board" speaks: the one the text names with its board ("the Wall
 * Street Journal editorial board" keeps that name), else the last outlet or newspaper it names.
 */
function editorialBoardBody(text: string, index: MentionIndex): TBody | null {
  const at = text.search(/\beditorial\s+board\b/);
  if (at === -1) return null;
  let paper: string | null = null;
  for (const m of index.mentions) {
    // "Union Leader" reads as a title with no name: the words as written are the paper's name.
    const name = m.name ?? text.slice(m.start, m.end);
    if (m.possessive || m.place || countryCodeOf(name) || isUsState(name)) continue;
    if (BOARD_AFTER.test(text.slice(m.end, m.end + 24))) return { name: `${name} editorial board`, kind: "outlet", country: null };
    if (m.start < at && (KNOWN_OUTLETS.has(name) || NEWSPAPER_NEAR.test(text.slice(m.end, m.end + 100)))) paper = name;
  }
  return paper ? { name: paper, kind: "outlet", country: null } : null;
}

// Seats that name a body of their own, kept as the speaker: "the Kremlin said", "the Pentagon said".
const SEATS = new Set(["Washington", "White House", "Pentagon", "Kremlin", "Downing Street", "Whitehall", "Élysée", "Elysee", "Zhongnanhai"]);

/**
 * A government the story names by its capital ("Riyadh has denied any role") or as "the Saudis"
 * (a plural people that the text always writes with "the"): that government speaks.
 */
function governmentsByMetonym(text: string, index: MentionIndex): Map<string, TBody> {
  const found = new Map<string, TBody>();
  const bare = new Set<string>();
  for (const m of index.mentions) {
    if (!m.name || m.possessive) continue;
    const kind = countryPhraseKind(m.name);
    const code = countryCodeOf(m.name);
    if (!code || (kind !== "capital" && kind !== "demonym") || SEATS.has(m.name)) continue;
    if (kind === "demonym") {
      if (!/s$/.test(m.name)) continue;
      if (!/\b[Tt]he\s+$/.test(text.slice(Math.max(0, m.start - 5), m.start))) {
        // A headline drops its articles ("Saudis insist they're allies"): only prose says the people.
        // "19 hijackers were Saudis" is the people as a predicate or object; only a bare subject says
        // the story uses the word for the people ("Palestinians say …").
        const predicate = /\b(?:is|are|was|were|be|been|as|of|by|for|with|against|among|to|and|or|many|most|some|all|other|fellow)\s+$/i.test(
          text.slice(Math.max(0, m.start - 12), m.start),
        );
        if (!inHeadline(text, m.start) && !predicate) bare.add(m.name);
        continue;
      }
    }
    // "the Saudis" is the Saudi government, in the story's own word for the people.
    const body = kind === "demonym" ? { name: `${m.name.slice(0, -1)} government`, kind: "organization" as const, country: code } : governmentOf(code);
    if (body) found.set(m.name, body);
  }
  for (const name of bare) found.delete(name);
  // One government under one name: "Riyadh" and "the Saudis" in one story are both the Saudi government.
  const byCountry = new Map<string, TBody>();
  for (const [name, body] of found) if (body.country && countryPhraseKind(name) === "demonym") byCountry.set(body.country, body);
  for (const [name, body] of found) {
    const same = body.country ? byCountry.get(body.country) : undefined;
    if (same) found.set(name, same);
  }
  return found;
}

/** Whether a position is on a headline: the text's first line, or a short line that ends without a full stop. */
function inHeadline(text: string, at: number): boolean {
  const start = text.lastIndexOf("\n", at) + 1;
  const end = text.indexOf("\n", at);
  const line = text.slice(start, end === -1 ? text.length : end).trim();
  const short = line.split(/\s+/).length <= 20;
  return short && (text.slice(0, start).trim() === "" || !/[.!?"”’']$/.test(line));
}

// "Cameron’s spokesman said", "the prime minister’s spokeswoman said": a spokesperson the story never names.
const UNNAMED_SPOKESPERSON = /(?<![\p{L}])(?:(?:the|The)\s+)?((?:\p{Lu}[\p{L}-]*[ \u00a0]){0,2}\p{Lu}[\p{L}-]*|(?:[a-z]+[ \u00a0]){0,2}[a-z]+)['’]s\s+((?:(?:chief|deputy|senior|official|campaign)\s+)?(?:spokes(?:man|woman|person)|press secretary))\b/gu;

/** How an unnamed spokesperson is looked up: "the prime minister’s spokesman" → "prime minister’s spokesman". */
function descriptorKey(phrase: string): string {
  return phrase.replace(/^the\s+/i, "").replace(/'/g, "’").toLowerCase();
}

// Where each title names the head of government or state (general knowledge; a few countries only).
const HEAD_TITLE_COUNTRIES: [RegExp, ReadonlySet<string>][] = [
  [/\b(?:prime minister|premier)$/i, new Set(["GB", "IT", "JP", "IN", "CA", "AU", "IL", "HU"])],
  [/\bchancellor$/i, new Set(["DE"])],
  [/\bpresident$/i, new Set(["US", "FR", "RU", "BR", "MX", "KR", "UA", "TR", "IR", "VE", "PH", "EG", "SY"])],
];

/**
 * "the prime minister" when the story never gave anyone that title: the one head of government it
 * names whose country has a prime minister (not the US), or the one head of state for "the president".
 */
function headByTitle(title: string, registry: SpeakerRegistry): TSpeakerProfile | null {
  const countries = HEAD_TITLE_COUNTRIES.find(([re]) => re.test(title))?.[1];
  if (!countries) return null;
  const heads = registry.people().filter((p) => countries.has(officeHolderCountry(p.name, p.role) ?? ""));
  return heads.length === 1 ? (heads[0] ?? null) : null;
}

/**
 * The body each unnamed spokesperson of a person speaks for, keyed by the phrase ("cameron’s spokesman").
 * When every one of them speaks for the same body, a bare "the spokesman" does too.
 */
function unnamedSpokespersonBodies(text: string, registry: SpeakerRegistry, campaigns: boolean): Map<string, TBody> {
  const found = new Map<string, TBody>();
  for (const m of text.matchAll(UNNAMED_SPOKESPERSON)) {
    const owner = m[1] ?? "";
    // "Cameron" is a name the registry knows; "the prime minister" a title it gave someone.
    const person = /^\p{Lu}/u.test(owner) ? registry.profile(owner) : (registry.byRole(owner, []) ?? headByTitle(owner, registry));
    if (!person || person.kind !== "person") continue;
    const body = bodyOf(person.name, registry, campaigns);
    if (!body) continue;
    body.country ??= person.country;
    found.set(descriptorKey(`${owner}’s ${m[2] ?? ""}`), body);
  }
  const distinct = new Set([...found.values()].map((b) => b.name));
  const only = found.values().next().value;
  if (distinct.size === 1 && only) {
    for (const noun of ["spokesman", "spokeswoman", "spokesperson"]) found.set(noun, only);
    registry.setSpokespersonBody(only.name, only.kind, only.country);
  }
  return found;
}

/** The words of the name's own clause before it, inside its capitalized group or in lowercase before it. */
function textBefore(text: string, m: TMention): string {
  const nameAt = m.name ? text.lastIndexOf(m.name, m.end) : -1;
  const end = nameAt >= m.start ? nameAt : m.start;
  // A rank's or an honorific's dot ("Navy Capt. Jeff Davis") does not end the clause.
  return text.slice(Math.max(0, end - 80), end).split(/(?<!\b(?:Lt|Capt|Col|Gen|Maj|Cmdr|Adm|Sgt|Mr|Mrs|Ms|Dr|Sen|Rep|Gov))[.;:!?]\s|\n/).pop() ?? "";
}

/** The owner written before the name: "White House press secretary", "Cruz spokesman", "Ms. Merkel's spokesman". */
function ownerBodyBefore(text: string, m: TMention, registry: SpeakerRegistry, campaigns: boolean): TBody | null {
  const owner = OWNER_BEFORE.exec(textBefore(text, m))?.[1]?.replace(/^(?:The|A|An|Mr\.?|Mrs\.?|Ms\.?)\s+/, "");
  if (!owner) return null;
  // "super PAC spokeswoman Kellyanne Conway": the super PAC the story named ("Keep Faith, a super PAC …").
  if (/^PAC$/.test(owner)) return namedSuperPac(text);
  return ownerBody(owner, registry, campaigns);
}

/** The body an owner written with the title stands for: itself when it is a body ("White House"), else the owner's government or campaign. */
function ownerBody(owner: string, registry: SpeakerRegistry, campaigns: boolean): TBody | null {
  if (ownsAsBody(owner)) return bodyOf(owner, registry, campaigns) ?? (countryCodeOf(owner) ? null : { name: owner, kind: "organization", country: null });
  return bodyOf(owner, registry, campaigns);
}

// "Josh Earnest, the White House press secretary,", "Nick Merrill, a Clinton campaign spokesman", "Jane Roe,
// the Clinton campaign’s communications director,": the owner inside the appositive.
const OWNER_IN_APPOSITIVE = new RegExp(
  `^,\\s+(?:a|an|the)\\s+((?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,3}\\p{Lu}[\\p{L}.’'-]*?)(?:\\s+campaign(?=['’]s))?(?:['’]s)?\\s+(?:(?:chief|deputy|senior|campaign|national|top|official|longtime|principal)\\s+)*${SPOKESPERSON}\\b`,
  "u",
);

/** The owner an appositive right after the name gives before the title: "…, the White House press secretary". */
function ownerInAppositive(text: string, m: TMention, registry: SpeakerRegistry, campaigns: boolean): TBody | null {
  const owner = OWNER_IN_APPOSITIVE.exec(text.slice(m.end, m.end + 120))?.[1]?.replace(/^(?:Mr\.?|Mrs\.?|Ms\.?)\s+/, "");
  return owner ? ownerBody(owner, registry, campaigns) : null;
}

/** The one super PAC a story names with an appositive ("Keep Faith, the largest of three super PACs"). */
function namedSuperPac(text: string): TBody | null {
  const names = new Set<string>();
  for (const m of text.matchAll(/(\p{Lu}[\p{L}'’-]*(?:\s+(?:the|of|for|and|\p{Lu}[\p{L}'’-]*))*),\s+(?:(?:a|an|the)\s+)?[^,.;]{0,60}?\bsuper PACs?\b/gu)) {
    if (m[1]) names.add(m[1]);
  }
  const only = names.size === 1 ? [...names][0] : undefined;
  return only ? { name: only, kind: "organization", country: null } : null;
}

/**
 * A body in lowercase before the title: "Chinese foreign ministry spokesperson" is the Chinese Foreign
 * Ministry, "Foreign ministry spokeswoman" the foreign ministry of the spokesperson's country, "EU trade
 * spokesperson" the EU.
 */
function lowerBodyBefore(text: string, m: TMention, registry: SpeakerRegistry): TBody | null {
  const before = textBefore(text, m);
  const bloc = BLOC_BEFORE.exec(before)?.[1];
  if (bloc) return { name: bloc, kind: "organization", country: null };
  const found = LOWER_BODY_BEFORE.exec(before);
  if (!found?.[1] || !found[2]) return bodyNamedEarlier(text, before, m.start);
  const body = found[2].replace(/\p{L}+/gu, (w) => `${w[0]?.toUpperCase() ?? ""}${w.slice(1)}`);
  const code = countryCodeOf(found[1]);
  const demonym = code ? demonymOf(code) : null;
  if (code && demonym) return { name: `${demonym} ${body}`, kind: "organization", country: code };
  // "Foreign ministry spokeswoman Maria Zakharova": the ministry of the country the text gives her.
  if (!/^\p{Lu}\p{Ll}+$/u.test(found[1]) || ORG_WORDS.test(found[1])) return null;
  const country = registry.profile(m.name ?? "")?.country ?? null;
  // "Russia's Foreign Ministry warned … Foreign ministry spokeswoman Maria Zakharova": the body named before.
  const known = registry.profile(`${found[1]} ${body}`);
  if (known?.kind === "organization" && (country === null || known.country === country)) return { name: known.name, kind: "organization", country: known.country };
  const countryDemonym = country ? demonymOf(country) : null;
  return { name: countryDemonym ? `${countryDemonym} ${found[1]} ${body}` : `${found[1]} ${body}`, kind: "organization", country };
}

// "… ministry spokesman Gunnar Olafsson said": a body word with no owner before the title.
const BARE_BODY_BEFORE = new RegExp(`(?:^|[^\\p{L}’'\\s])\\s*((?:ministry|embassy|consulate|department))\\s+${SPOKESPERSON}\\s*,?\\s*$`, "u");

/**
 * "Iceland's foreign ministry criticized the move. … ministry spokesman Gunnar Olafsson said": a
 * spokesperson of a body the text named earlier with its country speaks for that body.
 */
function bodyNamedEarlier(text: string, before: string, at: number): TBody | null {
  const word = BARE_BODY_BEFORE.exec(before)?.[1];
  if (!word) return null;
  const earlier = new RegExp(`(?:^|[^\\p{L}])(\\p{Lu}[\\p{L}.’'-]*?)(?:['’]s)?\\s+((?:[a-z]+\\s+)?${word})\\b`, "gu");
  let body: TBody | null = null;
  for (const found of text.slice(0, at).matchAll(earlier)) {
    const code = found[1] ? countryCodeOf(found[1]) : null;
    // Named as the text names it when it is the subject ("Iceland's Foreign Ministry").
    const phrase = found[0].replace(/^[^\p{L}]+/u, "").replace(/(^|\s)(\p{Ll})/gu, (_, sep: string, c: string) => `${sep}${c.toUpperCase()}`);
    if (code) body = { name: phrase, kind: "organization", country: code };
  }
  return body;
}

/** "a spokesman for World Relief", "a spokesperson for the Chinese embassy": the body as the text names it. */
function namedBody(named: string): TBody {
  const national = /^(\p{Lu}[\p{L}]+)\s+(\p{L}.*)$/u.exec(named);
  const code = national?.[1] ? countryCodeOf(national[1]) : null;
  if (national?.[2] && code && countryPhraseKind(national[1] ?? "") === "demonym") {
    const body = national[2].replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => `${s}${c.toUpperCase()}`);
    return { name: `${national[1]} ${body}`, kind: "organization", country: code };
  }
  return { name: named, kind: "organization", country: countryCodeOf(named) };
}

/** "for Mrs. Clinton", "for Senator Ames": an honorific, a title or a known given name makes the owner a person. */
function namesPerson(text: string, from: number, owner: string, registry: SpeakerRegistry): boolean {
  const profile = registry.profile(owner);
  if (profile?.kind !== "person") return false;
  if (/\b(?:Mr|Mrs|Ms|Dr)\.?\s+$/.test(text.slice(from, text.indexOf(owner, from)))) return true;
  return profile.role !== null || isGivenName(profile.name.split(" ")[0] ?? "");
}

/** An owner that is itself a body or a country ("White House", "China's Foreign Ministry", "Britain"). */
function ownsAsBody(owner: string): boolean {
  return BODY_NAME.test(owner) || ORG_WORDS.test(owner) || countryCodeOf(owner) !== null || /['’]s\s/.test(owner);
}

function bodyOf(owner: string, registry: SpeakerRegistry, campaigns: boolean): TBody | null {
  if (!owner) return null;
  // "China's Foreign Ministry" is the Chinese Foreign Ministry.
  const national = /^(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s+(.+)$/u.exec(owner);
  const nationalCode = national?.[1] ? countryCodeOf(national[1]) : null;
  const demonym = nationalCode ? demonymOf(nationalCode) : null;
  if (national?.[2] && nationalCode && demonym && ORG_WORDS.test(national[2])) return { name: `${demonym} ${national[2]}`, kind: "organization", country: nationalCode };
  const country = countryCodeOf(owner);
  if (BODY_NAME.test(owner) || ORG_WORDS.test(owner)) return { name: owner, kind: "organization", country: owner === "White House" || owner === "Pentagon" ? "US" : country };
  if (country) return governmentOf(country);
  const profile = registry.profile(owner);
  // "State spokesman Mark Toner" after "the State Department": a body the story already named.
  if (profile && profile.kind === "organization" && profile.name !== owner) return { name: profile.name, kind: "organization", country: profile.country };
  if (!profile || profile.kind !== "person") return null;
  // The title the text gives decides; in an election story a past or future office holder speaks through a campaign.
  const holder = officeHolderCountry(profile.name, profile.role);
  const titled = HEAD_OF_GOVERNMENT.test(profile.role ?? "") ? (profile.country ?? holder) : null;
  // A US election story makes an American politician's spokesperson a campaign's, not a foreign leader's.
  const headCountry = titled ?? (campaigns && holder === "US" ? null : holder);
  if (headCountry) return governmentOf(headCountry);
  if (!campaigns) return null;
  const surname = profile.name.split(" ").pop() ?? profile.name;
  return { name: `${surname} campaign`, kind: "organization", country: profile.country };
}

function governmentOf(code: string): TBody | null {
  if (code === "US") return { name: "White House", kind: "organization", country: "US" };
  const demonym = demonymOf(code);
  return demonym ? { name: `${demonym} government`, kind: "organization", country: code } : null;
}

// "The Cruz campaign sent a fundraising email Wednesday", "Hillary Clinton's campaign": a phrase that a
// campaign heads, however much of its clause came with it.
const CAMPAIGN_PHRASE = /^(?:(?:the|The)\s+)?((?:\p{Lu}[\p{L}-]+\s+)?\p{Lu}[\p{L}-]+)(?:['’]s)?\s+(?:presidential\s+)?campaign(?:\s|$)/u;

/** The campaign a described speaker names ("Cruz campaign"), under the candidate's surname. */
function campaignOf(name: string, registry: SpeakerRegistry): TBody | null {
  const owner = CAMPAIGN_PHRASE.exec(name)?.[1];
  if (!owner) return null;
  const person = registry.profile(owner);
  if (person && person.kind !== "person") return null;
  const surname = (person?.name ?? owner).split(" ").pop() ?? owner;
  return { name: `${surname} campaign`, kind: "organization", country: person?.country ?? null };
}

// "the Sanders campaign sent", "Mr. Sanders's campaign vowed": the source names the candidate, then the campaign.
const CAMPAIGN_AFTER = /^(?:['’]s?)?\s+(?:presidential\s+)?campaign\b/;

/** The campaign a statement's source names: the candidate's name followed by "campaign". */
function campaignAtSource(text: string, source: TSpan | null, registry: SpeakerRegistry): TBody | null {
  if (!source) return null;
  const phrase = text.slice(source.start, source.end);
  if (/\scampaign$/.test(phrase)) return campaignOf(phrase.replace(/^(?:Mr|Mrs|Ms|Sen|Gov)\.\s+/, ""), registry);
  const after = CAMPAIGN_AFTER.exec(text.slice(source.end, source.end + 30));
  if (!after || !/^\p{Lu}/u.test(phrase)) return null;
  return campaignOf(`${phrase.replace(/^(?:Mr|Mrs|Ms|Sen|Gov)\.\s+/, "")}${after[0]}`, registry);
}

// "Clinton press secretary Brian Fallon said", "One Clinton spokesman has called": a source that only
// owns the spokesperson who spoke.
const SPOKESPERSON_AFTER = new RegExp(`^(?:['’]s)?\\s+(?:(?:chief|deputy|senior|campaign|national|top|official|longtime)\\s+)*${SPOKESPERSON}\\b`, "u");

/** The body a spokesperson speaks for when the statement's source is the spokesperson's owner, not the spokesperson. */
function ownerOfSpokespersonAtSource(text: string, source: TSpan | null, registry: SpeakerRegistry, campaigns: boolean): TBody | null {
  if (!source || !SPOKESPERSON_AFTER.test(text.slice(source.end, source.end + 60))) return null;
  const owner = text.slice(source.start, source.end).replace(/^(?:(?:[Oo]ne|[Aa]n?|[Tt]he)\s+)?(?:(?:Mr|Mrs|Ms|Sen|Gov)\.\s+)?/, "");
  if (!/^\p{Lu}/u.test(owner)) return null;
  return bodyOf(owner, registry, campaigns);
}

/** Gives each statement by a spokesperson to the body they speak for; the body becomes a known speaker. */
export function attributeToBodies(
  text: string,
  statements: { speaker: { name: string; kind: TSpeakerKind } | null; source: TSpan | null }[],
  bodies: ReadonlyMap<string, TBody>,
  registry: SpeakerRegistry,
  /** An election story: candidates speak through their campaigns. */
  campaigns: boolean,
): void {
  for (const st of statements) {
    const body = st.speaker
      ? (bodies.get(st.speaker.name) ?? bodies.get(descriptorKey(st.speaker.name)) ?? campaignOf(st.speaker.name, registry) ?? campaignAtSource(text, st.source, registry)
        ?? ownerOfSpokespersonAtSource(text, st.source, registry, campaigns))
      : undefined;
    if (!body) continue;
    registry.ensure(body.name, body.kind, body.country);
    if (body.role) registry.enrich(body.name, body.role, null);
    st.speaker = { name: body.name, kind: body.kind };
  }
}
