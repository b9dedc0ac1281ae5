// Statements of one document: direct quotes with their attribution (before, after, inside or a
// sentence away), reported speech after reporting verbs, mixed forms, outlet fact-checks, and a
// commenter's own claims — each with exact offsets, cue and the mention that attributes it.
import {
  ANSWERED_NOUN,
  CLAIM_NOUNS,
  BELIEF_VERBS,
  CONTRAST_WORDS,
  CLAUSE_VERBS,
  JUDGE_BASE_VERBS,
  JUDGE_VERBS,
  LABEL_AS_BASE_VERBS,
  LABEL_AS_VERBS,
  OBJECT_CONTENT_VERBS,
  QUOTE_ONLY_VERBS,
  REBUT_VERBS,
  RESPONSE_PHRASE,
  REBUT_PHRASE,
  SPEECH_VERBS,
  SUBJECT_GAP_WORD,
  SUPPORT_VERBS,
  THAT_ONLY_VERBS,
} from "./lexicon";
import { countryCodeOf, countryPhraseKind } from "./countries";
import { clauseStartAfter, isAddressVerb, nounPhraseBefore } from "./clause";
import { CLAIM_CLAUSE_END, nominalClaimsIn, type TNominalClaim } from "./nominal-claims";
import { findQuotes, type TQuote } from "./quotes";
import { officeHolderCountry } from "./office-holders";
import { TRAILING_CLAUSE } from "./quote-clauses";
import { splitSentences } from "./sentences";
import { Antecedents, invertedGap, mainClauseStart, titledAntecedent } from "./coreference";
import { describedName, describedPhrase, describedSourceAfter, OPENS_CLAUSE, describedSourceBefore, type TDescribedSource } from "./unnamed-sources";
import { appositiveSubject, qualifiedPerson, type MentionIndex, type SpeakerRegistry, type TMention } from "./speakers";
import type { TCue, TRelation, TSpan, TSpeakerKind, TStatementMode } from "./types";

export interface TSpeakerRef {
  name: string;
  kind: TSpeakerKind;
}

export interface TRawStatement {
  speaker: TSpeakerRef | null;
  mode: TStatementMode;
  span: TSpan;
  cue: TCue | null;
  source: TSpan | null;
  confidence: number;
  sentence: TSpan;
  paragraph: number;
  /** A cue in the text saying this answers another statement, and how. */
  responseCue: TResponseCue | null;
  /** Index (in this document's list) of the statement an outlet fact-check corrects. */
  factCheckOf: number | null;
  question: boolean;
}

/** Whose words a response answers, when the text says: "disputed the Kremlin's account" → Kremlin / RU. */
export interface TResponseTarget {
  name: string | null;
  country: string | null;
}
export interface TResponseCue {
  relation: TRelation;
  text: string;
  target: TResponseTarget | null;
}

export interface TDocumentInput {
  paragraphs: readonly TSpan[];
  outlet: string | null;
  commenter: string | null;
}

interface TSubject {
  speaker: TSpeakerRef | null;
  source: TSpan | null;
  viaPronoun: boolean;
}

const RECENT = 40;
const MAX_CONTENT = 800;
const WORD = /[\p{L}][\p{L}’'-]*/gu;
const FACT_CHECK = /\s*(?:[—–]|--|\s-)\s*(?:though|although|even though|but|except that,?|when in fact|in fact)\s+/y;
const CONTENT_STOP =
  /,?\s+(?:and|but)\s+(?:he|she|they)\s+(?:also\s+)?(?:\p{Ll}+ed|said|says|told|spoke|made|took|went|gave)\b|,\s+(?:after|before|as|when|while)\s+(?=[^,.;]{0,60}\b(?:said|says|told|claimed|accused|warned)\b)|,\s+(?:while|whereas)\s+(?=\p{Lu})|(?<=,["”’])\s+(?:while|whereas)\s+(?=\p{Lu})|,\s+(?:and\s+)?(?:(?:also|then|later)\s+)?([a-z]+)\b|\s+and\s+(?:(?:also|then|later)\s+)?(said|added|stressed|insisted|noted|warned)\b|\s*(?:[—–]|--|\s-)\s*(?:though|although|even though|but|except that,?|when in fact|in fact)\s|,\s+according to\b|;\s+(?=[^;.]{0,60}\b(?:said|says|told)\b)|:\s*["“«]/gu;
// "called the plan “reckless”", "called Trump a “blowhard”", "calls it “the pearl”": a label given to a named thing.
const CALLING =
  /(?<![\p{L}-])(calling|called|calls|call|describing|described|describes|labell?ing|labell?ed|labels|branding|branded|brands|dubbing|dubbed|dubs|terming|termed|terms)\s+(?:(?!(?:for|on|in|at|to|up|off|out|back|upon|into)\s)(?!(?:a|an|the)\s+$)(?:[\p{L}’'.-]+\s+){1,5}?(?:as\s+)?(?:(?:a|an|the)\s+)?|as\s+(?:(?:a|an|the)\s+)?)$/u;
const CLAUSE_START =
  /^(?:it|he|she|they|we|i|you|there|this|these|those|the|a|an|his|her|their|its|our|no|nothing|all|some|every|\p{Lu}[\p{L}’'-]*)$/u;
const FINITE_HINT = /\b(?:is|are|was|were|will|would|could|should|had|has|have|can|may|might|must|did|do|does|\p{L}+ed|\p{L}+s)\b/u;
const LOWER_ROLE_SUBJECT =
  /(?:^|\s)((?:the|The|a|A|an|An)\s+(?:[a-z]+\s+|(?:\p{Lu}\.){2,}\s+|\p{Lu}[\p{L}-]+\s+){0,3}(?:president|prime minister|minister|secretary|chancellor|premier|senator|governor|mayor|ambassador|spokesman|spokeswoman|spokesperson|ministry|government|embassy|leader|official|envoy|administration|diplomat|source|aide|candidate|nominee|businessman|businesswoman|billionaire|mogul|developer|neurosurgeon|front-?runner|contender|hopeful|challenger|manager|chairman|chairwoman|congressman|congresswoman|lawmaker))$/u;
// "The retired neurosurgeon has …": a definite description, then its verb, opening a clause.
const DESCRIBED_OPENING = /^\s*(?:(?:But|And|So|Yet|Still),?\s+)?((?:the|The)\s+(?:[a-z-]+\s+|\p{Lu}[\p{L}.-]*\s+){0,3}?[a-z-]+)\s+(?:has|had|have|was|is|also|later|then|\p{Ll}+ed)\b/u;
// A name after a preposition is its object, not the subject of the clause.
const PREPOSITION_BEFORE = /\b(?:by|to|with|for|of|against|about|from|than|on|in|at|into|over|after|before)\s+(?:the\s+)?$/i;
// A document speaks for whoever put it out: "a recent Federal Elections Commission report", "polls compiled by Real Clear Politics".
const DOCUMENT_NOUN = "(?:report|poll|polls|survey|study|analysis|audit|filing|memo|review|tally|count|estimate|estimates)";
const DOCUMENT_OF = new RegExp(`^(?:an?|the|The|A|An)\\s+(?:[a-z]+\\s+){0,2}((?:\\p{Lu}[\\p{L}.&'’-]*\\s+){1,5}?)(?:[a-z-]+\\s+)?${DOCUMENT_NOUN}$`, "u");
const DOCUMENT_BY = new RegExp(`\\b${DOCUMENT_NOUN}\\b.*\\b(?:by|from)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}.&'’-]*)(?:\\s+\\p{Lu}[\\p{L}.&'’-]*){0,4})$`, "u");
const INTRODUCING_VERB = /\b(?:said|says|wrote|writes|tweeted|tweets|posted|issued|released|told|tells|added|adds|stated|declared|explained|continued|responded|replied|answered|wrote back)\b/;
const DEFINITE_PERSON =
  /(?:^|\s)((?:the|The)\s+(?:[a-z-]+\s+){0,2}(?:woman|man|organizer|voter|protester|student|veteran|resident|worker|volunteer|questioner|caller|moderator|activist|supporter|donor|lawyer|attorney|professor|economist|analyst|pollster|strategist))$/;
const HEAD_OF_SUBJECT = /(?:^|\s)((?:the|The)\s+(?:(?:deputy|vice|acting|former|new|top)\s+)?(?:head|chief|leader|boss|director)\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\p{L}.’'-]+\s+){0,4}[\p{L}’'-]+)$/u;
// "the campaign wrote", "the ministry said": a body the story quoted before, named by its kind.
const BODY_SUBJECT = /(?:^|\s)((?:the|The)\s+(campaign|committee|commission|ministry|department|agency|council|board|embassy|government|administration))$/;
// "the 46-year-old said": a person described by age.
const AGE_SUBJECT = /(?:^|\s)((?:the|The)\s+\d{1,3}-year-old)$/;
const COMPANY_SUBJECT =
  /(?:^|\s)((?:the|The)\s+(?:\p{Lu}[\p{L}-]+\s+)?(?:company|firm|group|carmaker|automaker|retailer|airline|manufacturer|giant|conglomerate|insurer|lender|chipmaker|startup|broadcaster|platform))$/u;
const ORG_SUBJECT =
  /(?:^|\s)((?:(?:the|The)\s+)?(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?:ministry|government|embassy|military|army|navy|police|administration|presidency|parliament|cabinet|foreign office|agency|coast guard))$/u;
const DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const ADVERBIAL_UNIT =
  `(?:(?:late|early|earlier|later)\\s+)?(?:on\\s+)?${DAY}(?:\\s+(?:morning|afternoon|evening|night))?` +
  `|(?:last|this|next)\\s+(?:week|month|year|${DAY})` +
  `|(?:in|at|during)\\s+(?:a|an|the|his|her|their|its)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:statement|interview|briefing|conference|address|speech|post|call|letter|meeting|hearing|session|rally|summit|email|message|video|appearance|tweet|op-ed|column|essay|memo|memoir|book|podcast|editorial|filing|release|report|testimony|debate|forum|town hall|broadcast)` +
  `|(?:in|at)\\s+\\p{Lu}[\\p{L}]+|on\\s+(?:X|Telegram|Twitter|Facebook|Instagram|social media|television|radio|state television|Truth Social)` +
  `|later|earlier|again|also|separately|previously|yesterday|today|tonight|(?:reporters|journalists|lawmakers|parliament|the\\s+\\p{Lu}[\\p{L}]*|\\p{Lu}{2,6})(?=\\s+(?:that|on|in|at)\\b)`;
const ADVERBIAL_LEAD = new RegExp(`^(?:,?\\s+(?:${ADVERBIAL_UNIT})\\b)+`, "u");
/** Plural heads of a group of people: "officials", "Republicans", "evangelicals". */
const PLURAL_NOUN =
  "(?:\\p{Lu}\\p{Ll}+(?:ans|ats|ists|ives|als|ites)|officials|groups|supporters|opponents|critics|voters|leaders|members|families|activists|advocates|lawmakers|senators|legislators|candidates|experts|analysts|economists|residents|workers|parents|doctors|scientists|researchers|investigators|prosecutors|lawyers|aides|advisers|allies|donors|delegates|organizers|protesters|unions|officers|authorities|rivals|veterans|conservatives|liberals|progressives|evangelicals|judges)";
/** People a sentence opens with, before its verb: "Republicans are …", "Many farm groups say …", "Senate Democrats, in a letter, warned …". */
const PLURAL_SUBJECT = new RegExp(
  "^(?:(?:But|And|Now|Still|Meanwhile|So|Yet),?\\s+)?((?:(?:The|Many|Some|Most|Other|Several|Both|These|Those|Few|All)\\s+)?(?:(?:\\p{Lu}[\\p{L}.’'-]*|[a-z][a-z-]*)\\s+){0,3}?" +
    `${PLURAL_NOUN})` +
    "(?:,[^,]{1,80},)?\\s+(?:(?:also|still|now|already|often|long)\\s+)?(?:(?:have|has|had)\\s+(?:(?:also|still|now|already|long|been)\\s+)?\\p{Ll}{3,}|are|were|say|said|says|argue|argued|warn|warned|worry|worried|fear|feared|believe|believed|insist|insisted|claim|claimed|will|would|could|can|may|might|must|should|\\p{Ll}{3,}ed)\\b",
  "u",
);
const PLURAL_REACH = 600;
/** People a sentence opens with and then describes before their verb: "Many supporters who came to the rally say", "veterans interviewed at the event said". */
const DESCRIBED_GROUP = new RegExp(
  "^\\W*(?:(?:But|And|Yet|Still|Now|So),?\\s+)?((?:(?:[Tt]he|[Mm]any|[Ss]ome|[Mm]ost|[Nn]umerous|[Ss]everal|[Oo]ther|[Ff]ew|[Tt]hese|[Tt]hose)\\s+)?(?:[\\p{L}’'-]+\\s+){0,3}?" +
    `${PLURAL_NOUN})` +
    "\\s+(?:who|whose|interviewed|polled|surveyed|questioned|gathered|attending|contacted|reached)\\b[^“”\"]{0,160}?\\s+(?:(?:have|had|also|all)\\s+)*$",
  "u",
);
const ENTOURAGE_AFTER = /\s+and\s+(?:his|her)\s+(?:(?:top|senior|closest|own)\s+)?(?:aides|advisers|advisors|allies|attorneys|lawyers|defenders|supporters|backers|surrogates|campaign|team|staff)$/;
const REPORT_CONTENT = new RegExp(`^(?:,?\\s+(?:${ADVERBIAL_UNIT}))*\\s*(?:that\\s|[.;!]|$)`, "u");
const WRITE_VERBS = /^(?:write|wrote|writes|writing|tweet|tweeted|tweets|tweeting)$/;
/** "press secretary", "statement release", "think tank": a verb-like word before one of these is a noun. */
const NOUN_AFTER = /^\s+(?:spokes\w+|secretary|officer|office|official|release|conference|briefing|corps|freedom|aide|tanks?)\b/;
// ", Indyk said." closing a sentence: a name (one to four capitalized words) and a reporting verb.
const CLOSING_ATTRIBUTION = /,\s+((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]+)\s+(said|says|added|adds|wrote|writes|explained|noted|argued|insisted)\s*[.!]?\s*$/u;
// Base forms a singular person does not take: "Facebook believe", "Acme say".
const PLURAL_BASE_VERB = /^(?:believe|say|think|argue|claim|insist|want|warn|expect|fear|deny|admit|accept)$/;
/** Bare verb forms that are also nouns ("state", "counter", "claim"). */
const NOUN_VERB_BASE = /^(?:state|counter|note|claim|report|charge|comment|answer|reply)$/;
/** A determiner and one or two words, the last not a plural: the subject of a bare verb would be plural. */
const SINGULAR_NOUN_PHRASE_BEFORE = /(?:^|\s)(?:the|a|an|no|this|that|one|his|her|its|their|our)\s+(?:[\p{L}\d’'-]+\s+)?[\p{L}\d’'-]*[^\s\p{L}s]?(?<![sS])\s+$/iu;
const PLURAL_HEAD_PHRASE_BEFORE = /\p{L}s\s+(?:of|in|for|from|at|on|across|within|inside|outside)\s+(?:the|a|an|no|this|that|one|his|her|its|their|our)\s+(?:[\p{L}\d’'-]+\s+){1,2}$/iu;
const MODAL_CLAUSE = /^\s+[a-z]+s(?:\s+[a-z]+){0,4}?\s+(?:should|would|will|could|must|can|may|might|were|are|had|have)\s/;
/** A past or finite verb that can open a relative clause's predicate: "which they say left …", "a decision they say allowed …". */
const PAST_FORM = /^(?:\p{Ll}{3,}ed|was|were|is|are|has|had|left|made|took|gave|kept|sent|cut|put|won|lost|held|led|cost|hurt|became|began|brought|meant|paid|sold|spent|drove|broke|fell|rose|grew)$/u;
const MODAL_START = /^(?:would|will|could|should|might|may|must|was|were|is|are|had|has|have)$/;
const CALL_VERBS = new Set(["call", "calls", "called", "calling"]);
const CALL_OBJECT = /^\s+(?:for|on\s+(?:[\p{L}\p{N}’'.-]+\s+){1,6}?to)\s+(?=\S)/u;
/**
 * "called to ban Muslims from entering the U.S.": a demand with an infinitive; not a phone call's purpose
 * ("called to say …") nor an idiom ("called to mind"). Only after "called": "calls to ban …" is a noun as often.
 */
const CALL_TO = /^\s+to\s+(?!(?:mind|order|account|attention|arms|say|ask|tell|offer|thank|congratulate|apologi[sz]e|check|discuss|express|inform|let|see|talk|speak|wish|invite|complain|confirm|report)\b)(?=\p{Ll}{3,}\s)/u;
/**
 * "calling Trump a fascist", "called him a liar", "called the plan a disaster": a label given without
 * quotation marks — a named or pronoun object, then "a"/"an" and the label. Not a time or an amount
 * ("called the governor an hour later", "called it a day").
 */
const CALL_LABEL =
  /^\s+(?:(?:\p{Lu}[\p{L}.’'-]*\s+){1,4}|(?:him|her|them|it|this|that)\s+|(?:the|his|her|their|its|this|that)\s+(?:[\p{L}’'-]+\s+){1,3}?)(?:a|an)\s+(?!(?:few|couple|day|night|week|month|year|hour|minute|second|lot|bit|number|dozen|total|series|meeting|press|news|vote|halt|end|recess|time|while|half|quarter|single|second|third|dozen)\b)(?=\p{Ll})/u;
/** "portrayed her use of the server as …": the description after the object, however long the object. */
const AS_OBJECT = /^\s+(?:[\p{L}\p{N}’'.“”"-]+\s+){1,8}?(as)\s+(?=\S)/u;
/** "he thought", "Trump thought", "many voters thought": the subject right before "thought" (an adverb may stand between). */
const THOUGHT_SUBJECT = /(?:^|[\s,“"])(?:he|she|they|we|I|\p{Lu}[\p{L}’'-]+|[a-z]+s)\s+(?:(?:also|still|clearly|privately|apparently|always|once)\s+)?$/u;
/**
 * "denounced Trump’s comments", "attacked Mr. Clinton's personal life", "criticized the remarks": a
 * judgement whose object is someone's words or deeds (a possessive) or a claim noun — not a thing acted
 * on ("attacked the village"). A bare name is left out: "criticized Bush" is narration as often.
 */
const JUDGED_OBJECT = new RegExp(
  String.raw`^\s+(?:(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}.’'-]*['’]s\s|(?:his|her|their)\s|(?:the|these|those|such)\s+(?:[\p{L}’'-]+\s+){0,2}?${ANSWERED_NOUN}\b)`,
  "u",
);
/** Judging verbs that take a plain object only as a judgement of words or people ("thanked", "hailed a cab" do not). */
const PLAIN_OBJECT_JUDGE = /^(?:criticized|criticised|criticizing|criticising|denounced|denouncing|condemned|condemning|slammed|slamming|attacked|attacking|mocked|mocking|ridiculed|ridiculing|blasted|blasting|lambasted|lambasting|assailed|assailing|excoriated|excoriating|derided|deriding|rebuked|rebuking|chided|chiding|castigated|castigating|decried|decrying)$/;
/** Words after which a base verb form is a verb: "to", a modal, an adverb, a subject pronoun. */
const BEFORE_BASE_VERB = /(?:^|\s)(?:to|may|might|will|would|could|should|can|must|often|also|still|now|even|they|we|you|I|\p{L}+ly)\s+$/u;
/** A plural subject right before a base verb: "rivals deride", "Republicans portray", "Trump and Sanders blame". */
const PLURAL_BEFORE_BASE_VERB = new RegExp(`(?:^|\\s)(?:${PLURAL_NOUN}|\\p{Lu}\\p{L}+\\s+and\\s+\\p{Lu}\\p{L}+)\\s+$`, "u");
/** Reporting verbs that are nouns as often ("the states that …", "a tweet that …"). */
const NOUN_LIKE_VERBS = /^(?:tweets?|states|claims|notes|remarks|comments|questions|demands|promises|pledges|vows|estimates|reports|signals|hints|jokes|doubts|fears|worries|replies|counters|insists)$/;
const RELATIVE_VERB = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|drew|came|went|took|made|gave|got|led|left|won|lost|ran|brought|sent|became|began|\p{Ll}{2,}ed)\b/u;
/** "as" starting a clause or an idiom, not a description: "as he left", "as well", "as part of". */
const AS_CONJUNCTION = /^(?:he|she|they|it|we|i|you|well|soon|long|much|part|usual|expected|recently|early|late|if|though)\b/i;
const PRONOUN_SUBJECT = /(?:^|[\s,“"])(he|she|they|He|She|They)$/;
const COMMENT_CLAUSE_BREAK = /,\s+(?=(?:we|i|they|he|she|you|so|but|and so)\b)|\s+(?:but|because)\s+|;\s+|\s+[—–]\s+/giu;
/** Where a clause of reported content ends: its first clause punctuation (outside a quotation). */
const CLAUSE_PUNCTUATION = /[,;:—–]|\s-\s/g;
/** The verbs of a subordinate clause that is a statement of its own ("after Mrs. Clinton accused him …"). */
const SPEAKING_CLAUSE_VERB = `(?:said|says|claimed|claims|called|calls|argued|argues|suggested|warned|charged|alleged|${[...JUDGE_VERBS].filter((v) => !v.endsWith("ing")).join("|")})`;
/**
 * A judgement is one phrase; "… as “hurtful” and warned …": a second verb of the same subject ends it too,
 * and so does a subordinate clause whose own subject speaks or judges ("attacked Mr. Clinton's personal
 * life after Mrs. Clinton accused him of sexism"); a plain time clause stays ("accused Clinton of pushing
 * to indict him while she was secretary of state").
 */
const JUDGEMENT_END = new RegExp(
  String.raw`[,;:—–]|\s-\s|\s+(?:and|but)\s+(?=(?:also\s+|then\s+)?\p{Ll}+ed\b)|\s+(?:after|before|when|while|because|although|though)\s+(?=(?:he|she|they|it|we|I|(?:(?:the|The)\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})\s+(?:(?:had|has|have|also|then)\s+)?${SPEAKING_CLAUSE_VERB}\b)`,
  "gu",
);
/** A claim named by a noun ("her claim that …") ends at clause punctuation or where the sentence's own verb takes over. */
const CLAIM_END = new RegExp(`${CLAUSE_PUNCTUATION.source}|${CLAIM_CLAUSE_END.source}`, "gu");
const ASIDE_BEFORE_VERB = /,\s*(?:however|though|too|meanwhile|in turn|for example|for instance|in fact|instead|likewise|also|in response),\s*$/i;
const LEADING_FILLER = /^(?:(?:so|and|but|maybe|now|well|i bet|i think|i guess|i mean|that|if)\b[\s,]*)+/iu;

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function lastWordBefore(text: string, pos: number, floor: number): { word: string; start: number } | null {
  let e = pos;
  while (e > floor && /\s/.test(text[e - 1] ?? "")) e -= 1;
  let s = e;
  while (s > floor && /[\p{L}’'.-]/u.test(text[s - 1] ?? "")) s -= 1;
  if (s === e) return null;
  return { word: text.slice(s, e), start: s };
}

function trimSpan(text: string, start: number, end: number): TSpan {
  let s = start;
  let e = end;
  while (s < e && /[\s,:;—–-]/.test(text[s] ?? "")) s += 1;
  while (e > s && /[\s,.;:—–-]/.test(text[e - 1] ?? "")) {
    // Keep the period of an abbreviation that ends the span ("the defense of the U.S.").
    if (text[e - 1] === "." && /(?:^|[^\p{L}])(?:\p{Lu}\.){2,}$/u.test(text.slice(Math.max(s, e - 8), e))) break;
    e -= 1;
  }
  return { start: s, end: e };
}

/** The end of a clause cut short at `end`, without a trailing "and" / "but" / ", while" joining it to what follows. */
function cutBeforeConjunction(text: string, start: number, end: number): number {
  const joiner = /(?:[\s,;]+(?:and|but|or|while|as|then))?[\s,;]*$/u.exec(text.slice(start, end));
  return joiner ? end - joiner[0].length : end;
}

/** Every word of four letters or more capitalized: "Those Guys Have All the Fun". */
function isTitleCase(text: string, span: TSpan): boolean {
  const long = text.slice(span.start, span.end).match(/[\p{L}’']{4,}/gu) ?? [];
  return long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

function wordCount(text: string, span: TSpan, cap = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = span.start; i < span.end && count < cap; i += 1) {
    const space = /\s/.test(text[i] ?? " ");
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

export class StatementFinder {
  private readonly out: TRawStatement[] = [];
  private quotes: TQuote[] = [];
  private paragraphs: readonly TSpan[] = [];
  private lastGroup: TSpeakerRef | null = null;
  private lastGroupAt = -1;
  /** The people a sentence opened with ("Republicans are …", "Farm groups say …"): what a later "they" may stand for. */
  private pluralSubject: { ref: TSpeakerRef; at: number; end: number } | null = null;
  private recentNames: string[] = [];
  private consumed: TSpan[] = [];
  /** A reaction whose words come later: by `speaker`, or (speaker null) by the next statement of that body's side. */
  private pendingResponse: { speaker: string | null; country?: string | null; cue: TResponseCue; from?: number; until: number } | null = null;
  private readonly antecedents: Antecedents;

  constructor(
    private readonly text: string,
    private readonly registry: SpeakerRegistry,
    private readonly mentionIndex: MentionIndex,
  ) {
    this.antecedents = new Antecedents(text, registry);
  }

  run(doc: TDocumentInput): TRawStatement[] {
    this.paragraphs = doc.paragraphs;
    this.quotes = findQuotes(this.text, doc.paragraphs);
    const sentences: { span: TSpan; paragraph: number }[] = [];
    doc.paragraphs.forEach((p, index) => {
      for (const s of splitSentences(this.text, p, (i) => this.quoteAt(i) !== null)) sentences.push({ span: s, paragraph: index });
    });
    let quoteIndex = 0;
    for (const sentence of sentences) {
      const mentions = this.mentionIndex.within(sentence.span).filter((m) => this.quoteAt(m.start) === null);
      for (const m of mentions) this.noteMention(m);
      this.antecedents.noteSentence(sentence.span, mentions);
      this.notePluralSubject(sentence.span);
      const before = this.out.length;
      while (quoteIndex < this.quotes.length && (this.quotes[quoteIndex]?.open ?? Infinity) < sentence.span.end) {
        const q = this.quotes[quoteIndex];
        quoteIndex += 1;
        if (q && q.open >= sentence.span.start) this.handleQuote(q, sentence.span, sentence.paragraph, mentions);
      }
      this.handleReported(sentence.span, sentence.paragraph, mentions);
      this.handleAccordingTo(sentence.span, sentence.paragraph, mentions);
      this.handleNominalClaims(sentence.span, sentence.paragraph, mentions);
      this.handleFactChecks(sentence.span, before, doc.outlet);
      this.applyResponseCues(sentence.span, before);
      if (this.pendingResponse && this.pendingResponse.speaker === null && sentence.span.start > (this.pendingResponse.from ?? 0)) this.pendingResponse = null;
    }
    if (doc.commenter) this.handleCommenter(sentences, doc.commenter);
    this.out.sort((a, b) => a.span.start - b.span.start);
    return this.out;
  }

  private quoteAt(i: number): TQuote | null {
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quotes[mid];
      if (!q) break;
      if (i < q.open) hi = mid - 1;
      else if (i >= q.close) lo = mid + 1;
      else return q;
    }
    return null;
  }

  /** Index of the first quote opening at or after pos. */
  private firstQuoteFrom(pos: number): number {
    let lo = 0;
    let hi = this.quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.quotes[mid]?.open ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private quotesBetween(start: number, end: number): TQuote[] {
    const out: TQuote[] = [];
    for (let k = this.firstQuoteFrom(start); k < this.quotes.length; k += 1) {
      const q = this.quotes[k];
      if (!q || q.open >= end) break;
      out.push(q);
    }
    return out;
  }

  /** Where the first match of the global `pattern` outside a quotation lies in [from, end), else `end`. */
  private firstUnquoted(pattern: RegExp, from: number, end: number): number {
    pattern.lastIndex = from;
    for (let found = pattern.exec(this.text); found && found.index < end; found = pattern.exec(this.text)) {
      if (!this.quoteAt(found.index)) return found.index;
    }
    return end;
  }

  /** Reported content in [start, end), trimmed; a quoted fragment at its end keeps its closing mark so the span still shows it. */
  private contentSpan(start: number, end: number): TSpan {
    const span = trimSpan(this.text, start, end);
    const tailQuote = this.quotesBetween(span.start, end).find((q) => q.close > span.start && q.close <= end + 1);
    if (tailQuote && tailQuote.close > span.end) span.end = tailQuote.close;
    return span;
  }

  /** Mixed when a quotation opening in the span closes by `closesBy` (its end, or one past it when the closing mark was trimmed off). */
  private modeOf(span: TSpan, closesBy: number): "mixed" | "indirect" {
    return this.quotesBetween(span.start, span.end).some((q) => q.close <= closesBy) ? "mixed" : "indirect";
  }

  /** The latest statement matching `test`, looking back over a bounded window so huge inputs stay linear. */
  private findRecent(test: (s: TRawStatement) => boolean): TRawStatement | undefined {
    for (let k = this.out.length - 1; k >= 0 && k >= this.out.length - RECENT; k -= 1) {
      const s = this.out[k];
      if (s && test(s)) return s;
    }
    return undefined;
  }

  private isConsumed(pos: number): boolean {
    // Consumed cues arrive in text order; only the latest few can reach this position.
    for (let k = this.consumed.length - 1; k >= 0 && k >= this.consumed.length - RECENT; k -= 1) {
      const c = this.consumed[k];
      if (c && pos >= c.start && pos < c.end) return true;
    }
    return false;
  }

  private noteMention(m: TMention): void {
    if (!m.name) return;
    const canonical = this.registry.canonical(m.name);
    this.recentNames = [canonical, ...this.recentNames.filter((n) => n !== canonical)].slice(0, 8);
  }

  private refFor(m: TMention): TSpeakerRef | null {
    if (m.name) {
      const profile = this.registry.profile(m.name);
      return { name: this.registry.canonical(m.name), kind: profile?.kind ?? m.kind };
    }
    if (m.role) {
      const profile = this.registry.byRole(m.role, this.recentNames);
      return profile ? { name: profile.name, kind: profile.kind } : null;
    }
    return null;
  }

  /** The subject that ends right before `pos`: a name, a title, a pronoun, or "X, who". */
  private subjectBefore(pos: number, floor: number, mentions: readonly TMention[]): TSubject | null {
    let p = pos;
    for (let steps = 0; steps < 6; steps += 1) {
      const w = lastWordBefore(this.text, p, floor);
      if (!w || !SUBJECT_GAP_WORD.test(w.word) || /^[A-Z]/.test(w.word) && !/day$/.test(w.word)) break;
      p = w.start;
    }
    const aside = ASIDE_BEFORE_VERB.exec(this.text.slice(Math.max(floor, p - 30), p));
    if (aside) p -= aside[0].length;
    while (p > floor && /\s/.test(this.text[p - 1] ?? "")) p -= 1;
    const head = this.text.slice(Math.max(floor, p - 100), p);
    const relative = /,\s*(?:who|which)$/.exec(head);
    // "the minister of finance of Brazil, Fernando Haddad, said": the name itself closes the appositive.
    // Only when the name itself follows a comma (an appositive pair), not "criticized the Treaty, calling".
    const named = head.endsWith(",")
      ? mentions.find(
          (x) =>
            x.end === p - 1 &&
            !x.possessive &&
            !x.place &&
            x.name &&
            x.kind === "person" &&
            /,\s+(?:[a-z]+\s+){0,3}$/.test(this.text.slice(Math.max(floor, x.start - 40), x.start)),
        )
      : undefined;
    // "Hogan Gidley, a former director of the party, whose roots are …, said": the person the appositives describe.
    const appositiveHead = named ? undefined : appositiveSubject(this.text, mentions, floor, relative ? p - relative[0].length + 1 : p);
    if (named) p -= 1;
    else if (appositiveHead) p = appositiveHead.end;
    else if (relative) p -= relative[0].length;
    else {
      // Appositive: "Hayashi, the chief cabinet secretary, said".
      const appos = /,[^,“”"]{3,80},$/.exec(head);
      // "an intelligence source, who was not authorized to speak, told": a described source's relative clause.
      const describedAppos = appos && /^,\s*(?:who|which)\s/.test(appos[0]) && describedSourceBefore(this.text, floor, p - appos[0].length);
      if (appos && (mentions.some((m) => m.end === p - appos[0].length) || describedAppos)) p -= appos[0].length;
      else if (appos) {
        // "Sen. Marco Rubio, R-Fla., appearing on Fox News after the speech, said": asides one after
        // another; the name before the first of them is the subject.
        const end = this.afterAsides(head, p, floor, mentions);
        if (end !== null) p = end;
      }
    }
    // "The BDA employers' federation said": a name, then the kind of body it is.
    const bodyNoun = /\s+(?:[a-z’'-]+\s+){0,2}(?:federation|association|union|group|party|agency|company|firm|bank|network|broadcaster|newspaper|lobby|council|alliance|coalition|regulator|watchdog)$/.exec(
      this.text.slice(Math.max(floor, p - 50), p),
    );
    // Not "the head of the U.N. nuclear watchdog said": there the speaker is the head, not the body.
    const named2 = bodyNoun
      ? mentions.find(
          (x) =>
            x.end === p - bodyNoun[0].length &&
            !x.possessive &&
            x.name &&
            !countryPhraseKind(x.name) &&
            !/\bof\s+(?:the\s+)?$/.test(this.text.slice(Math.max(floor, x.start - 12), x.start)),
        )
      : undefined;
    if (named2) p = named2.end;
    // "Trump and his attorneys have said", "She and her defenders argue": the person and their people
    // speak as one; the statement is the person's.
    const entourage = ENTOURAGE_AFTER.exec(this.text.slice(Math.max(floor, p - 50), p));
    if (entourage) p -= entourage[0].length;
    // "the former senator from Pennsylvania saying": a place right before the verb is not who speaks.
    const m = mentions.find((x) => x.end === p && !x.possessive && !x.place);
    if (m) {
      const joint = this.jointSubject(mentions, mentions.indexOf(m) - 1, mentions.indexOf(m), floor);
      if (joint) return joint;
      const ref = this.refFor(m);
      if (ref) return { speaker: ref, source: { start: m.start, end: m.end }, viaPronoun: false };
      return null;
    }
    const tail = this.text.slice(Math.max(floor, p - 60), p);
    const pron = PRONOUN_SUBJECT.exec(tail);
    if (pron?.[1]) {
      const start = p - pron[1].length;
      const group = /^they$/i.test(pron[1]);
      const ref = group ? this.groupAntecedent(start) : this.antecedents.person(pron[1], start);
      return { speaker: ref, source: { start, end: p }, viaPronoun: true };
    }
    // "It said that Trump supports …": a body the story just quoted speaks of itself as "it".
    const itself = /(?:^|[\s,])(it|It)$/.exec(tail);
    if (itself?.[1] && this.lastGroup) return { speaker: this.lastGroup, source: { start: p - 2, end: p }, viaPronoun: true };
    const firm = COMPANY_SUBJECT.exec(tail);
    if (firm?.[1]) {
      // "the Swedish company said": the body the story last named, not a new speaker called "Swedish".
      // Names met later in this sentence ("the company said the Commission had …") are not candidates.
      const later = new Set(mentions.filter((x) => x.start >= p && x.name).map((x) => this.registry.canonical(x.name ?? "")));
      const name = this.recentNames.find((n) => {
        const profile = this.registry.profile(n);
        // A one-word "person" stands for the company only if the text capitalizes it mid-sentence, as a
        // name: not "Shoppers" opening a sentence, nor "Pacific" or "MSC-certified" on a quoted sign.
        const oneWord = profile?.kind === "person" && !n.includes(" ") && profile.role === null && this.mentionIndex.usage.midSentence.has(n);
        return !later.has(n) && !countryPhraseKind(n) && (profile?.kind === "organization" || oneWord);
      });
      const start = p - firm[1].length;
      if (name) {
        // A one-word name the text calls "the company" is a body.
        this.registry.setKind(name, "organization");
        return { speaker: { name, kind: "organization" }, source: { start, end: p }, viaPronoun: false };
      }
      return { speaker: null, source: { start, end: p }, viaPronoun: false };
    }
    const bodyWord = BODY_SUBJECT.exec(tail);
    const knownBody = bodyWord?.[1] && bodyWord[2] ? this.bodyAntecedent(bodyWord[2], p - bodyWord[1].length) : null;
    if (bodyWord?.[1] && knownBody) {
      // "the campaign wrote", "the ministry said in a statement": the body of that kind the story just quoted.
      return { speaker: knownBody, source: { start: p - bodyWord[1].length, end: p }, viaPronoun: false };
    }
    const age = AGE_SUBJECT.exec(tail);
    if (age?.[1]) {
      // "the 46-year-old said": a person the story just named, described by age.
      const start = p - age[1].length;
      return { speaker: this.antecedents.person("", start), source: { start, end: p }, viaPronoun: false };
    }
    const office = /(?:^|\s)((\p{Lu}[\p{L}’'-]+)['’]s\s+(?:office|campaign|team|government|administration))$/u.exec(tail);
    const phrase = office?.[1] ?? "";
    const owner = office?.[2] ?? "";
    const principal = owner ? mentions.find((x) => x.possessive && x.name && x.end === p - phrase.length + owner.length + 2) : undefined;
    if (phrase && principal) {
      // "Netanyahu's office rejected …": the office speaks in its principal's name.
      const ref = this.refFor(principal);
      if (ref) return { speaker: ref, source: { start: p - phrase.length, end: p }, viaPronoun: false };
    }
    const body = ORG_SUBJECT.exec(tail);
    const bodyCountry = body?.[2] ? countryCodeOf(body[2]) : null;
    if (body?.[1] && bodyCountry) {
      // "the Estonian foreign ministry said", "China's foreign ministry said": a body of that country.
      const name = titleCase(body[1].replace(/^(?:the|The)\s+/, ""));
      this.registry.ensure(name, "organization", bodyCountry);
      const start = p - body[1].length;
      return { speaker: { name, kind: "organization" }, source: { start, end: p }, viaPronoun: false };
    }
    const group = describedSourceBefore(this.text, floor, p);
    if (group) return this.describedSubject(group);
    const role = LOWER_ROLE_SUBJECT.exec(tail);
    if (role?.[1]) {
      // "the minister" is someone the story named; "a senior U.S. official" is nobody it can name.
      const indefinite = /^an?\s/i.test(role[1]);
      const profile = indefinite ? null : this.registry.byRole(role[1].replace(/^(?:the|a)\s+/i, ""), this.recentNames);
      const start = p - role[1].length;
      const ref = profile ? { name: profile.name, kind: profile.kind } : indefinite ? null : (this.formerHolder(role[1]) ?? titledAntecedent(this.antecedents, role[1], start));
      return { speaker: ref, source: { start, end: p }, viaPronoun: false };
    }
    // "…,” the organizer told them: an unnamed person the story describes speaks under that description.
    const person = DEFINITE_PERSON.exec(tail);
    if (person?.[1]) {
      const start = p - person[1].length;
      return { speaker: this.describedSpeaker(person[1], start), source: { start, end: p }, viaPronoun: false };
    }
    const described = HEAD_OF_SUBJECT.exec(this.text.slice(Math.max(floor, p - 90), p));
    if (described?.[1]) {
      // Wire ledes describe before they name: "The head of the U.N. nuclear watchdog said … / Rafael
      // Grossi, director general of …, told reporters". The first titled person named soon after is the one.
      const ahead = this.mentionIndex.within({ start: p, end: Math.min(this.text.length, p + 500) });
      const known = new Set(this.recentNames);
      for (const m of ahead) {
        if (m.kind !== "person" || !m.name || m.possessive) continue;
        const name = this.registry.canonical(m.name);
        const profile = this.registry.profile(name);
        if (!profile?.role || known.has(name) || !name.includes(" ")) continue;
        return { speaker: { name, kind: "person" }, source: { start: p - described[1].length, end: p }, viaPronoun: false };
      }
      // Nobody named soon after: the person speaks under the description ("the deputy head of the delegation").
      const start = p - described[1].length;
      return { speaker: this.describedSpeaker(described[1], start), source: { start, end: p }, viaPronoun: false };
    }
    return null;
  }

  /** Where a name ends before two or three comma-delimited asides that close at `p`; null if none does. */
  private afterAsides(head: string, p: number, floor: number, mentions: readonly TMention[]): number | null {
    let tail = head;
    let end = p;
    for (let k = 0; k < 3; k += 1) {
      const aside = /,[^,“”"]{2,80},$/.exec(tail);
      if (!aside) return null;
      const at = end - aside[0].length;
      if (k > 0 && at > floor && mentions.some((m) => m.end === at && m.name && !m.possessive && m.kind === "person")) return at;
      // The aside's opening comma closes the one before it.
      tail = tail.slice(0, tail.length - aside[0].length + 1);
      end = at + 1;
    }
    return null;
  }

  /**
   * "Trump and Cruz said", "Two objectors, Lawrence Joyce and William Graham, had challenged …": two people
   * joined by "and" at the head of their clause speak together, under both names.
   */
  private jointSubject(mentions: readonly TMention[], a: number, b: number, floor: number): TSubject | null {
    const first = mentions[a];
    const second = mentions[b];
    if (!first?.name || !second?.name || first.possessive || second.possessive || first.place || second.place) return null;
    if (!/^,?\s+and\s+$/.test(this.text.slice(first.end, second.start))) return null;
    if (!/(?:^\W*|[,;:]\s*|\b(?:But|And|Both|both)\s+)$/.test(this.text.slice(Math.max(floor, first.start - 20), first.start))) return null;
    const one = this.refFor(first);
    const two = this.refFor(second);
    if (!one || !two || one.kind !== "person" || two.kind !== "person" || one.name === two.name) return null;
    const name = `${one.name} and ${two.name}`;
    const countryOne = this.registry.profile(one.name)?.country ?? null;
    this.registry.ensure(name, "person", countryOne && countryOne === this.registry.profile(two.name)?.country ? countryOne : null);
    return { speaker: { name, kind: "person" }, source: { start: first.start, end: second.end }, viaPronoun: false };
  }

  /** The speaker named right after an inverted verb and closing the sentence: "said Senator Jim Smith." */
  private speakerAfterVerb(ve: number, sentence: TSpan, mentions: readonly TMention[]): { speaker: TSpeakerRef; source: TSpan } | null {
    const text = this.text;
    // The name may close with an appositive: ", a former official", ", who …", ", Politifact's editor".
    const tail = /^\s+([^,.;:!?“”"]{2,120}?)\s*(?:,\s+(?:who|a|an|the|\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3}['’]s)\b[^.]*)?[.;!?]?["”’]?\s*$/u.exec(text.slice(ve, sentence.end));
    if (!tail?.[1]) return null;
    // "…, however, said they believed Moscow …", "said the bridge would reopen": a clause, not a speaker's name.
    if (/^(?:he|she|they|it|we|i|you)\b/i.test(tail[1]) || /\b(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|does|did)\b/.test(tail[1])) return null;
    const start = ve + tail[0].indexOf(tail[1]);
    const end = start + tail[1].length;
    const named = [...mentions].reverse().find((m) => m.start >= start && m.end <= end && m.name && !m.possessive);
    const ref = named ? this.refFor(named) : null;
    if (named && ref) return { speaker: ref, source: { start: named.start, end: named.end } };
    const phrase = text.slice(start, end);
    if (phrase.split(/\s+/).length > 8 || !/^(?:\p{Lu}|several|many|some|most|other|two|three|a|an|the)\b/u.test(phrase)) return null;
    return { speaker: this.describedSpeaker(phrase, start), source: { start, end } };
  }

  /**
   * "the former president" in a story on Jeb Bush that brought George W. Bush along: of the people named
   * lately, the one who held a head of state's office, not the candidate the story follows.
   */
  private formerHolder(phrase: string): TSpeakerRef | null {
    if (!/^the\s+former\s+(?:president|prime minister|chancellor|premier)$/i.test(phrase)) return null;
    const name = this.recentNames.find((n) => this.registry.profile(n)?.kind === "person" && officeHolderCountry(n) !== null);
    return name ? { name, kind: "person" } : null;
  }

  /** The body of this kind ("campaign", "ministry") whose words the story last reported: "the campaign" is the Clinton campaign. */
  private bodyAntecedent(noun: string, at: number): TSpeakerRef | null {
    const word = noun.toLowerCase();
    for (let k = this.out.length - 1; k >= 0 && k >= this.out.length - RECENT; k -= 1) {
      const speaker = this.out[k]?.speaker;
      if (speaker?.kind === "organization" && speaker.name.toLowerCase().split(/\s+/).pop() === word) return speaker;
    }
    // "… while China's foreign ministry also weighed in. “…,” the ministry said": a country's body named
    // shortly before, though it said nothing yet.
    if (!/^(?:ministry|embassy|government)$/.test(word)) return null;
    const named = new RegExp(`(?:^|[^\\p{L}])(\\p{Lu}[\\p{L}]+(?:\\s\\p{Lu}[\\p{L}]+)?)(?:['’]s)?\\s+(?:[a-z]+\\s+){0,2}${word}\\b`, "gu");
    let last: RegExpExecArray | null = null;
    for (const m of this.text.slice(Math.max(0, at - 600), at).matchAll(named)) if (m[1] && countryCodeOf(m[1])) last = m;
    const country = last?.[1] ? countryCodeOf(last[1]) : null;
    if (!last || !country) return null;
    const name = titleCase(last[0].replace(/^[^\p{L}]+/u, "").replace(/^(?:the|The)\s+/, ""));
    this.registry.ensure(name, "organization", country);
    return { name, kind: "organization" };
  }

  /** Who a plain noun phrase names: "the minister" the story named before, else the described group itself. */
  private describedSpeaker(described: string, at: number | null = null): TSpeakerRef {
    const phrase = describedName(described);
    // "Mrs. Clinton often says": once its adverb is gone the phrase is a name the story knows.
    const named = this.registry.profile(phrase.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, ""));
    if (named && /^\p{Lu}/u.test(phrase)) return { name: named.name, kind: named.kind };
    const definite = /^(?:the|The)\s+(.+)$/.exec(phrase);
    const profile = definite?.[1] ? this.registry.byRole(definite[1], this.recentNames) : null;
    if (profile) return { name: profile.name, kind: profile.kind };
    const person = at === null ? null : this.describedByContext(phrase, at);
    if (person) return person;
    // "a recent Federal Elections Commission report", "polls compiled by Real Clear Politics": who published it.
    const publisher = (DOCUMENT_BY.exec(phrase)?.[1] ?? DOCUMENT_OF.exec(phrase)?.[1])?.trim();
    if (publisher) {
      const known = this.registry.profile(publisher);
      if (known) return { name: known.name, kind: known.kind };
      this.registry.ensure(publisher, "organization", null);
      return { name: publisher, kind: "organization" };
    }
    return { name: phrase, kind: "person" };
  }

  /** A description the story's protagonists resolve, read where it stands (`at`): a title, or "her" people. */
  private describedByContext(phrase: string, at: number): TSpeakerRef | null {
    // "The Republican presidential nominee for the Nov. 8 election": a protagonist's title, whatever follows it.
    const title = /^((?:the|The)\s+[^,]*?)(?:\s+(?:for|of|in|from|at|on|with)\s.*)?$/.exec(phrase)?.[1];
    const person = title ? titledAntecedent(this.antecedents, title, at) : null;
    if (person) return person;
    // "Her advisers and allies said": the people of the person "her" stands for ("Clinton advisers and allies").
    const owned = /^(His|Her|his|her)\s+(\p{Ll}.*)$/u.exec(phrase);
    const owner = owned?.[1] ? this.antecedents.person(owned[1], at) : null;
    if (!owned?.[2] || owner?.kind !== "person") return null;
    const name = `${owner.name.split(" ").pop() ?? owner.name} ${owned[2]}`;
    this.registry.ensure(name, "person", this.registry.profile(owner.name)?.country ?? null);
    return { name, kind: "person" };
  }

  /** A described group as a speaker: "an American official" is one, under that description. */
  private describedSubject(group: TDescribedSource): TSubject {
    this.registry.ensure(group.name, group.kind, group.country);
    return { speaker: { name: group.name, kind: group.kind }, source: { start: group.start, end: group.end }, viaPronoun: false };
  }

  /** The subject of the sentence's main clause, for participles ("…, stressing …"). */
  private sentenceSubject(sentence: TSpan, before: number, mentions: readonly TMention[]): TSubject | null {
    // A quote given its speaker from context alone (no cue) does not name the sentence's subject.
    const prior = this.findRecent((s) => s.sentence.start === sentence.start && s.speaker !== null && s.cue !== null);
    if (prior) return { speaker: prior.speaker, source: prior.source, viaPronoun: false };
    const main = mainClauseStart(this.text, sentence);
    // "The retired neurosurgeon has given no details, saying …": a definite description heads the main
    // clause; it stands for the person the story introduced with that title, or its last protagonist.
    const opening = DESCRIBED_OPENING.exec(this.text.slice(main, before));
    if (opening?.[1]) {
      const start = main + opening[0].indexOf(opening[1]);
      const profile = this.registry.byRole(opening[1].replace(/^(?:the|The)\s+/, ""), this.recentNames);
      const ref = profile ? { name: profile.name, kind: profile.kind } : titledAntecedent(this.antecedents, opening[1], start);
      if (ref) return { speaker: ref, source: { start, end: start + opening[1].length }, viaPronoun: false };
    }
    // A body heads the sentence ("The Bank of Japan kept … and said"); a bare country does not speak here.
    const first = mentions.find((x) => x.start < before && !x.possessive && x.name);
    const bodyFirst =
      first?.kind === "organization" &&
      first.name &&
      /^(?:(?:The|the)\s+)?$/.test(this.text.slice(sentence.start, first.start)) &&
      countryPhraseKind(first.name) !== "name" &&
      countryPhraseKind(first.name) !== "demonym";
    // "Fueled … by frustration with Obama, Trump explained": the main clause's subject, not a name in the clause before it.
    const isSubject = (x: TMention, from: number): boolean => x.start >= from && x.start < before && !x.possessive && !x.place && !!x.name && x.kind !== "organization";
    const m = bodyFirst ? first : (mentions.find((x) => isSubject(x, main)) ?? mentions.find((x) => isSubject(x, sentence.start)));
    const joint = m ? this.jointSubject(mentions, mentions.indexOf(m), mentions.indexOf(m) + 1, sentence.start) : null;
    if (joint) return joint;
    if (m) {
      const ref = this.refFor(m);
      if (ref) return { speaker: ref, source: { start: m.start, end: m.end }, viaPronoun: false };
    }
    const pron = /^(?:[^,]*,\s*)?(he|she|they|He|She|They)\b/.exec(this.text.slice(sentence.start, Math.min(before, sentence.start + 200)));
    if (pron?.[1]) {
      const start = sentence.start + (pron.index ?? 0) + pron[0].length - pron[1].length;
      const ref = /^they$/i.test(pron[1]) ? this.groupAntecedent(start) : this.antecedents.person(pron[1], start);
      return { speaker: ref, source: { start, end: start + pron[1].length }, viaPronoun: true };
    }
    // "Other Republicans echoed those comments, saying …": the people the sentence opened with.
    const plural = this.pluralSubject;
    if (plural && plural.at >= sentence.start && plural.end < before) return { speaker: plural.ref, source: { start: plural.at, end: plural.end }, viaPronoun: false };
    return null;
  }

  /** Notes the plural people a sentence opens with ("Republicans are …", "Many farm groups say …"). */
  private notePluralSubject(sentence: TSpan): void {
    const m = PLURAL_SUBJECT.exec(this.text.slice(sentence.start, Math.min(sentence.end, sentence.start + 160)));
    const phrase = m?.[1];
    // "Because of how Democrats crafted the schedule, explained Rosenberg": a subordinate clause opens the sentence, not its people.
    if (!phrase || this.quoteAt(sentence.start) || OPENS_CLAUSE.test(phrase)) return;
    const at = sentence.start + (m.index ?? 0) + m[0].indexOf(phrase);
    this.pluralSubject = { ref: this.describedSpeaker(phrase), at, end: at + phrase.length };
  }

  private isPluralSubject(source: TSpan): boolean {
    return this.pluralSubject !== null && source.start === this.pluralSubject.at && source.end === this.pluralSubject.end;
  }

  /** Whom "they" at `at` stands for: the body that spoke last or the people a recent sentence opened with, whichever is nearer. */
  private groupAntecedent(at: number): TSpeakerRef | null {
    const plural = this.pluralSubject && this.pluralSubject.at < at && at - this.pluralSubject.at <= PLURAL_REACH ? this.pluralSubject : null;
    if (plural && plural.at > this.lastGroupAt) return plural.ref;
    return this.lastGroup;
  }

  private push(s: Omit<TRawStatement, "responseCue" | "factCheckOf" | "question">): void {
    if (s.span.end <= s.span.start) return;
    if (this.findRecent((o) => o.span.start < s.span.end && s.span.start < o.span.end)) return;
    const question = /\?\s*$/.test(this.text.slice(s.span.start, s.span.end));
    this.out.push({ ...s, responseCue: null, factCheckOf: null, question });
    // People "they" stands for ("Republicans"), or the people a sentence opened with ("Other Republicans
    // echoed …, saying"), are no antecedent for "he" or "she".
    const plural = s.source !== null && (/^they$/i.test(this.text.slice(s.source.start, s.source.end)) || this.isPluralSubject(s.source));
    if (s.speaker?.kind === "person" && !plural) this.antecedents.noteSpeaker(s.speaker, s.sentence, s.span.start);
    if (s.speaker && s.speaker.kind === "organization") {
      this.lastGroup = s.speaker;
      this.lastGroupAt = s.span.start;
    }
  }

  private handleQuote(q: TQuote, sentence: TSpan, paragraph: number, mentions: readonly TMention[]): void {
    const text = this.text;
    const inner = q.inner;
    let innerEnd = inner.end;
    while (innerEnd > inner.start && /[\s,]/.test(text[innerEnd - 1] ?? "")) innerEnd -= 1;
    const span = { start: inner.start, end: innerEnd };
    const prevWord = lastWordBefore(text, q.open, sentence.start);
    // Look-behinds read a bounded tail so a huge sentence stays linear.
    const tailStart = Math.max(sentence.start, q.open - 160);
    const prefix = text.slice(tailStart, q.open);
    const prevChar = prefix.trimEnd().slice(-1);
    const words = wordCount(text, span, 11);
    const calling = CALLING.exec(prefix);
    if (calling?.[1] && words <= 10) {
      const verbStart = tailStart + (calling.index ?? 0);
      const subject = this.subjectBefore(verbStart, sentence.start, mentions) ?? this.sentenceSubject(sentence, verbStart, mentions);
      if (subject?.speaker) {
        this.push({
          speaker: subject.speaker,
          mode: "mixed",
          span: { start: verbStart, end: q.close },
          cue: { text: calling[1], start: verbStart, end: verbStart + calling[1].length },
          source: subject.source,
          confidence: 0.75,
          sentence,
          paragraph,
        });
        this.consumed.push({ start: verbStart, end: q.close });
        // "called the comments “warmongering”": labelling someone's words answers them.
        const object = /^\S+\s+(?:(?:the|his|her|their|its|these|those)\s+|\p{Lu}[\p{L}.’'-]*['’]s\s+)([\p{L}-]+)/u.exec(text.slice(verbStart, q.open));
        const pushed = this.out[this.out.length - 1];
        if (object?.[1] && CLAIM_NOUNS.test(object[1]) && pushed?.span.start === verbStart) {
          const label = text.slice(q.inner.start, q.inner.end);
          pushed.responseCue = { relation: CONTRAST_WORDS.test(label) ? "rebuts" : "responds", text: text.slice(verbStart, verbStart + object[0].length), target: null };
        }
      }
      return;
    }
    const afterLetter = /[\p{L}\p{N}]/u.test(prevChar);
    const verbBefore = prevWord ? SPEECH_VERBS.has(prevWord.word.toLowerCase()) || /^that$/i.test(prevWord.word) : false;
    if (afterLetter && !verbBefore && words <= 8) return; // a scare quote or a quoted term inside prose

    // Attribution after the quote: "…,” Trump said / "…,” said Trump / "…,” he told reporters.
    const asLead = this.asAttribution(q, sentence, mentions, prefix);
    const after = asLead ? null : this.closingAttribution(q, sentence, mentions, this.attributionAfter(q, sentence, mentions));
    const beforeAttr = asLead || after ? null : this.attributionBefore(q, sentence, mentions);
    const attr = asLead ?? after ?? beforeAttr;
    if (attr) {
      this.push({
        speaker: attr.subject.speaker,
        mode: "direct",
        span,
        cue: attr.cue,
        source: attr.subject.source,
        confidence: attr.subject.speaker ? (attr.subject.viaPronoun ? 0.85 : 0.95) : 0.3,
        sentence,
        paragraph,
      });
      this.consumed.push({ start: attr.cue.start, end: attr.cue.end });
      return;
    }
    const lead = this.leadInAttribution(q, sentence, mentions, prefix);
    if (lead) {
      // "argued that Cruz has “got to come a long way”": the reported clause and its quote are one statement.
      const leadIn = lead.contentStart !== null && wordCount(text, { start: lead.contentStart, end: q.open }, 1) > 0;
      this.push({
        speaker: lead.subject.speaker,
        mode: leadIn ? "mixed" : "direct",
        span: leadIn && lead.contentStart !== null ? { start: lead.contentStart, end: q.close } : span,
        cue: lead.cue,
        source: lead.subject.source,
        confidence: 0.8,
        sentence,
        paragraph,
      });
      if (lead.cue) this.consumed.push({ start: lead.cue.start, end: lead.cue.end });
      return;
    }
    // A quote the sentence goes on about ("“Your hands are bloody” was written on banners") has no speaker.
    if (/^\s*(?:was|were|is|are|read|reads|appeared|became|has|had)\b/.test(text.slice(q.close, q.close + 20))) {
      this.push({ speaker: null, mode: "direct", span, cue: null, source: null, confidence: 0.2, sentence, paragraph });
      return;
    }
    // With no attribution at all, a quote of a few words inside a sentence or in title case names a
    // thing ("Trumpcare", a book title), it does not report what anyone said.
    // A short quote that opens its sentence ("« Nous resterons », a déclaré …") is still speech.
    if ((words <= 3 && q.open > sentence.start) || isTitleCase(text, span)) return;
    // Context: the speaker of the statement just before, in this or the previous paragraph.
    // Outlet fact-checks and commenters never carry on speaking inside someone's quote.
    const prev = this.findRecent((o) => o.speaker?.kind === "person" || o.speaker?.kind === "organization");
    const near = prev && paragraph - prev.paragraph <= 1 && prev.speaker;
    // "On Wednesday, he seemed to hint …, warning that “…”": a sentence led by "he"/"she" is that person's.
    const pron = /^((?:[^,“”"]{0,40},\s*)?)(he|she|He|She)\s+[a-z]+/.exec(text.slice(sentence.start, q.open));
    const pronStart = sentence.start + (pron?.[1]?.length ?? 0);
    const led = pron?.[2] ? this.antecedents.person(pron[2], pronStart) : null;
    const introducer = led ? null : this.colonIntroducer(q, paragraph);
    this.push({
      speaker: led ?? introducer?.speaker ?? (near ? prev.speaker : null),
      mode: "direct",
      span,
      cue: null,
      source: led && pron?.[2] ? { start: pronStart, end: pronStart + pron[2].length } : (introducer?.source ?? null),
      confidence: introducer ? 0.8 : near ? 0.6 : 0.2,
      sentence,
      paragraph,
    });
  }

  /**
   * "As Akhil Amar, professor of law at Yale, put it, “…”", "as Archbishop Aris Vartan told the AP, “…”":
   * the quote right after an "as"-clause with a reporting verb is that clause's subject's.
   */
  private asAttribution(q: TQuote, sentence: TSpan, mentions: readonly TMention[], prefix: string): { subject: TSubject; cue: TCue } | null {
    if (!/,\s*$/.test(prefix)) return null;
    const as = /(?:^|[\s,(])[Aa]s\s+(?=\p{Lu})/gu;
    let last: RegExpExecArray | null = null;
    for (let m = as.exec(prefix); m; m = as.exec(prefix)) last = m;
    if (!last) return null;
    const from = q.open - prefix.length + last.index + last[0].length;
    const clause = this.text.slice(from, q.open);
    // Titles in quotes ("author of ''The Unwritten Rule''") may stand in the clause; reported words may not.
    if (this.quotesBetween(from, q.open).some((o) => o.close <= q.open && !isTitleCase(this.text, o.inner))) return null;
    const verb = /\b(?:told|said|put it|wrote|noted|explained|argued|tweeted|observed|remarked|warned|declared)\b/.exec(clause);
    if (!verb || !/^[^“”"]*,\s*$/.test(clause.slice(verb.index)) || clause.slice(verb.index).length > 80) return null;
    const vs = from + verb.index;
    // The subject opens the clause, after a capitalized title at most ("as Archbishop Aris Vartan").
    const m = mentions.find((x) => x.start >= from && x.end <= vs && x.name && !x.possessive && !x.place && /^(?:\p{Lu}[\p{L}.]*\s+){0,2}$/u.test(this.text.slice(from, x.start)));
    const ref = m ? this.refFor(m) : null;
    if (!m || !ref) return null;
    return { subject: { speaker: ref, source: { start: m.start, end: m.end }, viaPronoun: false }, cue: { text: verb[0], start: vs, end: vs + verb[0].length } };
  }

  /**
   * "Trump issued the following statement:" and the quote as a paragraph of its own: the subject of the
   * line the colon ends speaks it (a name, or "he"/"she" for the person last made a subject).
   */
  private colonIntroducer(q: TQuote, paragraph: number): TSubject | null {
    const para = this.paragraphs[paragraph];
    const before = this.paragraphs[paragraph - 1];
    if (!para || !before || /\S/.test(this.text.slice(para.start, q.open))) return null;
    const line = this.text.slice(before.start, before.end).trimEnd();
    if (!line.endsWith(":") || this.quoteAt(before.start + line.length - 1)) return null;
    // "Partial transcript:" is a label; "Trump issued the following statement:" introduces words.
    if (!INTRODUCING_VERB.test(line.slice(-160))) return null;
    const stop = Math.max(line.lastIndexOf(". "), line.lastIndexOf("? "), line.lastIndexOf("! "));
    const sentence = { start: before.start + (stop === -1 ? 0 : stop + 2), end: before.start + line.length };
    const main = mainClauseStart(this.text, sentence);
    const m = this.mentionIndex
      .within(sentence)
      .find((x) => x.start >= main && x.name && !x.possessive && !x.place && x.kind !== "outlet" && this.quoteAt(x.start) === null && !PREPOSITION_BEFORE.test(this.text.slice(Math.max(sentence.start, x.start - 12), x.start)));
    const ref = m ? this.refFor(m) : null;
    if (m && ref) return { speaker: ref, source: { start: m.start, end: m.end }, viaPronoun: false };
    const pron = /^(\s*(?:[^,]{0,60},\s*)?)(He|She)\s+\p{Ll}/u.exec(this.text.slice(main, sentence.end));
    if (!pron?.[2]) return null;
    const start = main + (pron[1]?.length ?? 0);
    const person = this.antecedents.person(pron[2], start);
    return person ? { speaker: person, source: { start, end: start + pron[2].length }, viaPronoun: true } : null;
  }

  /**
   * A speaker introducing the quote earlier in its sentence: "Tusk put it more bluntly: “…”" (a colon
   * after a named subject) or "Wong said in a statement that it would contribute to “…”".
   */
  private leadInAttribution(
    q: TQuote,
    sentence: TSpan,
    mentions: readonly TMention[],
    prefix: string,
  ): { subject: TSubject; cue: TCue | null; contentStart: number | null } | null {
    const text = this.text;
    if (this.quotesBetween(sentence.start, q.open).some((o) => o.close <= q.open)) return null;
    if (/:\s*$/.test(prefix)) {
      const m = mentions.find((x) => x.start >= sentence.start && x.end <= q.open && !x.possessive && x.name && x.kind !== "outlet");
      const ref = m ? this.refFor(m) : null;
      // "Tusk put it: …", "Or, as Tom Ridge, a former minister, put it: …".
      if (m && ref && /^\s*(?:(?:Or|But|And),?\s+as\s+|[Aa]s\s+)?(?:(?:the|The)\s+)?$/.test(text.slice(sentence.start, m.start))) {
        return { subject: { speaker: ref, source: { start: m.start, end: m.end }, viaPronoun: false }, cue: null, contentStart: null };
      }
      return null;
    }
    const re = new RegExp(WORD.source, "gu");
    re.lastIndex = sentence.start;
    for (let w = re.exec(text); w && w.index < q.open; w = re.exec(text)) {
      if (!CLAUSE_VERBS.has(w[0]) || this.isConsumed(w.index)) continue;
      const verbEnd = w.index + w[0].length;
      const between = text.slice(verbEnd, q.open);
      if (between.length > 200) continue;
      // "said that …" or "said he had received offers, but “…”": the verb's clause leads into the quote.
      const that = /\bthat\s+/.exec(between);
      const clause = that ? -1 : clauseStartAfter(text, verbEnd, q.open, w[0]);
      if ((!that || between.length > 140) && clause === -1) continue;
      const subject = this.subjectBefore(w.index, sentence.start, mentions);
      const contentStart = that ? verbEnd + that.index + that[0].length : clause;
      if (subject?.speaker) return { subject, cue: { text: w[0], start: w.index, end: verbEnd }, contentStart };
    }
    return null;
  }

  /**
   * "“…,” referring to the talks in Cairo last week, Indyk said.": a name and a reporting verb closing the
   * quote's sentence speak it when the words right after the quote named nobody (or only "he"/"she").
   */
  private closingAttribution(
    q: TQuote,
    sentence: TSpan,
    mentions: readonly TMention[],
    found: { subject: TSubject; cue: TCue } | null,
  ): { subject: TSubject; cue: TCue } | null {
    if (found && !found.subject.viaPronoun && found.subject.speaker) return found;
    const tail = this.text.slice(q.close, sentence.end);
    if (tail.length > 300 || /[“”"]|''/.test(tail)) return found;
    const close = CLOSING_ATTRIBUTION.exec(tail);
    if (!close?.[1] || !close[2]) return found;
    const at = q.close + (close.index ?? 0) + close[0].indexOf(close[1]);
    const m = mentions.find((x) => x.start === at && x.name && !x.possessive && !x.place);
    const ref = m ? this.refFor(m) : null;
    if (!m || !ref || ref.kind !== "person") return found;
    // "he told the delegations …, Indyk said" is Indyk's own "he" only if the pronoun stood for nobody else named.
    if (found?.subject.speaker && found.subject.speaker.name !== ref.name && found.cue.start < at && !/^(?:he|she)$/i.test(this.text.slice(found.subject.source?.start ?? 0, found.subject.source?.end ?? 0))) return found;
    const verbAt = q.close + (close.index ?? 0) + close[0].lastIndexOf(close[2]);
    // A pronoun's own verb stays the cue ("he told …"): it is the one the quote hangs on.
    const cue = found?.cue ?? { text: close[2], start: verbAt, end: verbAt + close[2].length };
    return { subject: { speaker: ref, source: { start: m.start, end: m.end }, viaPronoun: false }, cue };
  }

  private attributionAfter(q: TQuote, sentence: TSpan, sentenceMentions: readonly TMention[]): { subject: TSubject; cue: TCue } | null {
    const text = this.text;
    const closingParagraph = this.paragraphs[q.lastParagraph];
    let limit = Math.min(Math.max(sentence.end, closingParagraph?.end ?? 0), q.close + 120);
    const mentions = q.multiParagraph ? this.mentionIndex.within({ start: q.close, end: limit }) : sentenceMentions;
    const re = new RegExp(WORD.source, "gu");
    // "“This will be a challenge” for Clinton, said Kunin.": a clause finishing the quote comes before the
    // attribution; the verb is looked for after its comma, and nothing inside it is the speaker.
    const trailing = TRAILING_CLAUSE.exec(text.slice(q.close, limit));
    const from = trailing && /^,\s+(?:[\p{L}.’'-]+\s+){0,3}?(?:said|says|added|adds|argued|told)\b/u.test(text.slice(q.close + trailing[0].length, limit)) ? q.close + trailing[0].length + 1 : q.close;
    re.lastIndex = from;
    let count = 0;
    for (let m = re.exec(text); m && m.index < limit && count < 8; m = re.exec(text)) {
      count += 1;
      if (this.quoteAt(m.index)) break;
      const word = m[0];
      // "…,” an intelligence source, who was not authorized to speak, told …": a relative clause set off
      // by commas does not use up the words the verb may be looked for in.
      if (word === "who" && /,\s*$/.test(text.slice(m.index - 3, m.index))) {
        const close = text.slice(m.index, Math.min(limit, m.index + 120)).search(/,\s/);
        if (close > 0) {
          re.lastIndex = m.index + close;
          count -= 1;
          continue;
        }
      }
      // "…,” Dale Hurst, an economic adviser to the party and former director of its budget office, wrote",
      // "…,” Xinhua, the official Chinese news agency, wrote", "…,” Fred Kagan, director of …, said":
      // an appositive after the name uses up no words either, and the verb may stand past the usual reach.
      if (/^\p{Ll}/u.test(word) && !SPEECH_VERBS.has(word) && /[\p{L}.],\s*$/u.test(text.slice(m.index - 3, m.index)) && this.mentionIndex.within({ start: q.close, end: m.index }).some((x) => x.kind === "person" && /^,\s*$/.test(text.slice(x.end, m.index)))) {
        const close = text.slice(m.index, Math.min(sentence.end, m.index + 160)).search(/,\s/);
        if (close > 0) {
          re.lastIndex = m.index + close;
          limit = Math.max(limit, Math.min(sentence.end, m.index + close + 40));
          continue;
        }
      }
      // Reporting verbs after a quote are lowercase; "Said" is a name ("Omar Said Khan").
      // "…,” she went on.": carrying on speaking is a reporting verb too.
      const goesOn = /^(?:went|goes)$/.test(word) ? /^\s+on\b(?=\s*[.,;])/.exec(text.slice(m.index + word.length, m.index + word.length + 8)) : null;
      if (!SPEECH_VERBS.has(word) && !goesOn) continue;
      // "press secretary Karoline Leavitt told": a verb-like word before a title is a noun.
      if (NOUN_AFTER.test(text.slice(m.index + word.length, m.index + word.length + 16))) continue;
      // "Mr. Zahed said: “…”" opens the next quote; it does not close the one before.
      if (/^\s*:/.test(text.slice(m.index + word.length, m.index + word.length + 4))) break;
      const between = text.slice(from, m.index);
      if (/[.!?;]/.test(between.replace(/\b(?:\p{Lu}\.)+/gu, "")) && !/^\s*$/.test(between)) {
        if (/[!?]\s*$/.test(between)) break;
      }
      const cueEnd = m.index + word.length + (goesOn?.[0].length ?? 0);
      const cue = { text: text.slice(m.index, cueEnd), start: m.index, end: cueEnd };
      const subject = this.subjectBefore(m.index, from, mentions);
      if (subject) return { subject, cue };
      // Inverted: "said Trump", "added the minister".
      const afterVerb = m.index + word.length;
      // The name where the gap ends comes first: "said another Twitter user, Ann Holt" is Ann Holt, not Twitter.
      const gap = invertedGap(text, afterVerb);
      const first = mentions.find((x) => x.start === afterVerb + gap) ?? mentions.find((x) => x.start > afterVerb && x.start <= afterVerb + gap);
      const inv = first ? qualifiedPerson(text, mentions[mentions.indexOf(first) + 1], first) : undefined;
      if (inv && /^\s*,?\s*$/.test(between)) {
        const ref = this.refFor(inv);
        if (ref) return { subject: { speaker: ref, source: { start: inv.start, end: inv.end }, viaPronoun: false }, cue };
      }
      const group = /^\s*,?\s*$/.test(between) ? describedSourceAfter(text, afterVerb) : null;
      if (group) return { subject: this.describedSubject(group), cue };
      const ageInv = /^\s+(the\s+\d{1,3}-year-old)\b/.exec(text.slice(afterVerb, afterVerb + 24));
      if (ageInv?.[1]) {
        // "…,” said the 46-year-old.": the person the story just named.
        const start = afterVerb + ageInv[0].length - ageInv[1].length;
        const ref = this.antecedents.person("", start);
        if (ref) return { subject: { speaker: ref, source: { start, end: start + ageInv[1].length }, viaPronoun: false }, cue };
      }
      const lowerInv = /^\s+(the\s+(?:[a-z]+\s+){0,2}(?:president|prime minister|minister|secretary|spokesman|spokeswoman|spokesperson|ministry|official|leader))\b/.exec(
        text.slice(afterVerb, afterVerb + 60),
      );
      if (lowerInv?.[1]) {
        const profile = this.registry.byRole(lowerInv[1].replace(/^the\s+/, ""), this.recentNames);
        const start = afterVerb + lowerInv[0].length - lowerInv[1].length;
        const ref = profile ? { name: profile.name, kind: profile.kind } : (this.formerHolder(lowerInv[1]) ?? titledAntecedent(this.antecedents, lowerInv[1], start));
        return {
          subject: { speaker: ref, source: { start, end: start + lowerInv[1].length }, viaPronoun: false },
          cue,
        };
      }
      if (/^\s*,?\s*$/.test(between)) return null;
      break;
    }
    return null;
  }

  private attributionBefore(q: TQuote, sentence: TSpan, mentions: readonly TMention[]): { subject: TSubject; cue: TCue } | null {
    const text = this.text;
    const before = this.quotes[this.firstQuoteFrom(q.open) - 1];
    const prevQuote = before && before.close <= q.open && before.close > sentence.start ? before : undefined;
    const floor = Math.max(prevQuote ? prevQuote.close : sentence.start, q.open - 300);
    const prefix = text.slice(floor, q.open);
    if (!/[,:]\s*$|\b(?:said|says|added|asked|told|wrote|stating|saying|questioning|adding|insisting)\s*$/.test(prefix)) return null;
    const re = new RegExp(WORD.source, "gu");
    let best: RegExpExecArray | null = null;
    for (let m = re.exec(prefix); m; m = re.exec(prefix)) if (SPEECH_VERBS.has(m[0])) best = m;
    if (!best) return null;
    const verbStart = floor + best.index;
    const tail = prefix.slice(best.index + best[0].length);
    if (tail.length > 70 || /[.!?;]/.test(tail)) return null;
    const cue = { text: best[0], start: verbStart, end: verbStart + best[0].length };
    let subject = this.subjectBefore(verbStart, floor, mentions);
    // "…, explained Rosenberg, “…”": an inverted subject between the verb and the quote it opens.
    const inverted = subject ? undefined : mentions.find((x) => x.start > cue.end && x.name && !x.possessive && !x.place && /^\s+$/.test(text.slice(cue.end, x.start)) && /^\s*,\s*$/.test(text.slice(x.end, q.open)));
    const invertedRef = inverted ? this.refFor(inverted) : null;
    if (inverted && invertedRef) subject = { speaker: invertedRef, source: { start: inverted.start, end: inverted.end }, viaPronoun: false };
    if (!subject && prevQuote) {
      // "…,” he said, “…” — the interrupting attribution already named the speaker.
      const prev = this.out[this.out.length - 1];
      if (prev?.speaker) subject = { speaker: prev.speaker, source: prev.source, viaPronoun: false };
    }
    subject ??= this.sentenceSubject(sentence, verbStart, mentions);
    return subject ? { subject, cue } : null;
  }

  private handleReported(sentence: TSpan, paragraph: number, mentions: readonly TMention[]): void {
    const text = this.text;
    const re = new RegExp(WORD.source, "gu");
    re.lastIndex = sentence.start;
    for (let m = re.exec(text); m && m.index < sentence.end; m = re.exec(text)) {
      // "pointed out that …": the particle belongs to the cue.
      const particle = /^point(?:s|ed|ing)?$/.test(m[0]) ? /^\s+out\b/.exec(text.slice(re.lastIndex, re.lastIndex + 8)) : null;
      const word = particle ? `${m[0]} out` : m[0];
      const lower = word.toLowerCase();
      const judging = JUDGE_VERBS.has(lower) || LABEL_AS_VERBS.has(lower) || CALL_VERBS.has(lower) || (JUDGE_BASE_VERBS.has(lower) && this.baseVerbAt(sentence, paragraph, m.index));
      if (word === lower && judging && !this.quoteAt(m.index) && !this.isConsumed(m.index)) {
        const judged = this.judgementAt(sentence, paragraph, mentions, word, m.index);
        if (judged !== null) {
          re.lastIndex = Math.max(re.lastIndex, judged);
          continue;
        }
      }
      // Backing or rebutting someone is a reported reaction even when the verb is not a speech verb ("echoed").
      if (word !== lower || !(SPEECH_VERBS.has(lower) || SUPPORT_VERBS.has(lower) || REBUT_VERBS.has(lower) || BELIEF_VERBS.has(lower))) continue;
      // "thought" is a noun as often ("a thought", "second thoughts", "school of thought"): a verb only right after its subject.
      if (lower === "thought" && !THOUGHT_SUBJECT.test(text.slice(Math.max(sentence.start, m.index - 40), m.index))) continue;
      if (NOUN_AFTER.test(text.slice(m.index + word.length, m.index + word.length + 16))) continue;
      // "wrote on X that …", "tweeted that …": written words reported with "that" are statements too.
      if (QUOTE_ONLY_VERBS.has(lower) && !(WRITE_VERBS.test(lower) && /^[^,.;:!?“”"]{0,60}?\bthat\s/.test(text.slice(m.index + word.length, sentence.end)))) continue;
      const vs = m.index;
      const ve = particle ? re.lastIndex + particle[0].length : vs + word.length;
      // "reported a rise in sales" names no claim; "reported that …" and "…, the Journal reported." do.
      if (THAT_ONLY_VERBS.has(lower) && !REPORT_CONTENT.test(text.slice(ve, sentence.end))) continue;
      if (this.quoteAt(vs) || this.isConsumed(vs)) continue;
      if (/^[A-Z]/.test(word) && vs === sentence.start) continue;
      // "the disputed sea", "a promised review": after a determiner the participle is an adjective.
      if (/(?:^|\s)(?:the|a|an|this|these|those|its|his|her|their|our)\s+$/i.test(text.slice(Math.max(sentence.start, vs - 8), vs))) continue;
      // "On a more conciliatory note, …": a verb that is also a noun, after an article and its adjectives.
      if (/^notes?$/.test(lower) && /(?:^|\s)(?:the|a|an|this|that|one)\s+(?:[a-z]+\s+){1,2}$/i.test(text.slice(Math.max(sentence.start, vs - 30), vs))) continue;
      // "at the seafood counter", "no Palestinian state on his watch", "the 10-year Treasury note": a bare
      // verb form that is also a noun, after a determiner and a singular word or two, is the noun.
      // Not "Critics of the plan claim": the phrase hangs off a plural subject.
      const lead = text.slice(Math.max(sentence.start, vs - 60), vs);
      if (NOUN_VERB_BASE.test(lower) && SINGULAR_NOUN_PHRASE_BEFORE.test(lead.slice(-40)) && !PLURAL_HEAD_PHRASE_BEFORE.test(lead)) continue;
      const result = this.reportedAt(sentence, paragraph, mentions, word, vs, ve);
      if (result !== null) re.lastIndex = Math.max(re.lastIndex, result);
    }
  }

  /**
   * "denounced Trump’s comments": the plain object a judgement is about, as an empty match (the
   * judgement's words run on from the verb); null unless the object is someone's words or deeds.
   */
  private judgedObject(after: string): RegExpExecArray | null {
    return JUDGED_OBJECT.test(after) ? /^/.exec(after) : null;
  }

  /**
   * A base form at `vs` is a verb here: after "to", a modal, an adverb or a plural subject, not after a
   * determiner. Not in a headline ("Experts rebuke Trump proposal for …"): its present tense reports
   * what the story below tells.
   */
  private baseVerbAt(sentence: TSpan, paragraph: number, vs: number): boolean {
    const first = this.paragraphs[0];
    if (paragraph === 0 && first && sentence.start <= first.start + 1 && sentence.end >= first.end - 1) return false;
    const lead = this.text.slice(Math.max(sentence.start, vs - 60), vs);
    return BEFORE_BASE_VERB.test(lead) || PLURAL_BEFORE_BASE_VERB.test(lead);
  }

  /**
   * "accused him of pandering …", "criticised Khan for making “very rude statements”": the judgement
   * from the verb to the end of its clause is the statement. Returns where scanning may resume, or null.
   */
  private judgementAt(sentence: TSpan, paragraph: number, mentions: readonly TMention[], word: string, vs: number): number | null {
    const text = this.text;
    const ve = vs + word.length;
    const after = text.slice(ve, Math.min(sentence.end, ve + 90));
    // "called for his dismissal", "called on the senator to apologize": a demand, read like a judgement.
    const calling = CALL_VERBS.has(word);
    const labelAs = LABEL_AS_VERBS.has(word) || LABEL_AS_BASE_VERBS.has(word);
    const base = JUDGE_BASE_VERBS.has(word);
    // "pushed back against Diaz's figures, calling them a fantasy": after a response phrase the label is
    // part of the response the response reader takes whole.
    // "was called to testify" is passive: nobody named demands anything.
    const passive = /\b(?:was|were|been|be|is|are|being)\s+$/.test(text.slice(Math.max(sentence.start, vs - 10), vs));
    const object = calling
      ? (CALL_OBJECT.exec(after) ??
        (RESPONSE_PHRASE.test(text.slice(sentence.start, vs)) ? null : CALL_LABEL.exec(after)) ??
        (passive || word !== "called" ? null : CALL_TO.exec(after)))
      : labelAs
        ? AS_OBJECT.exec(after)
        : (/^\s+(?:[\p{L}\p{N}’'.-]+\s+){1,6}?(of|for|over|as)\s+(?=\S)/u.exec(after) ?? (PLAIN_OBJECT_JUDGE.test(word) ? this.judgedObject(after) : null));
    if (!object) return null;
    // "portrayed Trump as …" needs its "as"; "as" after other verbs must open a description, not a clause ("as he left").
    const viaAs = object[1] === "as";
    if (labelAs !== viaAs && !JUDGE_VERBS.has(word) && !base && !calling) return null;
    if (viaAs && AS_CONJUNCTION.test(text.slice(ve + object[0].length, ve + object[0].length + 12))) return null;
    const lead = text.slice(Math.max(sentence.start, vs - 80), vs);
    // "hit back by accusing him of …": the means is the sentence subject's own act.
    // "continued to portray …": an infinitive's subject is the sentence's.
    const participle = /(?:,|\band|\bbefore|\bafter|\bwhile)\s*$/.test(lead) || (/ing$/.test(word) && /\bby\s*$/.test(lead)) || (base && /\bto\s*$/.test(lead));
    let subject = participle ? this.sentenceSubject(sentence, vs, mentions) : this.subjectBefore(vs, sentence.start, mentions);
    if (!subject?.speaker && !participle) {
      const found = nounPhraseBefore(text, vs, sentence.start);
      const np = found ? describedPhrase(found) : null;
      if (np) subject = { speaker: this.describedSpeaker(np.text, np.start), source: { start: np.start, end: np.end }, viaPronoun: false };
    }
    if (!subject?.speaker) return null;
    const from = ve + object[0].length;
    // The judgement is one phrase: it ends at the first clause punctuation outside a quotation.
    const end = this.firstUnquoted(JUDGEMENT_END, from, Math.min(sentence.end, from + MAX_CONTENT));
    const span = this.contentSpan(vs, end);
    // "accused him of sexism", "calling Trump a fascist": four words make a judgement with its object.
    const minWords = calling || object[1] === "of" || viaAs ? 4 : 5;
    if (wordCount(text, span, minWords) < minWords) return null;
    this.push({
      speaker: subject.speaker,
      mode: this.modeOf(span, span.end),
      span,
      cue: { text: word, start: vs, end: ve },
      source: subject.source,
      confidence: 0.7,
      sentence,
      paragraph,
    });
    return span.end;
  }

  /**
   * "dismissed Clinton’s charges about his stance on Obama": a rebuttal of a named claim, read from the
   * verb to the end of its clause (or to "by" + a participle of means), carrying its response cue. Null
   * when it is too short to be more than the cue ("dismissed the charges by pointing out that …": the
   * speaker's next words carry it).
   */
  private denialAt(sentence: TSpan, paragraph: number, subject: TSubject, word: string, vs: number, cueEnd: number, cue: TResponseCue): number | null {
    const clauseEnd = this.firstUnquoted(JUDGEMENT_END, cueEnd, Math.min(sentence.end, cueEnd + MAX_CONTENT));
    // "… by pointing out that …": the means is a statement of its own, read next.
    const means = /\s+by\s+\p{Ll}+ing\b/u.exec(this.text.slice(cueEnd, clauseEnd));
    const end = means ? cueEnd + means.index : clauseEnd;
    const span = this.contentSpan(vs, end);
    if (wordCount(this.text, span, 6) < 6) return null;
    this.push({
      speaker: subject.speaker,
      mode: this.modeOf(span, span.end),
      span,
      cue: { text: word, start: vs, end: vs + word.length },
      source: subject.source,
      confidence: 0.7,
      sentence,
      paragraph,
    });
    const pushed = this.out[this.out.length - 1];
    if (pushed?.span.start !== span.start) return null;
    pushed.responseCue = cue;
    return span.end;
  }

  /** One reported statement at the verb [vs, ve); returns where scanning may resume. */
  private reportedAt(sentence: TSpan, paragraph: number, mentions: readonly TMention[], word: string, vs: number, ve: number): number | null {
    const text = this.text;
    const lower = word.toLowerCase();
    // Subject first: it is cheap and most verb-like words have none, so no content scan is wasted.
    const lead = text.slice(Math.max(sentence.start, vs - 80), vs);
    // "…, stressing" and "…, and said that" share the subject of the sentence's main clause.
    // "… said the tariffs were … and warned it would …": a second verb of the same subject, comma or not.
    const ing = /ing(?: out)?$/.test(lower);
    const participle =
      (ing && /(?:,|\band|\bbefore|\bafter|\bwhile|\bby)\s*$/.test(lead)) || /(?:,\s*|\s)and\s+(?:(?:also|then|later)\s+)?$/.test(lead) || (!ing && /(?:,\s*|\s)but\s+(?:(?:also|then|later|instead)\s+)?$/.test(lead));
    let subject = participle ? null : this.subjectBefore(vs, sentence.start, mentions);
    if (!subject && participle) subject = this.sentenceSubject(sentence, vs, mentions);
    const rest = text.slice(ve, Math.min(sentence.end, ve + 400));
    if ((SUPPORT_VERBS.has(lower) || REBUT_VERBS.has(lower)) && !participle && !/\bthat\b|,/.test(rest) && wordCount(text, { start: ve, end: sentence.end }, 9) <= 8) {
      // "Australia welcomed the agreement." / "The opposition backed the government's position." — a short
      // sentence whose words come next: the first statement of the next sentence carries the reaction.
      const body = !subject?.speaker || subject.speaker.kind === "organization";
      const reaction: TResponseCue = { relation: SUPPORT_VERBS.has(lower) ? "supports" : "rebuts", text: text.slice(vs, sentence.end).replace(/[.\s]+$/, ""), target: null };
      if (!body && subject?.speaker && !/^\s+(?:the|his|her|their|its)\s+\p{L}+['’]s\b/u.test(rest)) {
        // "Spotify welcomed the ruling." then its own words: its next statement carries the reaction.
        this.pendingResponse = {
          speaker: subject.speaker.name,
          cue: reaction,
          until: sentence.end + 600,
        };
        if (!CLAIM_NOUNS.test(/^\s+(?:the|his|her|their|its|this|that)\s+([\p{L}-]+)/u.exec(rest)?.[1] ?? "")) return sentence.end;
      }
      if (body) {
        const country = subject?.speaker ? (this.registry.profile(subject.speaker.name)?.country ?? countryCodeOf(subject.speaker.name)) : null;
        this.pendingResponse = {
          speaker: null,
          country,
          cue: reaction,
          from: sentence.end,
          until: sentence.end + 400,
        };
        return sentence.end;
      }
    }
    // "The mayor's office, however, said …": an aside between subject and verb, not content before it.
    const aside = ASIDE_BEFORE_VERB.test(lead);
    if (!subject && !participle && !aside && CLAUSE_VERBS.has(lower) && /,\s*$/.test(lead)) {
      // "The plan will fail, said Senator Jim Smith." / "…, said several observers.": the speaker follows the verb.
      const after = this.speakerAfterVerb(ve, sentence, mentions);
      const span = after ? trimSpan(text, sentence.start, vs) : null;
      if (after && span && wordCount(text, span, 4) >= 4 && !this.quoteAt(span.start)) {
        this.push({
          speaker: after.speaker,
          mode: this.modeOf(span, span.end + 1),
          span,
          cue: { text: word, start: vs, end: ve },
          source: after.source,
          confidence: 0.75,
          sentence,
          paragraph,
        });
        return sentence.end;
      }
    }
    if (!subject?.speaker && CLAUSE_VERBS.has(lower) && !participle) {
      // "The actress said she was …", "White House officials say …", "a senior official said": a plain noun phrase speaks.
      const src = subject && !subject.viaPronoun ? subject.source : null;
      const np = subject ? (src ? { ...src, text: text.slice(src.start, src.end) } : null) : nounPhraseBefore(text, vs, sentence.start);
      // "The bloodshed raised fears that …": after a past verb a verb-like word ("fears", "claims") is its object, a noun.
      const raised = np && NOUN_LIKE_VERBS.test(lower) && /\s\p{Ll}{3,}ed$/u.test(np.text);
      const plain = np && !src && !raised ? describedPhrase(np) : raised ? null : np;
      if (plain) subject = { speaker: this.describedSpeaker(plain.text, plain.start), source: { start: plain.start, end: plain.end }, viaPronoun: false };
    }
    // "said in an interview with The Washington Post that …": a phrase of place or means may come first.
    if (!subject && !participle && (/^(?:\s+(?:[\p{L}.’'-]+\s+){0,4}?)?\s*that\s/u.test(rest.slice(0, 60)) || /^\s+(?:in|on|at|during|with|via)\s+(?:[\p{L}.’'-]+\s+){1,7}?that\s/u.test(rest.slice(0, 90)))) {
      // "State Rep. Wendy Nanney (R), a leader of …, suggested that …": a long-winded subject the readers
      // above miss; "that" makes the report certain, so the sentence's own subject speaks.
      const head = mentions.find((x) => x.start < vs && x.name && !x.possessive && !x.place && x.kind === "person");
      const ref = head && /^\W*(?:(?:But|And|So|Then|Still|Now),?\s+)?$/.test(text.slice(sentence.start, head.start)) ? this.refFor(head) : null;
      if (head && ref) subject = { speaker: ref, source: { start: head.start, end: head.end }, viaPronoun: false };
    }
    if (!subject && !participle && CLAUSE_VERBS.has(lower)) {
      // "But many Sanders supporters who came to protest the convention say …": a described group with its relative clause.
      const group = DESCRIBED_GROUP.exec(text.slice(sentence.start, vs));
      if (group?.[1]) {
        const start = sentence.start + group[0].indexOf(group[1]);
        subject = { speaker: this.describedSpeaker(group[1], start), source: { start, end: start + group[1].length }, viaPronoun: false };
      }
    }
    if (!subject?.speaker) return null;
    // "what scientists think is necessary", "which even Democrats doubt will flip": a belief inside a
    // relative clause describes the noun it hangs on; nobody claims it.
    // "experts, who worry that …" and "told Yahoo that he believes …" report a belief: their "that" says so.
    if (BELIEF_VERBS.has(lower) && !/^\s+that\b/.test(rest) && this.insideRelative(subject.source) && !/\b(?:that|who)\s+$/.test(text.slice(Math.max(0, (subject.source?.start ?? 0) - 8), subject.source?.start ?? 0))) return null;
    if (/^\s*[,:]?\s*["“«‘„]/.test(rest)) return null;
    const inverted = participle ? null : this.invertedContent(sentence, subject, rest);
    if (inverted) {
      // "A Russian jet entered Estonian airspace, NATO said." — the content comes first.
      this.push({
        speaker: subject.speaker,
        mode: this.modeOf(inverted, inverted.end + 1),
        span: inverted,
        cue: { text: word, start: vs, end: ve },
        source: subject.source,
        confidence: subject.viaPronoun ? 0.65 : 0.75,
        sentence,
        paragraph,
      });
      return ve;
    }
    let cueEnd = ve;
    let contentStart = -1;
    let relativeContent = false;
    let responseCue: TResponseCue | null = null;
    if (REBUT_VERBS.has(lower) || SUPPORT_VERBS.has(lower)) {
      const relation: TRelation = REBUT_VERBS.has(lower) ? "rebuts" : "supports";
      // "rejected the claim", "disputed the Kremlin's account", "echoed her remarks", "rejected Beijing's latest assertion".
      const claim = /^\s+(?:(?:the\s+)?(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})['’]s|(the|his|her|their|its|these|those|such|that|this))\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(rest);
      // The noun may follow one adjective: "Beijing's latest assertion".
      const noun = claim && CLAIM_NOUNS.test(claim[3] ?? "") ? claim[3] : claim && CLAIM_NOUNS.test(claim[4] ?? "") ? claim[4] : undefined;
      const whom = claim ? null : mentions.find((x) => x.start > ve && x.start <= ve + 2 && x.name);
      if (claim && noun) {
        const nounAt = claim[0].lastIndexOf(noun);
        cueEnd = ve + nounAt + noun.length;
        const target = this.claimTarget(claim[2] ?? null, claim[1] ?? null, ve, mentions, subject.speaker);
        responseCue = { relation, text: text.slice(vs, cueEnd), target };
        const saying = /,["”’]?\s+(?:saying|arguing|insisting|noting|stressing|adding)(?:\s+that)?\s+/.exec(text.slice(cueEnd, sentence.end));
        const that = /^\s+that\s+/.exec(text.slice(cueEnd, sentence.end));
        if (saying) {
          contentStart = cueEnd + (saying.index ?? 0) + saying[0].length;
          const sayStart = cueEnd + (saying.index ?? 0);
          this.consumed.push({ start: sayStart, end: contentStart });
        } else if (that && !claim[1]) contentStart = cueEnd + that[0].length;
        else {
          // "dismissed Clinton’s charges about his stance on Obama by pointing out …": with no clause of
          // its own to carry it, the rebuttal itself is the statement, from the verb to its clause's end.
          const denial = that ? null : this.denialAt(sentence, paragraph, subject, word, vs, cueEnd, responseCue);
          if (denial !== null) return denial;
          // "rejected Beijing's assertion that …": that clause is Beijing's claim, not the speaker's words.
          this.pendingResponse = { speaker: subject.speaker.name, cue: responseCue, until: sentence.end + 600 };
          return that ? sentence.end : cueEnd;
        }
      } else if (whom?.name && whom.kind !== "outlet") {
        // "Ford backed Trudeau, telling CBC that …": the person backed or rebutted is the claimant.
        const ref = this.refFor(whom);
        const profile = ref ? this.registry.profile(ref.name) : null;
        const target = ref ? { name: ref.name, country: profile?.country ?? countryCodeOf(ref.name) } : null;
        this.pendingResponse = { speaker: subject.speaker.name, cue: { relation, text: text.slice(vs, whom.end), target }, until: sentence.end + 600 };
        return whom.end;
      } else {
        responseCue = { relation, text: word, target: null };
        // "rejected the agreement in the closing session, saying …": the saying clause is what was said;
        // the object alone ("the agreement") is not a statement.
        const object = /^\s+(?:the|a|an|this|that|these|those|any|his|her|their|its)\s+[^,.;:“”"]{1,60}?,["”’]?\s+(saying|arguing|insisting|noting|adding)(?:\s+that)?\s+/u.exec(rest);
        if (object?.[1]) {
          const sayAt = object[0].lastIndexOf(object[1]);
          const commaAt = object[0].lastIndexOf(",", sayAt);
          responseCue = { relation, text: text.slice(vs, ve + commaAt), target: null };
          this.consumed.push({ start: ve + sayAt, end: ve + object[0].length });
          contentStart = ve + object[0].length;
        } else if (/^\s+(?:the|a|an|this|these|those)\s+(?!claim|allegation|report|accusation)[a-z-]+(?:\s+[a-z-]+){0,5}\s*(?:[.;]|$)/.test(rest) && REBUT_VERBS.has(lower) && !/^\s+that\b/.test(rest)) {
          return null;
        }
      }
    }
    // "As Clinton told the Daily News, tax relief is given …": the clause after the as-clause is what was said.
    const asClause = subject.source && CLAUSE_VERBS.has(lower) && !NOUN_LIKE_VERBS.test(lower) && /^\W*(?:(?:But|And|Yet)\s+)?[Aa]s\s+$/.test(text.slice(sentence.start, subject.source.start));
    const afterAs = asClause ? /^[^,.;:!?“”"]{0,80}?,\s+(?=[\p{L}\p{N}])/u.exec(rest) : null;
    if (contentStart === -1 && afterAs) contentStart = ve + afterAs[0].length;
    if (contentStart === -1) {
      const thatMatch = /^\s+that\s+/.exec(rest);
      // "a signed tweet that drew …", "states that are likely …": a noun with a relative clause, not a report.
      if (thatMatch && NOUN_LIKE_VERBS.test(lower) && RELATIVE_VERB.test(rest.slice(thatMatch[0].length, thatMatch[0].length + 30))) return null;
      if (thatMatch) contentStart = ve + thatMatch[0].length;
      else if (THAT_ONLY_VERBS.has(lower)) {
        // "reported on Friday that …": step over when/where to the "that".
        const lead = ADVERBIAL_LEAD.exec(rest)?.[0] ?? "";
        const that = /^\s+that\s+/.exec(rest.slice(lead.length));
        if (that) contentStart = ve + lead.length + that[0].length;
      } else if (OBJECT_CONTENT_VERBS.has(lower) || REBUT_VERBS.has(lower)) {
        contentStart = ve + (rest.length - rest.trimStart().length);
      } else if (CLAUSE_VERBS.has(lower) || WRITE_VERBS.test(lower)) {
        // "said Thursday in the Oval Office that …" or "said the plan was dead".
        const window = rest.slice(0, 160);
        const far = /^[^,.;:!?“”"]*?\bthat\s+/.exec(window);
        // "said on Friday it had …", "told reporters in Brussels the talks …": step over when/where.
        const lead = ADVERBIAL_LEAD.exec(rest)?.[0] ?? "";
        const clauseRest = rest.slice(lead.length);
        const firstWord = /^\s+([\p{L}’'-]+)/u.exec(clauseRest)?.[1] ?? "";
        // "told the Daily Ledger the talks …": the first noun phrase is the person addressed, unless the lead named them.
        const addressee = isAddressVerb(lower) && !/(?:^|\s)(?:reporters|journalists|lawmakers|parliament|the\s+\p{Lu}\S*|\p{Lu}{2,6})\b/u.test(lead);
        // A "that" after a clause of its own is a relative pronoun ("risked a trade war that would"), not the content's start.
        const farOk = far && far[0].split(/\s+/).length <= 14 && !/\b(?:is|are|was|were|would|will|could|can|has|have|had|\p{L}{3,}ed)\s/u.test(far[0].slice(1));
        const thatAfterLead = /^\s+that\s+/.exec(clauseRest);
        // "told POLITICO, however, that …": an aside between the verb's object and "that".
        const asideThat = far ? null : /^[^,.;:!?“”"]{0,60},\s*(?:however|though|meanwhile|in fact|too|also|for example|for instance|in turn)\s*,\s*that\s+/.exec(window);
        if (farOk && far) contentStart = ve + far[0].length;
        else if (asideThat) contentStart = ve + asideThat[0].length;
        else if (lead && thatAfterLead) contentStart = ve + lead.length + thatAfterLead[0].length;
        else if (lead === "" && (MODAL_START.test(firstWord) || (PAST_FORM.test(firstWord) && this.insideRelative(subject.source)))) {
          // "a deal Kamikawa said would “strengthen deterrence”", "the drawdown, which they say left a vacuum":
          // the verb sits inside its own content, which ends with the relative clause.
          contentStart = ve + (rest.length - rest.trimStart().length);
          relativeContent = !MODAL_START.test(firstWord);
        } else if (!addressee && /^[a-z]+s$/.test(firstWord) && MODAL_CLAUSE.test(clauseRest.slice(0, 60))) {
          // "said countries in the region should not …": a plural noun subject, then a modal ("told
          // reporters he would …" addresses them: the clause after them is read below).
          contentStart = ve + lead.length + (clauseRest.length - clauseRest.trimStart().length);
        } else if (!addressee && CLAUSE_START.test(firstWord) && !/^(?:on|in|at|to|after|before|during|with|by|for|from|of)$/i.test(firstWord)) {
          const clause = clauseRest.slice(0, 120);
          if (FINITE_HINT.test(clause.replace(/^\s+\S+/, ""))) contentStart = ve + lead.length + (clauseRest.length - clauseRest.trimStart().length);
        }
        // "said history has shown …", "told reporters he thought …": a clause without "that".
        if (contentStart === -1) contentStart = clauseStartAfter(text, ve + lead.length, sentence.end, lower, !addressee);
      }
    }
    if (contentStart === -1 || contentStart >= sentence.end) return null;
    // "said it would appeal", "vowed to challenge the ruling in court": contesting a decision rebuts it.
    const contest = /^(?:it|he|she|they|we)\s+(?:would|will|plans? to|intends? to)\s+(appeal|challenge|contest|fight)\b/.exec(text.slice(contentStart, contentStart + 40));
    if (contest?.[1] && !responseCue) responseCue = { relation: "rebuts", text: `would ${contest[1]}`, target: null };
    // A surname the story gave people ("Ebeling said it's hard") stays a person.
    const surname = this.registry.bearersOf(subject.speaker.name).length > 0;
    // "Volkswagen denied that it had …", "Uber said its drivers …": a one-word name that speaks of itself as
    // "it" is a body, not a person; so is one that takes a plural verb ("Facebook believe the rules …").
    const itself = /^its?\b/.test(text.slice(contentStart, contentStart + 4)) || PLURAL_BASE_VERB.test(lower);
    if (subject.speaker.kind === "person" && !subject.viaPronoun && !subject.speaker.name.includes(" ") && !surname && itself) {
      this.registry.setKind(subject.speaker.name, "organization");
      subject = { ...subject, speaker: { name: subject.speaker.name, kind: "organization" } };
    }
    // The content ends at the sentence end, before another reporting verb, or at a fact-check dash.
    // Reported content is a clause, not a page: a longer run is not a statement (and keeps huge inputs linear).
    const hardEnd = Math.min(sentence.end, contentStart + MAX_CONTENT);
    let contentEnd = hardEnd;
    const stop = new RegExp(CONTENT_STOP.source, "gu");
    const window = text.slice(contentStart, hardEnd);
    stop.lastIndex = 0;
    for (let found = stop.exec(window); found; found = stop.exec(window)) {
      const at = contentStart + found.index;
      if (this.quoteAt(at)) continue;
      const word = found[1] ?? found[2];
      const verb = word && /^point/.test(word) && /^\s+out\b/.test(window.slice(found.index + found[0].length)) ? `${word} out` : word;
      // ", calling it …" starts a statement of its own (the mixed "calling" form).
      // ", according to …" names another source: the content ends there too.
      if (verb && verb !== "according" && !SPEECH_VERBS.has(verb) && !/^(?:calling|describing|branding|labell?ing|dubbing)$/.test(verb)) continue;
      contentEnd = at;
      break;
    }
    // "said he found Trump “very charming” and called his standing “unheard of”": a statement the same
    // speaker makes further on in the sentence (the label) is its own; the reported content ends before it.
    // A quotation inside the content is not such a statement: the lead-in joins it below.
    const speakerName = subject.speaker?.name ?? null;
    const later = this.findRecent(
      (o) =>
        o.span.start > contentStart &&
        o.span.start < contentEnd &&
        o.sentence.start === sentence.start &&
        speakerName !== null &&
        o.speaker?.name === speakerName &&
        this.quoteAt(o.span.start) === null,
    );
    if (later) contentEnd = cutBeforeConjunction(text, contentStart, later.span.start);
    if (relativeContent) contentEnd = this.firstUnquoted(CLAUSE_PUNCTUATION, contentStart, contentEnd);
    const inContent = this.quotesBetween(contentStart, contentEnd);
    const full = inContent.find((q) => wordCount(text, q.inner, 9) > 8);
    if (full) {
      const quoted = this.findRecent((o) => o.span.start === full.inner.start);
      // "said that Cruz has “got to come a long way” on ethanol": the clause leading into the speaker's own
      // quote is one mixed statement with it, as PolNeAR annotates it.
      const leadIn = trimSpan(text, contentStart, full.open);
      // A quote whose speaker came from context alone (no cue) takes the speaker its own clause names.
      const contextOnly = quoted?.cue === null;
      if (quoted && (!quoted.speaker || contextOnly || quoted.speaker.name === subject.speaker?.name) && wordCount(text, leadIn, 2) >= 2 && !/[.;!?]/.test(text.slice(leadIn.start, leadIn.end))) {
        quoted.span = { start: leadIn.start, end: Math.max(quoted.span.end, Math.min(full.close, sentence.end)) };
        if (contextOnly) quoted.speaker = subject.speaker;
        quoted.speaker ??= subject.speaker;
        quoted.source ??= participle ? null : subject.source;
        quoted.mode = "mixed";
        quoted.cue ??= { text: text.slice(vs, cueEnd), start: vs, end: cueEnd };
        return quoted.span.end;
      }
      // "said that it would contribute to “…”": a few words leading into the quote are not a statement.
      if (wordCount(text, { start: contentStart, end: full.open }, 7) < 7 && quoted) return null;
      contentEnd = full.open;
    }
    const span = this.contentSpan(contentStart, contentEnd);
    if (wordCount(text, span, 2) < 2) return null;
    this.push({
      speaker: subject.speaker,
      mode: this.modeOf(span, span.end),
      span,
      cue: { text: text.slice(vs, cueEnd), start: vs, end: cueEnd },
      source: subject.source,
      confidence: subject.viaPronoun ? 0.7 : participle ? 0.75 : 0.8,
      sentence,
      paragraph,
    });
    const pushed = this.out[this.out.length - 1];
    if (pushed && responseCue && pushed.span.start === span.start) pushed.responseCue = responseCue;
    return span.end;
  }

  /** The claimant of "her remarks" / "Beijing's assertion": a named speaker, or a country standing for its government. */
  private claimTarget(
    pronoun: string | null,
    owner: string | null,
    from: number,
    mentions: readonly TMention[],
    responder: TSpeakerRef,
  ): TResponseTarget | null {
    if (owner) {
      const m = mentions.find((x) => x.start >= from && x.possessive && this.text.slice(x.start, x.end).startsWith(owner.split(/\s/)[0] ?? owner));
      const ref = m ? this.refFor(m) : null;
      const code = countryCodeOf(owner) ?? (ref ? countryCodeOf(ref.name) : null);
      if (ref && !countryCodeOf(ref.name)) return { name: ref.name, country: this.registry.profile(ref.name)?.country ?? null };
      return code ? { name: null, country: code } : null;
    }
    if (pronoun && /^(?:his|her|their|its)$/i.test(pronoun)) {
      const wantPerson = /^(?:his|her)$/i.test(pronoun);
      const prev = this.findRecent(
        (o) => o.speaker !== null && o.speaker.name !== responder.name && (wantPerson ? o.speaker.kind === "person" : true),
      );
      if (prev?.speaker) return { name: prev.speaker.name, country: this.registry.profile(prev.speaker.name)?.country ?? null };
    }
    return null;
  }

  /** The clause before ", X said." when nothing but when/where follows the verb; null otherwise. */
  private invertedContent(sentence: TSpan, subject: TSubject, rest: string): TSpan | null {
    const src = subject.source;
    if (!src || src.start <= sentence.start) return null;
    const after = rest.slice((ADVERBIAL_LEAD.exec(rest)?.[0] ?? "").length);
    // "…, she said in a video message to the convention.": a phrase of place or means closing the sentence.
    const closes =
      /^\s*(?:[.;!]|,\s+(?:adding|saying|noting|citing|according|in|as|after|amid|while|with|because|though|although|but)\b|$)/.test(after) ||
      /^\s+(?:in|on|at|to|during|from|via|through|before|after|with)\s+(?:(?!that|who|which|whether)[\p{L}\p{N}.’'-]+\s+){0,8}?[\p{L}\p{N}.’'-]+[.!]?["”’]?\s*$/u.test(after);
    // "Vice President Smith, Rubio said, had been …": the attribution sits inside its content.
    const parenthetical = !closes && /^\s*,\s+(?!["“«‘„])\S/.test(after);
    if (!closes && !parenthetical) return null;
    const before = this.text.slice(sentence.start, src.start);
    // ", the minister of finance of Brazil, Fernando Haddad," and ", the Joint Chiefs" both open the attribution.
    // A quoted phrase may close with the comma inside its marks: "would have to “move to the center,” Smith said".
    const cut = /,["”’]?\s+(?:(?:the|a|an)\s+[^,“”"]{1,80},\s*|(?:the|a|an)\s+)?$/.exec(before);
    if (!cut) return null;
    const span = trimSpan(this.text, sentence.start, parenthetical ? sentence.end : sentence.start + cut.index);
    // The quoted phrase keeps its closing mark, as reported content does.
    const tailQuote = parenthetical ? undefined : this.quotesBetween(span.start, span.end).find((q) => q.close > span.end && q.close <= sentence.start + cut.index + 2);
    if (tailQuote) span.end = tailQuote.close;
    if (parenthetical && wordCount(this.text, { start: sentence.start, end: sentence.start + cut.index }, 2) < 2) return null;
    if (wordCount(this.text, span, 4) < 4) return null;
    const open = this.text[span.start] ?? "";
    if (/["“«‘„]/.test(open) || this.quoteAt(span.start)) return null;
    return span;
  }

  /** A subject inside a relative clause: "which they say", "a decision they say" — the reported verb's own clause is the content. */
  private insideRelative(source: TSpan | null): boolean {
    if (!source) return false;
    return /(?:\b(?:which|that|what)|[,—–-]\s*(?:a|an|the)\s+[a-z-]+|\b[a-z]{3,}(?<!\b(?:and|but|because|since|when|while|after|before|though|although|as|if|so|now|then|yet)))\s+$/.test(
      this.text.slice(Math.max(0, source.start - 40), source.start),
    );
  }

  /** "Trump's assertion Monday that …", "her claim that …": the owner's claim, named by a noun. */
  private handleNominalClaims(sentence: TSpan, paragraph: number, mentions: readonly TMention[]): void {
    const text = this.text;
    for (const claim of nominalClaimsIn(text, sentence)) {
      if (this.quoteAt(claim.owner.start) || this.isConsumed(claim.cue.start)) continue;
      const speaker = this.claimOwner(claim, mentions);
      if (!speaker) continue;
      // The clause ends at its first punctuation outside a quotation, or where the sentence's own verb takes over.
      let end = Math.min(sentence.end, claim.contentStart + MAX_CONTENT);
      // "his statement that “Islam hates us,” but …": a claim that is one quotation ends with it.
      const opening = this.quotesBetween(claim.contentStart, claim.contentStart + 2).find((q) => q.open >= claim.contentStart);
      if (opening && opening.close < end) end = opening.close;
      end = this.firstUnquoted(CLAIM_END, claim.contentStart, end);
      const span = this.contentSpan(claim.contentStart, end);
      if (wordCount(text, span, 3) < 3) continue;
      this.push({
        speaker,
        mode: this.modeOf(span, span.end),
        span,
        cue: { text: text.slice(claim.cue.start, claim.cue.end), start: claim.cue.start, end: claim.cue.end },
        source: claim.owner,
        confidence: claim.pronoun ? 0.6 : 0.7,
        sentence,
        paragraph,
      });
    }
  }

  /** Who owns a named claim: the possessive name's speaker, or the person / group a possessive pronoun stands for. */
  private claimOwner(claim: TNominalClaim, mentions: readonly TMention[]): TSpeakerRef | null {
    if (!claim.pronoun) {
      const m = mentions.find((x) => x.possessive && x.name && x.start >= claim.owner.start && x.start < claim.owner.end);
      return m && m.kind !== "outlet" ? this.refFor(m) : null;
    }
    const word = this.text.slice(claim.owner.start, claim.owner.end).toLowerCase();
    if (word === "their") return this.lastGroup;
    return this.antecedents.person(word === "his" ? "he" : "she", claim.owner.start);
  }

  private handleAccordingTo(sentence: TSpan, paragraph: number, mentions: readonly TMention[]): void {
    const text = this.text;
    const s = text.slice(sentence.start, sentence.end);
    const m = /(^|,\s+)according to\s+/i.exec(s);
    if (!m) return;
    const phraseStart = sentence.start + m.index + (m[1] ?? "").length;
    const afterPhrase = sentence.start + m.index + m[0].length;
    const article = /^the\s+/i.exec(text.slice(afterPhrase, afterPhrase + 5))?.[0].length ?? 0;
    const named = mentions.find((x) => x.start === afterPhrase || (article > 0 && x.start === afterPhrase + article && !x.possessive));
    // "according to Fox News judicial analyst Andrew Napolitano": the outlet only qualifies the analyst.
    const who = named ? qualifiedPerson(text, mentions[mentions.indexOf(named) + 1], named) : undefined;
    // "according to a CNN tally", "According to early exit polls, …": a described source is a source too.
    const leading = m.index === 0;
    const described = who ? null : this.accordingSource(afterPhrase, sentence, leading);
    const ref = who ? this.refFor(who) : described ? this.describedSpeaker(text.slice(described.start, described.end)) : null;
    const source = who ?? described;
    if (!ref || !source) return;
    const contentFrom = leading ? (described ? described.end : source.end) : sentence.start;
    const span = leading ? trimSpan(text, contentFrom, sentence.end) : trimSpan(text, sentence.start, sentence.start + m.index);
    if (wordCount(text, span) < 3 || this.quoteAt(span.start)) return;
    this.push({
      speaker: ref,
      mode: this.modeOf(span, span.end + 1),
      span,
      cue: { text: text.slice(phraseStart, phraseStart + "according to".length), start: phraseStart, end: phraseStart + 12 },
      source: { start: source.start, end: source.end },
      confidence: who ? 0.7 : 0.6,
      sentence,
      paragraph,
    });
  }

  /** The described source after "according to": up to the comma that opens the content, or to the sentence end. */
  private accordingSource(from: number, sentence: TSpan, leading: boolean): TSpan | null {
    const rest = this.text.slice(from, sentence.end);
    const stop = leading ? /,\s/.exec(rest) : /[.;!?]?["”’]?\s*$/.exec(rest);
    if (!stop) return null;
    const span = trimSpan(this.text, from, from + stop.index);
    const words = wordCount(this.text, span, 16);
    if (words < 1 || words > 15 || /["“”«»]/.test(this.text.slice(span.start, span.end))) return null;
    return span;
  }

  /** "… said that X — though they have done exactly that": the outlet corrects the claim. */
  private handleFactChecks(sentence: TSpan, from: number, outlet: string | null): void {
    if (!outlet) return;
    const text = this.text;
    for (let k = from; k < this.out.length; k += 1) {
      const claim = this.out[k];
      if (!claim || claim.speaker?.kind === "outlet") continue;
      const re = new RegExp(FACT_CHECK.source, "y");
      re.lastIndex = claim.mode === "direct" ? (this.quoteAt(claim.span.start)?.close ?? claim.span.end) : claim.span.end;
      if (text[re.lastIndex] === "." || text[re.lastIndex] === ",") re.lastIndex += 1;
      let m = re.exec(text);
      if (!m && claim.cue) {
        // Direct quotes: the dash follows the attribution ("…,” he said — though …).
        const tail = text.slice(claim.cue.end, sentence.end);
        const d = /^[^—–]{0,60}?(\s*(?:[—–]|--)\s*(?:though|although|even though|but|except that,?|when in fact|in fact)\s+)/.exec(tail);
        if (d?.[1]) {
          re.lastIndex = claim.cue.end + d[0].length - d[1].length;
          m = re.exec(text);
        }
      }
      if (!m) continue;
      const start = m.index + m[0].length;
      const span = trimSpan(text, start, sentence.end);
      if (wordCount(text, span) < 2) continue;
      this.push({
        speaker: { name: outlet, kind: "outlet" },
        mode: "indirect",
        span,
        cue: null,
        source: null,
        confidence: 0.7,
        sentence,
        paragraph: claim.paragraph,
      });
      const pushed = this.out[this.out.length - 1];
      if (pushed && pushed.span.start === span.start) {
        pushed.factCheckOf = k;
        pushed.responseCue = { relation: "rebuts", text: m[0].trim(), target: null };
      }
    }
  }

  /** "In response, …" and a pending "rejected the claim." mark the statements that answer. */
  private applyResponseCues(sentence: TSpan, from: number): void {
    const s = this.text.slice(sentence.start, sentence.end);
    const phrase = RESPONSE_PHRASE.exec(s);
    for (let k = from; k < this.out.length; k += 1) {
      const st = this.out[k];
      if (!st || st.responseCue) continue;
      if (phrase) {
        st.responseCue = { relation: REBUT_PHRASE.test(phrase[0]) ? "rebuts" : "responds", text: phrase[0], target: null };
      } else if (this.pendingResponse && st.span.start < this.pendingResponse.until && this.pendingMatches(st)) {
        st.responseCue = this.pendingResponse.cue;
        this.pendingResponse = null;
      }
    }
  }

  private pendingMatches(st: TRawStatement): boolean {
    const pending = this.pendingResponse;
    if (!pending || !st.speaker) return false;
    if (pending.speaker !== null) return st.speaker.name === pending.speaker;
    // The body's own voice in the next sentence: a spokesperson or minister of that country, or one of unknown country.
    if (st.span.start < (pending.from ?? 0)) return false;
    const country = this.registry.profile(st.speaker.name)?.country ?? null;
    return !pending.country || !country || country === pending.country;
  }

  /** A commenter's own sentences are claims of their own, split at clause boundaries. */
  private handleCommenter(sentences: readonly { span: TSpan; paragraph: number }[], commenter: string): void {
    const text = this.text;
    for (const sentence of sentences) {
      const s = text.slice(sentence.span.start, sentence.span.end);
      const cuts = [0];
      const re = new RegExp(COMMENT_CLAUSE_BREAK.source, "giu");
      for (let m = re.exec(s); m; m = re.exec(s)) {
        cuts.push(m.index, m.index + m[0].length);
      }
      cuts.push(s.length);
      for (let k = 0; k + 1 < cuts.length; k += 2) {
        const a = sentence.span.start + (cuts[k] ?? 0);
        const b = sentence.span.start + (cuts[k + 1] ?? 0);
        let span = trimSpan(text, a, b);
        const filler = LEADING_FILLER.exec(text.slice(span.start, span.end));
        if (filler && filler[0].length > 0) span = trimSpan(text, span.start + filler[0].length, span.end);
        if (wordCount(text, span) < 4 || this.quoteAt(span.start)) continue;
        this.push({
          speaker: { name: commenter, kind: "commenter" },
          mode: "indirect",
          span,
          cue: null,
          source: null,
          confidence: 0.5,
          sentence: sentence.span,
          paragraph: sentence.paragraph,
        });
      }
    }
  }
}
