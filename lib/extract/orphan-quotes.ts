// Quotes the rules left without a speaker, attributed by the shape news uses for any verb, listed or
// not: "“Go back to Univision,” Trump barked." / "“…,” Clinton fired back." A name right after the
// closing mark followed by a past-tense or present verb is the speaker.
import type { MentionIndex, SpeakerRegistry } from "./speakers";
import type { TCue, TSpan, TSpeakerKind } from "./types";

interface TOrphanCandidate {
  speaker: { name: string; kind: TSpeakerKind } | null;
  mode: string;
  span: TSpan;
  cue: TCue | null;
  source: TSpan | null;
}

// The closing mark and what may follow it on the same line (a new paragraph starts another story beat).
const CLOSING = /^[ \t,.!?]*(?:''|[”"’'])[ \t]*,?[ \t]*/;
// A verb after the name: "barked", "shot back", "quips", "fired back"; never a copula or auxiliary.
const VERB_AFTER = /^\s+(?:\p{Ll}+ly\s+)?((?!(?:is|was|has|had|does|did|were|are|says|said)\b)\p{Ll}{3,}(?:ed|es|s)|shot|hit|wrote|spoke|told|thought)(?:\s+back)?\b/u;

/** Gives each direct quote with no speaker the name written right after it with a verb, if there is one. */
export function attributeOrphanQuotes(text: string, statements: TOrphanCandidate[], index: MentionIndex, registry: SpeakerRegistry): void {
  for (const st of statements) {
    if (st.speaker || st.mode !== "direct") continue;
    const close = CLOSING.exec(text.slice(st.span.end, st.span.end + 8));
    if (!close) continue;
    const at = st.span.end + close[0].length;
    const mention = index.within({ start: at, end: Math.min(text.length, at + 80) })[0];
    if (!mention || mention.start !== at || !mention.name || mention.possessive || mention.place || mention.kind === "outlet") continue;
    const verb = VERB_AFTER.exec(text.slice(mention.end, mention.end + 40));
    if (!verb?.[0]) continue;
    const profile = registry.profile(mention.name);
    st.speaker = { name: registry.canonical(mention.name), kind: profile?.kind ?? mention.kind };
    st.source = { start: mention.start, end: mention.end };
    const verbStart = mention.end + verb[0].length - verb[0].trimStart().length;
    st.cue ??= { text: verb[0].trim(), start: verbStart, end: mention.end + verb[0].length };
  }
}
