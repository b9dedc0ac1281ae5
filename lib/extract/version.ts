// The extraction engine's output version. Every stored article records the version that wrote its
// statements, pairs and speaker links, so `npm run reextract` knows what an engine change left stale.
// Bump it in any change that alters extract()'s output for some text (rules, lexicon, model weights).

/** 1: first recorded version (speakers resolved across an article: surname, title and full name). */
/** 2: pairs from a learned scorer (lib/extract/pair-model) for responses the rules leave unpaired. */
export const EXTRACTOR_VERSION = 2;
