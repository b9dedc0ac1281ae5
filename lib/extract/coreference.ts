// Who "he" and "she" are: the person the text last made its subject, not the last capitalized name.
// Candidates come from the pronoun's own sentence (before it) and then the sentences before it, most
// recent first; within a sentence the speaker of a statement ranks first, then its subject (its
// first person named outside a prepositional phrase), then the other people in text order. A
// candidate whose gender is known to differ from the pronoun's is passed over.
import { qualifiedPerson, type SpeakerRegistry, type TMention } from "./speakers";
import { FEMALE, MALE, type TGender } from "./given-names";
import type { TSpan, TSpeakerKind } from "./types";

export interface TPersonRef {
  name: string;
  kind: TSpeakerKind;
}

function genderOfPronoun(pronoun: string): TGender | null {
  const p = pronoun.toLowerCase();
  if (p === "she" || p === "her") return "f";
  if (p === "he" || p === "him" || p === "his") return "m";
  return null;
}

const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/;
const GENDERED_ROLE = /\b(?:spokes|congress|chair|business|anchor)?(woman|man)\b/i;
// Words after which a name is a prepositional object, not the subject: "rebuking Mr. Trump", "a call to Obama".
const OBJECT_BEFORE = /\b(?:by|to|with|for|of|against|about|from|than|like|toward|towards|between|among|over|under|on|in|at|into|via|including|and|or)\s+(?:(?:the|a|an|former|then|now)\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$/i;

interface TCandidate {
  name: string;
  kind: TSpeakerKind;
  at: number;
  /**
   * The person a bare surname that several people of the story share stands for: the one the story
   * introduced first ("Ebeling" is Betsy Ebeling, her husband is "Tom"). A pronoun of the other gender passes over it.
   */
  bearer?: string;
  /** 0: said something in this sentence; 1: its subject; 2: anyone else named in it. */
  rank: number;
  /** Named as a prepositional object ("a call to Obama"). */
  object?: boolean;
}

interface TSentenceEntry {
  span: TSpan;
  /** Where the main clause starts, after a leading subordinate clause ("When Trump …, Kasich differed"). */
  mainFrom: number;
  candidates: TCandidate[];
}

// "he added." / "she said on Tuesday,": a pronoun and a reporting verb that close the reported words.
const INVERTED_TAIL = /^\p{L}+\s+(?:said|says|added|adds|told reporters|noted|argued|insisted|wrote|explained|continued|warned|stressed|contended|acknowledged)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|later|earlier|then))?\s*[.,;:]/u;

// A described group: its last word is a lowercase plural ("sources", "officials", "families", "people").
const DESCRIBED_GROUP = /(?:^|\s)(?:[a-z]+[^s\s]s|people|staff|police)$/;

const CAMPAIGN_AFTER = /^(?:['’]s)?\s+(?:presidential\s+|re-?election\s+)?campaign\b/;
const WORK_AFTER = /^[”"’']?\s+(?:podcast|show|program|programme|column|newsletter|blog|documentary|film|series|book|memoir|broadcast|segment)s?\b/;
/** How many sentences back a pronoun may reach for its antecedent. */
const REACH = 12;
const MAX_CANDIDATES = 12;
const SUBORDINATE_START = /^\s*(?:When|After|While|As|Although|Though|Because|If|Since|Before|Until|Once|Despite|Asked|Speaking|Unlike)\b[^,;:]{0,200},/;
// "Fueled apparently by frustration with Obama, Trump explained": a participle clause opening the sentence.
const PARTICIPLE_START = /^\s*\p{Lu}\p{Ll}{2,}(?:ing|ed)\s+\p{Ll}[^,;:“”"]{0,120},/u;

/** Where a sentence's main clause starts: after a leading subordinate or participle clause, else at its start. */
export function mainClauseStart(text: string, span: TSpan): number {
  const head = text.slice(span.start, Math.min(span.end, span.start + 300));
  const lead = SUBORDINATE_START.exec(head) ?? PARTICIPLE_START.exec(head);
  return lead ? span.start + lead[0].length : span.start;
}

export class Antecedents {
  private readonly sentences: TSentenceEntry[] = [];
  private readonly genders = new Map<string, TGender>();
  /** The person the text last had speak: a story's protagonist stays "he" through sentences that name nobody. */
  private lastSpeaker: TPersonRef | null = null;

  constructor(
    private readonly text: string,
    private readonly registry: SpeakerRegistry,
  ) {}

  /** The people a sentence names (mentions outside quotes, in text order). Call once per sentence, in order. */
  noteSentence(span: TSpan, mentions: readonly TMention[]): void {
    const candidates: TCandidate[] = [];
    // "When Trump was asked …, Kasich differed": the subject of the main clause comes after the comma.
    const mainFrom = mainClauseStart(this.text, span);
    let subjectTaken = false;
    mentions.forEach((m, k) => {
      if (!m.name || m.place) return;
      const name = this.registry.canonical(m.name);
      const profile = this.registry.profile(name);
      if ((profile?.kind ?? m.kind) !== "person") return;
      this.learnGender(name, m);
      // Only a full name or a titled one is a safe antecedent ("Public opinion" is not), or a surname
      // that several people of the story bear ("Ebeling" after "Betsy Ebeling" and "Tom Ebeling").
      const honorific = HONORIFIC_BEFORE.test(this.text.slice(Math.max(0, m.start - 6), m.start));
      const bearers = name.includes(" ") || m.role !== null || profile?.role != null || honorific ? [] : this.registry.bearersOf(name);
      if (!name.includes(" ") && m.role === null && profile?.role == null && !honorific && bearers.length < 2) return;
      // "Cruz spokesman Rick Tyler", "San Diego chapter president Luis Osuna": the first name only qualifies the second.
      if (qualifiedPerson(this.text, mentions[k + 1], m) !== m) return;
      // "The Cruz campaign picked up on a tweet": the campaign acts, its candidate is no antecedent of "he".
      if (CAMPAIGN_AFTER.test(this.text.slice(m.end, m.end + 30))) return;
      // "POLITICO's Off Message podcast", "the Morning Joe show": the title of a work, not a person.
      if (WORK_AFTER.test(this.text.slice(m.end, m.end + 30))) return;
      const before = this.text.slice(Math.max(span.start, m.start - 24), m.start);
      const object = OBJECT_BEFORE.test(before);
      // "Trump's attempt … did not last": an owner leads a sentence; "a speech in Rand's book" does not.
      if (m.possessive && object) return;
      const subject = !subjectTaken && !m.possessive && m.start >= mainFrom && !object;
      if (subject) subjectTaken = true;
      // A sentence naming dozens of people (a list, a paste) keeps only its first few as antecedents.
      if (candidates.length < MAX_CANDIDATES) candidates.push({ name, kind: "person", at: m.start, rank: subject ? 1 : 2, ...(object ? { object } : {}), ...(bearers.length > 1 ? { bearer: bearers[0] } : {}) });
    });
    for (const t of this.titledPeople(span)) {
      // "Asked later, the admiral chuckled.": a title the story gave one person names that person.
      if (candidates.some((c) => c.name === t.name) || candidates.length >= MAX_CANDIDATES) continue;
      const firstPerson = !candidates.some((c) => c.at < t.at);
      const subject = !subjectTaken && firstPerson && t.at >= mainFrom && !t.possessive && !OBJECT_BEFORE.test(this.text.slice(Math.max(span.start, t.at - 24), t.at));
      if (subject) subjectTaken = true;
      candidates.push({ name: t.name, kind: "person", at: t.at, rank: subject ? 1 : 2 });
    }
    candidates.sort((a, b) => a.at - b.at);
    if (!subjectTaken) {
      // No subject after the subordinate clause: the first person named at all leads the sentence.
      // "He lends his thoughts to Mr. Trump, whom Mr. Hannity has known": a prepositional object leads no sentence.
      const lead = (c: TCandidate): boolean => c.rank === 2 && !mentions.find((m) => m.start === c.at)?.possessive;
      const first = candidates.find((c) => lead(c) && !c.object) ?? candidates.find(lead);
      if (first) first.rank = 1;
    }
    this.sentences.push({ span, mainFrom, candidates });
    if (this.sentences.length > REACH * 4) this.sentences.splice(0, this.sentences.length - REACH);
  }

  /** People a sentence calls by a title only ("the admiral", "the senator"), outside its quotes. */
  private titledPeople(span: TSpan): { name: string; at: number; possessive: boolean }[] {
    const out: { name: string; at: number; possessive: boolean }[] = [];
    const sentence = this.text.slice(span.start, span.end);
    for (const m of sentence.matchAll(TITLE_PHRASE)) {
      const at = span.start + (m.index ?? 0);
      const before = sentence.slice(0, m.index ?? 0);
      // Inside a quote when an odd number of quote marks stands before it.
      if ((before.match(/[“”"]|''/g)?.length ?? 0) % 2 === 1) continue;
      const profile = this.registry.byRole(m[1] ?? "", []);
      if (profile?.kind === "person") out.push({ name: profile.name, at, possessive: !!m[2] });
    }
    return out;
  }

  /** A statement's speaker is the most salient person of its sentence. */
  noteSpeaker(ref: TPersonRef, sentence: TSpan, at: number): void {
    // "Democratic sources", "some cybersecurity experts": a group is "they", never "he" or "she".
    // Two people speaking together ("Trump and Cruz said") are "they" too.
    if (ref.kind !== "person" || DESCRIBED_GROUP.test(ref.name) || / and /.test(ref.name)) return;
    const entry = this.sentences.find((s) => s.span.start === sentence.start) ?? this.sentences[this.sentences.length - 1];
    // Words reported inside a leading subordinate clause ("When Trump defended calling it ''strong'', Kasich
    // differed") do not make their speaker the sentence's protagonist.
    const subordinate = entry !== undefined && at < entry.mainFrom;
    if (entry && !subordinate && entry.candidates.length < MAX_CANDIDATES * 2 && !entry.candidates.some((c) => c.rank === 0 && c.name === ref.name)) {
      entry.candidates.push({ name: ref.name, kind: ref.kind, at, rank: 0 });
    }
    this.lastSpeaker = ref;
  }

  /** The person "he"/"she" at `at` most likely refers to, or null. */
  person(pronoun: string, at: number): TPersonRef | null {
    const gender = genderOfPronoun(pronoun);
    // "Trump fits that bill for many people, he added.": the people named in the words reported
    // before an inverted "he said" are what the speaker talks about, not the speaker.
    const inverted = pronoun !== "" && /,\s*$/.test(this.text.slice(Math.max(0, at - 3), at)) && INVERTED_TAIL.test(this.text.slice(at, at + 60));
    // "Asked by Starnes if he believed it, Carson said …": a pronoun in a leading subordinate clause
    // points ahead to the main clause's subject.
    const own = this.sentences.find((e) => e.span.start <= at && at < e.span.end);
    if (own && at < own.mainFrom && pronoun !== "") {
      const main = own.candidates.find((c) => c.rank === 1 && c.at >= own.mainFrom);
      const known = main ? (this.genders.get(main.name) ?? this.genderOfName(main.name)) : null;
      if (main && !(gender && known && known !== gender)) return { name: main.name, kind: main.kind };
    }
    let seen = 0;
    for (let k = this.sentences.length - 1; k >= 0 && seen < REACH; k -= 1) {
      const entry = this.sentences[k];
      if (!entry || entry.span.start > at) continue;
      seen += 1;
      const sameSentence = at < entry.span.end;
      const ranked = entry.candidates
        .filter((c) => !sameSentence || (c.at < at && !inverted))
        .sort((a, b) => a.rank - b.rank || a.at - b.at);
      for (const c of ranked) {
        const name = c.bearer ?? c.name;
        const known = this.genders.get(name) ?? this.genderOfName(name);
        if (gender && known && known !== gender) continue;
        return { name, kind: c.kind };
      }
    }
    const last = this.lastSpeaker;
    const known = last ? (this.genders.get(last.name) ?? this.genderOfName(last.name)) : null;
    return last && !(gender && known && known !== gender) ? last : null;
  }

  private learnGender(name: string, m: TMention): void {
    if (this.genders.has(name)) return;
    const honorific = HONORIFIC_BEFORE.exec(this.text.slice(Math.max(0, m.start - 6), m.start))?.[1];
    if (honorific) {
      this.genders.set(name, honorific === "Mr" ? "m" : "f");
      return;
    }
    const role = GENDERED_ROLE.exec(m.role ?? "")?.[1]?.toLowerCase();
    if (role) this.genders.set(name, role === "woman" ? "f" : "m");
  }

  private genderOfName(name: string): TGender | null {
    const first = name.split(" ")[0] ?? "";
    if (FEMALE.has(first)) return "f";
    if (MALE.has(first)) return "m";
    return null;
  }
}

const TITLE_PHRASE = /(?<![\p{L}])[Tt]he\s+((?:[a-z]+\s+)?(?:president|prime minister|chancellor|premier|senator|governor|mayor|admiral|general(?!\s+(?:election|public|assembly|counsel|manager|secretary|staff|strike|sense|idea|rule|population|consensus|interest|store))|congressman|congresswoman))(['’]s)?(?![\p{L}])/gu;

// Titles that name the story's protagonists, not someone new: "the senator", "the New Jersey governor".
const PROTAGONIST_TITLE = /\b(?:president|prime minister|chancellor|premier|senator|governor|mayor|minister|secretary|leader|candidate|nominee|congressman|congresswoman|lawmaker|speaker|admiral|general|businessman|businesswoman|billionaire|mogul|developer|neurosurgeon|front-?runner|contender|hopeful|challenger)$/i;

/**
 * "…," the senator said: a definite title the registry cannot place (no one was introduced with it)
 * refers back like a pronoun does. Spokespeople, officials and aides are new people and stay unknown.
 */
export function titledAntecedent(antecedents: Antecedents, phrase: string, at: number): TPersonRef | null {
  if (!/^the\s/i.test(phrase) || !PROTAGONIST_TITLE.test(phrase)) return null;
  return antecedents.person("", at);
}

// Lowercase words that start another phrase, not a description of the person: "said in a statement",
// "said on Tuesday that Mr. Ames", "said it was". A description is any other run of lowercase words.
const NOT_DESCRIPTION = /^(?:the|a|an|that|this|these|those|it|he|she|they|we|i|you|in|on|at|to|of|for|with|by|from|about|after|before|during|and|or|but|as|when|while|if|there|his|her|their|its|is|was|were|are|would|will|had|has|have|not|no)$/;

/**
 * How far after a reporting verb an inverted subject may start: "said Trump", "said Mr. Jebens",
 * "said Sen. Cruz", and past a lowercase description of the person: "said retired neurosurgeon Ben
 * Carson", "said former tech executive Carly Fiorina".
 */
export function invertedGap(text: string, afterVerb: number): number {
  const gap = /^\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Lt|Col|Sgt|Capt|Prof|Rev)\.\s+)?/.exec(text.slice(afterVerb, afterVerb + 12));
  const plain = Math.max(2, gap?.[0].length ?? 0);
  // The name after a description is a full one that ends the clause: not "said another Twitter user, Ann".
  // "said Republican party boss Reince Priebus": one capitalized affiliation may open the description.
  const described = /^\s+((?:\p{Lu}[\p{L}.-]*\s+)?(?:[a-z][a-z-]*\s+){1,4})\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]+(?=[,.;:!?]|\s+[a-z]+\b|$)(?:\s+([a-z]+))?/u.exec(
    text.slice(afterVerb, afterVerb + 90),
  );
  // "said another Twitter user, Johanna Bayer.": an indefinite description, then the full name in apposition.
  const apposed = /^\s+(?:another|an?|one)\s+(?:[\p{L}-]+\s+){0,3}\p{Ll}+,\s+(?=\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]*(?:[,.;:!?]|$))/u.exec(
    text.slice(afterVerb, afterVerb + 90),
  );
  if (apposed) return apposed[0].length;
  // "added his campaign manager Jeff Weaver": a possessive may open the description.
  if (!described?.[1] || described[1].trim().split(/\s+/).some((w, k) => NOT_DESCRIPTION.test(w) && !(k === 0 && /^(?:his|her|their)$/.test(w)))) return plain;
  if (described[2] && !NOT_DESCRIPTION.test(described[2]) && described[2] !== "who") return plain;
  return Math.max(plain, described[1].length + (/^\s+/.exec(text.slice(afterVerb))?.[0].length ?? 0));
}
