// Stable ASCII slugs for article and story URLs: transliterated, lower-case, hyphenated, capped.

// Letters NFKD cannot split into base + accent, plus Cyrillic and Greek (feeds in those scripts are common).
const TRANSLITERATION: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i", ħ: "h", ŋ: "ng", ſ: "s",
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", є: "ye", і: "i", ї: "yi",
  ґ: "g", ў: "u", ј: "j", љ: "lj", њ: "nj", ћ: "c", ђ: "dj", џ: "dz", ѓ: "gj", ќ: "kj", ѕ: "dz",
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m",
  ν: "n", ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
  "&": " and ",
};

export const SLUG_MAX_LENGTH = 80;

export function slugify(title: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const transliterate = (text: string) => [...text].map((char) => TRANSLITERATION[char] ?? char).join("");
  // Table first (й, ё must not lose their marks), then strip accents, then the table again for
  // letters that were accented (ή → η → i).
  const ascii = transliterate(transliterate(title.toLowerCase()).normalize("NFKD").replace(/[\u0300-\u036f]/g, ""))
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= maxLength) return ascii || "untitled";
  // Cut at a word boundary so the slug never ends mid-word.
  const cut = ascii.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  const trimmed = (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, maxLength)).replace(/-+$/, "");
  return trimmed || "untitled";
}
