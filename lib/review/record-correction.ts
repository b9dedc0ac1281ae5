// Records one editor's correction as its own row and makes it visible: text corrections are
// anchored and re-applied to the article's rows (reapply-corrections.ts), speaker and article
// corrections change their row directly (re-ingest keeps them: see reapplyArticleFields).
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/app-error";
import { upsertSpeakers, nameKey } from "@/lib/ingest/store-entities";
import { makeAnchor } from "@/lib/review/anchor";
import { writeArticleFields } from "@/lib/review/article-fields";
import { CORRECTION_LABELS, TEXT_CORRECTION_KINDS, type TCorrectionRequest, type TSpeakerChoice } from "@/lib/review/correction-types";
import { reapplyCorrections } from "@/lib/review/reapply-corrections";

type Tx = Prisma.TransactionClient;

export type TRecordedCorrection = {
  id: number;
  kind: TCorrectionRequest["kind"];
  /** What changed, in a sentence the admin reads after the action. */
  message: string;
  status: "applied" | "orphaned";
  articleId: number | null;
  speakerId: number | null;
};

type TNewCorrection = {
  kind: TCorrectionRequest["kind"];
  articleId?: number | null;
  otherArticleId?: number | null;
  speakerId?: number | null;
  target: Prisma.InputJsonValue;
  before?: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
};

const notFound = (what: string) => new AppError("not_found", 404, `${what} not found`);
const quoted = (text: string) => `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”`;

export async function recordCorrection(db: PrismaClient, request: TCorrectionRequest, author: string): Promise<TRecordedCorrection> {
  return db.$transaction((tx) => recordInTransaction(tx, request, author), { timeout: 60_000, maxWait: 60_000 });
}

async function insertCorrection(tx: Tx, author: string, correction: TNewCorrection, message: string): Promise<TRecordedCorrection> {
  const row = await tx.correction.create({
    data: {
      author,
      kind: correction.kind,
      summary: message,
      articleId: correction.articleId ?? null,
      otherArticleId: correction.otherArticleId ?? null,
      speakerId: correction.speakerId ?? null,
      target: correction.target,
      before: correction.before,
      after: correction.after,
    },
    select: { id: true },
  });
  let status: TRecordedCorrection["status"] = "applied";
  if (correction.articleId && TEXT_CORRECTION_KINDS.has(correction.kind)) {
    await reapplyCorrections(tx, correction.articleId);
    const after = await tx.correction.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, statusNote: true } });
    if (after.status === "orphaned") {
      throw new AppError("not_applicable", 422, `this correction cannot be applied: ${after.statusNote ?? "its place is not found"}`);
    }
    status = after.status === "applied" ? "applied" : "orphaned";
  }
  return { id: row.id, kind: correction.kind, message, status, articleId: correction.articleId ?? null, speakerId: correction.speakerId ?? null };
}

async function chooseSpeaker(tx: Tx, choice: TSpeakerChoice): Promise<{ id: number; name: string }> {
  if ("speakerId" in choice) {
    const speaker = await tx.speaker.findUnique({ where: { id: choice.speakerId }, select: { id: true, name: true } });
    if (!speaker) throw notFound(`speaker #${choice.speakerId}`);
    return speaker;
  }
  const ids = await upsertSpeakers(tx, [{ id: "chosen", name: choice.newSpeaker.name, kind: choice.newSpeaker.kind, role: null, country: null, mentions: [] }]);
  const id = ids.get("chosen");
  if (id === undefined) throw new AppError("invalid_input", 422, "speaker.newSpeaker.name: must contain letters or digits");
  const speaker = await tx.speaker.findUniqueOrThrow({ where: { id }, select: { id: true, name: true } });
  return speaker;
}

async function loadStatement(tx: Tx, id: number) {
  const statement = await tx.statement.findUnique({
    where: { id },
    select: { id: true, articleId: true, start: true, end: true, text: true, mode: true, speaker: { select: { id: true, name: true } }, article: { select: { text: true } } },
  });
  if (!statement) throw notFound(`statement #${id}`);
  // Where the statement stands in its text: every correction of it is anchored there.
  return { ...statement, anchor: makeAnchor(statement.article.text, statement.start, statement.end) };
}

async function loadPair(tx: Tx, id: number) {
  const pair = await tx.pair.findUnique({ where: { id }, select: { id: true, relation: true, claimId: true, responseId: true } });
  if (!pair) throw notFound(`pair #${id}`);
  return { pair, claim: await loadStatement(tx, pair.claimId), response: await loadStatement(tx, pair.responseId) };
}

type TLoadedStatement = Awaited<ReturnType<typeof loadStatement>>;

function pairTarget(claim: TLoadedStatement, response: TLoadedStatement) {
  return {
    articleId: response.articleId,
    otherArticleId: claim.articleId === response.articleId ? null : claim.articleId,
    target: {
      claim: { articleId: claim.articleId, anchor: claim.anchor },
      response: { articleId: response.articleId, anchor: response.anchor },
    },
  };
}

function checkSpan(text: string, span: { start: number; end: number }): void {
  if (span.end > text.length) throw new AppError("invalid_input", 422, `span.end: must be within the article's text (${text.length} characters)`);
  if (!text.slice(span.start, span.end).trim()) throw new AppError("invalid_input", 422, "span: must select some words");
}

async function recordInTransaction(tx: Tx, request: TCorrectionRequest, author: string): Promise<TRecordedCorrection> {
  const label = CORRECTION_LABELS[request.kind];
  switch (request.kind) {
    case "statement_speaker": {
      const statement = await loadStatement(tx, request.statementId);
      const speaker = await chooseSpeaker(tx, request.speaker);
      return insertCorrection(
        tx,
        author,
        {
          kind: request.kind,
          articleId: statement.articleId,
          speakerId: speaker.id,
          target: { anchor: statement.anchor },
          before: { speakerId: statement.speaker?.id ?? null, speakerName: statement.speaker?.name ?? null },
          after: { speakerId: speaker.id, speakerName: speaker.name },
        },
        `Speaker of ${quoted(statement.text)} changed from ${statement.speaker?.name ?? "nobody"} to ${speaker.name}.`,
      );
    }
    case "statement_mode": {
      const statement = await loadStatement(tx, request.statementId);
      return insertCorrection(
        tx,
        author,
        {
          kind: request.kind,
          articleId: statement.articleId,
          target: { anchor: statement.anchor },
          before: { mode: statement.mode },
          after: { mode: request.mode },
        },
        `Mode of ${quoted(statement.text)} changed from ${statement.mode} to ${request.mode}.`,
      );
    }
    case "statement_span": {
      const statement = await loadStatement(tx, request.statementId);
      checkSpan(statement.article.text, request.span);
      const anchor = makeAnchor(statement.article.text, request.span.start, request.span.end);
      return insertCorrection(
        tx,
        author,
        {
          kind: request.kind,
          articleId: statement.articleId,
          target: { anchor: statement.anchor },
          before: { anchor: statement.anchor },
          after: { anchor },
        },
        `Statement ${quoted(statement.text)} now reads ${quoted(anchor.quote)}.`,
      );
    }
    case "statement_reject": {
      const statement = await loadStatement(tx, request.statementId);
      return insertCorrection(
        tx,
        author,
        {
          kind: request.kind,
          articleId: statement.articleId,
          target: { anchor: statement.anchor },
          before: { text: statement.text, mode: statement.mode, speakerName: statement.speaker?.name ?? null },
          after: {},
        },
        `${quoted(statement.text)} is marked not a statement and no longer shown.`,
      );
    }
    case "statement_add": {
      const article = await tx.article.findUnique({ where: { id: request.articleId }, select: { id: true, text: true } });
      if (!article) throw notFound(`article #${request.articleId}`);
      checkSpan(article.text, request.span);
      const speaker = await chooseSpeaker(tx, request.speaker);
      const anchor = makeAnchor(article.text, request.span.start, request.span.end);
      return insertCorrection(
        tx,
        author,
        { kind: request.kind, articleId: article.id, speakerId: speaker.id, target: { anchor }, after: { speakerId: speaker.id, speakerName: speaker.name, mode: request.mode } },
        `Added ${quoted(anchor.quote)} as a statement by ${speaker.name} (${request.mode}).`,
      );
    }
    case "pair_add": {
      if (request.claimId === request.responseId) throw new AppError("invalid_input", 422, "responseId: a statement cannot answer itself");
      const claim = await loadStatement(tx, request.claimId);
      const response = await loadStatement(tx, request.responseId);
      return insertCorrection(
        tx,
        author,
        { kind: request.kind, ...pairTarget(claim, response), after: { relation: request.relation } },
        `Added a pair: ${quoted(response.text)} ${request.relation} ${quoted(claim.text)}.`,
      );
    }
    case "pair_remove":
    case "pair_relation": {
      const { pair, claim, response } = await loadPair(tx, request.pairId);
      const after = request.kind === "pair_relation" ? { relation: request.relation } : {};
      const message =
        request.kind === "pair_relation"
          ? `Relation of ${quoted(response.text)} to ${quoted(claim.text)} changed from ${pair.relation} to ${request.relation}.`
          : `Removed the pair: ${quoted(response.text)} ${pair.relation} ${quoted(claim.text)}.`;
      return insertCorrection(tx, author, { kind: request.kind, ...pairTarget(claim, response), before: { relation: pair.relation }, after }, message);
    }
    case "speaker_rename": {
      const speaker = await tx.speaker.findUnique({ where: { id: request.speakerId }, select: { id: true, name: true, aliases: true } });
      if (!speaker) throw notFound(`speaker #${request.speakerId}`);
      // The name key stays: a later extraction that spells the old name still finds this speaker.
      const aliases = speaker.aliases.includes(speaker.name) ? speaker.aliases : [...speaker.aliases, speaker.name];
      await tx.speaker.update({ where: { id: speaker.id }, data: { name: request.name, aliases, correctedAt: new Date() } });
      return insertCorrection(
        tx,
        author,
        { kind: request.kind, speakerId: speaker.id, target: { speakerId: speaker.id }, before: { name: speaker.name }, after: { name: request.name } },
        `Renamed ${speaker.name} to ${request.name}.`,
      );
    }
    case "speaker_details": {
      const speaker = await tx.speaker.findUnique({ where: { id: request.speakerId }, select: { id: true, name: true, role: true, country: true } });
      if (!speaker) throw notFound(`speaker #${request.speakerId}`);
      const after = { role: request.role === undefined ? speaker.role : request.role, country: request.country === undefined ? speaker.country : request.country };
      await tx.speaker.update({ where: { id: speaker.id }, data: { ...after, correctedAt: new Date() } });
      return insertCorrection(
        tx,
        author,
        { kind: request.kind, speakerId: speaker.id, target: { speakerId: speaker.id }, before: { role: speaker.role, country: speaker.country }, after },
        `${speaker.name}: role ${after.role ?? "none"}, country ${after.country ?? "none"} (was ${speaker.role ?? "none"}, ${speaker.country ?? "none"}).`,
      );
    }
    case "speaker_merge":
      return mergeSpeakers(tx, request, author, label);
    case "speaker_split":
      return splitSpeaker(tx, request, author);
    case "article_hide": {
      const article = await tx.article.findUnique({ where: { id: request.articleId }, select: { id: true, title: true, hiddenAt: true, hiddenReason: true } });
      if (!article) throw notFound(`article #${request.articleId}`);
      const reason = request.hidden ? (request.reason ?? null) : null;
      await tx.article.update({ where: { id: article.id }, data: { hiddenAt: request.hidden ? new Date() : null, hiddenReason: reason } });
      return insertCorrection(
        tx,
        author,
        {
          kind: request.kind,
          articleId: article.id,
          target: { articleId: article.id },
          before: { hidden: article.hiddenAt !== null, reason: article.hiddenReason },
          after: { hidden: request.hidden, reason },
        },
        request.hidden ? `Hid ${quoted(article.title)} from the timeline and feeds${reason ? ` (${reason})` : ""}.` : `${quoted(article.title)} is shown again.`,
      );
    }
    case "article_fields": {
      const article = await tx.article.findUnique({ where: { id: request.articleId }, select: { id: true, title: true, publishedAt: true, outlet: { select: { name: true } } } });
      if (!article) throw notFound(`article #${request.articleId}`);
      const before = { title: article.title, outlet: article.outlet?.name ?? null, publishedAt: article.publishedAt?.toISOString() ?? null };
      const after = {
        ...(request.title !== undefined ? { title: request.title } : {}),
        ...(request.outlet !== undefined ? { outlet: request.outlet } : {}),
        ...(request.publishedAt !== undefined ? { publishedAt: request.publishedAt === null ? null : new Date(request.publishedAt).toISOString() } : {}),
      };
      await writeArticleFields(tx, article.id, after);
      const changes = Object.entries(after).map(([field, value]) => `${field} ${value === null ? "cleared" : `set to ${String(value)}`}`);
      return insertCorrection(
        tx,
        author,
        { kind: request.kind, articleId: article.id, target: { articleId: article.id }, before, after },
        `${quoted(article.title)}: ${changes.join(", ")}.`,
      );
    }
    case "article_review": {
      const article = await tx.article.findUnique({ where: { id: request.articleId }, select: { id: true, title: true, reviewState: true, reviewedAt: true } });
      if (!article) throw notFound(`article #${request.articleId}`);
      await tx.article.update({ where: { id: article.id }, data: { reviewState: request.state, reviewedAt: new Date() } });
      return insertCorrection(
        tx,
        author,
        {
          kind: request.kind,
          articleId: article.id,
          target: { articleId: article.id },
          before: { state: article.reviewState, reviewedAt: article.reviewedAt?.toISOString() ?? null },
          after: { state: request.state },
        },
        `${quoted(article.title)} is now marked ${request.state}.`,
      );
    }
  }
}

async function mergeSpeakers(tx: Tx, request: Extract<TCorrectionRequest, { kind: "speaker_merge" }>, author: string, label: string): Promise<TRecordedCorrection> {
  if (request.speakerId === request.fromSpeakerId) throw new AppError("invalid_input", 422, "fromSpeakerId: a speaker cannot be merged into itself");
  const select = { id: true, slug: true, name: true, nameKey: true, kind: true, role: true, country: true, aliases: true } as const;
  const kept = await tx.speaker.findUnique({ where: { id: request.speakerId }, select });
  const from = await tx.speaker.findUnique({ where: { id: request.fromSpeakerId }, select });
  if (!kept) throw notFound(`speaker #${request.speakerId}`);
  if (!from) throw notFound(`speaker #${request.fromSpeakerId}`);
  const moved = await tx.statement.findMany({ where: { speakerId: from.id }, select: { id: true } });
  await tx.statement.updateMany({ where: { speakerId: from.id }, data: { speakerId: kept.id } });
  const aliases = [...new Set([...kept.aliases, from.name, ...from.aliases])].filter((alias) => alias !== kept.name).slice(0, 50);
  await tx.speakerRedirect.updateMany({ where: { speakerId: from.id }, data: { speakerId: kept.id } });
  await tx.speakerRedirect.create({ data: { slug: from.slug, speakerId: kept.id, fromSpeakerId: from.id, nameKey: from.nameKey, kind: from.kind } });
  await tx.speaker.delete({ where: { id: from.id } });
  await tx.speaker.update({
    where: { id: kept.id },
    data: { aliases, role: kept.role ?? from.role, country: kept.country ?? from.country, correctedAt: new Date() },
  });
  return insertCorrection(
    tx,
    author,
    {
      kind: request.kind,
      speakerId: kept.id,
      target: { speakerId: kept.id, fromSpeakerId: from.id },
      before: { from, statementIds: moved.map((row) => row.id) },
      after: { speakerId: kept.id, slug: (await tx.speaker.findUniqueOrThrow({ where: { id: kept.id }, select: { slug: true } })).slug },
    },
    `${label}: ${from.name} is now part of ${kept.name} (${moved.length} statements moved; /speakers/${from.slug} leads to ${kept.name}).`,
  );
}

async function splitSpeaker(tx: Tx, request: Extract<TCorrectionRequest, { kind: "speaker_split" }>, author: string): Promise<TRecordedCorrection> {
  const source = await tx.speaker.findUnique({ where: { id: request.speakerId }, select: { id: true, name: true, nameKey: true, kind: true } });
  if (!source) throw notFound(`speaker #${request.speakerId}`);
  if (nameKey(request.name) === source.nameKey) throw new AppError("invalid_input", 422, "name: give the split-off speaker a different name");
  const statements = await tx.statement.findMany({ where: { id: { in: request.statementIds } }, select: { id: true, speakerId: true } });
  const foreign = request.statementIds.filter((id) => !statements.some((row) => row.id === id && row.speakerId === source.id));
  if (foreign.length > 0) throw new AppError("invalid_input", 422, `statementIds: #${foreign.join(", #")} are not statements of ${source.name}`);
  const created = await chooseSpeaker(tx, { newSpeaker: { name: request.name, kind: source.kind } });
  const split = await insertCorrection(
    tx,
    author,
    { kind: request.kind, speakerId: created.id, target: { speakerId: source.id }, before: { speakerId: source.id, name: source.name }, after: { speakerId: created.id, name: created.name, statementIds: request.statementIds } },
    `Split ${statements.length} statements of ${source.name} off to ${created.name}.`,
  );
  // Each moved statement is a correction of its own, so it is re-applied after re-extraction and can be undone alone.
  for (const id of request.statementIds) await recordInTransaction(tx, { kind: "statement_speaker", statementId: id, speaker: { speakerId: created.id } }, author);
  return split;
}
