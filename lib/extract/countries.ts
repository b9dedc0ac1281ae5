// Country mentions: names, common aliases ("U.S.", "America"), demonyms and capitals used as
// metonyms ("Tokyo said"), mapped to ISO 3166-1 alpha-2. NATO, the EU and "Europe" are not countries.
import worldCountries from "world-countries";

export type TCountryHitKind = "name" | "demonym" | "capital";
export interface TCountryHit {
  code: string;
  start: number;
  end: number;
  kind: TCountryHitKind;
}

const MANUAL_NAMES: Record<string, string> = {
  US: "US", "U.S.": "US", "U.S.A.": "US", USA: "US", America: "US", "United States": "US",
  "United States of America": "US", "the States": "US",
  UK: "GB", "U.K.": "GB", Britain: "GB", "Great Britain": "GB", "United Kingdom": "GB", England: "GB",
  Scotland: "GB", Wales: "GB",
  "North Korea": "KP", DPRK: "KP", "South Korea": "KR", Korea: "KR", ROK: "KR",
  Russia: "RU", "Russian Federation": "RU", China: "CN", PRC: "CN", Taiwan: "TW", Iran: "IR",
  Syria: "SY", Vietnam: "VN", Laos: "LA", Burma: "MM", Myanmar: "MM", Turkey: "TR", Türkiye: "TR",
  Czechia: "CZ", "Czech Republic": "CZ", "Ivory Coast": "CI", UAE: "AE", "Holy See": "VA",
  Vatican: "VA", Palestine: "PS", Gaza: "PS", "West Bank": "PS", DRC: "CD", Moldova: "MD",
  Macedonia: "MK", "North Macedonia": "MK", Bolivia: "BO", Venezuela: "VE", Tanzania: "TZ",
};

const MANUAL_DEMONYMS: Record<string, string> = {
  American: "US", Americans: "US", British: "GB", Briton: "GB", Britons: "GB", English: "GB",
  Scottish: "GB", Welsh: "GB", French: "FR", Dutch: "NL", Indian: "IN", Indians: "IN",
  Norwegian: "NO", Norwegians: "NO", Chinese: "CN", Japanese: "JP", Korean: "KR",
  "South Korean": "KR", "North Korean": "KP", Russian: "RU", Russians: "RU", Ukrainian: "UA",
  Ukrainians: "UA", Israeli: "IL", Israelis: "IL", Palestinian: "PS", Palestinians: "PS",
  Iranian: "IR", Iranians: "IR", Turkish: "TR", Emirati: "AE", Saudi: "SA", Saudis: "SA",
  Filipino: "PH", Filipinos: "PH", Philippine: "PH", Vietnamese: "VN", Taiwanese: "TW", Swiss: "CH", Thai: "TH",
};

// Metonyms for governments that are not capitals in the data.
const MANUAL_CAPITALS: Record<string, string> = {
  Washington: "US", "White House": "US", Pentagon: "US", Kremlin: "RU", Kiev: "UA",
  "Downing Street": "GB", Whitehall: "GB", Élysée: "FR", Elysee: "FR", "Zhongnanhai": "CN",
};

// Capitals that are common given names, surnames or other places: too ambiguous to count.
const AMBIGUOUS_CAPITALS = new Set([
  "Victoria", "Kingston", "Georgetown", "Hamilton", "Douglas", "Stanley", "Male", "Malé", "Praia",
  "Sucre", "Santiago", "San José", "Victoria", "Lima", "Nassau", "Castries", "Roseau", "Apia",
  "Luxembourg", "Monaco", "Singapore", "Djibouti", "Yaren", "Palikir", "Ngerulmud", "Funafuti",
  "Majuro", "South Tarawa", "Kingstown", "Basseterre", "Saint John's", "St. George's", "Moroni",
  "Port Louis", "Jerusalem", "Vatican City", "Wellington", "Windhoek", "Bern", "Sofia", "Lomé",
]);

// Single-word names that are also people's names or US states: counted only when they stand alone.
const AMBIGUOUS_NAMES = new Set(["Jordan", "Chad", "Georgia", "Niger", "Guinea", "Israel", "Jersey", "Man", "Holland"]);

// Spellings in the data that are, in English text, a common word or a person's name: "Harrow
// Island" is no mention of Iceland (Icelandic "Ísland"), "Thomas Mann" none of the Isle of Man.
const NOT_ALT_SPELLINGS = new Set(["Island", "Mann", "Mannin", "Dominique", "Viti"]);

interface TPhrase {
  phrase: string;
  code: string;
  kind: TCountryHitKind;
}

const byFirstChar = new Map<string, TPhrase[]>();
const phraseCode = new Map<string, string>();
const phraseKind = new Map<string, TCountryHitKind>();

/** The leading run of letters: phrases are bucketed by it so a lookup is one Map hit. */
function firstWordOf(text: string, pos: number): string {
  let end = pos;
  while (end < text.length && end - pos < 40 && /[\p{L}\p{M}]/u.test(text[end] ?? "")) end += 1;
  return text.slice(pos, end);
}

function addPhrase(phrase: string, code: string, kind: TCountryHitKind): void {
  if (phrase.length < 2 || phraseCode.has(phrase)) return;
  phraseCode.set(phrase, code);
  phraseKind.set(phrase, kind);
  const first = firstWordOf(phrase, 0);
  const list = byFirstChar.get(first) ?? [];
  list.push({ phrase, code, kind });
  byFirstChar.set(first, list);
}

function buildTables(): void {
  for (const [p, c] of Object.entries(MANUAL_NAMES)) addPhrase(p, c, "name");
  for (const [p, c] of Object.entries(MANUAL_DEMONYMS)) addPhrase(p, c, "demonym");
  for (const [p, c] of Object.entries(MANUAL_CAPITALS)) addPhrase(p, c, "capital");
  // Independent countries first so that a territory never takes a sovereign's name or demonym.
  const ordered = [...worldCountries].sort((a, b) => Number(b.independent) - Number(a.independent));
  const englishName = /^[A-Z][A-Za-zÀ-ÿ.'’ -]+$/;
  for (const c of ordered) {
    const code = c.cca2;
    addPhrase(c.name.common, code, "name");
    if (c.name.official.split(" ").length <= 6) addPhrase(c.name.official, code, "name");
    for (const alt of c.altSpellings) {
      if (alt.length > 3 && englishName.test(alt) && !alt.includes(",") && !NOT_ALT_SPELLINGS.has(alt)) addPhrase(alt, code, "name");
    }
    const dem = c.demonyms["eng"];
    if (dem && c.independent) {
      for (const d of [dem.m, dem.f]) {
        addPhrase(d, code, "demonym");
        if (/[ni]$/.test(d)) addPhrase(`${d}s`, code, "demonym");
      }
    }
    if (c.independent) {
      for (const cap of c.capital) if (!AMBIGUOUS_CAPITALS.has(cap)) addPhrase(cap, code, "capital");
    }
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
}
buildTables();

const NOT_COUNTRIES = new Set(["NATO", "EU", "Europe", "European", "Europeans", "European Union", "UN"]);

const CAPITALIZED_WORD = /(?<![\p{L}\p{N}_])(?:\p{Lu}|É)[\p{L}\p{M}]*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Capitalized word right before `pos` (skipping one space), or null. */
function neighbourBefore(text: string, pos: number): string | null {
  if (text[pos - 1] !== " ") return null;
  const m = /(\p{Lu}[\p{L}\p{M}]*)$/u.exec(text.slice(Math.max(0, pos - 40), pos - 1));
  return m?.[1] ?? null;
}

function neighbourAfter(text: string, pos: number): string | null {
  if (text[pos] !== " ") return null;
  const m = /^(\p{Lu}[\p{L}\p{M}]*)/u.exec(text.slice(pos + 1, pos + 40));
  return m?.[1] ?? null;
}

const TITLE_NEIGHBOURS = /^(President|Prime|Minister|Foreign|Defense|Defence|Chief|Secretary|Ambassador|Government|Embassy|Navy|Army|Air|Coast|Forces|Military|Parliament|Congress|Senate|The|In|And|But|When|While|As)$/;

/** All country mentions in text[start, end). Linear in the range: one pass over capitalized words. */
export function findCountryMentions(text: string, start = 0, end = text.length): TCountryHit[] {
  const hits: TCountryHit[] = [];
  const re = new RegExp(CAPITALIZED_WORD.source, "gu");
  re.lastIndex = start;
  let lastEnd = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const pos = m.index;
    if (pos < lastEnd) continue;
    const candidates = byFirstChar.get(m[0].length > 40 ? "" : firstWordOf(text, pos));
    if (!candidates) continue;
    for (const cand of candidates) {
      const stop = pos + cand.phrase.length;
      if (stop > end || !text.startsWith(cand.phrase, pos)) continue;
      // "U.S." ends with a period, so only letters after it break the boundary.
      if (isWordChar(text[stop])) continue;
      if (NOT_COUNTRIES.has(cand.phrase)) break;
      const ambiguous = cand.kind === "capital" || AMBIGUOUS_NAMES.has(cand.phrase);
      if (ambiguous) {
        const before = neighbourBefore(text, pos);
        const after = neighbourAfter(text, stop);
        if ((before && !TITLE_NEIGHBOURS.test(before)) || (after && !TITLE_NEIGHBOURS.test(after))) break;
      }
      hits.push({ code: cand.code, start: pos, end: stop, kind: cand.kind });
      lastEnd = stop;
      re.lastIndex = stop;
      break;
    }
  }
  return hits;
}

const demonymByCode = new Map<string, string>();
for (const c of worldCountries) {
  const dem = c.demonyms["eng"]?.m;
  if (dem && c.independent && !demonymByCode.has(c.cca2)) demonymByCode.set(c.cca2, dem);
}

/** "DE" → "German": the adjective for a country's people, or null. */
export function demonymOf(code: string): string | null {
  return demonymByCode.get(code) ?? null;
}

/** ISO code for an exact country name, alias, demonym or capital, or null. */
export function countryCodeOf(phrase: string): string | null {
  if (NOT_COUNTRIES.has(phrase)) return null;
  return phraseCode.get(phrase) ?? null;
}

/** Whether a phrase names a country, a people, or a capital/seat of government ("Kremlin"), or null. */
export function countryPhraseKind(phrase: string): TCountryHitKind | null {
  if (NOT_COUNTRIES.has(phrase)) return null;
  return phraseKind.get(phrase) ?? null;
}
