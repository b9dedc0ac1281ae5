// What is shown = an article's fresh extraction rows + its editors' corrections, re-applied in the
// order they were made. Pure: the database layer (reapply-corrections.ts) reads the rows and writes
// the difference. A correction whose words are gone (or whose statement is no longer extracted) is
// reported as orphaned, never dropped.
import type { TStatementMode, TRelation } from "@/lib/extract/types";
import { bestOverlap, locateAnchor, type TAnchor, type TSpanAt } from "@/lib/review/anchor";
import type { TPairEnd, TTextCorrection } from "@/lib/review/correction-types";

export type TShownStatement = {
  /** Null for a statement a correction added that is not stored yet. */
  id: number | null;
  articleId: number;
  start: number;
  end: number;
  text: string;
  speakerId: number | null;
  mode: TStatementMode;
  correctedAt: Date | null;
};

export type TShownPair = { claim: TShownStatement; response: TShownStatement; relation: TRelation; confidence: number; correctedAt: Date | null };

export type TArticleRows = { articleId: number; text: string; statements: TShownStatement[] };

export type TCorrectionOutcome = { id: number; status: "applied" | "orphaned"; note: string | null };

export type TApplyInput = {
  article: TArticleRows;
  /** Articles holding the other end of a pair correction (read-only here). */
  others: TArticleRows[];
  /** Pairs touching the article, their ends being objects of `article.statements` or `others`. */
  pairs: TShownPair[];
  corrections: TTextCorrection[];
  /** Merged-away speaker id → the speaker it was merged into. */
  speakerMerges: ReadonlyMap<number, number>;
};

export type TApplyResult = { statements: TShownStatement[]; pairs: TShownPair[]; outcomes: TCorrectionOutcome[] };

const WORDS_GONE = "its words are no longer in the article";
const STATEMENT_GONE = "the statement is no longer extracted there";

export function applyCorrections(input: TApplyInput): TApplyResult {
  const copies = new Map<TShownStatement, TShownStatement>();
  const statements = input.article.statements.map((statement) => {
    const copy = { ...statement };
    copies.set(statement, copy);
    return copy;
  });
  let pairs = input.pairs.map((pair) => ({ ...pair, claim: copies.get(pair.claim) ?? pair.claim, response: copies.get(pair.response) ?? pair.response }));
  const others = new Map(input.others.map((rows) => [rows.articleId, rows]));
  const resolveSpeaker = (id: number | null) => {
    let current = id;
    for (let hops = 0; current !== null && input.speakerMerges.has(current) && hops < 20; hops += 1) current = input.speakerMerges.get(current) ?? null;
    return current;
  };
  for (const statement of statements) statement.speakerId = resolveSpeaker(statement.speakerId);

  const own = (anchor: TAnchor): { place: TSpanAt | null; statement: TShownStatement | null } => {
    const place = locateAnchor(input.article.text, anchor);
    return { place, statement: place ? bestOverlap(statements, place) : null };
  };
  const end = (pairEnd: TPairEnd): TShownStatement | null | "gone" => {
    const rows = pairEnd.articleId === input.article.articleId ? { ...input.article, statements } : others.get(pairEnd.articleId);
    if (!rows) return "gone";
    const place = locateAnchor(rows.text, pairEnd.anchor);
    if (!place) return "gone";
    return bestOverlap(rows.statements, place);
  };
  const samePair = (pair: TShownPair, claim: TShownStatement, response: TShownStatement) => pair.claim === claim && pair.response === response;

  const outcomes = [...input.corrections]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id)
    .map((correction): TCorrectionOutcome => {
      const applied: TCorrectionOutcome = { id: correction.id, status: "applied", note: null };
      const orphaned = (note: string): TCorrectionOutcome => ({ id: correction.id, status: "orphaned", note });
      switch (correction.kind) {
        case "statement_speaker":
        case "statement_mode":
        case "statement_reject": {
          const { place, statement } = own(correction.target.anchor);
          if (!place) return orphaned(WORDS_GONE);
          if (!statement) return correction.kind === "statement_reject" ? applied : orphaned(STATEMENT_GONE);
          if (correction.kind === "statement_reject") {
            statements.splice(statements.indexOf(statement), 1);
            pairs = pairs.filter((pair) => pair.claim !== statement && pair.response !== statement);
          } else {
            if (correction.kind === "statement_speaker") statement.speakerId = resolveSpeaker(correction.after.speakerId);
            else statement.mode = correction.after.mode;
            statement.correctedAt = correction.at;
          }
          return applied;
        }
        case "statement_span": {
          const wanted = locateAnchor(input.article.text, correction.after.anchor);
          if (!wanted) return orphaned(WORDS_GONE);
          const already = statements.find((statement) => statement.start === wanted.start && statement.end === wanted.end);
          const { place, statement } = own(correction.target.anchor);
          const moved = already ?? statement;
          if (!moved) return orphaned(place ? STATEMENT_GONE : WORDS_GONE);
          Object.assign(moved, { ...wanted, text: input.article.text.slice(wanted.start, wanted.end), correctedAt: correction.at });
          return applied;
        }
        case "statement_add": {
          const place = locateAnchor(input.article.text, correction.target.anchor);
          if (!place) return orphaned(WORDS_GONE);
          const found = bestOverlap(statements, place);
          const fields = { speakerId: resolveSpeaker(correction.after.speakerId), mode: correction.after.mode, correctedAt: correction.at };
          if (found) Object.assign(found, fields);
          else statements.push({ id: null, articleId: input.article.articleId, ...place, text: input.article.text.slice(place.start, place.end), ...fields });
          return applied;
        }
        case "pair_add":
        case "pair_remove":
        case "pair_relation": {
          const claim = end(correction.target.claim);
          const response = end(correction.target.response);
          if (claim === "gone" || response === "gone") return orphaned(WORDS_GONE);
          if (!claim || !response) return correction.kind === "pair_remove" ? applied : orphaned(STATEMENT_GONE);
          const existing = pairs.find((pair) => samePair(pair, claim, response));
          if (correction.kind === "pair_remove") {
            pairs = pairs.filter((pair) => pair !== existing);
          } else if (existing) {
            existing.relation = correction.after.relation;
            existing.correctedAt = correction.at;
          } else if (correction.kind === "pair_add") {
            pairs.push({ claim, response, relation: correction.after.relation, confidence: 1, correctedAt: correction.at });
          } else {
            return orphaned("the pair is no longer extracted");
          }
          return applied;
        }
      }
    });
  return { statements, pairs, outcomes };
}
