// Any input gives schema-valid output with in-range, round-tripping offsets: empty, huge, binary,
// RTL, emoji, unbalanced quotes, and thousands of random and mutated inputs from a seeded PRNG.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom, generateArticle } from "@/bench/generate-articles";
import { extract } from "@/lib/extract";
import { clientExamplePaste, expectWellFormed } from "./helpers";

function check(text: string): ReturnType<typeof extract> {
  const r = extract(text);
  expectWellFormed(text, r);
  return r;
}

describe("robustness", () => {
  it("returns no documents for empty or blank text", () => {
    expect(check("").documents).toEqual([]);
    expect(check(" \n\t\n ").documents).toEqual([]);
  });

  // The timeout only guards against a hang on a loaded machine; no speed is asserted here.
  it("handles a 5 MB paste", { timeout: 180_000 }, () => {
    const fixture = readFileSync(clientExamplePaste("treaty-and-nato-forum-paste"), "utf8");
    let big = "";
    while (big.length < 5 * 1024 * 1024) big += `${fixture}\n\n`;
    const r = check(big);
    expect(r.documents.length).toBeGreaterThan(100);
    expect(r.documents.flatMap((d) => d.statements).length).toBeGreaterThan(1000);
  });

  it("handles one 5 MB line without punctuation or breaks", { timeout: 180_000 }, () => {
    const r = check("said that “ ".repeat(400_000));
    expect(r.documents.length).toBeLessThanOrEqual(1);
  });

  it("handles binary-looking text", () => {
    const rand = createRandom(3);
    const bytes = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(rand() * 0xffff)));
    check(bytes.join(""));
    check("\u0000\u0001\u0002\uFFFD\uFFFD said that \u0000 “\u0007”");
  });

  it("handles text made only of quote marks, unbalanced quotes and apostrophes", () => {
    check("“”“”\"\"''‘’«»".repeat(500));
    check("“He said “no” and ”left” ‘ ’ \" ' « »");
    const r = check(`"Unclosed quote at the start of a paragraph, the minister said\nNext line is plain.`);
    expect(r.documents).toHaveLength(1);
  });

  it("keeps UTF-16 offsets exact with emoji and RTL text", () => {
    const text =
      "🇯🇵🔥 Prime Minister Aiko Tanabe said that the 🏯 castle would reopen 😀.\n“نحن مستعدون 🙏,” said Foreign Minister Samir Haddad.\n“😀😀 We are ready 👍,” Tanabe said.";
    const r = check(text);
    const sts = r.documents.flatMap((d) => d.statements);
    expect(sts.map((s) => s.text)).toEqual(["the 🏯 castle would reopen 😀", "نحن مستعدون 🙏", "😀😀 We are ready 👍"]);
  });

  it("never crashes on thousands of random and mutated inputs", { timeout: 180_000 }, () => {
    const rand = createRandom(20261123);
    const alphabet = ` \n\n..,,;:!?""''“”‘’«»—–-()abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ said that he she Trump Japan’s US U.S. 😀 ש`;
    const seeds = [
      readFileSync(clientExamplePaste("japan-treaty-unfair"), "utf8"),
      generateArticle(5, { words: 200 }).text,
    ];
    let checked = 0;
    for (let i = 0; i < 2500; i += 1) {
      let text: string;
      if (i % 2 === 0) {
        const len = Math.floor(rand() * 300);
        text = Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)] ?? " ").join("");
      } else {
        const base = seeds[i % seeds.length] ?? "";
        const start = Math.floor(rand() * base.length);
        let piece = base.slice(start, start + 200 + Math.floor(rand() * 600));
        for (let k = 0; k < 5; k += 1) {
          const at = Math.floor(rand() * piece.length);
          const op = rand();
          const ch = alphabet[Math.floor(rand() * alphabet.length)] ?? "";
          piece = op < 0.4 ? piece.slice(0, at) + ch + piece.slice(at) : op < 0.8 ? piece.slice(0, at) + piece.slice(at + 1) : piece.slice(0, at) + "\uD83D" + piece.slice(at);
        }
        text = piece;
      }
      check(text);
      checked += 1;
    }
    expect(checked).toBe(2500);
  });
});
