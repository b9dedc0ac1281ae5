// Shared helpers for the extraction tests: locating the client's example pastes and checking invariants.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { extract } from "@/lib/extract";
import { ZExtraction, type TExtraction } from "@/lib/extract/types";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** One of the client's two example pastes: they ship with the app as its first-start examples. */
export function clientExamplePaste(name: string): string {
  return path.join(repoRoot, "prisma", "seed-articles", `${name}.txt`);
}

/** What the client expects the extraction to find in that paste. */
export function clientExampleExpected(name: string): string {
  return path.join(repoRoot, "tests", "fixtures", "extract", "client-examples", `${name}.json`);
}

/** Schema-valid, unique ids, every offset in range and every span's text round-trips. */
export function expectWellFormed(text: string, result: TExtraction): void {
  expect(ZExtraction.safeParse(result).success).toBe(true);
  const ids = new Set<string>();
  const inRange = (s: { start: number; end: number }): void => {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
  };
  const statementIds = new Set<string>();
  for (const d of result.documents) {
    inRange(d.span);
    for (const sp of d.speakers) {
      expect(ids.has(sp.id)).toBe(false);
      ids.add(sp.id);
      sp.mentions.forEach(inRange);
    }
    for (const st of d.statements) {
      expect(ids.has(st.id)).toBe(false);
      ids.add(st.id);
      statementIds.add(st.id);
      inRange(st.span);
      expect(text.slice(st.span.start, st.span.end)).toBe(st.text);
      if (st.cue) {
        inRange(st.cue);
        expect(text.slice(st.cue.start, st.cue.end)).toBe(st.cue.text);
      }
      if (st.source) inRange(st.source);
      if (st.speakerId) expect(d.speakers.some((sp) => sp.id === st.speakerId)).toBe(true);
    }
    for (const c of d.countries) c.mentions.forEach(inRange);
  }
  for (const d of result.documents) {
    for (const p of d.pairs) {
      expect(statementIds.has(p.claimId)).toBe(true);
      expect(statementIds.has(p.responseId)).toBe(true);
    }
  }
}

/** Each speaker of a well-formed extraction with its role, country and how many statements it has. */
export function speakersOf(text: string) {
  const result = extract(text);
  expectWellFormed(text, result);
  return result.documents.flatMap((document) =>
    document.speakers.map((speaker) => ({
      name: speaker.name,
      role: speaker.role,
      country: speaker.country,
      said: document.statements.filter((statement) => statement.speakerId === speaker.id).length,
    })),
  );
}

/** Each statement of a well-formed extraction: its text, mode, cue word and speaker's name. */
export function statementsOf(text: string): { text: string; mode: string; cue: string | null; speaker: string | null }[] {
  const result = extract(text);
  expectWellFormed(text, result);
  return result.documents.flatMap((document) =>
    document.statements.map((statement) => ({
      text: statement.text,
      mode: statement.mode,
      cue: statement.cue?.text ?? null,
      speaker: document.speakers.find((speaker) => speaker.id === statement.speakerId)?.name ?? null,
    })),
  );
}

/** Who said the statement containing `words` in a well-formed extraction (null: nobody). */
export function speakerOf(text: string, words: string): string | null {
  const statement = statementsOf(text).find((s) => s.text.includes(words));
  if (!statement) throw new Error(`no statement holds ${words}`);
  return statement.speaker;
}

/** The first document's pairs as the words of claim and response, for tests that read like the text. */
export function pairsOf(result: TExtraction): { claim: string; response: string; relation: string }[] {
  const doc = result.documents[0];
  const textOf = (id: string): string => doc?.statements.find((s) => s.id === id)?.text ?? "";
  return (doc?.pairs ?? []).map((p) => ({ claim: textOf(p.claimId), response: textOf(p.responseId), relation: p.relation }));
}
