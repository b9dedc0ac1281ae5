// Scores extract() against the hand-written eval set (tests/fixtures/extract/eval): per-category
// recall/precision for speakers, statements, pairs and countries, plus the misses behind them.
// Plain functions without vitest so bench/eval-extract.ts can print the same numbers.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TExtraction, TStatement } from "@/lib/extract/types";

export interface TEvalSpeaker {
  name: string;
  aliases?: string[];
  role: string | null;
  role_alt?: (string | null)[];
  country: string | null;
  country_ok?: (string | null)[];
  kind: string;
  kind_ok?: string[];
}
export interface TEvalStatement {
  key: string;
  /** "*" accepts any speaker (or none); null means the text names nobody. */
  speaker: string | null;
  mode: string;
  modes?: string[];
  excerpt: string;
  cue?: string;
  optional?: boolean;
}
export interface TEvalPair {
  claim: string;
  response: string;
  relation: string;
  alternatives?: string[];
  alternatives_claim?: string[];
  alternatives_response?: string[];
  optional?: boolean;
}
export interface TEvalDocument {
  kind: string;
  title: string | null;
  author?: string | null;
  outlet?: string | null;
  speakers: TEvalSpeaker[];
  statements: TEvalStatement[];
  pairs: TEvalPair[];
  countries: string[];
  countries_optional?: string[];
}
export interface TEvalCase {
  name: string;
  text: string;
  documents: TEvalDocument[];
}

/** hits / total for one measure; precision-style measures count predictions in `total`. */
export interface TRatio {
  hits: number;
  total: number;
}
export interface TScores {
  speakerRecall: TRatio;
  speakerPrecision: TRatio;
  roleAccuracy: TRatio;
  countryAccuracy: TRatio;
  kindAccuracy: TRatio;
  statementSpanRecall: TRatio;
  statementRecall: TRatio;
  statementPrecision: TRatio;
  modeAccuracy: TRatio;
  cueAccuracy: TRatio;
  pairLinkRecall: TRatio;
  pairRecall: TRatio;
  pairPrecision: TRatio;
  countryRecall: TRatio;
  countryPrecision: TRatio;
  documentCount: TRatio;
}
export interface TCaseScore {
  name: string;
  scores: TScores;
  misses: string[];
}

export const EVAL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/extract/eval");
/** Articles written after the rules were tuned on EVAL_DIR: the honest estimate for unseen news. */
export const HOLDOUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/extract/holdout");

export function loadEvalCases(dir: string = EVAL_DIR): TEvalCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, "");
      const expected = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { documents: TEvalDocument[] };
      return { name, text: readFileSync(path.join(dir, `${name}.txt`), "utf8"), documents: expected.documents };
    });
}

function emptyScores(): TScores {
  const r = (): TRatio => ({ hits: 0, total: 0 });
  return {
    speakerRecall: r(), speakerPrecision: r(), roleAccuracy: r(), countryAccuracy: r(), kindAccuracy: r(),
    statementSpanRecall: r(), statementRecall: r(), statementPrecision: r(), modeAccuracy: r(), cueAccuracy: r(),
    pairLinkRecall: r(), pairRecall: r(), pairPrecision: r(), countryRecall: r(), countryPrecision: r(), documentCount: r(),
  };
}

function tally(r: TRatio, hit: boolean): void {
  r.total += 1;
  if (hit) r.hits += 1;
}

const norm = (s: string | null | undefined): string | null => (s == null ? null : s.toLowerCase().replace(/[’]/g, "'").trim());

interface TActual {
  st: TStatement;
  speaker: string | null;
}

export function scoreCase(c: TEvalCase, result: TExtraction): TCaseScore {
  const s = emptyScores();
  const misses: string[] = [];
  const text = c.text;
  const actual: TActual[] = result.documents.flatMap((d) =>
    d.statements.map((st) => ({ st, speaker: d.speakers.find((sp) => sp.id === st.speakerId)?.name ?? null })),
  );
  const actualSpeakers = result.documents.flatMap((d) => d.speakers);
  const expSpeakers = c.documents.flatMap((d) => d.speakers);
  const namesOf = (name: string): string[] => {
    const sp = expSpeakers.find((x) => x.name === name);
    return [name, ...(sp?.aliases ?? [])].map((n) => norm(n) ?? "");
  };
  const speakerOk = (e: TEvalStatement, a: TActual): boolean => {
    if (e.speaker === "*") return true;
    if (e.speaker === null) return a.speaker === null;
    return a.speaker !== null && namesOf(e.speaker).includes(norm(a.speaker) ?? "");
  };
  // The fixture tests' rule: the span holds the excerpt and is not absurdly longer than it.
  const holds = (e: TEvalStatement, a: TActual): boolean => a.st.text.includes(e.excerpt) && a.st.text.length <= e.excerpt.length * 6 + 120;

  // Speakers: found by name or alias anywhere in the output; role, country and kind of those found.
  const matchedActual = new Set<string>();
  for (const e of expSpeakers) {
    const names = namesOf(e.name);
    // The exact name first: an alias ("Foreign Ministry") may also name another speaker.
    const found = actualSpeakers.find((a) => norm(a.name) === norm(e.name)) ?? actualSpeakers.find((a) => names.includes(norm(a.name) ?? ""));
    tally(s.speakerRecall, found !== undefined);
    if (!found) {
      misses.push(`speaker missing: ${e.name}`);
      continue;
    }
    matchedActual.add(found.id);
    const roles = [e.role, ...(e.role_alt ?? [])].map(norm);
    const roleHit = roles.includes(norm(found.role));
    tally(s.roleAccuracy, roleHit);
    if (!roleHit) misses.push(`role: ${e.name} ${JSON.stringify(found.role)} (want ${JSON.stringify(e.role)})`);
    const countries = e.country_ok ?? [e.country];
    const countryHit = countries.includes(found.country);
    tally(s.countryAccuracy, countryHit);
    if (!countryHit) misses.push(`country: ${e.name} ${found.country} (want ${e.country})`);
    const kindHit = (e.kind_ok ?? [e.kind]).includes(found.kind);
    tally(s.kindAccuracy, kindHit);
    if (!kindHit) misses.push(`kind: ${e.name} ${found.kind} (want ${e.kind})`);
  }

  // Statements: recall over required ones; precision over every statement the engine made.
  const expStatements = c.documents.flatMap((d) => d.statements);
  const wildcardSpeakers = new Set<string>();
  for (const e of expStatements) {
    const spans = actual.filter((a) => holds(e, a));
    const hit = spans.find((a) => speakerOk(e, a));
    if (hit && e.speaker === "*" && hit.st.speakerId) wildcardSpeakers.add(hit.st.speakerId);
    if (e.optional) continue;
    tally(s.statementSpanRecall, spans.length > 0);
    tally(s.statementRecall, hit !== undefined);
    if (!hit) {
      const got = spans[0] ? ` (got speaker ${JSON.stringify(spans[0].speaker)})` : "";
      misses.push(`statement ${e.key} [${e.speaker}]: ${e.excerpt}${got}`);
      continue;
    }
    const modeHit = (e.modes ?? [e.mode]).includes(hit.st.mode);
    tally(s.modeAccuracy, modeHit);
    if (!modeHit) misses.push(`mode ${e.key}: ${hit.st.mode} (want ${e.mode})`);
    if (e.cue) {
      const cueHit = hit.st.cue?.text.toLowerCase().startsWith(e.cue.toLowerCase()) ?? false;
      tally(s.cueAccuracy, cueHit);
      if (!cueHit) misses.push(`cue ${e.key}: ${JSON.stringify(hit.st.cue?.text ?? null)} (want ${e.cue})`);
    }
  }
  for (const a of actual) {
    // Right if it overlaps an expected excerpt (required or optional) and has an acceptable speaker.
    const ok = expStatements.some((e) => {
      const at = text.indexOf(e.excerpt);
      return at !== -1 && a.st.span.start < at + e.excerpt.length && at < a.st.span.end && speakerOk(e, a);
    });
    tally(s.statementPrecision, ok);
    if (!ok) misses.push(`extra statement [${a.speaker}]: ${a.st.text.slice(0, 90)}`);
  }
  for (const a of actualSpeakers) {
    if (wildcardSpeakers.has(a.id) && !matchedActual.has(a.id)) continue;
    tally(s.speakerPrecision, matchedActual.has(a.id));
    if (!matchedActual.has(a.id)) misses.push(`extra speaker: ${a.name}`);
  }

  // Pairs: an expected key stands for every statement holding its excerpt.
  const idsOf = new Map<string, string[]>();
  for (const e of expStatements) idsOf.set(e.key, actual.filter((a) => holds(e, a)).map((a) => a.st.id));
  const pairs = result.documents.flatMap((d) => d.pairs);
  const expPairs = c.documents.flatMap((d) => d.pairs);
  const claimIds = (p: TEvalPair): string[] => [p.claim, ...(p.alternatives_claim ?? [])].flatMap((k) => idsOf.get(k) ?? []);
  const responseIds = (p: TEvalPair): string[] => [p.response, ...(p.alternatives_response ?? [])].flatMap((k) => idsOf.get(k) ?? []);
  for (const p of expPairs.filter((x) => !x.optional)) {
    const claims = claimIds(p);
    const responses = responseIds(p);
    const linked = pairs.filter((x) => claims.includes(x.claimId) && responses.includes(x.responseId));
    const right = linked.find((x) => [p.relation, ...(p.alternatives ?? [])].includes(x.relation));
    tally(s.pairLinkRecall, linked.length > 0);
    tally(s.pairRecall, right !== undefined);
    if (!right) misses.push(`pair ${p.claim} -> ${p.response} ${p.relation}${linked[0] ? ` (got ${linked[0].relation})` : ""}`);
  }
  const textOf = (id: string): string => actual.find((a) => a.st.id === id)?.st.text.slice(0, 50) ?? id;
  for (const x of pairs) {
    const ok = expPairs.some(
      (p) =>
        claimIds(p).includes(x.claimId) &&
        responseIds(p).includes(x.responseId) &&
        [p.relation, ...(p.alternatives ?? [])].includes(x.relation),
    );
    tally(s.pairPrecision, ok);
    if (!ok) misses.push(`extra pair ${x.relation}: "${textOf(x.claimId)}" -> "${textOf(x.responseId)}"`);
  }

  // Countries: the union over documents, optional codes neither required nor wrong.
  const expCountries = new Set(c.documents.flatMap((d) => d.countries));
  const optional = new Set(c.documents.flatMap((d) => d.countries_optional ?? []));
  const got = new Set(result.documents.flatMap((d) => d.countries.map((x) => x.code)));
  for (const code of expCountries) {
    tally(s.countryRecall, got.has(code));
    if (!got.has(code)) misses.push(`country missing: ${code}`);
  }
  for (const code of got) {
    if (optional.has(code)) continue;
    tally(s.countryPrecision, expCountries.has(code));
    if (!expCountries.has(code)) misses.push(`extra country: ${code}`);
  }
  tally(s.documentCount, result.documents.length === c.documents.length);
  if (result.documents.length !== c.documents.length) misses.push(`documents: ${result.documents.length} (want ${c.documents.length})`);
  return { name: c.name, scores: s, misses };
}

export function sumScores(list: readonly TScores[]): TScores {
  const out = emptyScores();
  for (const sc of list) {
    for (const k of Object.keys(out) as (keyof TScores)[]) {
      out[k].hits += sc[k].hits;
      out[k].total += sc[k].total;
    }
  }
  return out;
}

/** A ratio as a number; an empty measure counts as perfect (nothing to get wrong). */
export function rate(r: TRatio): number {
  return r.total === 0 ? 1 : r.hits / r.total;
}

export const SCORE_LABELS: Record<keyof TScores, string> = {
  speakerRecall: "speakers: recall",
  speakerPrecision: "speakers: precision",
  roleAccuracy: "speakers: role accuracy",
  countryAccuracy: "speakers: country accuracy",
  kindAccuracy: "speakers: kind accuracy",
  statementSpanRecall: "statements: span found",
  statementRecall: "statements: recall (span+speaker)",
  statementPrecision: "statements: precision",
  modeAccuracy: "statements: mode accuracy",
  cueAccuracy: "statements: cue accuracy",
  pairLinkRecall: "pairs: linked (any relation)",
  pairRecall: "pairs: recall (with relation)",
  pairPrecision: "pairs: precision",
  countryRecall: "countries: recall",
  countryPrecision: "countries: precision",
  documentCount: "documents: count right",
};

export function formatTable(total: TScores): string {
  const rows = (Object.keys(SCORE_LABELS) as (keyof TScores)[]).map((k) => {
    const r = total[k];
    return `${SCORE_LABELS[k].padEnd(36)} ${rate(r).toFixed(3)}  (${r.hits}/${r.total})`;
  });
  return rows.join("\n");
}
