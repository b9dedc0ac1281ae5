// The country a document is about, for speakers whose role is domestic and whose country the text
// never states: most people quoted in a story on a US primary are American though no sentence says so.
// Signals are the countries the text names and the vocabulary of one country's politics (US parties,
// Congress, the White House, state names); one country must carry most of them.
import { countryCodeOf, countryPhraseKind, findCountryMentions } from "./countries";
import { officeHolderCountry } from "./office-holders";
import { isUsState } from "./places";
import type { TSpan, TSpeaker } from "./types";

// Words that only American politics uses: parties, Congress, offices, the campaign calendar.
const US_POLITICS =
  /\b(?:Republicans?|Democrats?|Democratic|GOP|Congress(?:ional)?|Senate|Sen\.|Rep\.|Gov\.|White House|Capitol Hill|Oval Office|Pentagon|Supreme Court|caucus(?:es)?|primar(?:y|ies)|presidential (?:candidate|nominee|race|campaign|debate)|super PAC|Obamacare|Medicaid|Medicare)\b/g;
const STATE_CANDIDATE = /\b(?:New |North |South |West |Rhode )?[A-Z][a-z]+\b/g;

const MIN_SIGNALS = 3;
const MIN_SHARE = 0.5;

// A speaker whose country the text gives is a strong sign of whose politics the story covers; a
// seat of government ("the Kremlin", "Washington") more than a country named as a topic.
const SPEAKER_WEIGHT = 3;
const CAPITAL_WEIGHT = 2;

/** The country most of the document's signals point to, or null when none clearly leads. */
export function dominantCountry(text: string, span: TSpan, speakerCountries: readonly (string | null)[] = []): string | null {
  const votes = new Map<string, number>();
  // Countries only named as a topic cannot make the speakers theirs: the leader needs domestic evidence.
  const domestic = new Set<string>();
  const vote = (code: string, weight: number, isDomestic: boolean): void => {
    votes.set(code, (votes.get(code) ?? 0) + weight);
    if (isDomestic) domestic.add(code);
  };
  for (const code of speakerCountries) if (code) vote(code, SPEAKER_WEIGHT, true);
  for (const hit of findCountryMentions(text, span.start, span.end)) {
    if (hit.kind === "capital") vote(hit.code, CAPITAL_WEIGHT, true);
    else vote(hit.code, 1, false);
  }
  const body = text.slice(span.start, span.end);
  const politics = body.match(US_POLITICS)?.length ?? 0;
  if (politics > 0) vote("US", politics, true);
  for (const m of body.matchAll(STATE_CANDIDATE)) if (isUsState(m[0]) && m[0] !== "Georgia") vote("US", 1, true);
  let best: string | null = null;
  let bestVotes = 0;
  let total = 0;
  for (const [code, n] of votes) {
    total += n;
    if (n > bestVotes) {
      best = code;
      bestVotes = n;
    }
  }
  return best && domestic.has(best) && bestVotes >= MIN_SIGNALS && bestVotes / total >= MIN_SHARE ? best : null;
}

// Bodies that belong to no one state: they never take the document's country, nor do their officials.
const INTERNATIONAL =
  /\b(?:United Nations|U\.N\.|UN|EU|E\.U\.|IAEA|IMF|WHO|OPEC|NATO|Interpol|Red Cross|Amnesty International|Human Rights Watch|WikiLeaks|European (?:Union|Commission|Council|Parliament|Central Bank)|(?:World|International|Global)\s+(?:\p{Lu}[\p{L}-]+\s+){0,3}(?:Organi[sz]ation|Bank|Fund|Agency|Court|Forum|Council|Committee|Federation|Union|Alliance|Program(?:me)?))\b/u;

/** "EU trade spokesperson Olof Gill", "Grossi, director general of the International Atomic Energy Agency": an international official. */
function introducedByInternationalBody(text: string, sp: TSpeaker): boolean {
  return sp.mentions.slice(0, 3).some((m) => {
    const before = text.slice(Math.max(0, m.start - 60), m.start).split(/[.!?]\s/).pop() ?? "";
    const after = text.slice(m.end, m.end + 120).split(/[.!?](?:\s|$)/)[0] ?? "";
    return INTERNATIONAL.test(before) || (/^,/.test(after) && INTERNATIONAL.test(after));
  });
}

/** "Chinese military commentators", "some German officials": a described group's people is its country. */
function describedCountry(name: string): string | null {
  if (!/(?:^|\s)\p{Ll}{3,}/u.test(name)) return null;
  for (const word of name.split(/\s+/)) {
    if (/^\p{Lu}/u.test(word) && countryPhraseKind(word) === "demonym") return countryCodeOf(word);
  }
  return null;
}

// Seats of government a description may name ("a State Department spokesman", "Kremlin officials").
const SEAT_COUNTRY: Record<string, string> = {
  "White House": "US", Pentagon: "US", "State Department": "US", Kremlin: "RU", "Downing Street": "GB", Élysée: "FR", Elysee: "FR",
};
const SEAT = new RegExp(`(?:^|\\s)(${Object.keys(SEAT_COUNTRY).join("|")})(?:\\s|$)`, "u");

/**
 * "Obama administration officials", "a State Department spokesman": the country of the leader whose
 * government they serve, or of the seat of government they speak from.
 */
function governmentCountry(name: string): string | null {
  const seat = SEAT.exec(name)?.[1];
  if (seat) return SEAT_COUNTRY[seat] ?? null;
  const leader = /(?:^|\s)(\p{Lu}\p{Ll}+)\s+(?:administration|government|cabinet)\b/u.exec(name)?.[1];
  return leader ? officeHolderCountry(leader, "President") : null;
}

// Whom an appositive says the person serves: "Uzi Arad, Mr. Netanyahu's former national security adviser",
// "Yaakov Amidror, another former adviser to Mr. Netanyahu".
const LEADER_OWNER = /^(?:(?:Mr|Mrs|Ms|President|Prime Minister|Chancellor)\.?\s+)?(\p{Lu}[\p{L}-]+)['’]s\s/u;
const LEADER_SERVED = /\b(?:adviser|advisor|aide|spokesman|spokeswoman|spokesperson|envoy|chief of staff)\s+(?:to|for)\s+(?:(?:Mr|Mrs|Ms|President|Prime Minister|Chancellor)\.?\s+)?(\p{Lu}[\p{L}-]+)/u;

/**
 * The country an appositive after one of the first mentions ties a person to: a seat of government
 * ("Brian Deese, the White House climate change adviser") or a head of government served ("Mr.
 * Netanyahu's former adviser"). Read before the document's country, which may be another one's.
 */
function appositiveCountry(text: string, sp: TSpeaker): string | null {
  for (const m of sp.mentions.slice(0, 3)) {
    // An honorific's dot ends no appositive ("adviser to Mr. Netanyahu").
    const next = text.slice(m.end, m.end + 110).replace(/\b(Mr|Mrs|Ms|Dr)\./g, "$1 ");
    const after = /^,\s*(?:(?:the|a|an|another|then|now)\s+)?([^,;.“”"]{3,100})/u.exec(next)?.[1];
    if (!after) continue;
    const seat = SEAT.exec(after)?.[1];
    if (seat) return SEAT_COUNTRY[seat] ?? null;
    const leader = LEADER_OWNER.exec(after)?.[1] ?? LEADER_SERVED.exec(after)?.[1];
    const code = leader ? officeHolderCountry(leader, "President") : null;
    if (code) return code;
  }
  return null;
}

/**
 * Countries for the speakers the text leaves without one: a head of state or government's own, then
 * the document's country for people and national bodies (a role the text never ties to another state
 * is taken to be domestic). Outlets, commenters and international bodies keep null.
 */
export function assignSpeakerCountries(speakers: readonly TSpeaker[], text: string, span: TSpan): void {
  for (const sp of speakers) {
    if (sp.kind === "person" && sp.country === null) sp.country = officeHolderCountry(sp.name, sp.role) ?? describedCountry(sp.name) ?? governmentCountry(sp.name) ?? appositiveCountry(text, sp);
  }
  const country = dominantCountry(
    text,
    span,
    speakers.filter((sp) => sp.kind === "person").map((sp) => sp.country),
  );
  if (!country) return;
  for (const sp of speakers) {
    if (sp.country !== null || introducedByInternationalBody(text, sp)) continue;
    if (sp.kind === "person" || (sp.kind === "organization" && !INTERNATIONAL.test(sp.name))) sp.country = country;
  }
}
