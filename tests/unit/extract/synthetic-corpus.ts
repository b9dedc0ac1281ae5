// Reads the marked-up synthetic paragraphs of tests/fixtures/extract/train-synthetic.txt into
// PolNeAR-shaped records ([S …] source, [C …] cue, [Q …] content; one attribution per line).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TPolnearPiece, TPolnearRecord } from "@/bench/polnear";

export const SYNTHETIC_FILE = path.join(process.cwd(), "tests/fixtures/extract/train-synthetic.txt");

export function parseMarkedLine(line: string): { text: string; pieces: Record<"S" | "C" | "Q", TPolnearPiece[]> } {
  const pieces: Record<"S" | "C" | "Q", TPolnearPiece[]> = { S: [], C: [], Q: [] };
  let text = "";
  const re = /\[([SCQ]) ([^\]]+)\]/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    text += line.slice(last, m.index);
    const words = m[2] ?? "";
    pieces[(m[1] ?? "Q") as "S" | "C" | "Q"].push({ start: text.length, end: text.length + words.length, text: words });
    text += words;
    last = m.index + m[0].length;
  }
  return { text: text + line.slice(last), pieces };
}

/** One record per line, so every paragraph is its own article. */
export function loadSyntheticRecords(file = SYNTHETIC_FILE): TPolnearRecord[] {
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  return lines.map((line, i) => {
    const { text, pieces } = parseMarkedLine(line);
    const attributions = pieces.Q.length ? [{ id: "E1", source: pieces.S, cue: pieces.C, content: pieces.Q }] : [];
    return { article: `synthetic-${i + 1}`, primary: true, text, attributions };
  });
}
