"use server";
// The permalink's review actions: parse → authorize → correct → back to the permalink with a
// sentence saying what changed (or what was wrong), announced in a status region.
import { redirect } from "next/navigation";
import { z } from "zod";
import { toErrorBody } from "@/lib/api/app-error";
import { ZRowId } from "@/lib/api/row-id";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDb } from "@/lib/db";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { ZPathSlug } from "@/lib/queries/exists";
import { correctionRequestFromForm, type TFormFields } from "@/lib/review/correction-form";
import { recordCorrection } from "@/lib/review/record-correction";
import { undoCorrection } from "@/lib/review/undo-correction";

const ZReturnTo = z.union([z.object({ article: ZPathSlug }), z.object({ log: z.literal("1") })]);

function fieldsOf(formData: FormData): TFormFields {
  const fields: TFormFields = {};
  // Repeated names (checkboxes) arrive as one comma-separated value.
  for (const [key, value] of formData) {
    if (typeof value !== "string" || key.startsWith("$")) continue;
    fields[key] = fields[key] === undefined ? value : `${fields[key]},${value}`;
  }
  return fields;
}

function back(fields: TFormFields, outcome: { notice?: string; error?: string }): never {
  const target = ZReturnTo.safeParse(fields.returnArticle ? { article: fields.returnArticle } : { log: "1" });
  const params = new URLSearchParams(Object.entries(outcome).filter((entry): entry is [string, string] => Boolean(entry[1])));
  if (target.success && "article" in target.data) redirect(`/articles/${target.data.article}?${params.toString()}#review-status`);
  redirect(`/admin/corrections?${params.toString()}`);
}

export async function correctAction(formData: FormData): Promise<void> {
  const fields = fieldsOf(formData);
  let message: string;
  try {
    const author = await requireAdmin();
    const articleId = ZRowId.optional().parse(fields.textOf || undefined);
    const text = articleId ? ((await getDb().article.findUnique({ where: { id: articleId }, select: { text: true } }))?.text ?? null) : null;
    const request = correctionRequestFromForm(fields, text);
    message = (await writeThenExpire("server-action", () => recordCorrection(getDb(), request, author))).message;
  } catch (error) {
    back(fields, { error: toErrorBody(error).body.error.message });
  }
  back(fields, { notice: message });
}

export async function undoAction(formData: FormData): Promise<void> {
  const fields = fieldsOf(formData);
  let message: string;
  try {
    const author = await requireAdmin();
    const correctionId = ZRowId.parse(fields.correctionId);
    message = (await writeThenExpire("server-action", () => undoCorrection(getDb(), correctionId, author))).message;
  } catch (error) {
    back(fields, { error: toErrorBody(error).body.error.message });
  }
  back(fields, { notice: message });
}
