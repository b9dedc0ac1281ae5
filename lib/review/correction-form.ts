// The permalink's review forms → a correction request. Forms carry strings; words typed (or pasted)
// from the text stand for a selection, so every action works from the keyboard alone.
import { AppError } from "@/lib/app-error";
import { ZCorrectionRequest, type TCorrectionRequest } from "@/lib/review/correction-types";

export type TFormFields = Record<string, string>;

/** Where `words` occur in `text`: exactly once, or an error that says what to do. */
export function spanOfWords(text: string, words: string): { start: number; end: number } {
  const wanted = words.trim();
  if (!wanted) throw new AppError("invalid_input", 422, "words: type or paste the words from the text");
  const first = text.indexOf(wanted);
  if (first === -1) throw new AppError("invalid_input", 422, `words: “${wanted.slice(0, 60)}” is not in the article's text (copy it exactly)`);
  if (text.indexOf(wanted, first + 1) !== -1) throw new AppError("invalid_input", 422, `words: “${wanted.slice(0, 60)}” occurs more than once; add a few words around it`);
  return { start: first, end: first + wanted.length };
}

const number = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : Number(value));
const optional = (value: string | undefined) => (value === undefined ? undefined : value.trim() === "" ? null : value.trim());

function speakerChoice(fields: TFormFields) {
  if (fields.speakerId && fields.speakerId !== "new") return { speakerId: number(fields.speakerId) };
  return { newSpeaker: { name: fields.newSpeakerName ?? "", kind: fields.newSpeakerKind || "person" } };
}

/** `articleText` is needed by the kinds that take words from the text (span, add). */
export function correctionRequestFromForm(fields: TFormFields, articleText: string | null): TCorrectionRequest {
  const kind = fields.kind;
  const words = () => spanOfWords(articleText ?? "", fields.words ?? "");
  const raw: Record<string, unknown> = { kind };
  switch (kind) {
    case "statement_speaker":
      Object.assign(raw, { statementId: number(fields.statementId), speaker: speakerChoice(fields) });
      break;
    case "statement_mode":
      Object.assign(raw, { statementId: number(fields.statementId), mode: fields.mode });
      break;
    case "statement_span":
      Object.assign(raw, { statementId: number(fields.statementId), span: words() });
      break;
    case "statement_reject":
      Object.assign(raw, { statementId: number(fields.statementId) });
      break;
    case "statement_add":
      Object.assign(raw, { articleId: number(fields.articleId), span: words(), mode: fields.mode, speaker: speakerChoice(fields) });
      break;
    case "pair_add":
      Object.assign(raw, { claimId: number(fields.claimId), responseId: number(fields.responseId), relation: fields.relation });
      break;
    case "pair_remove":
      Object.assign(raw, { pairId: number(fields.pairId) });
      break;
    case "pair_relation":
      Object.assign(raw, { pairId: number(fields.pairId), relation: fields.relation });
      break;
    case "speaker_rename":
      Object.assign(raw, { speakerId: number(fields.speakerId), name: fields.name });
      break;
    case "speaker_details":
      Object.assign(raw, { speakerId: number(fields.speakerId), role: optional(fields.role), country: optional(fields.country) });
      break;
    case "speaker_merge":
      Object.assign(raw, { speakerId: number(fields.intoSpeakerId), fromSpeakerId: number(fields.speakerId) });
      break;
    case "speaker_split":
      Object.assign(raw, {
        speakerId: number(fields.speakerId),
        name: fields.name,
        statementIds: (fields.statementIds ?? "").split(",").filter(Boolean).map(Number),
      });
      break;
    case "article_hide":
      Object.assign(raw, { articleId: number(fields.articleId), hidden: fields.hidden === "true", reason: optional(fields.reason) ?? undefined });
      break;
    case "article_fields":
      Object.assign(raw, {
        articleId: number(fields.articleId),
        title: optional(fields.title) ?? undefined,
        outlet: optional(fields.outlet),
        publishedAt: fields.publishedAt === undefined ? undefined : fields.publishedAt.trim() === "" ? null : `${fields.publishedAt.trim()}T12:00:00Z`,
      });
      break;
    case "article_review":
      Object.assign(raw, { articleId: number(fields.articleId), state: fields.state });
      break;
  }
  return ZCorrectionRequest.parse(raw);
}
