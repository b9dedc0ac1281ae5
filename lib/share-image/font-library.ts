// The fonts share images are drawn with, read from npm font packages in node_modules: never fetched.
// Each family ships as unicode-range subsets (as browsers load them); only the subsets a text needs
// are read, so a Chinese headline costs a few hundred kilobytes, not the whole CJK face.
import { readFileSync } from "node:fs";
import path from "node:path";

export type TFontWeight = 400 | 700;
export type TShareFont = { name: string; data: Buffer; weight: TFontWeight; style: "normal" };

type TSubset = { file: string; ranges: [number, number][] };
/** `owns`: a script this family is drawn first for, even when an earlier family also has glyphs for it. */
type TFamily = { name: string; packageName: string; owns?: RegExp };

// In order of preference: a code point is drawn by the first family with a subset that covers it.
const FAMILIES: TFamily[] = [
  { name: "Noto Sans", packageName: "@fontsource/noto-sans" },
  { name: "Noto Sans Arabic", packageName: "@fontsource/noto-sans-arabic" },
  { name: "Noto Sans Hebrew", packageName: "@fontsource/noto-sans-hebrew" },
  { name: "Noto Sans SC", packageName: "@fontsource/noto-sans-sc" },
  // Noto Sans SC has some Hangul syllables too; a Korean line should not mix two faces.
  { name: "Noto Sans KR", packageName: "@fontsource/noto-sans-kr", owns: /\p{Script=Hangul}/u },
  { name: "Noto Sans Thai", packageName: "@fontsource/noto-sans-thai" },
];

export const BASE_FAMILY = "Noto Sans";
const WEIGHTS: TFontWeight[] = [400, 700];

function packageDir(packageName: string): string {
  return path.join(process.cwd(), "node_modules", ...packageName.split("/"));
}

function parseRanges(value: string): [number, number][] {
  return value.split(",").map((part) => {
    const [start = "0", end] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(start, 16), parseInt(end ?? start, 16)];
  });
}

/** The subsets a fontsource stylesheet (e.g. 400.css) declares: file and unicode-range of each. */
export function parseFontsourceCss(css: string): TSubset[] {
  const subsets: TSubset[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? "";
    const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(body)?.[1];
    const ranges = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (file && ranges) subsets.push({ file, ranges: parseRanges(ranges) });
  }
  return subsets;
}

const subsetCache = new Map<string, TSubset[]>();
const fileCache = new Map<string, Buffer>();

function subsetsOf(family: TFamily, weight: TFontWeight): TSubset[] {
  const key = `${family.packageName}/${weight}`;
  let subsets = subsetCache.get(key);
  if (!subsets) {
    subsets = parseFontsourceCss(readFileSync(path.join(packageDir(family.packageName), `${weight}.css`), "utf8"));
    subsetCache.set(key, subsets);
  }
  return subsets;
}

function readFontFile(family: TFamily, file: string): Buffer {
  const full = path.join(packageDir(family.packageName), "files", file);
  let data = fileCache.get(full);
  if (!data) {
    data = readFileSync(full);
    fileCache.set(full, data);
  }
  return data;
}

const covers = (subset: TSubset, codePoint: number) => subset.ranges.some(([start, end]) => codePoint >= start && codePoint <= end);

/**
 * The font subsets that draw `text`, in both weights, always including the base family's Latin
 * subset (so there is a default font). Code points no shipped family covers are left out.
 */
export function fontsFor(text: string): TShareFont[] {
  const chosen = new Map<string, { family: TFamily; weight: TFontWeight; file: string; primary: boolean }>();
  const choose = (family: TFamily, weight: TFontWeight, subset: TSubset, primary = false) => {
    if (!chosen.has(subset.file)) chosen.set(subset.file, { family, weight, file: subset.file, primary });
  };
  for (const weight of WEIGHTS) {
    const base = FAMILIES[0]!;
    const latin = subsetsOf(base, weight).find((subset) => covers(subset, 0x41));
    if (latin) choose(base, weight, latin, true);
  }
  const codePoints = new Set([...text].map((char) => char.codePointAt(0) ?? 0).filter((codePoint) => codePoint > 0x20));
  for (const codePoint of codePoints) {
    const char = String.fromCodePoint(codePoint);
    const families = [...FAMILIES.filter((family) => family.owns?.test(char)), ...FAMILIES];
    for (const weight of WEIGHTS) {
      for (const family of families) {
        const subset = subsetsOf(family, weight).find((candidate) => covers(candidate, codePoint));
        if (subset) {
          choose(family, weight, subset);
          break;
        }
      }
    }
  }
  // satori keeps one face per name and weight, so each subset needs a name of its own; the base
  // family's Latin subset keeps the family name that the image's CSS asks for.
  return [...chosen.values()].map(({ family, weight, file, primary }) => ({
    name: primary ? family.name : `${family.name} ${file.replace(/-\d00-normal\.woff2$/, "")}`,
    data: readFontFile(family, file),
    weight,
    style: "normal",
  }));
}
