// The extraction engine's output version. Every stored article records the version that wrote its
// statements, pairs and speaker links, so `npm run reextract` knows what an engine change left stale.
// Bump it in any change that alters extract()'s output for some text (rules, lexicon, model weights).

// 1: the first recorded version.
// 2: one speaker per person in an article (first and last name, surname-first names), sentence ends
//    split name groups, US party tags and Sen./Rep./Gov. titles give a country.
// 3: pairs from a learned scorer (lib/extract/pair-model) for responses the rules leave unpaired.
// 4: statements from reported clauses without "that", judgements and "according to" sources; speakers by
//    coreference, office holders, the article's country and described sources; response statements and
//    precision-first pairs (the real-news round of 2026-12-01).
// 5: the clause reader's possessive/"and <verb>" fix, clauses joined to the quote they lead into,
//    inverted and titled names, spokespeople and metonyms as governments, retorts and the outlet's
//    asides as responses (which replace weaker readings of their sentence), retrained pair model
//    and tagger (the third real-news round, 2026-12-01).
// 6: a body's spokesperson speaks for the body (ANNOTATION.md), reported speech around short quoted
//    phrases, pair rules that need the answer to name its claim or follow it (precision across
//    outlets), a pair model retrained with a cross-outlet threshold (the fourth round, 2026-12-01).
// 7: claims named by a noun ("X's assertion that …"), demands and characterizations, more subjects;
//    ranks, campaigns and editorial boards as bodies, participle clauses, shared surnames; answers
//    that name whose words they answer; the pair model retrained on 70 dev articles (the fifth
//    round, 2026-12-01).
// 8: "reported that" and "pointed out" as reports, "they" for a group just named, asides between
//    speaker and verb, content that ends at "according to"; descriptions ("the campaign manager")
//    and statement paragraphs resolved to their speaker, joint speakers, outlets as speakers, a title
//    before a name right after a wire dateline ("OSLO — Norway's fisheries minister, X,"); pairs
//    from a two-step ranker (does it answer anyone, and whom) retrained on 90 dev articles (the
//    sixth round, 2026-12-01).
// 9: the attribution tagger on by default, restricted to what keeps the dispute gold's precision
//    (quoted content with a named source and a sure margin, lead-ins of rule statements); quoted
//    fragments governed by label and judgement verbs ("called the plan “…”"); words capitalized
//    only as sentence openers are no names; a demonym before a body word names the body
//    ("Palestinian Authority"); countries of seats of government and of a leader's
//    administration; the pair ranker retrained on 110 dev articles (the seventh round, 2026-12-01).
// 10: list articles stay one document (numbered item headings are subheads); words before a quote
//    whose attribution follows, and the clause finishing it, join the statement; more subjects
//    (as-clauses, entourages, asides, inverted titles, ages, bodies named by their kind); places
//    and party tags are no speakers, companies are bodies; pair features for disputants and denials,
//    the pair ranker retrained on 130 dev articles (the eighth round, 2026-12-02).
// 11: a page's text or a feed item is one article (subheads and photo credits start no document);
//    fact-check ratings are the outlet's verdict; unquoted labels ("calling Trump a fascist"),
//    judgements of someone's words, rebuttals of a named claim, "called to" demands; speaker names
//    without committee labels, "Team X" as a campaign, Jr. kept apart, spokespeople through their
//    owner's body; the pair ranker retrained on 150 dev articles (the ninth round, 2026-12-02).
export const EXTRACTOR_VERSION = 11;
