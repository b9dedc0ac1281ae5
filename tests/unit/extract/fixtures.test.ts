// The client's two real pastes: every non-optional expected statement, speaker, country and pair.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import type { TDocument, TExtraction, TStatement } from "@/lib/extract/types";
import { clientExamplePaste, clientExampleExpected, expectWellFormed } from "./helpers";

interface TExpectedStatement {
  key: string;
  speaker: string;
  mode: string;
  excerpt: string;
  cue?: string;
  optional?: boolean;
  source_is_pronoun?: boolean;
  source_is_context?: boolean;
}
interface TExpectedDocument {
  kind: string;
  title: string | null;
  outlet?: string | null;
  author?: string | null;
  speakers: { name: string; role: string | null; country: string | null; kind: string }[];
  not_speakers?: string[];
  statements: TExpectedStatement[];
  pairs: { claim: string; response: string; relation: string; alternatives?: string[]; alternatives_claim?: string[]; optional?: boolean }[];
  countries: string[];
}
interface TExpected {
  input: string;
  documents: TExpectedDocument[];
  not_statements?: string[];
}

const cases = ["japan-treaty-unfair", "treaty-and-nato-forum-paste"];

function load(name: string): { text: string; expected: TExpected; result: TExtraction } {
  const text = readFileSync(clientExamplePaste(name), "utf8");
  const expected = JSON.parse(readFileSync(clientExampleExpected(name), "utf8")) as TExpected;
  return { text, expected, result: extract(text) };
}

function speakerName(doc: TDocument, st: TStatement): string | null {
  return doc.speakers.find((s) => s.id === st.speakerId)?.name ?? null;
}

/** The statement whose span holds the excerpt (quote marks aside) and is not absurdly longer. */
function findStatement(text: string, doc: TDocument, excerpt: string): TStatement | undefined {
  return doc.statements.find((st) => {
    const slice = text.slice(st.span.start, st.span.end);
    return slice.includes(excerpt) && slice.length <= excerpt.length * 6 + 120;
  });
}

describe.each(cases)("fixture %s", (name) => {
  const { text, expected, result } = load(name);

  it("is well formed and has the expected documents", () => {
    expectWellFormed(text, result);
    expect(result.documents).toHaveLength(expected.documents.length);
    expected.documents.forEach((exp, i) => {
      const doc = result.documents[i];
      expect(doc?.kind).toBe(exp.kind);
      expect(doc?.title).toBe(exp.title);
      if (exp.outlet !== undefined) expect(doc?.outlet).toBe(exp.outlet);
      if (exp.author !== undefined) expect(doc?.author).toBe(exp.author);
    });
  });

  it("finds every expected statement with its speaker, mode and cue", () => {
    expected.documents.forEach((exp, i) => {
      const doc = result.documents[i];
      if (!doc) throw new Error(`document ${i} missing`);
      for (const e of exp.statements.filter((s) => !s.optional)) {
        const st = findStatement(text, doc, e.excerpt);
        expect(st, `${e.key}: ${e.excerpt}`).toBeDefined();
        if (!st) continue;
        expect(speakerName(doc, st), e.key).toBe(e.speaker);
        expect(st.mode, e.key).toBe(e.mode);
        if (e.cue) expect(st.cue?.text, e.key).toBe(e.cue);
        if (e.source_is_pronoun && st.source) expect(text.slice(st.source.start, st.source.end)).toMatch(/^(?:he|she|they)$/i);
        if (e.source_is_pronoun) expect(st.source).not.toBeNull();
        if (e.source_is_context) expect(st.source).toBeNull();
      }
    });
  });

  it("finds the speakers with role, country and kind, and not the bystanders", () => {
    expected.documents.forEach((exp, i) => {
      const doc = result.documents[i];
      for (const s of exp.speakers) {
        const found = doc?.speakers.find((x) => x.name === s.name);
        expect(found, s.name).toMatchObject({ role: s.role, country: s.country, kind: s.kind });
      }
      for (const n of exp.not_speakers ?? []) expect(doc?.speakers.some((x) => x.name === n)).toBe(false);
    });
  });

  it("lists the countries each document mentions", () => {
    expected.documents.forEach((exp, i) => {
      const codes = result.documents[i]?.countries.map((c) => c.code) ?? [];
      for (const code of exp.countries) expect(codes, code).toContain(code);
      expect(codes).not.toContain("EU");
    });
  });

  it("pairs each response with its claim and relation", () => {
    const all = result.documents.flatMap((d) => d.statements.map((st) => ({ doc: d, st })));
    const keyToIds = new Map<string, string[]>();
    expected.documents.forEach((exp, i) => {
      const doc = result.documents[i];
      if (!doc) return;
      for (const e of exp.statements) {
        const ids = doc.statements
          .filter((st) => text.slice(st.span.start, st.span.end).includes(e.excerpt))
          .map((st) => st.id);
        keyToIds.set(e.key, ids);
      }
    });
    expect(all.length).toBeGreaterThan(0);
    const pairs = result.documents.flatMap((d) => d.pairs);
    for (const exp of expected.documents) {
      for (const p of exp.pairs.filter((x) => !x.optional)) {
        const claims = [p.claim, ...(p.alternatives_claim ?? [])].flatMap((k) => keyToIds.get(k) ?? []);
        const responses = keyToIds.get(p.response) ?? [];
        const relations = [p.relation, ...(p.alternatives ?? [])];
        const hit = pairs.find((x) => claims.includes(x.claimId) && responses.includes(x.responseId));
        expect(hit, `${p.claim} -> ${p.response}`).toBeDefined();
        expect(relations).toContain(hit?.relation);
      }
    }
  });

  it("takes no statement from site chrome", () => {
    for (const chrome of expected.not_statements ?? []) {
      const at = text.indexOf(chrome);
      expect(at).toBeGreaterThanOrEqual(0);
      const lineEnd = text.indexOf("\n", at);
      const end = lineEnd === -1 ? text.length : lineEnd;
      for (const d of result.documents) {
        for (const st of d.statements) expect(st.span.end <= at || st.span.start >= end, chrome).toBe(true);
      }
    }
    for (const d of result.documents) {
      for (const st of d.statements) expect(st.text).not.toMatch(/See More|Breaking News|Privacy Policy|Last edited/);
    }
  });
});
