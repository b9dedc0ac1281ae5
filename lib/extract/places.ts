// Places that look like names: US states (and the abbreviations newsrooms write after a city),
// capitalized geographic names ("Pearl Harbor", "Western Pacific"), and names written after a
// locative preposition ("a rally in Beaumont"). None of them is a person who can speak or be "he".

/** The fifty states and DC, with the AP-style abbreviations used in datelines and party tags. */
const US_STATES: Record<string, string[]> = {
  Alabama: ["Ala."], Alaska: [], Arizona: ["Ariz."], Arkansas: ["Ark."], California: ["Calif.", "Cal."],
  Colorado: ["Colo."], Connecticut: ["Conn."], Delaware: ["Del."], Florida: ["Fla."], Georgia: ["Ga."],
  Hawaii: [], Idaho: [], Illinois: ["Ill."], Indiana: ["Ind."], Iowa: [], Kansas: ["Kan.", "Kans."],
  Kentucky: ["Ky."], Louisiana: ["La."], Maine: [], Maryland: ["Md."], Massachusetts: ["Mass."],
  Michigan: ["Mich."], Minnesota: ["Minn."], Mississippi: ["Miss."], Missouri: ["Mo."], Montana: ["Mont."],
  Nebraska: ["Neb.", "Nebr."], Nevada: ["Nev."], "New Hampshire": ["N.H."], "New Jersey": ["N.J."],
  "New Mexico": ["N.M."], "New York": ["N.Y."], "North Carolina": ["N.C."], "North Dakota": ["N.D."],
  Ohio: [], Oklahoma: ["Okla."], Oregon: ["Ore.", "Oreg."], Pennsylvania: ["Pa.", "Penn."],
  "Rhode Island": ["R.I."], "South Carolina": ["S.C."], "South Dakota": ["S.D."], Tennessee: ["Tenn."],
  Texas: ["Tex."], Utah: [], Vermont: ["Vt."], Virginia: ["Va."], Washington: ["Wash."],
  "West Virginia": ["W.Va.", "W. Va."], Wisconsin: ["Wis.", "Wisc."], Wyoming: ["Wyo."],
  "District of Columbia": ["D.C."], "Puerto Rico": ["P.R."],
};

const STATE_NAMES = new Set<string>();
for (const [name, abbreviations] of Object.entries(US_STATES)) {
  STATE_NAMES.add(name);
  for (const a of abbreviations) STATE_NAMES.add(a);
}

/** "Texas", "N.J.", "Tex": a US state or its abbreviation (with or without the final dot). */
export function isUsState(phrase: string): boolean {
  return STATE_NAMES.has(phrase) || STATE_NAMES.has(`${phrase}.`);
}

/** A phrase that starts with a US state name: "New Jersey Gov.", "South Carolina Republican Party". */
export function leadingUsState(tokens: readonly string[]): number {
  for (const len of [3, 2, 1]) {
    if (tokens.length >= len && isUsState(tokens.slice(0, len).join(" ").replace(/['’]s$/, ""))) return len;
  }
  return 0;
}

// The last word of a geographic name: "Pearl Harbor", "Scarborough Shoal", "Wall Street", "Western Pacific".
const PLACE_HEAD = /^(?:Harbor|Harbour|Shoal|Shoals|Reef|Island|Islands|Isles|Sea|Ocean|Pacific|Atlantic|River|Lake|Bay|Gulf|Strait|Straits|Canal|Peninsula|Valley|Mountain|Mountains|Hills|Desert|Coast|Beach|Street|Avenue|Boulevard|Square|Plaza|County|City|Township|Province|Region|Airport|Base|Heights|Falls|Canyon|Springs|Village|Borough)$/;

/** A capitalized name that is a place by its own words or because it is a US state. */
export function isPlaceName(name: string): boolean {
  if (isUsState(name)) return true;
  const last = name.split(/\s+/).pop() ?? "";
  return PLACE_HEAD.test(last);
}

// Prepositions after which a capitalized name is a place or an occasion, not a speaker:
// "a rally in Beaumont", "high above Pearl Harbor", "on Cinco de Mayo", "at Mar-a-Lago".
const LOCATIVE_BEFORE = /(?:^|[\s(])(?:in|at|on|near|above|across|outside|inside|throughout|around|into|off|along|within)\s+(?:the\s+)?$/i;

/** Whether the name starting at `start` follows a locative preposition. */
export function followsLocative(text: string, start: number): boolean {
  return LOCATIVE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}
