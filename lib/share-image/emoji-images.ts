// Emoji in share images are drawn from Twemoji's SVG files in node_modules (@twemoji/svg), never
// from a CDN. Twemoji names a file by the emoji's code points in hex, without the U+FE0F
// variation selector unless the sequence has a zero-width joiner.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const EMOJI_DIR = path.join(process.cwd(), "node_modules", "@twemoji", "svg");
const cache = new Map<string, string | null>();

function fileNames(emoji: string): string[] {
  const codes = [...emoji].map((char) => (char.codePointAt(0) ?? 0).toString(16));
  const withoutSelector = codes.filter((code) => code !== "fe0f");
  return [...new Set([codes.join("-"), withoutSelector.join("-")])];
}

/** A data: URI with the emoji's SVG picture, or null if Twemoji has none for it. */
export function emojiImage(emoji: string): string | null {
  const cached = cache.get(emoji);
  if (cached !== undefined) return cached;
  const file = fileNames(emoji)
    .map((name) => path.join(EMOJI_DIR, `${name}.svg`))
    .find((candidate) => existsSync(candidate));
  const uri = file ? `data:image/svg+xml;base64,${readFileSync(file).toString("base64")}` : null;
  cache.set(emoji, uri);
  return uri;
}
